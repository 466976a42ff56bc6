"""Where a text of the generated document came from: file and line in the sources.

typst reports its errors at a line of the generated ``main.typ``, which the user never
sees. :func:`fundstellen` searches the concept's YAML files and Markdown chapters for the
words at that line (markup, quotation marks and escapes ignored), so the message can name
``handlungsfelder/sprache.yaml:12`` instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

_WORD = re.compile(r"\w+")
# At most this many words are matched; fewer when the text was changed on the way
# (a resolved [[id]] reference, a footnote number), but never fewer than MIN_WORDS.
MAX_WORDS = 6
MIN_WORDS = 2


def _tokens(text: str) -> list[tuple[str, int]]:
    """The words of ``text`` with the number of the line each one starts on."""
    out: list[tuple[str, int]] = []
    for number, line in enumerate(text.splitlines(), 1):
        out.extend((w.casefold(), number) for w in _WORD.findall(line)
                   if any(ch.isalpha() for ch in w))
    return out


def _words(words: Sequence[str]) -> list[str]:
    return [t for w in words for t in _WORD.findall(w.casefold())
            if any(ch.isalpha() for ch in t)]


def fundstellen(words: Sequence[str], files: Mapping[str, str], limit: int = 3) -> list[str]:
    """``file:line`` of each place in ``files`` (path -> text) where ``words`` occur.

    Tries the first :data:`MAX_WORDS` words, then fewer (down to :data:`MIN_WORDS`, or
    one word if the text has no more); returns at most ``limit`` places, in file order,
    or an empty list when the words are nowhere (a heading or label of the document).
    """
    wanted = _words(words)
    if not wanted:
        return []
    tokens = {path: _tokens(text) for path, text in files.items()}
    for size in range(min(MAX_WORDS, len(wanted)), min(MIN_WORDS, len(wanted)) - 1, -1):
        needle = wanted[:size]
        found: list[str] = []
        for path, toks in tokens.items():
            for i in range(len(toks) - size + 1):
                if toks[i][0] == needle[0] and [t for t, _ in toks[i:i + size]] == needle:
                    found.append(f"{path}:{toks[i][1]}")
        if found:
            return found[:limit]
    return []


def quelltexte(konzept) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The texts of a concept's sources: YAML files and Markdown chapters, by path."""
    return {**getattr(konzept, "quelltexte", {}), **getattr(konzept, "texte", {})}
