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
from ..model.references import markdown_joined, markdown_texts
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
    # one look at all texts at once: each line of a text is a line of the whole
    if not maybe_deep(markdown_joined(konzept)):
        return
    for text, start, _basis in markdown_texts(konzept):
        index = too_deep(text)
        if index is not None:
            yield Finding(f"Text ist mehr als {MAX_LEVELS} Ebenen tief verschachtelt "
                          "(Zitate oder Listen ineinander)", Positions(start, text).at(index),
                          "Gliedern Sie den Text mit Überschriften und Absätzen statt mit "
                          "immer tieferen Zitaten oder Listen.")


_STARTS = frozenset(">-*+0123456789")
# What every line too deep has, after a line break (so that texts without it need no
# look line by line): a line with markers is deeper than MAX_LEVELS (even) only with
# more than MAX_LEVELS // 2 markers at its start, or, with fewer, indented by
# MAX_LEVELS + 2 spaces or more. (After the first marker the whitespace before the
# next one is taken by the one before: no two parts of the pattern can take the same
# spaces, so it never backtracks far.)
_MAYBE_DEEP = re.compile(
    rf"\n {{{MAX_LEVELS + 2}}}|\n[ \t]*(?:(?:>|[-*+]|\d{{1,9}}[.)])(?:[ \t]+|$))"
    rf"{{{MAX_LEVELS // 2 + 1}}}", re.M)


def maybe_deep(text: str) -> bool:
    """False if no line after a line break in ``text`` can be too deep (:func:`too_deep`)."""
    return _MAYBE_DEEP.search(text) is not None


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
