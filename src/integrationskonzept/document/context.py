"""The one template context of the document, built in one place from the concept.

:func:`build_context` turns a :class:`~integrationskonzept.model.concept.Konzept` and its
:class:`~integrationskonzept.gaps.report.GapReport` into a :class:`Dokument` (typed,
ready-formatted German values) and the :class:`Sammlung` of Markdown fields that the
prosa filter fills in. Headings: chapters are level 1, sections 2, entries 3.
"""

from __future__ import annotations

import dataclasses
import posixpath
from collections.abc import Mapping

from ..gaps.report import GapReport
from ..model.concept import Konzept
from ..text import german
from . import chapters
from .befragungen import ergebnisse as befragung_ergebnisse
from .fassung import fassung
from .fields import Fmt, menge, wert, zahl, zeitraum
from .markdown import Md, escape
from .numbering import ANGABE_ZUSATZ, build_register
from .outline import build_outline, first_field_chapter, shown_kinds, unplaced
from .parts import Abbildung, Abschnitt, Dokument, Feld, Impressum, Kapitel, Luecken, Punkt, Tabelle
from .prosa import Sammlung

AUSGANGSLAGE_IDS = {"ausgangslage"}
BETEILIGUNG_IDS = {"beteiligung", "prozess", "prozess-und-beteiligung"}
ENTRY_LEVEL = 3
LISTE_MAX = 50  # items of the Doppelstrukturen and „ohne Bedarf“ lists in the document


def _merge_target(kapitel: list[Kapitel], ids: set[str], prefixes: tuple[str, ...]
                  ) -> Kapitel | None:
    """The text chapter a generated section joins (by id or title), if any."""
    for kap in kapitel:
        ident = kap.id.lower().removeprefix("k-").removeprefix("kap-")
        if ident in ids or kap.titel.lower().startswith(prefixes):
            return kap
    return None


def _front(konzept: Konzept) -> tuple[list[Kapitel], Kapitel | None, Kapitel | None]:
    """The front chapters and those the Ausgangslage and Beteiligung merge into."""
    probe = [Kapitel(k.id, "", k.titel, None) for k in konzept.kapitel.values()
             if k.teil == "vorne"]
    return (probe, _merge_target(probe, AUSGANGSLAGE_IDS, ("ausgangslage",)),
            _merge_target(probe, BETEILIGUNG_IDS, ("prozess", "beteiligung")))


def first_chapter(konzept: Konzept) -> int:
    """The chapter number of the first Handlungsfeld (after the front chapters, the
    Ausgangslage and the Beteiligung chapter when they are not merged into one)."""
    if konzept.meta is not None and konzept.meta.gliederung:
        return first_field_chapter(konzept)
    probe, merge_a, merge_b = _front(konzept)
    has_beteiligung = bool(konzept.veranstaltungen or konzept.arbeitsgruppen
                           or konzept.befragungen)
    return 1 + len(probe) + (merge_a is None and bool(konzept.bevoelkerung)) + (
        merge_b is None and has_beteiligung)


