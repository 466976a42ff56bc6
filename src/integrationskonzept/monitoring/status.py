"""The lifecycle status of a Maßnahme over time, and the Ampel of a period.

``status:`` is the status without a date; ``verlauf:`` holds dated entries, the latest
one up to a day is the status on that day. Progress is the latest stated
``fortschritt``, else what the status itself says (geplant 0 %, umgesetzt 100 %).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model.items import Massnahme
from ..model.monitoring import Ampelbewertung, Verlaufseintrag, letzter_status
from .periods import Berichtsperiode

# Progress a status implies when no percentage is given; others are unknown.
STATUS_FORTSCHRITT = {"geplant": 0.0, "in Vorbereitung": 10.0, "umgesetzt": 100.0,
                      "verstetigt": 100.0}
ERLEDIGT = frozenset({"umgesetzt", "verstetigt"})
BEENDET = ERLEDIGT | {"entfallen", "zurückgestellt"}


@dataclass(frozen=True)
class Stand:
    """The state of a Maßnahme on a day: status, progress (None: unknown), when set."""

    status: str
    fortschritt: float | None
    datum: dt.date | None
    text: str = ""


def verlauf_sortiert(m: Massnahme) -> list[Verlaufseintrag]:
    """History in date order (stable: same-day entries keep their written order)."""
    return sorted(m.verlauf, key=lambda e: e.datum)


def stand_am(m: Massnahme, tag: dt.date | None = None) -> Stand:
    """The state of ``m`` on ``tag`` (None: the latest entry).

    Without history: ``status``. Before the first history entry: „geplant“ if the
    Maßnahme had not begun by then (or has no start), else the first recorded status.
    """
    eintraege = [e for e in verlauf_sortiert(m) if tag is None or e.datum <= tag]
    if not eintraege:
        if not m.verlauf:
            return Stand(m.status, STATUS_FORTSCHRITT.get(m.status), None)
        # before the history begins: planned if the measure had not begun by then,
        # else (a running measure recorded later) the first recorded status
        beginn = m.zeitraum.beginn if m.zeitraum else None
        if tag is not None and (beginn is None or beginn.first > tag):
            return Stand("geplant", 0.0, None)
        erster = verlauf_sortiert(m)[0]
        return Stand(erster.status, None, None)
    letzter = eintraege[-1]
    fortschritt = letzter.fortschritt
    if fortschritt is None:
        fortschritt = STATUS_FORTSCHRITT.get(letzter.status)
    if fortschritt is None:
        known = [e.fortschritt for e in eintraege if e.fortschritt is not None]
        fortschritt = known[-1] if known else None
    return Stand(letzter.status, fortschritt, letzter.datum, letzter.text or "")


def aktueller_status(m: Massnahme) -> str:
    """The status a document shows: the latest history entry, else ``status``."""
    return letzter_status(m.status, m.verlauf)


def eintraege_in(m: Massnahme, periode: Berichtsperiode) -> list[Verlaufseintrag]:
    return [e for e in verlauf_sortiert(m) if periode.enthaelt(e.datum)]


def ampel_in(bewertungen: list[Ampelbewertung], periode: Berichtsperiode
             ) -> Ampelbewertung | None:
    """The Ampel given for ``periode`` (by its id, else dated inside it); the latest wins."""
    passend = [a for a in bewertungen
               if (periode.id and a.bericht == periode.id)
               or (a.bericht is None and a.datum is not None and periode.enthaelt(a.datum))]
    if not passend:
        return None
    return max(enumerate(passend), key=lambda p: (p[1].datum or dt.date.min, p[0]))[1]
