"""Sections of a DOCX that run across the parts it is written in (a chapter cut inside).

Pandoc's DOCX writer marks each section with a bookmark from before its heading to the
section's end, and numbers that bookmark when the section ends, after everything in it
(the values of its one counter, :mod:`.docxparts`, run in the order things end). A part
that ends inside a chapter (:mod:`.chunks` cuts a chapter longer than a part before its
sections) closes the chapter's open sections at its own end; the whole document closes
them where the next heading of their level or above begins, in a later part.
:class:`Abschnitte` moves those ends there for the join and numbers them as the whole
document does; meanwhile they carry place holders (``ik-offen-N``), which no pattern
of the counter matches.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

_START = re.compile(rb'<w:bookmarkStart w:id="([^"]+)" w:name="([^"]*)" />')
ENDS = re.compile(rb"(?:\s*<w:bookmarkEnd [^>]*/>)+\s*$")
_END_ID = re.compile(rb'<w:bookmarkEnd w:id="([^"]+)" />')
_HOLDER = re.compile(rb'w:id="(ik-offen-\d+)"')
_NO_SECTION = 99  # the "level" of a bookmark that is no section's


class Abschnitte:
    """The sections still open at a cut, outermost first, by the levels of the
    document's headings (``ebenen``: identifier -> level, ``lesen.lua``'s headings)."""

    def __init__(self, ebenen: Mapping[str, int]) -> None:
        self.ebenen = {ident.encode(): level for ident, level in ebenen.items()}
        self.offen: list[tuple[int, bytes]] = []  # (level, place holder)
        self.ids: dict[bytes, int] = {}  # the place holders' final ids
        self._count = 0

    def first_level(self, body: bytes) -> int:
        """The level of the first section that begins in ``body`` (0: none)."""
        for found in _START.finditer(body):
            level = self.ebenen.get(found.group(2))
            if level is not None:
                return level
        return 0

    def carry(self, blocks: list[bytes], top: int, level: int) -> int:
        """Before a part that begins with a section of ``level``: the sections the last
        block closes at its end that go on (a lower level) stay open, their ids given
        back; the counter's top without them."""
        ends = ENDS.search(blocks[-1])
        if ends is None:
            return top
        closing = [found.group(1) for found in _END_ID.finditer(ends.group(0))]
        starts = {ident: self._start_of(blocks, ident) for ident in closing}
        going_on = [ident for ident in closing if starts[ident][1] < level]
        if closing[len(closing) - len(going_on):] != going_on:
            raise ValueError("sections that go on are not the outermost at the cut")
        if sorted(int(ident) for ident in going_on) != list(
                range(top - len(going_on) + 1, top + 1)):
            raise ValueError("the sections that go on did not end last")
        kept = b"".join(b"\n    " + found.group(0) for found in _END_ID.finditer(ends.group(0))
                        if found.group(1) not in going_on)
        blocks[-1] = blocks[-1][:ends.start()] + kept
        for ident in reversed(going_on):  # the outermost first
            holder = f"ik-offen-{self._count}".encode()
            self._count += 1
            at, section = starts[ident]
            blocks[at] = blocks[at].replace(_start(ident), _start(holder), 1)
            self.offen.append((section, holder))
        return top - len(going_on)

    def close(self, body: bytes, allocated: list[tuple[int, int]], shift: int, low: int
              ) -> tuple[bytes, Callable[[int], int]]:
        """A later part's body (not yet renumbered) with the ends of the open sections
        that end in it, and how its counter's values move: past the values before them
        (``shift``) and past each end before them. ``allocated``: (position, value) of
        what the part counts, where it is counted; ``low``: its smallest value."""
        closes: list[tuple[int, bytes]] = []
        for found in _START.finditer(body):
            level = self.ebenen.get(found.group(2))
            if level is None:
                continue
            while self.offen and self.offen[-1][0] >= level:
                closes.append((found.start(), self.offen.pop()[1]))
            if not self.offen:
                break
        thresholds = []
        for number, (position, holder) in enumerate(closes, 1):
            threshold = max((value for at, value in allocated if at < position), default=low - 1)
            thresholds.append(threshold)
            self.ids[holder] = threshold + shift + number
        for position, holder in reversed(closes):
            body = (body[:position] + b'<w:bookmarkEnd w:id="' + holder + b'" />\n    '
                    + body[position:])

        def move(value: int) -> int:
            return value + shift + sum(1 for threshold in thresholds if threshold < value)

        return body, move

    def finish(self, blocks: list[bytes], top: int) -> None:
        """The sections still open end with the document; every place holder gets its id."""
        while self.offen:
            _level, holder = self.offen.pop()
            top += 1
            self.ids[holder] = top
            blocks[-1] += b'\n    <w:bookmarkEnd w:id="' + holder + b'" />'
        if self.ids:
            for i, block in enumerate(blocks):
                blocks[i] = _HOLDER.sub(
                    lambda found: b'w:id="' + str(self.ids[found.group(1)]).encode() + b'"',
                    block)

    def _start_of(self, blocks: list[bytes], ident: bytes) -> tuple[int, int]:
        """The block with the start of the bookmark ``ident`` and its heading's level (a
        bookmark that is no heading's, a div's, never runs across a cut: it ends here)."""
        start = _start(ident) + b'w:name="'
        for at in range(len(blocks) - 1, -1, -1):
            found = blocks[at].find(start)
            if found >= 0:
                name = blocks[at][found + len(start):blocks[at].index(b'"', found + len(start))]
                return at, self.ebenen.get(name, _NO_SECTION)
        raise ValueError(f"no start of the bookmark {ident!r}")


def _start(ident: bytes) -> bytes:
    """The beginning of the start tag of the bookmark ``ident``."""
    return b'<w:bookmarkStart w:id="' + ident + b'" '
