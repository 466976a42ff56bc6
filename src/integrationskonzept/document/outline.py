"""The declared outline (``gliederung:`` in konzept.yaml) as printable parts.

Without ``gliederung:`` the document keeps its standard order (``dokument.md.j2``).
With it, every point is an author's chapter, a generated part or a heading over
sub-points, in the declared order; a part that would be empty is left out (`ik validate`
reports it). Two layouts follow from the parts: per field (``handlungsfelder``: one
chapter per Handlungsfeld with everything) and by layer (``ist-analyse``, ``ziele``,
``massnahmen``, each with one section per Handlungsfeld).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..model.concept import Konzept
from ..model.files import KATALOG_STANDARD, KREISTEILE, Gliederungspunkt
from ..model.items import Massnahme
from .fields import Fmt, zeitraum
from .markdown import Md, escape, link
from .numbering import hf_name, hf_of
from .parts import Dokument, HandlungsfeldKapitel, Kapitel, Tabelle, Teil

TITEL = {
    "bevoelkerung": "Bevölkerung", "beteiligung": "Prozess und Beteiligung",
    "handlungsfelder": "Handlungsfelder", "ist-analyse": "Ist-Analyse", "ziele": "Ziele",
    "massnahmen": "Maßnahmen", "lueckenanalyse": "Bedarfe und Angebote im Überblick",
    "massnahmenkatalog": "Maßnahmenkatalog", "indikatoren": "Indikatoren",
    "akteursverzeichnis": "Akteursverzeichnis", "angebotsuebersicht": "Angebotsübersicht",
    "glossar": "Glossar", "abkuerzungen": "Abkürzungen",
    "integrationsmanagement": "Integrationsmanagement", "konfliktanalyse": "Konfliktanalyse",
    "gemeinden": "Die Gemeinden im Überblick",
}
ANKER = {"lueckenanalyse": "luecken"}
# The parts that show Handlungsfelder one by one, and which layer of a field each shows.
FELDTEILE = {"handlungsfelder": "alles", "ist-analyse": "ist", "ziele": "ziele",
             "massnahmen": "massnahmen"}

SPALTEN: dict[str, tuple[str, Callable[[Konzept, Fmt, Massnahme], Md]]] = {
    "titel": ("Maßnahme", lambda k, f, m: escape(f.reg.eintraege[m.id].titel)),
    "handlungsfeld": ("Handlungsfeld", lambda k, f, m: escape(_hf_kurz(k, m))),
    "ziele": ("Ziele", lambda k, f, m: f.refs(m.ziele)),
    "zielgruppen": ("Zielgruppen", lambda k, f, m: f.names(m.zielgruppen)),
    "federfuehrung": ("Federführung", lambda k, f, m: f.ref(m.federfuehrung)),
    "kooperationspartner": ("Kooperationspartner",
                            lambda k, f, m: f.refs(m.kooperationspartner)),
    "zeitraum": ("Zeitraum", lambda k, f, m: escape(zeitraum(m.zeitraum) or m.zeithorizont
                                                    or "")),
    "prioritaet": ("Priorität", lambda k, f, m: escape(m.prioritaet or "")),
    "kosten": ("Kosten", lambda k, f, m: escape(m.kosten or m.ressourcen or "")),
    "finanzierung": ("Finanzierung", lambda k, f, m: escape(m.finanzierung or "")),
    "indikatoren": ("Indikatoren", lambda k, f, m: f.refs(m.indikatoren)),
    "status": ("Status", lambda k, f, m: escape(m.status)),
}


def _hf_kurz(konzept: Konzept, m: Massnahme) -> str:
    hf = konzept.handlungsfelder.get(m.handlungsfeld or "")
    return (hf.kurz or hf.name) if hf else "übergreifend"


def punkte(gliederung: Iterable[Gliederungspunkt]) -> Iterable[Gliederungspunkt]:
    """Every point of the outline, sub-points after their parent."""
    for p in gliederung:
        yield p
        yield from punkte(p.teile)


def first_field_chapter(konzept: Konzept) -> int:
    """The chapter number of the first Handlungsfeld (entries are numbered M <n>.<k>).

    When the Handlungsfelder are chapters of their own (``handlungsfelder`` at the top
    without a title), the number counts the top-level points before them; else the fields
    are sections and are counted from 1.
    """
    assert konzept.meta is not None
    for i, p in enumerate(konzept.meta.gliederung):
        if p.teil == "handlungsfelder" and not p.titel:
            return 1 + i
    return 1


def katalog_tabellen(konzept: Konzept, fmt: Fmt, spalten: list[str], gruppiert: bool,
                     verankert: bool, querseiten: bool = False
                     ) -> list[tuple[str, str, Tabelle]]:
    """The Maßnahmenkatalog with the chosen columns, whole or one table per Handlungsfeld.

    ``verankert``: the document shows the Maßnahmen nowhere else, so the number cell
    carries the entry's anchor (references still land on the row). ``querseiten``: the
    grouped tables stand on landscape pages (the part turns them as a whole).
    """
    spalten = spalten or list(KATALOG_STANDARD)
    kopf = ["Nr." if s == "nummer" else SPALTEN[s][0] for s in spalten]
    if gruppiert:
        kopf = [k for k, s in zip(kopf, spalten, strict=True) if s != "handlungsfeld"]
        spalten = [s for s in spalten if s != "handlungsfeld"]
    ordered = sorted(konzept.massnahmen.values(), key=lambda m: fmt.reg.eintraege[m.id].ordnung)
    gruppen: dict[str, list[Massnahme]] = {}
    for m in ordered:
        gruppen.setdefault(hf_of(konzept, "massnahme", m) if gruppiert else "", []).append(m)
    out = []
    for n, (hf, massnahmen) in enumerate(gruppen.items(), 1):
        rows = []
        for m in massnahmen:
            e = fmt.reg.eintraege[m.id]
            nummer = Md(f"[{escape(e.nummer)}]{{#{e.anchor}}}") if verankert else link(
                e.nummer, e.anchor)
            rows.append([nummer if s == "nummer" else SPALTEN[s][1](konzept, fmt, m)
                         for s in spalten])
        name = hf_name(konzept, hf) if gruppiert else ""
        titel = f"Maßnahmenkatalog: {name}" if name else "Maßnahmenkatalog"
        anchor = f"tbl-massnahmen-{n}" if gruppiert else "tbl-massnahmen"
        # grouped: the part goes on landscape pages as a whole (see build_outline)
        out.append((name, anchor, Tabelle(anchor, titel, kopf, rows,
                                          quer=len(spalten) > 4 and not gruppiert,
                                          querseite=querseiten)))
    return out


def shown_kinds(konzept: Konzept) -> set[str]:
    """Which kinds of entries the declared outline shows under their own heading."""
    assert konzept.meta is not None
    teile = {p.teil for p in punkte(konzept.meta.gliederung)}
    kinds: set[str] = set()
    if "handlungsfelder" in teile:
        kinds |= {"ziel", "massnahme", "angebot", "bedarf", "leitziel"}
    if "ist-analyse" in teile:
        kinds |= {"angebot", "bedarf"}
    if "ziele" in teile:
        kinds |= {"ziel", "leitziel"}
    if "massnahmen" in teile:
        kinds.add("massnahme")
    return kinds


# Which kinds of entries carry their anchor in which part (as heading or table row).
ANCHORS_IN = {
    "handlungsfelder": {"handlungsfeld", "ziel", "massnahme", "angebot", "bedarf", "leitziel"},
    "ist-analyse": {"handlungsfeld", "angebot", "bedarf"},
    "ziele": {"handlungsfeld", "ziel", "leitziel"},
    "massnahmen": {"handlungsfeld", "massnahme"},
    "massnahmenkatalog": {"massnahme"}, "angebotsuebersicht": {"angebot"},
    "akteursverzeichnis": {"akteur"}, "indikatoren": {"indikator"},
    "beteiligung": {"veranstaltung", "arbeitsgruppe", "befragung"},
}


def unplaced(konzept: Konzept) -> set[str]:
    """The ids whose entries the declared outline shows nowhere: a reference to one of
    them is printed as its name, not as a link that leads nowhere."""
    assert konzept.meta is not None
    teile = {p.teil for p in punkte(konzept.meta.gliederung)}
    kapitel = {p.kapitel for p in punkte(konzept.meta.gliederung)}
    kinds = set().union(*(ANCHORS_IN.get(t or "", set()) for t in teile))
    return {ident for ident, (kind, _loc) in konzept.ids.items()
            if (kind == "kapitel" and ident not in kapitel)
            or (kind != "kapitel" and kind not in kinds)}


def _has_layer(hf: HandlungsfeldKapitel, layer: str) -> bool:
    ist = bool(hf.ausgangslage or hf.angebote or hf.angebote_hinweis or hf.weitere_angebote
               or hf.bedarfe or hf.bedarfe_tabelle)
    ziele = bool(hf.leitziel or hf.ziele or hf.weitere_ziele)
    massnahmen = bool(hf.massnahmen or hf.weitere_massnahmen or hf.steuerung)
    return {"alles": ist or ziele or massnahmen or bool(hf.beschreibung), "ist": ist,
            "ziele": ziele, "massnahmen": massnahmen}[layer]


def _has_content(teil: str, dok: Dokument, katalog: list[tuple[str, str, Tabelle]]) -> bool:
    return {
        "bevoelkerung": bool(dok.bevoelkerung or dok.bevoelkerung_abbildungen),
        "beteiligung": bool(dok.veranstaltungen or dok.arbeitsgruppen or dok.befragungen),
        "lueckenanalyse": dok.luecken is not None,
        "massnahmenkatalog": bool(katalog),
        "indikatoren": bool(dok.indikatoren),
        "akteursverzeichnis": dok.akteure is not None,
        "angebotsuebersicht": dok.angebote is not None,
        "glossar": bool(dok.glossar),
        "abkuerzungen": dok.abkuerzungen is not None,
    }.get(teil, True)


class _Anchors:
    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, base: str) -> str:
        name, n = base, 2
        while name in self.used:
            name, n = f"{base}-{n}", n + 1
        self.used.add(name)
        return name


_UMLAUTE: dict[str, str | int | None] = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}


def _slug(text: str) -> str:
    text = text.lower().translate(str.maketrans(_UMLAUTE))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "teil"


def build_outline(konzept: Konzept, dok: Dokument, fmt: Fmt,
                  kapitel: Callable[[str, int], Kapitel | None]) -> list[Teil]:
    """The printable outline of ``dok`` as ``konzept.yaml`` declares it; ``kapitel`` gives
    an author's chapter with its text levelled for a heading of the given level."""
    assert konzept.meta is not None
    anchors = _Anchors()
    feld_anker: set[str] = set()
    shown = shown_kinds(konzept)

    def one(p: Gliederungspunkt, ebene: int) -> Teil | None:
        unter = [t for q in p.teile if (t := one(q, ebene + 1)) is not None]
        if p.kapitel is not None:
            kap = kapitel(p.kapitel, ebene)
            if kap is None:
                return None  # an unknown id: `ik validate` reports it
            return Teil("kapitel", p.titel or kap.titel, kap.anchor, ebene, kapitel=kap,
                        unter=unter)
        if p.teil is None:
            if not unter:
                return None
            return Teil("gruppe", p.titel or "", anchors.take(_slug(p.titel or "")), ebene,
                        unter=unter)
        titel = p.titel or TITEL[p.teil]
        anchor = anchors.take(ANKER.get(p.teil, p.teil))
        if p.teil in KREISTEILE:  # written whole with its headings (render/kreis.py)
            return Teil(p.teil, p.titel or "", anchor, ebene, unter=unter, ueberschrift=False)
        if p.teil in FELDTEILE:
            layer = FELDTEILE[p.teil]
            felder = {}
            for hf in dok.handlungsfelder:
                if _has_layer(hf, layer):
                    base = hf.anchor if hf.anchor not in feld_anker else f"{hf.anchor}-{p.teil}"
                    feld_anker.add(base)
                    felder[hf.id] = anchors.take(base)
            if not felder:
                return None
            eigene = not (p.teil == "handlungsfelder" and not p.titel)
            return Teil(p.teil, titel, anchor, ebene, felder=felder, unter=unter,
                        ueberschrift=eigene)
        katalog: list[tuple[str, str, Tabelle]] = []
        quer = p.gruppiert is not None and len(p.spalten or KATALOG_STANDARD) > 5
        if p.teil == "massnahmenkatalog" and konzept.massnahmen:
            katalog = katalog_tabellen(konzept, fmt, list(p.spalten), p.gruppiert is not None,
                                       "massnahme" not in shown, querseiten=quer)
        if not _has_content(p.teil, dok, katalog) and not unter:
            return None
        # inside a chapter (Prozess und Beteiligung) the formats need no heading of their own
        eigene = not (p.teil == "beteiligung" and ebene > 1 and not p.titel)
        return Teil(p.teil, titel, anchor, ebene, katalog=katalog, unter=unter,
                    ueberschrift=eigene, quer=quer)

    return [t for p in konzept.meta.gliederung if (t := one(p, 1)) is not None]


__all__ = ["TITEL", "build_outline", "first_field_chapter", "katalog_tabellen", "shown_kinds"]