def build_context(konzept: Konzept, gaps: GapReport | None = None,
                  charts: Mapping[str, Abbildung] | None = None,
                  fremde: Mapping[str, tuple[str, str]] | None = None
                  ) -> tuple[Dokument, Sammlung]:
    """The template context and the collected Markdown fields of ``konzept``.

    ``fremde``: prefixed ids of other concepts of a Landkreis workspace („kreis:jobcenter“)
    → (readable label, anchor in this document or "" for plain text)."""
    meta = konzept.meta
    if meta is None:
        raise ValueError("Konzept ohne konzept.yaml")
    charts = dict(charts or {})
    prosa = Sammlung()

    def unterzeichnung(ident: str) -> tuple[str, ...]:
        sign = konzept.kapitel[ident].unterzeichnung
        return tuple(x for x in (sign.name, sign.amt) if x) if sign else ()

    def kapitel(teil: str, ebene: int) -> list[Kapitel]:
        out = []
        for ident, kap in konzept.kapitel.items():
            if kap.teil == teil:
                text = prosa.add(konzept.texte.get(kap.datei), ebene,
                                 posixpath.dirname(kap.datei))
                out.append(Kapitel(ident, "", kap.titel, text, unterzeichnung(ident)))
        return out

    _probe, merge_a, merge_b = _front(konzept)
    gegliedert = bool(meta.gliederung)
    reg = build_register(konzept, first_chapter(konzept))
    if gegliedert:  # entries the outline leaves out are named, not linked
        for ident in unplaced(konzept) & set(reg.eintraege):
            reg.eintraege[ident] = dataclasses.replace(reg.eintraege[ident], anchor="")
    fmt = Fmt(konzept, reg, prosa)
    fmt.fremde(fremde or {})

    def with_anchor(kaps: list[Kapitel]) -> list[Kapitel]:
        return [Kapitel(k.id, reg.eintraege[k.id].anchor, k.titel, k.text, k.unterzeichnung)
                for k in kaps]

    def kapitel_at(ident: str, ebene: int) -> Kapitel | None:
        kap = konzept.kapitel.get(ident)
        if kap is None:
            return None
        text = prosa.add(konzept.texte.get(kap.datei), ebene, posixpath.dirname(kap.datei))
        return Kapitel(ident, reg.eintraege[ident].anchor, kap.titel, text,
                       unterzeichnung(ident))

    # with a declared outline, chapters are placed (and their headings levelled) there
    vorne = [] if gegliedert else with_anchor(kapitel("vorne", 1))
    hinten = [] if gegliedert else with_anchor(kapitel("hinten", 2))
    anhang = [] if gegliedert else with_anchor(kapitel("anhang", 2))
    by_id = {k.id: k for k in vorne}
    handlungsfelder, nur_anhang = chapters.handlungsfelder(konzept, gaps, fmt, prosa)
    if gegliedert and "angebot" not in shown_kinds(konzept):
        nur_anhang = set(konzept.angebote)  # the Angebotsübersicht carries their anchors
    dok = Dokument(
        titel=meta.titel, untertitel=meta.untertitel or "",
        kommune=meta.kommune.anzeigename,
        stand=meta.stand.lang, version=fassung(konzept),
        impressum=_impressum(konzept, fmt),
        vorne=vorne,
        ausgangslage_kapitel=by_id.get(merge_a.id) if merge_a else None,
        bevoelkerung=_bevoelkerung(konzept),
        bevoelkerung_abbildungen=[c for k, c in charts.items() if k.startswith("bevoelkerung")],
        beteiligung_kapitel=by_id.get(merge_b.id) if merge_b else None,
        veranstaltungen=[_veranstaltung(v, fmt, prosa) for v in konzept.veranstaltungen.values()],
        arbeitsgruppen=[_arbeitsgruppe(a, fmt, prosa) for a in konzept.arbeitsgruppen.values()],
        befragungen=[_befragung(b, fmt, prosa) for b in konzept.befragungen.values()],
        befragung_ergebnisse=befragung_ergebnisse(konzept, dict(charts)),
        handlungsfelder=handlungsfelder,
        katalog=chapters.katalog(konzept, fmt),
        katalog_abbildungen=[c for k, c in charts.items() if k.startswith("zeitplan")],
        hinten=hinten,
        indikatoren_tabelle=_indikatoren_tabelle(konzept, fmt),
        indikatoren=[fmt.indikator(i, ENTRY_LEVEL) for i in konzept.indikatoren.values()],
        luecken=_luecken(gaps, fmt, [c for k, c in charts.items() if k.startswith("abdeckung")]),
        akteure=_akteure(konzept, fmt),
        akteur_abbildungen=[c for k, c in charts.items() if k.startswith("akteure")],
        angebote=chapters.angebote(konzept, fmt, nur_anhang),
        glossar=[Abschnitt(b.begriff, p) for b in konzept.glossar
                 if (p := prosa.add(b.erklaerung, 2)) is not None],
        abkuerzungen=Tabelle("tbl-abkuerzungen", "Abkürzungen", ["Abkürzung", "Bedeutung"],
                             [[escape(a.kurz), escape(a.lang)] for a in konzept.abkuerzungen])
        if konzept.abkuerzungen else None,
        anhang=anhang,
        quellen=_quellen(konzept, fmt),
    )
    if gegliedert:
        dok = dataclasses.replace(dok, gliederung=build_outline(konzept, dok, fmt, kapitel_at))
    names = {i: konzept.label(i) for i in konzept.ids}
    names.update({i: label for i, (label, _anchor) in (fremde or {}).items()})
    prosa.set_register(reg, names)
    return dok, prosa


