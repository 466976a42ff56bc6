"""The charts of the document as plain data for :mod:`..charts` (compiled in :mod:`..render`).

Keys (and where the templates place them): ``bevoelkerung-<n>`` (Ausgangslage),
``abdeckung`` (Bedarfe und Angebote im Überblick), ``zeitplan`` (Maßnahmenkatalog),
``akteure`` (Akteursverzeichnis), ``befragung-<id>-<code>`` (Befragungen). Each chart is
written as SVG with a PNG twin for DOCX.
"""

from __future__ import annotations

from typing import Any

from ..monitoring.status import aktueller_status


def chart_data(konzept: Any, gaps: Any) -> dict[str, tuple[str, tuple[Any, ...], dict[str, Any]]]:
    """Per key: (chart function name, positional args, keyword args)."""
    out: dict[str, tuple[str, tuple[Any, ...], dict[str, Any]]] = {}
    groups: dict[str, list[Any]] = {}
    for k in konzept.bevoelkerung:
        if not k.einheit:
            groups.setdefault(k.gruppe or "Bevölkerung", []).append(k)
    n = 0
    for name, rows in groups.items():
        if len(rows) >= 3:
            n += 1
            out[f"bevoelkerung-{n}"] = ("bar_chart", (
                [r.merkmal for r in rows], [r.wert for r in rows], name), {})
    if gaps is not None and gaps.befunde:
        m = gaps.matrix_sozialraum
        values = [[(z.anteil * 100 if (z := m.zelle(r, c)) and z.anteil is not None else None)
                   for c in m.spalten] for r in m.zeilen]
        out["abdeckung"] = ("coverage_heatmap", (
            [gaps.name(r) for r in m.zeilen], [gaps.name(c) for c in m.spalten], values,
            "Gedeckte Bedarfe je Handlungsfeld und Sozialraum"), {})
    from .context import first_chapter
    from .numbering import kapitelnummern, numbered

    measures = []
    for _ident, mm, nummer, _ordnung in numbered(
            konzept, "massnahme", kapitelnummern(konzept, first_chapter(konzept))):
        hf = konzept.handlungsfelder.get(mm.handlungsfeld or "")
        z = mm.zeitraum
        measures.append({"titel": mm.titel, "status": aktueller_status(mm),
                         "nummer": nummer,
                         "handlungsfeld": (hf.kurz or hf.name) if hf else None,
                         "beginn": z.beginn.text if z and z.beginn else None,
                         "ende": z.ende.text if z and z.ende else None})
    # the document's order: by chapter and number (M 6.1, M 6.2, M 7.1 …)
    measures.sort(key=lambda m: tuple(int(x) for x in m["nummer"].split()[-1].split("."))
                  if m["nummer"] else (10**6,))
    if measures:
        out["zeitplan"] = ("measure_timeline", (measures, "Maßnahmen im Zeitverlauf"),
                           {"stand": konzept.stand})
    actors = [{"id": a.id, "name": a.name, "kurz": a.kurz, "typ": a.typ, "einfluss": a.einfluss,
               "beziehungen": [{"zu": b.zu, "art": b.art, "thema": b.thema}
                               for b in a.beziehungen]}
              for a in konzept.akteure.values()]
    from .konflikt import karte

    karte(actors, konzept)  # the Konfliktlinien as Spannung/Konflikt lines
    if any(a["beziehungen"] for a in actors):
        out["akteure"] = ("actor_map", (actors, "Akteurslandkarte"), {})
    from .befragungen import chart_specs

    out.update(chart_specs(konzept))
    return out
