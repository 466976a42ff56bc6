"""Values from the sources made safe for a terminal, a log or a CI annotation.

A key or name in a YAML file can hold any character, among them the escape sequences
a terminal obeys (``ESC ] 0 ; … BEL`` sets the window title, CSI moves the cursor) and
the bidi controls that reorder what a reader sees. Everything ``ik`` prints passes
through :func:`visible`, which shows such characters as ``\\x1b`` or ``\\u202e``
instead of sending them.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, and the Unicode format
# characters that reorder or hide text: bidi embeddings/overrides/isolates, marks,
# zero-width characters, the line/paragraph separators and the BOM.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control or reordering character written as an escape.

    Tab and newline stay (our own messages use them); carriage return does not, since
    it lets a value overwrite the line it is printed on.
    """
    return _UNSAFE.sub(_escaped, text)


def json_visible(text: str) -> str:
    """JSON text with the characters :func:`visible` escapes written as ``\\uXXXX``.

    ``json.dumps`` escapes C0 controls but passes C1 and bidi controls through when
    ``ensure_ascii`` is off; this keeps the data identical after decoding.
    """
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
