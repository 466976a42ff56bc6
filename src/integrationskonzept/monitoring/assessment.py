"""Is an indicator on its way to its target? An Open SDG-like assessment.

From the Basiswert (year, value), the Zielwert (year, value), the latest Ist-Wert and
the direction (``richtung``; without it, the direction from base to target):

- **erreicht**: the latest value has reached the target;
- **entfernt sich**: it moved away from the target since the base year;
- **auf Kurs**: it moved at least 90 % as far as a straight line from base to target
  expects by the latest year;
- **zu langsam**: it moved towards the target, but less (or the target year passed);
- **zu wenige Werte**: no target, no direction, or no value after the base year.

An ``einschaetzung`` in the sources overrides the computed result; its reason is kept.
Without a Basiswert, the first Ist-Wert is the base.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.indikator import Indikator

AUF_KURS_AB = 0.9
ERREICHT = "erreicht"
AUF_KURS = "auf Kurs"
ZU_LANGSAM = "zu langsam"
ENTFERNT = "entfernt sich"
ZU_WENIG = "zu wenige Werte"
# Worst first: the order of the summary table and the chart.
STUFEN = (ENTFERNT, ZU_LANGSAM, AUF_KURS, ERREICHT, ZU_WENIG)


@dataclass(frozen=True)
class Bewertung:
    """The assessment of one indicator up to a year."""

    stufe: str
    berechnet: bool  # False: stated in the sources (einschaetzung)
    begruendung: str  # German sentence: why
    berechnete_stufe: str  # what the computation says (also when overridden)
    letzter_wert: float | None = None
    letztes_jahr: str = ""  # the period's text, e.g. "2023" or "2003/04"
    erwartet: float | None = None  # value the straight line expects by then


def _richtung(ind: Indikator) -> int:
    if ind.richtung == "steigen":
        return 1
    if ind.richtung == "sinken":
        return -1
    if ind.basiswert is not None and ind.zielwert is not None:
        diff = ind.zielwert.wert - ind.basiswert.wert
        return (diff > 0) - (diff < 0)
    return 0


def berechne(ind: Indikator, bis_jahr: int | None = None) -> Bewertung:
    """The computed assessment (ignores ``einschaetzung``), values up to ``bis_jahr``."""
    reihe = [(p, v) for p, v in ind.reihe().items() if bis_jahr is None or p.jahr <= bis_jahr]
    ziel = ind.zielwert
    sign = _richtung(ind)
    if ziel is None:
        return Bewertung(ZU_WENIG, True, "Kein Zielwert angegeben.", ZU_WENIG)
    if sign == 0:
        return Bewertung(ZU_WENIG, True, "Keine Richtung angegeben (richtung: steigen oder "
                         "sinken).", ZU_WENIG)
    if ind.basiswert is not None:
        basis_jahr, basis = ind.basiswert.jahr.jahr, ind.basiswert.wert
    elif reihe:
        basis_jahr, basis = reihe[0][0].jahr, reihe[0][1]
    else:
        return Bewertung(ZU_WENIG, True, "Weder Basiswert noch Ist-Werte.", ZU_WENIG)
    spaeter = [(p, v) for p, v in reihe if p.jahr > basis_jahr]
    if not spaeter:
        return Bewertung(ZU_WENIG, True, "Noch kein Ist-Wert nach dem Basisjahr.", ZU_WENIG)
    periode, letzter = spaeter[-1]
    jahr = periode.jahr

    def result(stufe: str, text: str, erwartet: float | None = None) -> Bewertung:
        return Bewertung(stufe, True, text, stufe, letzter, periode.text, erwartet)

    if (letzter - ziel.wert) * sign >= 0:
        return result(ERREICHT, "Der Zielwert ist erreicht.")
    bewegt = (letzter - basis) * sign
    if bewegt < 0:
        return result(ENTFERNT, "Der Wert hat sich seit dem Basisjahr vom Ziel entfernt.")
    ziel_jahr = ziel.jahr.jahr
    if ziel_jahr <= basis_jahr or jahr >= ziel_jahr:
        return result(ZU_LANGSAM, "Das Zieljahr ist erreicht, der Zielwert nicht.")
    erwartet = basis + (ziel.wert - basis) * (jahr - basis_jahr) / (ziel_jahr - basis_jahr)
    noetig = (erwartet - basis) * sign
    if noetig <= 0 or bewegt >= AUF_KURS_AB * noetig:
        return result(AUF_KURS, "Der Wert entwickelt sich so schnell wie nötig, um den "
                      "Zielwert im Zieljahr zu erreichen.", erwartet)
    return result(ZU_LANGSAM, "Der Wert bewegt sich zum Ziel, aber langsamer als nötig.",
                  erwartet)


def bewerte(ind: Indikator, bis_jahr: int | None = None) -> Bewertung:
    """The assessment a report shows: the stated one if given, else the computed one."""
    computed = berechne(ind, bis_jahr)
    stated = ind.einschaetzung
    if stated is None:
        return computed
    return Bewertung(stated.stufe, False, stated.begruendung, computed.stufe,
                     computed.letzter_wert, computed.letztes_jahr, computed.erwartet)
