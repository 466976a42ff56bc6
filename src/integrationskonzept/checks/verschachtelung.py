"""Text zu tief verschachtelt (Zitate oder Listen in Zitaten oder Listen).

Ein Text mit Hunderten ineinander geschachtelten Zitaten (`> > > …`) oder Listen
(`- - - …` oder immer weiter eingerückte Aufzählungen) lässt sich nicht setzen:
das PDF scheitert mit einem Fehler im internen Satz. Mehr als 20 Ebenen braucht
kein Konzept; gliedern Sie den Text mit Überschriften.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model.concept import Konzept
from ..model.references import markdown_texts
from ..problems import Severity
from . import CheckContext, Finding
from .positions import Positions

CODE = "IK705"
NAME = "zu-tief-verschachtelt"
SEVERITY = Severity.ERROR
EXAMPLE = """\
ausgangslage: "> > > > > > > > > > > > > > > > > > > > > tief"   # 21 Zitatebenen
"""

MAX_LEVELS = 20
# the container markers at the start of a line: "> ", "- ", "* ", "+ ", "1. ", "1) "
_MARKERS = re.compile(r"[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    for text, start, _basis in markdown_texts(konzept):
        index = too_deep(text)
        if index is not None:
            yield Finding(f"Text ist mehr als {MAX_LEVELS} Ebenen tief verschachtelt "
                          "(Zitate oder Listen ineinander)", Positions(start, text).at(index),
                          "Gliedern Sie den Text mit Überschriften und Absätzen statt mit "
                          "immer tieferen Zitaten oder Listen.")


_STARTS = frozenset(">-*+0123456789")


def too_deep(text: str) -> int | None:
    """Index of the first line nested more than :data:`MAX_LEVELS` deep, else ``None``.

    A line's depth: its container markers plus, for a line with markers, its
    indentation in steps of two spaces (nested list items); fenced code is skipped.
    Linear in the length of ``text``.
    """
    pos, fence = 0, ""
    for line in text.split("\n"):
        depth, at = 0, 0
        stripped = line.lstrip(" \t")
        if stripped.startswith(("```", "~~~")) and (not fence or stripped.startswith(fence)):
            fence = "" if fence else stripped[:3]
        if fence or not stripped or stripped[0] not in _STARTS:
            pos += len(line) + 1
            continue
        indent = len(line) - len(line.lstrip(" "))
        while True:
            m = _MARKERS.match(line, at)
            if not m or m.end() == at:
                break
            depth += 1
            at = m.end()
        if depth and depth + indent // 2 > MAX_LEVELS:
            return pos
        pos += len(line) + 1
    return None
