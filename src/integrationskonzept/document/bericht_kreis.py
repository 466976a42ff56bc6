"""The Gemeinden in the Umsetzungsbericht of a Landkreis: an overview table (Gemeinde ×
Maßnahmen per status, Ziele per Ampel) and per Gemeinde a summary of its report period
(see :mod:`..workspace.bericht`)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.monitoring import STATUS
from ..workspace.bericht import MitgliedBericht
from .fields import datum, zahl
from .markdown import Md, escape
from .parts import Feld, Tabelle

KEINE_DATEN = "keine Berichtsdaten"
AMPEL_SPALTEN = ("grün", "gelb", "rot", "nicht bewertet")
LISTE_MAX = 50


@dataclass(frozen=True)
class GemeindeTeil:
    anchor: str
    name: str
    daten: bool
    felder: list[Feld]
    ueberfaellig: list[Md]
    offene_luecken: list[Md]


def _anchor(ident: str) -> str:
    return "b-gemeinde-" + "".join(c if c.isascii() and c.isalnum() else "-"
                                   for c in ident.lower())


def _zaehlung(counts: dict[str, int], leer: str) -> str:
    teile = [f"{zahl(n)} {k}" for k, n in counts.items() if n]
    return ", ".join(teile) if teile else leer


def gemeinden_tabelle(berichte: list[MitgliedBericht]) -> Tabelle | None:
    """Gemeinde × (Maßnahmen per status that occurs anywhere, Ziele per Ampel)."""
    if not berichte:
        return None
    mit = [b.bericht for b in berichte if b.bericht is not None]
    status = [s for s in STATUS if any(r.status_zaehlung.get(s) for r in mit)]
    kopf = ["Gemeinde", *(f"Maßnahmen {s}" for s in status),
            *(f"Ziele {a}" for a in AMPEL_SPALTEN)]
    rows: list[list[Md]] = []
    for b in berichte:
        name = Md(f"[{escape(b.name)}](#{_anchor(b.mitglied)})")
        r = b.bericht
        if r is None:
            rows.append([name, escape(KEINE_DATEN), *([Md("–")] * (len(kopf) - 2))])
            continue
        rows.append([name, *(escape(zahl(r.status_zaehlung.get(s, 0))) for s in status),
                     *(escape(zahl(r.ampel_zaehlung.get(a, 0))) for a in AMPEL_SPALTEN)])
    return Tabelle("tbl-gemeinden-bericht", "Die Gemeinden im Berichtszeitraum: Maßnahmen "
                   "je Status, Ziele je Ampel", kopf, rows, quer=len(kopf) > 8)


def gemeinde_teile(berichte: list[MitgliedBericht]) -> list[GemeindeTeil]:
    out = []
    for b in berichte:
        r = b.bericht
        luecken = [escape(f"{x.titel} ({x.handlungsfeld}): {x.urteil}")
                   for x in b.offene_luecken[:LISTE_MAX]]
        if r is None:
            out.append(GemeindeTeil(_anchor(b.mitglied), b.name, False, [
                Feld("Berichtsdaten", escape(
                    f"{KEINE_DATEN} (kein Berichtszeitraum, kein Verlauf und keine Ampel im "
                    "Zeitraum des Landkreises)")),
                Feld("Offene Lücken", escape(zahl(len(b.offene_luecken))))], [], luecken))
            continue
        p = r.periode
        felder = [
            Feld("Berichtszeitraum", escape(
                f"{p.titel if p.id else 'wie der Landkreis'}: {datum(p.beginn)} bis "
                f"{datum(p.ende)}, Stichtag {datum(p.stichtag)}")),
            Feld("Maßnahmen", escape(_zaehlung(r.status_zaehlung, "keine"))),
            Feld("Ziele", escape(_zaehlung(r.ampel_zaehlung, "keine"))),
            Feld("Überfällig", escape(zahl(len(r.ueberfaellig)))),
            Feld("Offene Lücken", escape(zahl(len(b.offene_luecken)))),
        ]
        ueber = [escape(r.namen.get(i, i)) for i in r.ueberfaellig[:LISTE_MAX]]
        out.append(GemeindeTeil(_anchor(b.mitglied), b.name, True, felder, ueber, luecken))
    return out
