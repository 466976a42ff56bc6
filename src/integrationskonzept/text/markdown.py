"""Plain text as Markdown that reads back as exactly this text: the one escaper.

Used for the document (``document/markdown.py``), the Markdown of `ik gaps` and
`ik diff`. Pandoc's Markdown reader is the reference: every ASCII punctuation that can
start markup anywhere in a line is escaped, and what matters only at the start of a
line (lists, headings, divs, setext lines) is escaped there. Whitespace becomes one
space: a value is always one line.
"""

from __future__ import annotations

import re
from functools import lru_cache

# ASCII punctuation that changes Markdown anywhere in a line (pandoc's reader).
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~^$@&])")
# ... and what only matters at the start of a line: lists, divs, captions, setext lines.
_START = re.compile(r"^([:+=-])")
_LIST_START = re.compile(r"^(\d+)([.)])(?=\s|$)")
_SPACE = re.compile(r"[ \t\r\n\f\v]+")  # not \s: keep no-break spaces


@lru_cache(maxsize=65536)
def escape_markdown(text: str) -> str:
    """``text`` on one line, escaped so that Markdown shows it literally."""
    text = _SPACE.sub(" ", text).strip()
    text = _SPECIAL.sub(r"\\\1", text)
    text = _START.sub(r"\\\1", text)
    return _LIST_START.sub(r"\1\\\2", text)
