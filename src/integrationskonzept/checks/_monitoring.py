"""Shared by the monitoring checks: the location of an Ampel given as one or as a list."""

from __future__ import annotations

from ..model.concept import where
from ..model.fields import Entry, source_of
from ..problems import Location


def ampel_where(entry: Entry, index: int, *rest: str) -> Location:
    """Where the ``index``-th Ampel of ``entry`` (or a key in it) was written."""
    src = source_of(entry)
    # (a dict: an entry rebuilt from its snapshot holds its nested values as plain dicts
    # until a position is asked for, see model/snapshot.py)
    if src is not None and isinstance(src[1], dict) and isinstance(src[1].get("ampel"), dict):
        return where(entry, "ampel", *rest)
    return where(entry, "ampel", index, *rest)
