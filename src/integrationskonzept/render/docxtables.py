"""Table column widths of a DOCX written by pandoc, fitted to the page's text width.

pandoc writes every table with a fixed layout, ``w:tblW`` of 100 % and column widths
(``w:gridCol``) that add up to 7,920 twips (5.5 inches) whatever the reference document's
page: on an A4 page with 2.5 cm margins the grid is about 14 cm wide against 16 cm of
text. LibreOffice lays the columns out as the grid says, so a narrow column of numbers
broke „51.086“ into „51.08“ and „6“; which of the two widths Word follows is not written
down anywhere. Here each table's grid is scaled to the text width of its own section
(portrait or landscape, from the section's ``w:pgSz`` and ``w:pgMar``), keeping pandoc's
proportions, so both widths agree.
"""

from __future__ import annotations

import bisect
import re

_SECTION = re.compile(rb"<w:sectPr\b[^>]*>.*?</w:sectPr>", re.S)
_PAGE_WIDTH = re.compile(rb'<w:pgSz\b[^>]*\bw:w="(\d+)"')
_MARGINS = re.compile(rb"<w:pgMar\b([^>]*)>")
_TOKEN = re.compile(rb"<w:tbl>|</w:tbl>|<w:tblGrid>(?P<cols>.*?)</w:tblGrid>", re.S)
_COL = re.compile(rb'<w:gridCol w:w="(\d+)" ?/>')


def text_width(section: bytes) -> int | None:
    """The width between the margins of a ``<w:sectPr>`` in twips, if it says so."""
    page = _PAGE_WIDTH.search(section)
    margins = _MARGINS.search(section)
    if page is None or margins is None:
        return None
    attrs = dict(re.findall(rb'w:(\w+)="(-?\d+)"', margins.group(1)))
    width = int(page.group(1)) - sum(int(attrs.get(side, b"0"))
                                     for side in (b"left", b"right", b"gutter"))
    return width if width > 0 else None


def scaled(widths: list[int], total: int) -> list[int]:
    """``widths`` in the same proportions, adding up to exactly ``total``."""
    whole = sum(widths)
    exact = [w * total / whole for w in widths]
    out = [int(x) for x in exact]
    by_rest = sorted(range(len(out)), key=lambda i: (out[i] - exact[i], i))
    for i in by_rest[: total - sum(out)]:
        out[i] += 1
    return out


def fit_table_grids(xml: bytes) -> bytes:
    """Scale the grid of every top-level table to its section's text width.

    A section's properties stand at its end, so a table belongs to the first
    ``<w:sectPr>`` after it. Tables inside table cells keep their grid.
    """
    ends: list[int] = []
    widths: list[int | None] = []
    for match in _SECTION.finditer(xml):
        ends.append(match.end())
        widths.append(text_width(match.group(0)))
    if not ends:
        return xml
    parts: list[bytes] = []
    last = depth = 0
    for token in _TOKEN.finditer(xml):
        if token.group("cols") is None:
            depth += 1 if token.group(0) == b"<w:tbl>" else -1
            continue
        index = bisect.bisect_left(ends, token.start())
        width = widths[index] if index < len(widths) else widths[-1]
        cols = [int(c) for c in _COL.findall(token.group("cols"))]
        if depth != 1 or width is None or not cols or not all(cols):
            continue
        grid = _regrid(token.group("cols"), scaled(cols, width))
        parts += [xml[last:token.start("cols")], grid]
        last = token.end("cols")
    return b"".join(parts) + xml[last:]


def _regrid(grid: bytes, widths: list[int]) -> bytes:
    """``grid`` with its ``w:gridCol`` widths replaced by ``widths`` in order."""
    new = iter(widths)
    return _COL.sub(lambda _: b'<w:gridCol w:w="%d" />' % next(new), grid)
