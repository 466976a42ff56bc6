"""Coverage matrices: Handlungsfeld × Sozialraum and Handlungsfeld × Zielgruppe."""

from __future__ import annotations

from collections import Counter, defaultdict
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
    return matrix_of(name, ((b.handlungsfeld, getattr(b, spalten_von), b.urteil, b.offen)
                            for b in befunde), zeilen, spalten, spalten_von, gesamt,
                     nur_spalten)


def matrix_of(name: str, needs: Iterable[tuple[str | None, tuple[str, ...], str, bool]],
              zeilen: Iterable[str], spalten: Iterable[str], spalten_von: str,
              gesamt: str | None, nur_spalten: bool = False) -> Matrix:
    """:func:`build_matrix` of the needs as (Handlungsfeld, columns, urteil, offen)."""
    spalten = tuple(spalten)
    erlaubt = set(spalten) if nur_spalten else None
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    used_rows: list[str] = []
    used_cols: list[str] = []
    ohne = ((gesamt or "_gesamt",) if spalten_von == "sozialraeume" else (ALLE_ZIELGRUPPEN,))
    # needs alike counted together (in the order they first come: the order of first use)
    for (hf, listed, urteil, offen), n in Counter(needs).items():
        row = hf or OHNE_HANDLUNGSFELD
        cols = listed or ohne
        used_rows.append(row)
        idx = 0 if urteil == GEDECKT else 1 if urteil == TEILWEISE else 2
        for col in dict.fromkeys(cols) if len(cols) > 1 else cols:
            if erlaubt is not None and col not in erlaubt:
                continue
            used_cols.append(col)
            cell = counts[(row, col)]
            cell[idx] += n
            if offen:
                cell[3] += n
    rows = _axis(zeilen, used_rows)
    cols_axis = _axis(spalten, used_cols)
    row_pos = {r: i for i, r in enumerate(rows)}
    col_pos = {c: i for i, c in enumerate(cols_axis)}
    cells = tuple(
        Zelle(r, c, *vals)
        for (r, c), vals in sorted(counts.items(), key=lambda kv: (row_pos[kv[0][0]],
                                                                    col_pos[kv[0][1]])))
    return Matrix(name, rows, cols_axis, cells)


def build_matrices(hfs: list[str | None], raeume: list[tuple[str, ...]],
                   gruppen: list[tuple[str, ...]], urteile: list[str], offen: list[bool],
                   handlungsfelder: Iterable[str], sozialraeume: Iterable[str],
                   zielgruppen: Iterable[str], gesamt: str | None) -> tuple[Matrix, Matrix]:
    """Both matrices of the needs, given column by column in source order."""
    hf = tuple(handlungsfelder)
    return (
        matrix_of("Handlungsfeld × Sozialraum", zip(hfs, raeume, urteile, offen, strict=True),
                  hf, sozialraeume, "sozialraeume", gesamt),
        matrix_of("Handlungsfeld × Zielgruppe", zip(hfs, gruppen, urteile, offen, strict=True),
                  hf, zielgruppen, "zielgruppen", gesamt),
    )
