"""The Handlungsfeld chapters, the Maßnahmenkatalog and the Angebotsübersicht.

Compact mode (Landkreis scale): a Handlungsfeld with more than :data:`KOMPAKT_AB`
Angebote lists them only in the Angebotsübersicht of the Anhang (which then carries
their anchors); more than :data:`KOMPAKT_AB` Bedarfe become one table with verdict
and reasons instead of one section each. The document stays readable and its size
grows linearly (no descriptions of thousands of entries).
"""

from __future__ import annotations

from itertools import groupby

from ..gaps.report import GapReport
from ..model.concept import Konzept
from ..monitoring.status import aktueller_status
from .fields import Fmt, zeitraum
from .markdown import Md, escape, link
from .numbering import UEBERGREIFEND, has_uebergreifend, hf_name, hf_of
from .parts import HandlungsfeldKapitel, Tabelle, als_liste
from .prosa import Sammlung

KOMPAKT_AB = 30
ENTRY_LEVEL = 3


def _order(fmt: Fmt, ident: str) -> tuple[int, ...]:
    """(chapter, counter) of a numbered entry, for sorting tables in document order."""
    return fmt.reg.eintraege[ident].ordnung


def _anchored(fmt: Fmt, ident: str) -> Md:
    """The number as the entry's anchor (for entries shown only in a table)."""
    e = fmt.reg.eintraege[ident]
    return Md(f"[{escape(e.nummer)}]{{#{e.anchor}}}")


def handlungsfelder(konzept: Konzept, gaps: GapReport | None, fmt: Fmt,
                    prosa: Sammlung) -> tuple[list[HandlungsfeldKapitel], set[str]]:
    """The chapters, and the ids of Angebote shown only in the Anhang (compact)."""
    order = list(konzept.handlungsfelder)
    if has_uebergreifend(konzept):
        order.append(UEBERGREIFEND)
    by_hf: dict[str, dict[str, list]] = {hf: {k: [] for k in  # type: ignore[type-arg]
                                              ("angebot", "bedarf", "ziel", "massnahme")}
                                         for hf in order}
    for kind, registry in (("angebot", konzept.angebote), ("bedarf", konzept.bedarfe),
                           ("ziel", konzept.ziele), ("massnahme", konzept.massnahmen)):
        for entry in registry.values():
            by_hf[hf_of(konzept, kind, entry)][kind].append(entry)
    nur_anhang: set[str] = set()
    out = []
    for hf in order:
        definition = konzept.handlungsfelder.get(hf)
        inhalt = konzept.inhalte.get(hf)
        mine = by_hf[hf]
        ausgangslage = None
        if inhalt is not None:
            text = inhalt.ausgangslage
            if inhalt.ausgangslage_datei:
                text = konzept.texte.get(inhalt.ausgangslage_datei, text)
            basis = (inhalt.ausgangslage_datei or "").rpartition("/")[0]
            ausgangslage = prosa.add(text, 2, basis)
        leitziel = inhalt.leitziel if inhalt else None
        angebote, hinweis = [], []
        if len(mine["angebot"]) > KOMPAKT_AB:
            nur_anhang.update(a.id for a in mine["angebot"])
            first, last = (fmt.reg.eintraege[a.id].nummer for a in
                           (mine["angebot"][0], mine["angebot"][-1]))
            # the long Angebotsübersicht (a list) has a heading per Handlungsfeld
            ziel = (uebersicht_anker(hf) if als_liste(len(konzept.angebote))
                    else "angebotsuebersicht")
            hinweis.append(Md(
                f"Die {len(mine['angebot'])} bestehenden Angebote dieses Handlungsfelds "
                f"({escape(first)} bis {escape(last)}) stehen in der "
                f"[Angebotsübersicht](#{ziel}) im Anhang."))
        else:
            angebote = [fmt.angebot(a, ENTRY_LEVEL) for a in mine["angebot"]]
        weitere = [fmt.ref(aid) for aid, a in konzept.angebote.items()
                   if hf in a.handlungsfelder and hf_of(konzept, "angebot", a) != hf]
        auch = {kind: [fmt.ref(e.id) for e in registry.values()
                       if hf != UEBERGREIFEND and hf_of(konzept, kind, e) != hf
                       and (hf in e.handlungsfelder or e.querschnitt)]
                for kind, registry in (("ziel", konzept.ziele),
                                       ("massnahme", konzept.massnahmen))}
        lz_id = leitziel.id if leitziel is not None else None
        lz = fmt.reg.get(lz_id)
        bedarfe, bedarfe_tabelle = [], None
        if len(mine["bedarf"]) > KOMPAKT_AB:
            bedarfe_tabelle = _bedarfe_tabelle(mine["bedarf"], gaps, fmt, hf)
        else:
            bedarfe = [fmt.bedarf(b, gaps, ENTRY_LEVEL) for b in mine["bedarf"]]
        anchor = fmt.reg.eintraege[hf].anchor if hf in fmt.reg.eintraege else "hf-uebergreifend"
        out.append(HandlungsfeldKapitel(
            id=hf, anchor=anchor, nummer=fmt.reg.kapitelnummer[hf],
            name=hf_name(konzept, hf),
            querschnitt=bool(definition and definition.querschnitt),
            beschreibung=prosa.add(definition.beschreibung, 1) if definition else None,
            ausgangslage=ausgangslage,
            leitziel=prosa.add(leitziel.text, 2) if leitziel else None,
            horizont=str(leitziel.horizont) if leitziel and leitziel.horizont else "",
            leitziel_anchor=lz.anchor if lz else "", leitziel_nummer=lz.nummer if lz else "",
            weitere_ziele=auch["ziel"], weitere_massnahmen=auch["massnahme"],
            steuerung=prosa.add(inhalt.steuerung, 2) if inhalt else None,
            angebote=angebote, angebote_hinweis=hinweis, weitere_angebote=weitere,
            bedarfe=bedarfe, bedarfe_tabelle=bedarfe_tabelle,
            ziele=[fmt.ziel(z, ENTRY_LEVEL) for z in mine["ziel"]],
            massnahmen=[fmt.massnahme(m, ENTRY_LEVEL) for m in mine["massnahme"]]))
    return out, nur_anhang


