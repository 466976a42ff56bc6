"""Monitoring after the Beschluss (pure): status over time, Ampel, indicator assessment,
progress roll-up, and what a report period asks for.

Everything here is computed from the concept and a report period; nothing is stored.
"""

from __future__ import annotations

from .assessment import STUFEN, Bewertung, berechne, bewerte
from .due import Faelligkeit, faellig
from .periods import Berichtsperiode, aktuelle_periode, periode_aus, perioden, waehle
from .rollup import Fortschritt, handlungsfeld_fortschritt, massnahmen_je_ziel, ziel_fortschritt
from .status import (
    BEENDET,
    ERLEDIGT,
    Stand,
    aktueller_status,
    ampel_in,
    eintraege_in,
    stand_am,
    verlauf_sortiert,
)

__all__ = [
    "BEENDET", "ERLEDIGT", "STUFEN", "Berichtsperiode", "Bewertung", "Faelligkeit",
    "Fortschritt", "Stand", "aktuelle_periode", "aktueller_status", "ampel_in", "berechne",
    "bewerte", "eintraege_in", "faellig", "handlungsfeld_fortschritt", "massnahmen_je_ziel",
    "periode_aus", "perioden", "stand_am", "verlauf_sortiert", "waehle", "ziel_fortschritt",
]
