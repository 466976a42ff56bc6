"""Narrowing a gap report to one Handlungsfeld, Sozialraum or Zielgruppe.

A Sozialraum filter keeps what is listed for that place or a place below it (a filter on
a Gemeinde shows its Ortsteile); a Zielgruppe filter keeps what is listed for that group
or a group it includes. Needs for the whole or for no particular group are not kept by
a Sozialraum or Zielgruppe filter (except a filter on the whole, which keeps everything).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from .matrix import build_matrix
from .report import GapReport


def raum_unter(raum: str, ziel: str, eltern: Mapping[str, str | None], gesamt: str | None
               ) -> bool:
    """Whether ``raum`` is ``ziel`` or lies below it."""
    if ziel == gesamt:
        return True
    seen: set[str] = set()
    cur: str | None = raum
    while cur is not None and cur not in seen:
        if cur == ziel:
            return True
        seen.add(cur)
        cur = eltern.get(cur)
    return False


def gruppe_unter(gruppe: str, ziel: str, umfasst: Mapping[str, tuple[str, ...]]) -> bool:
    """Whether ``gruppe`` is ``ziel`` or a group ``ziel`` includes (transitively)."""
    stack, seen = [ziel], set()
    while stack:
        cur = stack.pop()
        if cur == gruppe:
            return True
        if cur not in seen:
            seen.add(cur)
            stack.extend(umfasst.get(cur, ()))
    return False


def filter_report(report: GapReport, handlungsfeld: str | None = None,
                  sozialraum: str | None = None, zielgruppe: str | None = None) -> GapReport:
    """A report with only the needs, offers and cells that match every given filter."""
    if handlungsfeld is None and sozialraum is None and zielgruppe is None:
        return report
    eltern, umfasst, gesamt = report.raum_eltern, report.gruppe_umfasst, report.gesamtraum

    def keep(hfs: Iterable[str | None], raeume: Iterable[str], gruppen: Iterable[str]) -> bool:
        if handlungsfeld is not None and handlungsfeld not in set(hfs):
            return False
        if sozialraum is not None and sozialraum != gesamt and not any(
                raum_unter(r, sozialraum, eltern, gesamt) for r in raeume):
            return False
        return zielgruppe is None or any(gruppe_unter(g, zielgruppe, umfasst) for g in gruppen)

    befunde = tuple(b for b in report.befunde
                    if keep((b.handlungsfeld,), b.sozialraeume, b.zielgruppen))
    doppel = tuple(d for d in report.doppelstrukturen
                   if keep((d.handlungsfeld,), d.sozialraeume, d.zielgruppen))
    ohne = tuple(a for a in report.angebote_ohne_bedarf
                 if keep(a.handlungsfelder, a.sozialraeume or ((gesamt,) if gesamt else ()),
                         a.zielgruppen))

    def rows(axis: tuple[str, ...]) -> tuple[str, ...]:
        return (handlungsfeld,) if handlungsfeld is not None else axis

    m_raum, m_gruppe = report.matrix_sozialraum, report.matrix_zielgruppe
    raum_cols = m_raum.spalten if sozialraum is None else tuple(
        c for c in m_raum.spalten if raum_unter(c, sozialraum, eltern, gesamt))
    gruppe_cols = m_gruppe.spalten if zielgruppe is None else tuple(
        c for c in m_gruppe.spalten if gruppe_unter(c, zielgruppe, umfasst))
    new_raum = build_matrix(m_raum.name, befunde, rows(m_raum.zeilen), raum_cols,
                            "sozialraeume", gesamt, nur_spalten=sozialraum is not None)
    new_gruppe = build_matrix(m_gruppe.name, befunde, rows(m_gruppe.zeilen), gruppe_cols,
                              "zielgruppen", gesamt, nur_spalten=zielgruppe is not None)
    return dataclasses.replace(report, befunde=befunde, doppelstrukturen=doppel,
                               angebote_ohne_bedarf=ohne, matrix_sozialraum=new_raum,
                               matrix_zielgruppe=new_gruppe)
