"""Long documents read (and set for typst) in parts, on two cores at once.

Pandoc's Markdown reader is the slowest step of a Landkreis build (about 12 s of CPU
for 6.7 MB). The document splits cleanly between chapters: :func:`split_markdown`
cuts before level-1 headings, and only where nothing crosses the cut (no open code
fence or div, no heading that would take its identifier from pandoc's numbering of
duplicates, no heading right before the cut that ``quer.lua`` could pull into a
landscape section after it). Each part is read by its own pandoc; :func:`join_json`
splices the parts' blocks into one document, which equals what one reader gives:
footnotes, links and images in the generated Markdown never reach across chapters
(each text of the sources is balanced and numbered on its own, see ``prosa.py``).
When no clean cut exists the document is read whole.

A piece longer than a part may be (``most``: the Anhang of a large Landkreis, whose
Angebotsübersicht lists its Angebote under one heading per Handlungsfeld) is cut
further, also before level-2 and level-3 headings, with the same care. Such a part
does not start at the top of the outline: ``ebenen.lua`` must know the level of the
heading before it (:func:`levels_before`, ``IK_EBENE``), and the writers number it on
from the numbers before it (:func:`.htmlparts.chapters_before`; the DOCX's sections
that run across the cut: :mod:`.docxsections`).
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^(`{3,}|~{3,})")
_DIV = re.compile(r"^(:{3,})(.*)$")
_HEADING = re.compile(r"^(#{1,6})\s")
_UNDERLINE = re.compile(r"^(=+|-+)\s*$")
_EXPLICIT_ID = re.compile(r"\{#[^\s}]+[^}]*\}\s*$")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:", re.M)
_NOTE = re.compile(r"\[\^([^\]\s]+)\](:?)")


# the deepest heading a part may begin with (a chapter too long for one part)
TIEFSTE = 3


def split_markdown(markdown: str, parts: int = 2, most: int | None = None) -> list[str]:
    """``markdown`` in up to ``parts`` pieces of similar size, cut before level-1
    headings where that is safe; ``[markdown]`` when there is no such place. With
    ``most``, a piece longer than that is cut further, also before level-2 and level-3
    headings (into the fewest pieces of about ``most`` characters at most)."""
    if parts < 2 or _LINK_DEFINITION.search(markdown):
        return [markdown]  # reference links may point anywhere: read whole
    lines = markdown.splitlines(keepends=True)
    cuts = _safe_cuts(lines, TIEFSTE if most else 1)
    chapters = [i for i, level in cuts if level == 1]
    if not chapters:
        return [markdown]
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    chosen: list[int] = []
    for k in range(1, parts):
        target = offsets[-1] * k / parts
        best = min(chapters, key=lambda i: abs(offsets[i] - target))
        if not chosen or best > chosen[-1]:
            chosen.append(best)
    bounds = [0, *chosen, len(lines)]
    if most:
        every = [i for i, _level in cuts]
        bounds = [*(i for a, b in zip(bounds, bounds[1:], strict=False)
                    for i in [a, *_within(every, offsets, a, b, most)]), len(lines)]
    pieces = ["".join(lines[a:b]) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    return pieces if _notes_stay(pieces) else [markdown]


def _within(cuts: list[int], offsets: list[int], start: int, end: int, most: int) -> list[int]:
    """Cuts among ``cuts`` between the lines ``start`` and ``end`` that leave pieces of
    about ``most`` characters (none when that piece is not longer)."""
    size = offsets[end] - offsets[start]
    inside = [i for i in cuts if start < i < end]
    pieces = -(-size // most)
    chosen: list[int] = []
    if pieces < 2 or not inside:
        return chosen
    for k in range(1, pieces):
        target = offsets[start] + size * k / pieces
        best = min(inside, key=lambda i: abs(offsets[i] - target))
        if not chosen or best > chosen[-1]:
            chosen.append(best)
    return chosen


def levels_before(pieces: list[str]) -> list[int]:
    """For each piece, the level of the last heading before it as ``ebenen.lua`` makes
    it (no skipped levels; 0 before the first): what that filter must start from when
    the piece is read alone (``IK_EBENE``). Headings as :func:`split_markdown` sees them
    (at the start of a line, outside code fences); the reader's own headings of each
    piece confirm it (``pipeline``)."""
    out = []
    previous = 0
    for piece in pieces:
        out.append(previous)
        fence: str | None = None
        for text in piece.splitlines():
            if fence is not None:
                if text.startswith(fence) and not text.strip().strip(fence[0]):
                    fence = None
                continue
            found = _FENCE.match(text)
            if found:
                fence = found.group(1)
                continue
            heading = _HEADING.match(text)
            if heading:
                previous = min(len(heading.group(1)), previous + 1)
    return out


def first_level(piece: str) -> int:
    """The level of the heading a piece begins with (0 when it begins otherwise)."""
    heading = _HEADING.match(piece)
    return len(heading.group(1)) if heading else 0


def _notes_stay(pieces: list[str]) -> bool:
    """Every footnote reference has its definition in the same piece."""
    for piece in pieces:
        refs: set[str] = set()
        defs: set[str] = set()
        for m in _NOTE.finditer(piece):
            (defs if m.group(2) else refs).add(m.group(1))
        if refs - defs:
            return False
    return True


def _safe_cuts(lines: list[str], deepest: int = 1) -> list[tuple[int, int]]:
    """Line numbers before which the document may be cut, with the level of the heading
    there: headings down to ``deepest`` with an explicit identifier, outside fences and
    divs, not right after a heading. None at all when a heading after a cut has no
    explicit identifier (pandoc numbers duplicate automatic identifiers across the whole
    text) or a line could underline a setext heading; a deeper cut is dropped when
    such a heading follows it."""
    cuts: list[tuple[int, int]] = []
    automatic = -1  # the last heading without an explicit identifier
    fence: str | None = None
    divs = 0
    last = ""  # the last non-blank line
    before = ""  # the line just before
    for i, line in enumerate(lines):
        text = line.rstrip("\n")
        if fence is not None:
            if text.startswith(fence) and not text.strip().strip(fence[0]):
                fence = None
            before = last = text
            continue
        found = _FENCE.match(text)
        if found:
            fence = found.group(1)
            before = last = text
            continue
        div = _DIV.match(text)
        if div:
            divs = divs + 1 if div.group(2).strip() else max(divs - 1, 0)
        heading = _HEADING.match(text)
        if heading and not _EXPLICIT_ID.search(text):
            if any(level == 1 for _i, level in cuts):
                return []
            automatic = i
        if _UNDERLINE.match(text) and before.strip() and not before.lstrip().startswith("|"):
            return []
        if (heading and len(heading.group(1)) <= deepest and _EXPLICIT_ID.search(text)
                and divs == 0 and i > 0 and not _HEADING.match(last)):
            cuts.append((i, len(heading.group(1))))
        before = text
        if text.strip():
            last = text
    if fence is not None or divs != 0:
        return []
    return [(i, level) for i, level in cuts if level == 1 or i > automatic]


def join_json(parts: list[bytes]) -> bytes:
    """One pandoc JSON document from the JSON of its parts (meta of the first part):
    the same bytes pandoc writes for the whole text."""
    marker = b'"blocks":['
    head, _, _ = parts[0].rpartition(b"]}")
    out = [head]
    tail = parts[-1][parts[-1].rindex(b"]}"):]
    for part in parts[1:]:
        body = part[part.index(marker) + len(marker):part.rindex(b"]}")]
        if body:
            out.append(b"," if not head.endswith(b"[") else b"")
            out.append(body)
            head = body
    out.append(tail)
    return b"".join(out)
