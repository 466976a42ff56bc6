"""Gap analysis: which Bedarfe no Angebot covers, and why (`ik gaps`).

``find_gaps(konzept)`` is pure (concept in, :class:`GapReport` out); the matching rules
are documented in :mod:`.match` and :mod:`.analysis`, the mirror view in :mod:`.doubles`.
``report_for(konzept)`` memoises the report per concept object, so that `ik validate`
(check IK601) and `ik gaps` do not compute it twice in one run.
"""

from __future__ import annotations

from .analysis import AKTIVE_STATUS, find_gaps
from .cache import report_for
from .filter import filter_report
from .report import (
    GEDECKT,
    LAGEN,
    TEILWEISE,
    UNGEDECKT,
    URTEILE,
    AngebotKurz,
    Befund,
    Doppelstruktur,
    GapReport,
    Grund,
    Kandidat,
    MassnahmeBezug,
    Matrix,
    Zelle,
)

__all__ = [
    "AKTIVE_STATUS", "GEDECKT", "LAGEN", "TEILWEISE", "UNGEDECKT", "URTEILE", "AngebotKurz",
    "Befund", "Doppelstruktur", "GapReport", "Grund", "Kandidat", "MassnahmeBezug", "Matrix",
    "Zelle", "filter_report", "find_gaps", "report_for",
]