def _bedarfe_tabelle(bedarfe: list, gaps: GapReport | None, fmt: Fmt,  # type: ignore[type-arg]
                     hf: str) -> Tabelle:
    rows = []
    for b in bedarfe:
        befund = fmt.befund(gaps, b.id)
        gruende = "; ".join(g.text for g in befund.gruende) if befund else ""
        if b.akzeptiert is not None:
            akz = f"bewusst hingenommen: {b.akzeptiert.grund}"
            gruende = f"{gruende}; {akz}" if gruende else akz
        rows.append([_anchored(fmt, b.id), escape(b.titel), fmt.raeume(b.sozialraeume),
                     fmt.names(b.zielgruppen), escape(befund.urteil if befund else ""),
                     escape(gruende), fmt.refs(x.massnahme for x in befund.massnahmen)
                     if befund else Md("")])
    return Tabelle(f"tbl-bedarfe-{fmt.reg.kapitelnummer[hf]}", "Bedarfe und Lücken",
                   ["Nr.", "Bedarf", "Sozialräume", "Zielgruppen", "Bewertung", "Gründe",
                    "Maßnahmen"], rows, quer=True)


def katalog(konzept: Konzept, fmt: Fmt) -> Tabelle | None:
    if not konzept.massnahmen:
        return None
    rows = []
    for m in sorted(konzept.massnahmen.values(), key=lambda m: _order(fmt, m.id)):
        e = fmt.reg.eintraege[m.id]
        hf = konzept.handlungsfelder.get(m.handlungsfeld or "")
        rows.append([link(e.nummer, e.anchor), escape(m.titel),
                     escape((hf.kurz or hf.name) if hf else "übergreifend"),
                     fmt.ref(m.federfuehrung) if m.federfuehrung else Md(""),
                     escape(zeitraum(m.zeitraum) or m.zeithorizont or ""),
                     escape(m.prioritaet or ""), escape(aktueller_status(m))])
    return Tabelle("tbl-massnahmen", "Maßnahmenkatalog",
                   ["Nr.", "Maßnahme", "Handlungsfeld", "Federführung", "Zeitraum",
                    "Priorität", "Status"], rows, quer=True)


def angebote(konzept: Konzept, fmt: Fmt, nur_anhang: set[str]) -> Tabelle | None:
    """All Angebote by number; those shown only here carry their anchors. As a long
    list (Landkreis scale) under a heading per Handlungsfeld (:func:`uebersicht_anker`)."""
    if not konzept.angebote:
        return None
    rows = []
    ordered = sorted(konzept.angebote.values(), key=lambda a: _order(fmt, a.id))
    # by number, so each Handlungsfeld's Angebote follow one another
    gruppen = tuple((escape(hf_name(konzept, hf)), uebersicht_anker(hf), len(list(run)))
                    for hf, run in groupby(hf_of(konzept, "angebot", a) for a in ordered))
    for a in ordered:
        e = fmt.reg.eintraege[a.id]
        nummer = _anchored(fmt, a.id) if a.id in nur_anhang else link(e.nummer, e.anchor)
        rows.append([nummer, escape(a.titel), fmt.ref(a.traeger) if a.traeger else Md(""),
                     fmt.names(a.zielgruppen) if a.zielgruppen else Md("alle"),
                     fmt.raeume(a.sozialraeume), fmt.names(a.sprachen),
                     fmt.names(a.merkmale)])
    return Tabelle("tbl-angebote", "Angebotsübersicht",
                   ["Nr.", "Angebot", "Träger", "Zielgruppen", "Sozialräume", "Sprachen",
                    "Merkmale"], rows, quer=True, gruppen=gruppen)


def uebersicht_anker(hf: str) -> str:
    """The anchor of a Handlungsfeld's Angebote in the long Angebotsübersicht."""
    return "angebotsuebersicht-" + hf.strip("_")


__all__ = ["KOMPAKT_AB", "angebote", "handlungsfelder", "katalog", "uebersicht_anker"]
