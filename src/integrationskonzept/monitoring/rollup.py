"""Progress rolled up: a Ziel from its Maßnahmen, a Handlungsfeld from its Ziele.

A Ziel's progress is the mean of its Maßnahmen's progress, weighted by ``gewicht``
where given (weight 1 otherwise); Maßnahmen that were dropped (``entfallen``) do not
count, those with unknown progress are counted as unknown. A Handlungsfeld's progress
is the plain mean of its Ziele's. Computed for a day, never stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model.concept import Konzept
from .status import stand_am


@dataclass(frozen=True)
class Fortschritt:
    """Rolled-up progress in percent (None: nothing known) and what went into it."""

    wert: float | None
    gezaehlt: int
    unbekannt: int


def _mittel(paare: list[tuple[float, float]]) -> float | None:
    gewicht = sum(g for _, g in paare)
    if not paare or gewicht <= 0:
        return None
    return sum(w * g for w, g in paare) / gewicht


def massnahmen_je_ziel(konzept: Konzept) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for mid, m in konzept.massnahmen.items():
        for z in dict.fromkeys(m.ziele):
            out.setdefault(z, []).append(mid)
    return out


def ziel_fortschritt(konzept: Konzept, ziel: str, tag: dt.date | None = None,
                     index: dict[str, list[str]] | None = None) -> Fortschritt:
    index = index if index is not None else massnahmen_je_ziel(konzept)
    paare: list[tuple[float, float]] = []
    unbekannt = 0
    for mid in index.get(ziel, []):
        m = konzept.massnahmen[mid]
        stand = stand_am(m, tag)
        if stand.status == "entfallen":
            continue
        if stand.fortschritt is None:
            unbekannt += 1
            continue
        paare.append((stand.fortschritt, m.gewicht if m.gewicht is not None else 1.0))
    return Fortschritt(_mittel(paare), len(paare), unbekannt)


def handlungsfeld_fortschritt(konzept: Konzept, hf: str, tag: dt.date | None = None,
                              index: dict[str, list[str]] | None = None) -> Fortschritt:
    index = index if index is not None else massnahmen_je_ziel(konzept)
    werte: list[tuple[float, float]] = []
    unbekannt = 0
    for zid, z in konzept.ziele.items():
        if z.handlungsfeld != hf:
            continue
        f = ziel_fortschritt(konzept, zid, tag, index)
        if f.wert is None:
            unbekannt += 1
        else:
            werte.append((f.wert, 1.0))
    return Fortschritt(_mittel(werte), len(werte), unbekannt)
