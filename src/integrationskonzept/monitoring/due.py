"""What a report period asks for: overdue Maßnahmen, entries without an update, Ziele
without an Ampel."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.concept import Konzept
from .periods import Berichtsperiode
from .status import BEENDET, ERLEDIGT, ampel_in, eintraege_in, stand_am


@dataclass
class Faelligkeit:
    """Ids per finding, in source order."""

    ueberfaellig: list[str] = field(default_factory=list)  # past their end, not done
    ohne_aktualisierung: list[str] = field(default_factory=list)  # active, no entry
    ziele_ohne_ampel: list[str] = field(default_factory=list)  # due: a Maßnahme has begun
    massnahmen_ohne_ampel: list[str] = field(default_factory=list)  # rated before, not now


def faellig(konzept: Konzept, periode: Berichtsperiode) -> Faelligkeit:
    """What ``periode`` asks for. A Ziel is due for an Ampel once one of its Maßnahmen has
    begun (or when it has none); Maßnahmen that have not begun need no update."""
    out = Faelligkeit()
    begonnen_je_ziel: dict[str, bool] = {}
    for mid, m in konzept.massnahmen.items():
        stand = stand_am(m, periode.stichtag)
        ende = m.zeitraum.ende if m.zeitraum else None
        if ende is not None and ende.last < periode.stichtag and stand.status not in BEENDET:
            out.ueberfaellig.append(mid)
        begonnen = m.zeitraum is None or m.zeitraum.beginn is None or \
            m.zeitraum.beginn.first <= periode.stichtag
        for zid in m.ziele:
            begonnen_je_ziel[zid] = begonnen_je_ziel.get(zid, False) or begonnen
        if stand.status not in BEENDET and begonnen and not eintraege_in(m, periode):
            out.ohne_aktualisierung.append(mid)
        if m.ampel and ampel_in(m.ampel, periode) is None and stand.status not in ERLEDIGT:
            out.massnahmen_ohne_ampel.append(mid)
    for ident, ziel in konzept.ziele.items():
        if begonnen_je_ziel.get(ident, True) and ampel_in(ziel.ampel, periode) is None:
            out.ziele_ohne_ampel.append(ident)
    return out
