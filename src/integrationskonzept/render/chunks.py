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


def split_markdown(markdown: str, parts: int = 2) -> list[str]:
    """``markdown`` in up to ``parts`` pieces of similar size, cut before level-1
    headings where that is safe; ``[markdown]`` when there is no such place."""
    if parts < 2 or _LINK_DEFINITION.search(markdown):
        return [markdown]  # reference links may point anywhere: read whole
    lines = markdown.splitlines(keepends=True)
    cuts = _safe_cuts(lines)
    if not cuts:
        return [markdown]
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    chosen: list[int] = []
    for k in range(1, parts):
        target = offsets[-1] * k / parts
        best = min(cuts, key=lambda i: abs(offsets[i] - target))
        if not chosen or best > chosen[-1]:
            chosen.append(best)
    bounds = [0, *chosen, len(lines)]
    pieces = ["".join(lines[a:b]) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    return pieces if _notes_stay(pieces) else [markdown]


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


def _safe_cuts(lines: list[str]) -> list[int]:
    """Line numbers before which the document may be cut: level-1 headings with an
    explicit identifier, outside fences and divs, not right after a heading. None at
    all when a heading after a cut has no explicit identifier (pandoc numbers
    duplicate automatic identifiers across the whole text) or a line could underline
    a setext heading."""
    cuts: list[int] = []
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
        if heading and not _EXPLICIT_ID.search(text) and cuts:
            return []
        if _UNDERLINE.match(text) and before.strip() and not before.lstrip().startswith("|"):
            return []
        if (heading and len(heading.group(1)) == 1 and _EXPLICIT_ID.search(text)
                and divs == 0 and i > 0 and not _HEADING.match(last)):
            cuts.append(i)
        before = text
        if text.strip():
            last = text
    return cuts if fence is None and divs == 0 else []


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
