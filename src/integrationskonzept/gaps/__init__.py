"""Gap analysis: which Bedarfe no Angebot covers, and why (`ik gaps`).

``find_gaps(konzept)`` is pure (concept in, :class:`GapReport` out, no I/O). Each
Bedarf gets one :class:`Befund` with a verdict (gedeckt, teilweise gedeckt, ungedeckt),
the reasons in a coordinator's words, the covering and the closest offers, and the
Maßnahmen meant to close it (``lage``: gedeckt, akzeptiert, Maßnahme zugeordnet, offen).
The mirror view lists possible Doppelstrukturen and offers no recorded need asks for;
two matrices (Handlungsfeld × Sozialraum, × Zielgruppe) count needs per verdict.

Modules: :mod:`.match` (dimensions and their rules), :mod:`.analysis` (verdicts,
decisions on capacity and Maßnahmen), :mod:`.nearest` (a gap's nearest offers, worded
when first read), :mod:`.reasons`, :mod:`.index` (the offers as columns by position and
the lookups that keep matching near-linear), :mod:`.vokabular` (the vocabulary trees,
flattened), :mod:`.doubles`, :mod:`.matrix`, :mod:`.filter`,
:mod:`.report` (the frozen values), :mod:`.formats` / :mod:`.table` (output),
:mod:`.folder` (a concept folder in, its report out), :mod:`.cache`.

``report_for(konzept)`` memoises the report per concept object, for the commands that
show it (`ik gaps`, the document); ``open_gaps(konzept)`` gives check IK601 only the
open gaps, explained as in the report, without the rest of the report (or the
memoised report's, when there is one). A gap's reasons and nearest offers are worked
out when first read (``Befund.gruende``, ``Befund.naechste``), and so is each Befund
(``GapReport.befunde`` is a :class:`~.report.Befunde`: the counts, matrices and lists of
gaps come from the verdicts of all needs): the terminal view prints 25 gaps, not all of
them; the value is the same either way.
"""

from __future__ import annotations

from .analysis import AKTIVE_STATUS, find_gaps, open_gaps
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
    "Zelle", "filter_report", "find_gaps", "open_gaps", "report_for",
]
