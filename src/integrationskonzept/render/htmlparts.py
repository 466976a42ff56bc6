"""The HTML page of a long document written in parts, on two cores (Landkreis scale).

Pandoc's HTML writer holds the whole document (0.8 GB and 11 s of CPU at Landkreis
scale) and may not run beside the DOCX writer. The parts the document was read in
(:mod:`.chunks`, cut before chapters, or before sections of a chapter too long for one
part) are written one by one instead (0.47 GB each), without the page around them and
each numbered on from the numbers before it (``--number-offset``); the page itself –
title, table of contents, stylesheet – is written from the headings of all parts alone
(``lesen.lua`` writes each part's headings beside it, ``<teil>-koepfe.json``). The
bodies of the parts, joined, are the body of the page: the same bytes as the whole
document written at once.

Only where the HTML writer keeps no count across the document: no footnotes (numbered
through the whole page, listed at its end) and no code blocks (numbered ``cb1`` …),
and the headings of every part known (each part's sections are numbered on from the
numbers before it, as in the whole). Otherwise the page is written whole.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

# what the HTML writer counts through the whole document
_COUNTED = re.compile(rb'"t":"(?:Note|CodeBlock)"')
MAIN = b'<main id="ik-inhalt">\n'  # the page template's body, templates/html/seite.html5
_MAIN_END = b"\n</main>"


@dataclasses.dataclass(frozen=True)
class Plan:
    """The page's headings (``page``, a JSON file in the build folder) and each part
    with the numbers it is numbered on from (``--number-offset``)."""

    page: str
    parts: list[tuple[str, str]]


def koepfe(teil: str) -> str:
    """The file name of the headings of the part ``teil`` (``teil-1.json``)."""
    return teil.removesuffix(".json") + "-koepfe.json"


def plan(build: Path, teile: list[str], around: list[str]) -> Plan | None:
    """How the HTML of the parts ``teile`` of ``dokument.json`` is written in parts, or
    None when it must be written whole. ``around``: the files the page includes
    (stylesheet, logo), which must not hold the marker of the body."""
    if len(teile) < 2 or any(MAIN[:-1] in (build / name).read_bytes() for name in around):
        return None
    if any(_COUNTED.search((build / teil).read_bytes()) for teil in teile):
        return None
    found = chapters_before(build, teile)
    if found is None:
        return None
    heads, parts = found
    page = {**heads[0], "blocks": [block for head in heads for block in head["blocks"]]}
    (build / "koepfe.json").write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
    return Plan("koepfe.json", parts)


def chapters_before(build: Path, teile: list[str]
                    ) -> tuple[list[dict[str, Any]], list[tuple[str, str]]] | None:
    """The headings of each part (``lesen.lua``'s ``<teil>-koepfe.json``) and each part
    with the numbers it is numbered on from (``--number-offset``: for a part that begins
    with a chapter the number of chapters before it; inside a chapter, the number of the
    heading before it, as pandoc counts); None when there is one part or a part's
    headings are missing."""
    if len(teile) < 2:
        return None
    heads: list[dict[str, Any]] = []
    for teil in teile:
        path = build / koepfe(teil)
        if not path.is_file():
            return None
        heads.append(json.loads(path.read_bytes()))
    parts: list[tuple[str, str]] = []
    numbers: list[int] = []  # the number of the last numbered heading, as pandoc counts
    for teil, head in zip(teile, heads, strict=True):
        blocks = head["blocks"]
        level = _numbered(blocks[0]) if blocks else 0
        offset = numbers[:level] if level else numbers
        parts.append((teil, ",".join(map(str, offset or [0]))))
        for block in blocks:
            level = _numbered(block)
            if level:
                numbers = ([*numbers[:level - 1], numbers[level - 1] + 1]
                           if len(numbers) >= level
                           else [*numbers, *[0] * (level - len(numbers) - 1), 1])
    return heads, parts


def _numbered(block: dict[str, Any]) -> int:
    """The level of a heading that pandoc numbers (0 for anything else)."""
    if block.get("t") != "Header":
        return 0
    level, (_ident, classes, _attrs), _inlines = block["c"]
    return 0 if "unnumbered" in classes else int(level)


def join(page: bytes, bodies: list[bytes]) -> bytes:
    """The page written from the headings with the parts' bodies as its body."""
    start = page.index(MAIN) + len(MAIN)
    end = page.rindex(_MAIN_END)
    return page[:start] + b"\n".join(body.rstrip(b"\n") for body in bodies) + page[end:]
