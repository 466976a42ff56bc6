"""Coverage matrices: Handlungsfeld × Sozialraum and Handlungsfeld × Zielgruppe."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .report import (
    ALLE_ZIELGRUPPEN,
    GEDECKT,
    OHNE_HANDLUNGSFELD,
    TEILWEISE,
    Befund,
    Matrix,
    Zelle,
)


def _axis(order: Iterable[str], used: Iterable[str]) -> tuple[str, ...]:
    """The vocabulary order first, then ids used but not defined, in first-use order."""
    out = dict.fromkeys(order)
    for ident in used:
        out.setdefault(ident)
    return tuple(out)


def build_matrix(name: str, befunde: Iterable[Befund], zeilen: Iterable[str],
                 spalten: Iterable[str], spalten_von: str, gesamt: str | None,
                 nur_spalten: bool = False) -> Matrix:
    """Count needs per verdict in each (Handlungsfeld, column) cell.

    ``spalten_von`` is ``"sozialraeume"`` or ``"zielgruppen"``: the need attribute that
    gives the columns. A need without Sozialraum counts for ``gesamt``, one without
    Zielgruppe for :data:`ALLE_ZIELGRUPPEN`. With ``nur_spalten`` columns outside
    ``spalten`` are left out (a filtered report keeps to the filtered place or group).
    """
    spalten = tuple(spalten)
    erlaubt = set(spalten) if nur_spalten else None
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    used_rows: list[str] = []
    used_cols: list[str] = []
    ohne = ((gesamt or "_gesamt",) if spalten_von == "sozialraeume" else (ALLE_ZIELGRUPPEN,))
    for b in befunde:
        row = b.handlungsfeld or OHNE_HANDLUNGSFELD
        cols: tuple[str, ...] = getattr(b, spalten_von) or ohne
        used_rows.append(row)
        idx = 0 if b.urteil == GEDECKT else 1 if b.urteil == TEILWEISE else 2
        offen = b.offen
        for col in dict.fromkeys(cols) if len(cols) > 1 else cols:
            if erlaubt is not None and col not in erlaubt:
                continue
            used_cols.append(col)
            cell = counts[(row, col)]
            cell[idx] += 1
            cell[3] += offen
    rows = _axis(zeilen, used_rows)
    cols_axis = _axis(spalten, used_cols)
    row_pos = {r: i for i, r in enumerate(rows)}
    col_pos = {c: i for i, c in enumerate(cols_axis)}
    cells = tuple(
        Zelle(r, c, *vals)
        for (r, c), vals in sorted(counts.items(), key=lambda kv: (row_pos[kv[0][0]],
                                                                    col_pos[kv[0][1]])))
    return Matrix(name, rows, cols_axis, cells)


def build_matrices(befunde: tuple[Befund, ...], handlungsfelder: Iterable[str],
                   sozialraeume: Iterable[str], zielgruppen: Iterable[str],
                   gesamt: str | None) -> tuple[Matrix, Matrix]:
    hf = tuple(handlungsfelder)
    return (
        build_matrix("Handlungsfeld × Sozialraum", befunde, hf, sozialraeume, "sozialraeume",
                     gesamt),
        build_matrix("Handlungsfeld × Zielgruppe", befunde, hf, zielgruppen, "zielgruppen",
                     gesamt),
    )
