"""Shared by the monitoring checks: the location of an Ampel given as one or as a list."""

from __future__ import annotations

from ..model.concept import where
from ..model.fields import Entry, source_of
from ..problems import Location
from ..source.safeyaml import YMap


def ampel_where(entry: Entry, index: int, *rest: str) -> Location:
    """Where the ``index``-th Ampel of ``entry`` (or a key in it) was written."""
    src = source_of(entry)
    if src is not None and isinstance(src[1], YMap) and isinstance(src[1].get("ampel"), YMap):
        return where(entry, "ampel", *rest)
    return where(entry, "ampel", index, *rest)
