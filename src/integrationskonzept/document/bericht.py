"""The template context of the Umsetzungsbericht (``ik bericht``), built in one place.

:func:`bericht_context` turns the report value of :mod:`..monitoring.report` into a
:class:`BerichtDok` of ready-formatted German values for ``templates/bericht/``;
:func:`bericht_charts` lists its charts as plain data for :mod:`..charts`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model.concept import Konzept
from ..model.indikator import HAUPTWERT, TEILE
from ..monitoring.report import FeldStand, IndikatorStand, Umsetzungsbericht
from ..text import german
from ..workspace.bericht import MitgliedBericht
from .bericht_kreis import gemeinde_teile, gemeinden_tabelle
from .context import _impressum
from .fields import Fmt, datum, wert, zahl
from .markdown import Md, escape
from .numbering import Register
from .parts import Abbildung, Feld, Impressum, Tabelle
from .prosa import Sammlung

AMPEL_ZEICHEN = {"grün": "● grün", "gelb": "● gelb", "rot": "● rot",
                 "nicht bewertet": "○ nicht bewertet"}
# Ampel colours of the summary chart (the label says the colour too: not colour alone)
AMPEL_FARBEN = {"grün": "#2E7D32", "gelb": "#F2B705", "rot": "#C62828",
                "nicht bewertet": "#9E9E9E"}
LISTE_MAX = 200
_UMLAUTE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


@dataclass(frozen=True)
class IndikatorTeil:
    anchor: str
    titel: str
    felder: list[Feld]
    abbildung: Abbildung | None
    tabelle: Tabelle | None  # the values; broken down if ``aufgeschluesselt``
    aufgeschluesselt: bool = False


@dataclass(frozen=True)
class FeldTeil:
    anchor: str
    name: str
    fortschritt: str
    ziele: Tabelle | None
    massnahmen: Tabelle | None
    verlauf: list[Md]
    indikatoren: list[IndikatorTeil]


@dataclass(frozen=True)
class BerichtDok:
    """The whole template context of the report, in document order."""

    titel: str
    untertitel: str
    kommune: str
    stand: str
    version: str
    konzept: str
    impressum: Impressum
    periode: str
    zeitraum: str
    stichtag: str
    vorher: str
    beschluss: list[Feld]
    status_tabelle: Tabelle
    ampel_tabelle: Tabelle
    stufen_tabelle: Tabelle | None
    abbildungen: list[Abbildung]
    aenderungen: list[str]
    felder: list[FeldTeil]
    ueberfaellig: Tabelle | None
    ohne_aktualisierung: list[Md]
    ziele_ohne_ampel: list[Md]
    offene_luecken: Tabelle | None
    extra: dict[str, Any] = field(default_factory=dict)
    # a Landkreis: its Gemeinden in the period (see .bericht_kreis)
    gemeinden_tabelle: Tabelle | None = None
    gemeinden: list[Any] = field(default_factory=list)


def prozent(value: float | None) -> str:
    return "" if value is None else german.prozent(value, 0)


def _anchor(text: str) -> str:
    plain = text.lower().translate(_UMLAUTE)
    return "b-" + (re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "x")


def _zaehl_tabelle(anchor: str, titel: str, kopf: str, counts: dict[str, int],
                   keep_zero: bool = False) -> Tabelle:
    rows = [[escape(k), escape(zahl(n))] for k, n in counts.items() if n or keep_zero]
    rows.append([Md("**Zusammen**"), Md(f"**{zahl(sum(counts.values()))}**")])
    return Tabelle(anchor, titel, [kopf, "Anzahl"], rows)


def _indikator(i: IndikatorStand, chart: Abbildung | None) -> IndikatorTeil:
    def mw(p: tuple[str, float] | None) -> str:
        return f"{wert(p[1], i.einheit)} ({p[0]})" if p else ""

    urteil = i.stufe + ("" if i.berechnet else " (Einschätzung, berechnet: "
                        f"{i.berechnete_stufe})")
    richtung = {"steigen": "steigende Werte sind besser",
                "sinken": "sinkende Werte sind besser"}.get(i.richtung or "", "")
    felder = [Feld(n, escape(v)) for n, v in (
        ("Bewertung", urteil), ("Begründung", i.begruendung), ("Basiswert", mw(i.basis)),
        ("Zielwert", mw(i.ziel)), ("Richtung", richtung),
        ("Vorbericht", i.stufe_vorher or "")) if v]
    tabelle = None
    if i.aufschluesselung:
        keys = list(dict.fromkeys(k for _j, teile in i.aufschluesselung for k in teile))
        keys.sort(key=lambda k: k != HAUPTWERT)
        tabelle = Tabelle(f"tbl-{_anchor(i.id)}", f"Ist-Werte aufgeschlüsselt: {i.name}",
                          ["Jahr", *(TEILE.get(k, k) for k in keys)],
                          [[escape(j), *(escape(wert(t[k], i.einheit)) if k in t else Md("")
                                         for k in keys)] for j, t in i.aufschluesselung])
    elif i.werte:
        tabelle = Tabelle(f"tbl-{_anchor(i.id)}", f"Ist-Werte: {i.name}", ["Jahr", "Wert"],
                          [[escape(j), escape(wert(v, i.einheit))] for j, v in i.werte])
    titel = f"{i.nummer} {i.name}" if i.nummer else i.name
    return IndikatorTeil(_anchor(f"ind-{i.id}"), titel, felder, chart, tabelle,
                         bool(i.aufschluesselung))


def _feld(f: FeldStand, charts: dict[str, Abbildung]) -> FeldTeil:
    ziele = None
    if f.ziele:
        ziele = Tabelle(f"tbl-{_anchor(f.id or 'uebergreifend')}-ziele",
                        f"Ziele: {f.name}", ["Ziel", "Ampel", "Fortschritt", "Begründung"],
                        [[escape(z.titel), escape(AMPEL_ZEICHEN[z.ampel]),
                          escape(prozent(z.fortschritt)),
                          escape((z.begruendung or "") + (f" ({z.bewertet_von})"
                                                          if z.bewertet_von else ""))]
                         for z in f.ziele])
    massnahmen = None
    verlauf: list[Md] = []
    if f.massnahmen:
        rows = []
        for m in f.massnahmen:
            status = m.status + (f" (vorher: {m.status_vorher})" if m.status_vorher
                                 and m.status_vorher != m.status else "")
            rows.append([escape(m.titel), escape(status), escape(prozent(m.fortschritt)),
                         escape(m.ende or ""), escape(AMPEL_ZEICHEN[m.ampel] if m.ampel else "")])
            for e in m.eintraege:
                text = f"{datum(e.datum)}: {e.status}" + (
                    f", {prozent(e.fortschritt)}" if e.fortschritt is not None else "") + (
                    f" – {e.text}" if e.text else "")
                verlauf.append(Md(f"**{escape(m.titel)}:** {escape(text)}"))
        massnahmen = Tabelle(f"tbl-{_anchor(f.id or 'uebergreifend')}-massnahmen",
                             f"Maßnahmen: {f.name}",
                             ["Maßnahme", "Status", "Fortschritt", "Ende", "Ampel"], rows)
    indikatoren = [_indikator(i, charts.get(f"indikator-{i.id}")) for i in f.indikatoren]
    fort = prozent(f.fortschritt)
    return FeldTeil(_anchor(f"hf-{f.id or 'uebergreifend'}"), f.name, fort, ziele, massnahmen,
                    verlauf, indikatoren)


def bericht_context(konzept: Konzept, bericht: Umsetzungsbericht,
                    charts: dict[str, Abbildung] | None = None,
                    gemeinden: list[MitgliedBericht] | None = None) -> BerichtDok:
    meta = konzept.meta
    if meta is None:
        raise ValueError("Konzept ohne konzept.yaml")
    charts = charts or {}
    fmt = Fmt(konzept, Register(), Sammlung())
    p = bericht.periode
    namen = bericht.namen
    beschluss = fmt.felder([
        ("Gremium", bericht.beschluss.get("gremium")),
        ("Datum", german.datum_lang(_date(bericht.beschluss["datum"]))),
        ("Vorlage", bericht.beschluss.get("vorlage")),
        ("Gegenstand", bericht.beschluss.get("gegenstand")),
        ("Version", bericht.beschluss.get("version"))]) if bericht.beschluss else []
    ueber = None
    if bericht.ueberfaellig:
        rows = []
        for feld in bericht.felder:
            for m in feld.massnahmen:
                if m.id in bericht.ueberfaellig:
                    rows.append([escape(m.titel), escape(feld.name), escape(m.ende or ""),
                                 escape(m.status)])
        ueber = Tabelle("tbl-ueberfaellig", "Maßnahmen nach ihrem Ende, nicht abgeschlossen",
                        ["Maßnahme", "Handlungsfeld", "Ende", "Status"], rows)
    luecken = None
    if bericht.offene_luecken:
        luecken = Tabelle("tbl-offene-luecken", "Offene Lücken ohne Maßnahme",
                          ["Bedarf", "Handlungsfeld", "Befund"],
                          [[escape(b.titel), escape(b.handlungsfeld), escape(b.urteil)]
                           for b in bericht.offene_luecken[:LISTE_MAX]])
    stufen = bericht.stufen_zaehlung
    return BerichtDok(
        titel=p.titel, untertitel=meta.titel,
        kommune=meta.kommune.art_und_name, stand=datum(p.stichtag),
        version=meta.version, konzept=meta.titel, impressum=_impressum(konzept, fmt),
        periode=p.titel, zeitraum=f"{datum(p.beginn)} bis {datum(p.ende)}",
        stichtag=datum(p.stichtag), vorher=bericht.vorher.titel if bericht.vorher else "",
        beschluss=beschluss,
        status_tabelle=_zaehl_tabelle("tbl-status", "Maßnahmen nach Status", "Status",
                                      bericht.status_zaehlung),
        ampel_tabelle=_zaehl_tabelle("tbl-ampel", "Ziele nach Ampel", "Ampel",
                                     bericht.ampel_zaehlung, keep_zero=True),
        stufen_tabelle=_zaehl_tabelle("tbl-stufen", "Indikatoren nach Bewertung", "Bewertung",
                                      stufen) if sum(stufen.values()) else None,
        abbildungen=[c for k, c in charts.items() if k.startswith("bericht-")],
        aenderungen=bericht.aenderungen + bericht.git,
        felder=[_feld(f, charts) for f in bericht.felder],
        ueberfaellig=ueber,
        ohne_aktualisierung=[escape(namen.get(i, i)) for i in
                             bericht.ohne_aktualisierung[:LISTE_MAX]],
        ziele_ohne_ampel=[escape(namen.get(i, i)) for i in bericht.ziele_ohne_ampel[:LISTE_MAX]],
        offene_luecken=luecken,
        gemeinden_tabelle=gemeinden_tabelle(gemeinden or []),
        gemeinden=gemeinde_teile(gemeinden or []),
    )


def _date(text: str) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(text)


def bericht_charts(bericht: Umsetzungsbericht
                   ) -> dict[str, tuple[str, tuple[Any, ...], dict[str, Any]]]:
    """Per key: (chart function name, positional args, keyword args)."""
    out: dict[str, tuple[str, tuple[Any, ...], dict[str, Any]]] = {}
    status = {k: n for k, n in bericht.status_zaehlung.items() if n}
    if status:
        out["bericht-status"] = ("bar_chart", (list(status), list(status.values()),
                                               "Maßnahmen nach Status"), {})
    ampel = bericht.ampel_zaehlung
    if sum(ampel.values()):
        out["bericht-ampel"] = ("bar_chart", (list(ampel), list(ampel.values()),
                                              "Ziele nach Ampel"),
                                {"colours": [AMPEL_FARBEN.get(a) for a in ampel]})
    for feld in bericht.felder:
        for i in feld.indikatoren:
            if len(i.werte) + (i.basis is not None) < 2:
                continue
            werte = [(j, _jahr(j), v) for j, v in i.werte]
            kw: dict[str, Any] = {"unit": (i.einheit or "").strip() if i.einheit and
                                  i.einheit.strip() == "%" else "",
                                  "assessment": i.stufe}
            if i.basis:
                kw["base"] = (i.basis[0], _jahr(i.basis[0]), i.basis[1])
            if i.ziel:
                kw["target"] = (i.ziel[0], _jahr(i.ziel[0]), i.ziel[1])
            einheit = i.einheit.strip() if i.einheit else ""
            titel = i.name + (f" ({einheit})" if einheit and einheit != "%" else "")
            out[f"indikator-{i.id}"] = ("indicator_chart", (werte, titel), kw)
    return out


def _jahr(text: str) -> float:
    from ..model.indikator import parse_periode

    return float(parse_periode(text).jahr)