def _impressum(konzept: Konzept, fmt: Fmt) -> Impressum:
    meta = konzept.meta
    assert meta is not None
    her = meta.herausgeber
    beschluesse = [fmt.felder([
        ("Gremium", b.gremium), ("Datum", b.datum.lang),
        ("Stand", b.status if b.status != "beschlossen" else None), ("Vorlage", b.vorlage),
        ("Gegenstand", b.gegenstand), ("Geltung", zeitraum(b.geltung)),
        ("Version", b.version)]) for b in konzept.beschluesse]
    foerderung = [fmt.felder([
        ("Programm", f.programm), ("Fördergeber", f.foerdergeber),
        ("Zeitraum", zeitraum(f.zeitraum))]) for f in konzept.foerderung]
    k = meta.kontakt
    kontakt = fmt.felder([
        ("Stelle", k.stelle), ("Anschrift", k.anschrift), ("Telefon", k.telefon),
        ("E-Mail", k.email), ("Web", Md(f"<{k.web}>") if k.web else None),
        ("Sprechzeiten", k.sprechzeiten), ("Federführung", fmt.ref(meta.federfuehrung))])
    return Impressum(
        herausgeber=[x for x in (her.name, her.anschrift, her.web) if x],
        beschluesse=beschluesse, foerderung=foerderung,
        hinweise=[f.hinweis for f in konzept.foerderung if f.hinweis], kontakt=kontakt)


def _quellen(konzept: Konzept, fmt: Fmt) -> list[Md]:
    """The sources the document cites: those of the population figures, and the surveys,
    events and working groups the Bedarfe are based on, each with what it supports."""
    zahlen: dict[str, int] = {}
    for k in konzept.bevoelkerung:
        zahlen[k.quelle] = zahlen.get(k.quelle, 0) + 1
    out = [Md(f"{escape(q)}: {zahl(n)} {'Bevölkerungszahl' if n == 1 else 'Bevölkerungszahlen'}")
           for q, n in zahlen.items()]
    belegt: dict[str, int] = {}
    for bedarf in konzept.bedarfe.values():
        for ident in dict.fromkeys(bedarf.quelle):
            belegt[ident] = belegt.get(ident, 0) + 1
    out += [Md(f"{fmt.ref(i)}: Grundlage für {zahl(n)} {'Bedarf' if n == 1 else 'Bedarfe'}")
            for i, n in belegt.items()]
    return out


def _bevoelkerung(konzept: Konzept) -> list[Tabelle]:
    groups: dict[str, list[list[Md]]] = {}
    for k in konzept.bevoelkerung:
        groups.setdefault(k.gruppe or "Bevölkerung", []).append([
            escape(k.merkmal), escape(wert(k.wert, k.einheit)),
            escape(k.stichtag.kurz), escape(k.quelle)])
    return [Tabelle(f"tbl-bevoelkerung-{i + 1}", name,
                    ["Merkmal", "Wert", "Stichtag", "Quelle"], rows)
            for i, (name, rows) in enumerate(groups.items())]


def _veranstaltung(v, fmt: Fmt, prosa: Sammlung) -> Punkt:  # type: ignore[no-untyped-def]
    e = fmt.reg.eintraege[v.id]
    wann = v.datum.lang if v.datum else zeitraum(v.zeitraum)
    felder = fmt.felder([
        ("Art", v.art), ("Datum", wann), ("Anzahl", menge(v.anzahl)), ("Turnus", v.turnus),
        ("Ort", v.ort), ("Teilnehmende", menge(v.teilnehmende)),
        ("Veranstalter", fmt.ref(v.veranstalter)),
        ("Handlungsfelder", fmt.refs(v.handlungsfelder)), ("Quelle", fmt.quellen(v.quelle))])
    return Punkt(v.id, e.anchor, "", e.titel, prosa.add(v.beschreibung, ENTRY_LEVEL), felder)


def _arbeitsgruppe(a, fmt: Fmt, prosa: Sammlung) -> Punkt:  # type: ignore[no-untyped-def]
    e = fmt.reg.eintraege[a.id]
    felder = fmt.felder([
        ("Handlungsfelder", fmt.refs(a.handlungsfelder)), ("Leitung", fmt.ref(a.leitung)),
        ("Mitglieder", fmt.refs(a.mitglieder)),
        ("Sitzungen", ", ".join(d.kurz for d in a.sitzungen))])
    return Punkt(a.id, e.anchor, "", a.titel, prosa.add(a.beschreibung, ENTRY_LEVEL), felder)


