"""What a file that is not YAML probably defines, read from its lines.

One missing quote in ``akteure.yaml`` made the whole file unreadable, and every
reference to one of its Akteure elsewhere came back as an unknown ID (IK202): 186
follow-up errors around the one that matters. The loader therefore registers the ids
such a file most likely defines – every ``id:`` line, its kind from the list key above
it – like the ids of entries that failed validation: references to them are not
reported, and the words of the file count as used for the lints that look for unused
entries. Once the file is fixed, everything is checked as usual.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..problems import Location
from .concept import LIST_KINDS

_KEY = re.compile(r"^(?P<indent>[ ]*)(?P<dash>-[ ]+)?(?P<key>[A-Za-z_][\w]*):(?:[ ]+|$)"
                  r"(?P<value>.*)$")
_VALUE = re.compile(r"""^(["']?)(?P<id>[A-Za-z0-9][\w.\-]*)\1[ ]*(?:#.*)?$""")
_WORD = re.compile(r"[A-Za-z0-9][\w.\-]*")
_SINGLE = {"leitziel": "leitziel"}


def probable_ids(text: str, rel: str) -> Iterator[tuple[str, str, Location]]:
    """(id, kind, where) of every ``id:`` line of an entry right under a list key of a
    known kind (``akteure:``, ``massnahmen:`` …) or of ``leitziel:``."""
    keys: list[tuple[int, str]] = []  # open keys above the line: (indentation, key)
    for number, line in enumerate(text.splitlines(), 1):
        match = _KEY.match(line)
        if match is None:
            continue
        indent = len(match.group("indent")) + len(match.group("dash") or "")
        while keys and keys[-1][0] >= indent:
            keys.pop()
        key = match.group("key")
        if key == "id":
            value = _VALUE.match(match.group("value").strip())
            parent = keys[-1][1] if keys else ""
            kind = LIST_KINDS.get(parent) or _SINGLE.get(parent)
            if value is not None and kind is not None:
                yield value.group("id"), kind, Location(rel, number,
                                                         match.start("value") + 1)
            continue
        keys.append((indent, key))


def words(text: str) -> set[str]:
    """Every word of the file that could be an id or a value another entry names."""
    return set(_WORD.findall(text))
