"""Markdown text values for the document templates: escaping and marker types.

Every value a template prints goes through :func:`finalize`: plain text is escaped
so it stays literal (``Akteur*innen``, ``a|b``, ``# x``), :class:`Md` passes as it is
(Markdown written by the package), :class:`Prosa` becomes a placeholder div that the
Lua filter ``render/lua/prosa.lua`` replaces with the separately parsed Markdown field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..text.markdown import escape_markdown


class Md(str):
    """A string that already is Markdown (written by the package, never by users)."""

    __slots__ = ()


@dataclass(frozen=True)
class Prosa:
    """A Markdown field of the sources, parsed on its own by the prosa filter.

    ``key`` names the text in the prosa data file; ``ebene`` is the heading level the
    text stands under (its own headings are shifted below it).
    """

    key: str
    ebene: int = 1

    def block(self) -> str:
        return f'\n::: {{.ik-prosa key="{self.key}" ebene="{self.ebene}"}}\n:::\n'


def escape(text: str) -> Md:
    """Plain text as Markdown that reads back as exactly this text (on one line)."""
    return Md(escape_markdown(text))


def md(value: Any) -> Md:
    """Any value as Markdown: ``Md`` as is, everything else escaped as text."""
    if isinstance(value, Md):
        return value
    if isinstance(value, Prosa):
        return Md(value.block())
    if value is None:
        return Md("")
    return escape(str(value))


def finalize(value: Any) -> Any:
    """Jinja ``finalize`` hook: what ``{{ value }}`` prints."""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    return md(value)


def link(text: str, anchor: str) -> Md:
    """``[text](#anchor)`` with the text escaped."""
    return Md(f"[{escape(text)}](#{anchor})")


def mdjoin(values: Any, sep: str = ", ") -> Md:
    """Join values, each escaped unless it is Markdown already (a Jinja filter)."""
    return Md(sep.join(md(v) for v in values))


_HEADING_LINE = re.compile(r"^(#{1,6}) (.*)$", re.M)
_PROSA_LEVEL = re.compile(r'(::: \{\.ik-prosa key="[^"]*" ebene=")(\d+)(")')


def placed(chapter: Any, level: int, title: str = "") -> Md:
    """A chapter written by the package with ``# `` headings, placed at ``level`` of the
    outline: every heading (and the texts under them) ``level - 1`` deeper, the first
    heading's text replaced by ``title`` if one is given (its anchor stays)."""
    text = str(md(chapter))
    if title:
        first = _HEADING_LINE.search(text)
        if first is not None:
            anchor = first.group(2).rfind(" {#")
            rest = first.group(2)[anchor:] if anchor >= 0 else ""
            text = (text[:first.start(2)] + escape(title) + rest + text[first.end(2):])
    shift = max(0, int(level) - 1)
    if shift:
        text = _HEADING_LINE.sub(lambda h: "#" * min(6, len(h.group(1)) + shift) + " "
                                 + h.group(2), text)
        text = _PROSA_LEVEL.sub(lambda p: f"{p.group(1)}{int(p.group(2)) + shift}{p.group(3)}",
                                text)
    return Md(text)


def cell(value: Any) -> Md:
    """A pipe-table cell: one line, ``|`` escaped, an em dash for nothing."""
    out = md(value)
    if isinstance(value, Prosa):
        raise ValueError("Markdown-Felder können nicht in Tabellenzellen stehen")
    out = Md(out.replace("\n", " ").strip())
    return out if out else Md("–")