def _befragung(b, fmt: Fmt, prosa: Sammlung) -> Punkt:  # type: ignore[no-untyped-def]
    e = fmt.reg.eintraege[b.id]
    quote = None
    if b.versandt and b.ruecklauf is not None:
        quote = german.prozent(100 * b.ruecklauf / b.versandt)
    felder = fmt.felder([
        ("Zeitraum", zeitraum(b.zeitraum)), ("Zielgruppen", fmt.names(b.zielgruppen)),
        ("Sprachen", fmt.names(b.sprachen)), ("Instrument", b.instrument),
        ("Versandt", menge(b.versandt)), ("Rücklauf", menge(b.ruecklauf)),
        ("Rücklaufquote", quote),
        ("Abgebrochen (nicht ausgewertet)",
         b.unvollstaendig is not None and zahl(b.unvollstaendig) or None)])
    return Punkt(b.id, e.anchor, "", b.titel, prosa.add(b.beschreibung, ENTRY_LEVEL), felder)


def _indikatoren_tabelle(konzept: Konzept, fmt: Fmt) -> Tabelle | None:
    if not konzept.indikatoren:
        return None
    reihen = {ident: i.reihe() for ident, i in konzept.indikatoren.items()}
    jahre = sorted({j for reihe in reihen.values() for j in reihe})
    rows = []
    for i in konzept.indikatoren.values():
        def mw(m, einheit: str | None = i.einheit) -> str:  # type: ignore[no-untyped-def]
            return f"{wert(m.wert, einheit)} ({m.jahr})" if m else ""
        reihe = reihen[i.id]
        rows.append([fmt.ref(i.id), escape(mw(i.basiswert)), escape(mw(i.zielwert))]
                    + [escape(wert(reihe[j], i.einheit)) if j in reihe else Md("")
                       for j in jahre])
    return Tabelle("tbl-indikatoren", "Indikatoren mit Basis-, Ziel- und Ist-Werten",
                   ["Indikator", "Basiswert", "Zielwert", *(f"Ist {j}" for j in jahre)], rows,
                   quer=len(jahre) > 3)


def _luecken(gaps: GapReport | None, fmt: Fmt, charts: list[Abbildung]) -> Luecken | None:
    if gaps is None or not gaps.befunde:
        return None
    zaehlung = [Feld(name, escape(zahl(n))) for name, n in gaps.zaehlung().items()]
    zaehlung.append(Feld("offene Lücken", escape(zahl(len(gaps.offene)))))
    doppelt = [Md(f"{fmt.refs(d.angebote)} ({escape(gaps.name(d.handlungsfeld))})")
               for d in gaps.doppelstrukturen[:LISTE_MAX]]
    ungefragt = [fmt.ref(a.angebot) for a in gaps.angebote_ohne_bedarf[:LISTE_MAX]]
    for liste, ganz in ((doppelt, gaps.doppelstrukturen), (ungefragt, gaps.angebote_ohne_bedarf)):
        if len(ganz) > LISTE_MAX:
            liste.append(Md(f"… und {zahl(len(ganz) - LISTE_MAX)} weitere (vollständig: "
                            "`ik gaps`)"))
    return Luecken(zaehlung, doppelt, ungefragt, charts)


def _akteure(konzept: Konzept, fmt: Fmt) -> Tabelle | None:
    if not konzept.akteure:
        return None
    rows = []
    for a in konzept.akteure.values():
        e = fmt.reg.eintraege[a.id]
        name = escape(a.name + (f" ({a.kurz})" if a.kurz else "")
                      + ANGABE_ZUSATZ.get(a.angabe or "", ""))
        kontakt = a.kontakt
        k = ", ".join(x for x in (kontakt.stelle, kontakt.email, kontakt.telefon)
                      if x) if kontakt else ""
        rows.append([Md(f"[{name}]{{#{e.anchor}}}"), escape(a.typ), escape(a.ebene),
                     escape(k), fmt.names(a.handlungsfelder)])
    return Tabelle("tbl-akteure", "Akteursverzeichnis",
                   ["Akteur", "Typ", "Ebene", "Kontakt", "Handlungsfelder"], rows, quer=True)
