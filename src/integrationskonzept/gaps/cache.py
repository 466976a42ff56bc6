"""One gap report per concept object and run: `ik validate` and `ik gaps` share it.

The memo is keyed by ``id(konzept)`` and guarded by a weak reference, so a new concept
that happens to reuse the address of a collected one is never served a stale report.
A concept changed after its report was made is not detected: the memo is for one
command run over a freshly loaded concept; tests and the document build that change
concepts call :func:`find_gaps` directly.
"""

from __future__ import annotations

import weakref

from ..concept import Konzept
from .analysis import find_gaps
from .report import GapReport

_MEMO: dict[int, tuple[weakref.ref[Konzept], GapReport]] = {}
_LIMIT = 8


def report_for(konzept: Konzept) -> GapReport:
    """The gap report of ``konzept``, computed once per concept object."""
    key = id(konzept)
    hit = _MEMO.get(key)
    if hit is not None and hit[0]() is konzept:
        return hit[1]
    report = find_gaps(konzept)
    if len(_MEMO) >= _LIMIT:
        for stale in [k for k, (ref, _) in _MEMO.items() if ref() is None] or list(_MEMO)[:1]:
            del _MEMO[stale]
    _MEMO[key] = (weakref.ref(konzept), report)
    return report


def forget(konzept: Konzept | None = None) -> None:
    """Drop the memo (of one concept, or all)."""
    if konzept is None:
        _MEMO.clear()
    else:
        _MEMO.pop(id(konzept), None)
