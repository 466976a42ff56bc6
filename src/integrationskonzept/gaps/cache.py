"""One gap report per concept object and run (`ik gaps`, the document, and IK601 when
the report is already there).

The report is kept in the concept's own ``cache``, so it lives exactly as long as the
concept (it holds no reference back to the concept). A report shows the concept as it
was when analysed, also the parts made when first read (its Befunde, names and
Doppelstrukturen). A concept changed after its report was made is not detected: the
memo gives the report of the concept as it was; it is for one command run over a
freshly loaded concept; tests and the document build that change concepts call
:func:`find_gaps` directly (or :func:`forget` first).
"""

from __future__ import annotations

from ..model.concept import Konzept
from .analysis import find_gaps
from .report import GapReport


def report_for(konzept: Konzept) -> GapReport:
    """The gap report of ``konzept``, computed once per concept object."""
    report = konzept.cache.get("gaps")
    if report is None:
        report = konzept.cache["gaps"] = find_gaps(konzept)
    return report


def forget(konzept: Konzept) -> None:
    """Drop the memoised report of ``konzept`` (after changing it)."""
    konzept.cache.pop("gaps", None)
