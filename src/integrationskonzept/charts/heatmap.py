"""Heat maps: the coverage matrix, and counts per row and column (aggregated timelines)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from .base import (
    PAGE_WIDTH_PT,
    Chart,
    ChartStyle,
    build_source,
    caption,
    colour,
    ink,
    label_width,
    mix,
    prozent,
    pt,
    shorten,
    zahl,
)

# ColorBrewer YlGnBu: light = little, dark = much; readable in greyscale.
SCALE = ["#FFFFCC", "#C7E9B4", "#7FCDBB", "#41B6C4", "#1D91C0", "#225EA8", "#0C2C84"]
EMPTY = "#D9D9D9"
MAX_ROWS = 25
MAX_COLS = 16
_ALT_CELLS = 60  # up to this many cells the alt text lists each one


def _number(value: object) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def heatmap(
    rows: Sequence[str],
    cols: Sequence[str],
    values: Sequence[Sequence[float | None]],
    title: str,
    *,
    kind_text: str,
    corner: str,
    row_noun: str,
    col_noun: str,
    fmt: Callable[[float], str],
    top: float,
    empty_text: str,
    scale_title: str,
    style: ChartStyle | None = None,
    max_rows: int = MAX_ROWS,
    max_cols: int = MAX_COLS,
    notes: Sequence[str] = (),
    kind: str = "heatmap",
) -> Chart:
    """A generic heat map; ``values[r][c]`` is a number in 0..``top`` or None (no value)."""
    style = style or ChartStyle()
    rows = [str(r) for r in rows]
    cols = [str(c) for c in cols]
    grid = [[_number(v) for v in list(line)[: len(cols)]] for line in list(values)[: len(rows)]]
    grid += [[] for _ in range(len(rows) - len(grid))]
    grid = [line + [None] * (len(cols) - len(line)) for line in grid]
    notes = list(notes)
    if len(rows) > max_rows:
        notes.append(f"die ersten {max_rows} von {len(rows)} {row_noun} dargestellt")
    if len(cols) > max_cols:
        notes.append(f"die ersten {max_cols} von {len(cols)} {col_noun} dargestellt")
    shown_rows, shown_cols = rows[:max_rows], cols[:max_cols]
    top = top if top > 0 else 1.0
    cells = []
    for line in grid[:max_rows]:
        out = []
        for value in line[:max_cols]:
            if value is None:
                out.append({"text": "–", "farbe": colour(EMPTY), "schrift": colour("#404040")})
            else:
                fill = mix(SCALE, value / top)
                out.append({"text": fmt(value), "farbe": colour(fill),
                            "schrift": colour(ink(fill))})
        cells.append(out)
    label_pt = float(label_width(shown_rows, 8, 60, 150)[:-2])
    col_pt = (PAGE_WIDTH_PT - label_pt) / max(1, len(shown_cols)) - 4
    rotate = max((len(c) for c in shown_cols), default=0) * 4.0 > col_pt
    data = {
        "zeilen": [shorten(r, 60) for r in shown_rows],
        "spalten": [shorten(c, 30 if rotate else 40) for c in shown_cols],
        "zellen": cells,
        "zeilen-breite": pt(label_pt),
        "drehen": rotate,
        "skala": [colour(c) for c in SCALE],
        "skala-von": fmt(0),
        "skala-bis": fmt(top),
        "leer-text": empty_text,
        "skala-titel": scale_title,
        "leer-farbe": colour(EMPTY),
        "ecke": corner,
    }
    alt = (f"{kind_text}: {title} ({corner}; Werte: {scale_title}). "
           + _alt_body(rows, cols, grid, fmt, empty_text))
    if notes:
        alt += " Hinweis: " + "; ".join(notes) + "."
    table = (
        (corner, *cols),
        tuple((r, *(("–" if v is None else fmt(v)) for v in line)) for r, line in zip(rows, grid,
                                                                                    strict=True)),
    )
    return Chart(kind=kind, typst_source=build_source("heatmap.typ", data, style), alt=alt,
                 caption=caption(title, notes), table=table, notes=tuple(notes), style=style)


def _alt_body(rows: list[str], cols: list[str], grid: list[list[float | None]],
              fmt: Callable[[float], str], empty_text: str) -> str:
    if not rows or not cols:
        return "Keine Daten."
    parts = []
    if len(rows) * len(cols) <= _ALT_CELLS:
        for name, line in zip(rows, grid, strict=True):
            cells = [f"{c} {'–' if v is None else fmt(v)}"
                     for c, v in zip(cols, line, strict=True)]
            parts.append(f"{name}: {', '.join(cells)}")
        return "; ".join(parts) + f". „–“ bedeutet: {empty_text}."
    for name, line in zip(rows, grid, strict=True):
        known = [(v, c) for c, v in zip(cols, line, strict=True) if v is not None]
        if not known:
            parts.append(f"{name}: {empty_text}")
            continue
        mean = sum(v for v, _ in known) / len(known)
        low_v, low_c = min(known, key=lambda x: x[0])
        high_v, high_c = max(known, key=lambda x: x[0])
        if len(known) == 1:
            text = f"nur {low_c} {fmt(low_v)}"
        elif low_v == high_v:
            text = f"alle {len(known)} Werte {fmt(low_v)}"
        else:
            text = (f"Mittel {fmt(mean)}, am niedrigsten {low_c} {fmt(low_v)}, "
                    f"am höchsten {high_c} {fmt(high_v)}")
        empty = len(line) - len(known)
        parts.append(f"{name}: {text}" + (f", {empty}-mal „–“" if empty else ""))
    rest = len(parts) - 30
    return ("Je Zeile: " + "; ".join(parts[:30])
            + (f"; … und {rest} weitere Zeilen" if rest > 0 else "")
            + f". „–“ bedeutet: {empty_text}.")


def coverage_heatmap(
    rows: Sequence[str],
    cols: Sequence[str],
    values: Sequence[Sequence[float | None]],
    title: str,
    *,
    row_label: str = "Handlungsfeld",
    col_label: str = "Sozialraum",
    style: ChartStyle | None = None,
    max_rows: int = MAX_ROWS,
    max_cols: int = MAX_COLS,
) -> Chart:
    """Coverage matrix: share of Bedarfe covered (0–100) per row and column; None: no Bedarf.

    Rows and columns without any Bedarf are left out; when there are more columns than
    fit (``max_cols``) but few rows, the matrix is turned, so every column is shown.
    """
    plural = {"Sozialraum": "Sozialräumen", "Zielgruppe": "Zielgruppen",  # "von 30 …"
              "Handlungsfeld": "Handlungsfeldern", "Ortsteil": "Ortsteilen"}
    grid = [[None if (n := _number(v)) is None else min(100.0, max(0.0, n)) for v in line]
            for line in values]
    rows, cols, grid = _without_empty(list(rows), list(cols), grid)
    if len(cols) > max_cols and len(rows) <= max_cols:
        # more columns than fit side by side (e.g. 17 Sozialräume): turn the table, so
        # that every one is shown
        rows, cols = cols, rows
        grid = [list(line) for line in zip(*grid, strict=True)] if grid else []
        row_label, col_label = col_label, row_label
    values = grid
    return heatmap(
        rows, cols, values, title, kind_text="Heatmap", corner=f"{row_label} / {col_label}",
        row_noun=plural.get(row_label, "Zeilen"), col_noun=plural.get(col_label, "Spalten"),
        fmt=lambda v: prozent(round(v)), top=100.0, empty_text="kein Bedarf erfasst",
        scale_title="Anteil gedeckter Bedarfe",
        style=style, max_rows=max_rows, max_cols=max_cols, kind="abdeckung")


def _without_empty(rows: list[str], cols: list[str], grid: list[list[float | None]]
                   ) -> tuple[list[str], list[str], list[list[float | None]]]:
    """Rows and columns in which no cell has a value are left out."""
    grid = [line + [None] * (len(cols) - len(line)) for line in grid[: len(rows)]]
    grid += [[None] * len(cols) for _ in range(len(rows) - len(grid))]
    keep_rows = [r for r, line in enumerate(grid) if any(v is not None for v in line)]
    keep_cols = [c for c in range(len(cols)) if any(grid[r][c] is not None for r in keep_rows)]
    return ([rows[r] for r in keep_rows], [cols[c] for c in keep_cols],
            [[grid[r][c] for c in keep_cols] for r in keep_rows])


def count_heatmap(rows: Sequence[str], cols: Sequence[str], values: Sequence[Sequence[float]],
                  title: str, *, corner: str, row_noun: str, col_noun: str,
                  scale_title: str = "Anzahl", style: ChartStyle | None = None,
                  notes: Sequence[str] = (),
                  kind: str = "anzahl") -> Chart:
    """Counts per row and column (e.g. running Maßnahmen per Handlungsfeld and year)."""
    top = max((v for line in values for v in line if v), default=1)
    return heatmap(
        rows, cols, [[v if v else None for v in line] for line in values], title,
        kind_text="Heatmap", corner=corner, row_noun=row_noun, col_noun=col_noun,
        fmt=lambda v: zahl(round(v)), top=float(top), empty_text="keine",
        scale_title=scale_title, style=style,
        max_cols=40, notes=notes, kind=kind)
