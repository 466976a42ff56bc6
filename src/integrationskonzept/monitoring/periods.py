"""Report periods: which period a report or a check speaks about.

A period comes from ``berichte:`` in konzept.yaml (id, zeitraum, stichtag). Without
one, a calendar year stands in (``--jahr``) or the year up to a given Stichtag.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model.concept import Konzept
from ..model.files import Bericht


@dataclass(frozen=True)
class Berichtsperiode:
    """One report period: ``beginn`` to ``stichtag``; ``id`` empty if not declared."""

    id: str
    titel: str
    beginn: dt.date
    ende: dt.date
    stichtag: dt.date

    def enthaelt(self, tag: dt.date) -> bool:
        return self.beginn <= tag <= self.stichtag

    def enthaelt_jahr(self, jahr: int) -> bool:
        return self.beginn.year <= jahr <= self.stichtag.year


def periode_aus(bericht: Bericht) -> Berichtsperiode:
    z = bericht.zeitraum
    stichtag = bericht.stichtag
    beginn = z.beginn.first if z.beginn else dt.date(stichtag.year, 1, 1)
    ende = z.ende.last if z.ende else stichtag
    titel = bericht.titel or f"Umsetzungsbericht {_jahre(beginn, ende)}"
    return Berichtsperiode(bericht.id, titel, beginn, ende, stichtag)


def _jahre(beginn: dt.date, ende: dt.date) -> str:
    return str(ende.year) if beginn.year == ende.year else f"{beginn.year}–{ende.year}"


def perioden(konzept: Konzept) -> list[Berichtsperiode]:
    """The declared periods, ordered by Stichtag."""
    return sorted((periode_aus(b) for b in konzept.berichte.values()),
                  key=lambda p: (p.stichtag, p.beginn))


def waehle(konzept: Konzept, stichtag: dt.date | None = None, jahr: int | None = None
           ) -> tuple[Berichtsperiode, Berichtsperiode | None]:
    """(the period to report on, the one before it or None).

    ``stichtag``: the declared period with this Stichtag, else the last one ending by
    then, else the calendar year up to that day. ``jahr``: the declared period whose
    Stichtag lies in that year, else that calendar year. Neither: the last declared
    period whose Stichtag is not after the concept's Stand (else the last one), or
    without periods the year of the Stand.
    """
    alle = perioden(konzept)
    chosen: Berichtsperiode | None = None
    if stichtag is not None:
        exact = [p for p in alle if p.stichtag == stichtag]
        before = [p for p in alle if p.stichtag <= stichtag]
        found = exact or before
        chosen = found[-1] if found else None
        if chosen is None or (not exact and chosen.stichtag.year != stichtag.year):
            chosen = Berichtsperiode("", f"Umsetzungsbericht {stichtag.year}",
                                     dt.date(stichtag.year, 1, 1), stichtag, stichtag)
    elif jahr is not None:
        chosen = next((p for p in reversed(alle) if p.stichtag.year == jahr), None)
        if chosen is None:
            end = dt.date(jahr, 12, 31)
            chosen = Berichtsperiode("", f"Umsetzungsbericht {jahr}", dt.date(jahr, 1, 1),
                                     end, end)
    else:
        stand = konzept.stand
        usable = [p for p in alle if stand is None or p.stichtag <= stand] or alle
        if usable:
            chosen = usable[-1]
        else:
            tag = stand or dt.date.today()
            chosen = Berichtsperiode("", f"Umsetzungsbericht {tag.year}",
                                     dt.date(tag.year, 1, 1), tag, tag)
    vorher = [p for p in alle if p.stichtag < chosen.stichtag and p.id != chosen.id]
    return chosen, (vorher[-1] if vorher else None)


def aktuelle_periode(konzept: Konzept) -> Berichtsperiode | None:
    """The period the concept's Stand falls in or last closed (None without periods)."""
    alle = perioden(konzept)
    if not alle:
        return None
    stand = konzept.stand
    if stand is None:
        return alle[-1]
    laufend = [p for p in alle if p.beginn <= stand]
    return laufend[-1] if laufend else alle[0]
