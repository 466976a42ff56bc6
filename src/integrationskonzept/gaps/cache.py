"""One gap report per concept object and run (`ik gaps`, the document, and IK601 when
the report is already there).

The report is kept in the concept's own ``cache``, so it lives exactly as long as the
concept. A concept changed after its report was made is not detected: the memo is for
one command run over a freshly loaded concept; tests and the document build that change
concepts call :func:`find_gaps` directly.
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
