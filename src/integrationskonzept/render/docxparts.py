"""The DOCX of a long document written in the parts it was read in, joined into one.

Pandoc's DOCX writer holds the whole document (0.77 GB at Landkreis scale). The parts
the document was read in (:mod:`.chunks`, cut before chapters or sections) are written
one by one instead (about 0.5 GB each), each numbered on from the numbers before it
(``--number-offset``, as :mod:`.htmlparts` plans it), only the first with the table
of contents; :func:`join` makes one package of them, the package pandoc writes for
the whole document, which :func:`.docxpost.finish_docx` then finishes as before.

What pandoc's DOCX writer counts through the document, and the join continues:

- one counter for bookmark ids, the relationship ids of images and web links (and so
  the names of the media files), the ids of drawings (``wp:docPr``, ``pic:cNvPr``)
  and footnotes: a later part's values are moved past all values before it;
- lists: every list its own ``w:num``; the list definitions (``w:abstractNum``, one
  per kind of marker, their ids made of it) shared by equal content;
- the cached numbers of captions (``SEQ Figure``, ``SEQ Table``; Word counts them
  anew anyway) and the bookmarks of captions without an identifier (``table3``);
- the title block (title, subtitle, author, date) is written by every part and kept
  from the first; the section properties at the end of the body from the last.

Internal links (``w:hyperlink w:anchor``) name their bookmark and need nothing. The
joined package is byte for byte the whole document's unless an image file or a web link
occurs in two parts: pandoc then gives it one id, and the ids counted after it differ.
Comments keep the ids their author gave them; a document with comments is written
whole (:func:`plan`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from . import htmlparts
from .docxpackage import (
    DOCUMENT,
    LIST,
    NOTES,
    OWN,
    RELS,
    Package,
    add_lists,
    add_own_relationships,
    attributes,
    image_paths,
    in_pandocs_order,
    insert,
    rel_number,
    relationships,
)
from .docxsections import ENDS, Abschnitte

_BODY = b"<w:body>"
_TITLE_BLOCK = re.compile(
    rb'\s*<w:p>\s*<w:pPr>\s*<w:pStyle w:val="(?:Title|Subtitle|Author|Date|AbstractTitle|'
    rb'Abstract)" />.*?</w:p>', re.S)
# the values of pandoc's counter, and the references to relationships and lists
_COUNTED = re.compile(
    rb'(<w:bookmark(?:Start|End) w:id="|<w:footnote(?:Reference)? w:id="'
    rb'|<wp:docPr\b[^>]*? id="|<pic:cNvPr\b[^>]*? id=")(\d+)"')
_REFERENCE = re.compile(rb'( r:(?:embed|id|link|pict)=")([^"]+)"')
_SEQ = re.compile(rb'(<w:fldSimple w:instr="SEQ (\w+) [^"]*">\s*<w:r>\s*<w:t>)(\d+)<')
# the bookmarks pandoc names by the number of a caption without an identifier
_CAPTION_MARK = re.compile(rb'(<w:bookmarkStart w:id="\d+" w:name=")(table|ref_fig)(\d+)"')
_CAPTION_SEQ = {b"table": b"Table", b"ref_fig": b"Figure"}
_NOTE = re.compile(rb'<w:footnote w:id="(\d+)">.*?</w:footnote>', re.S)


@dataclasses.dataclass(frozen=True)
class Plan:
    """Each part with the numbers it is numbered on from, and the level of every heading
    by identifier (for sections that run across a cut, :mod:`.docxsections`)."""

    parts: list[tuple[str, str]]
    ebenen: dict[str, int]


def plan(build: Path, teile: list[str]) -> Plan | None:
    """How the DOCX is written in the parts of ``dokument.json``: each part with the
    numbers it is numbered on from (``--number-offset``,
    :func:`.htmlparts.chapters_before`); None when it must be written whole (one part,
    a part's headings unknown, or comments)."""
    if any(b'"comment-start"' in (build / teil).read_bytes() for teil in teile):
        return None
    found = htmlparts.chapters_before(build, teile)
    if found is None:
        return None
    heads, parts = found
    ebenen = {block["c"][1][0]: block["c"][0] for head in heads for block in head["blocks"]
              if block.get("t") == "Header" and block["c"][1][0]}
    return Plan(parts, ebenen)


def join(parts: Sequence[bytes], ebenen: Mapping[str, int] | None = None) -> bytes:
    """One DOCX from pandoc's DOCX files of consecutive parts of one document;
    ``ebenen`` (heading identifier -> level) where a part may begin inside a chapter
    (:mod:`.docxsections`). ValueError when the parts do not fit together so."""
    joined = _package(parts[0])
    document = joined.files[DOCUMENT]
    start = document.index(_BODY) + len(_BODY)
    blocks = [_blocks(document)]
    top = max(_counted(document) + _counted(joined.files.get(NOTES, b""))
              + [rel_number(rel) for rel in relationships(joined.files[RELS])], default=0)
    seq: dict[bytes, int] = {}
    _count_seq(blocks[0], seq)
    tail = document
    pictures = image_paths(document)
    sections = Abschnitte(ebenen or {})
    for number, data in enumerate(parts[1:], 2):
        part = _package(data)
        tail = part.files[DOCUMENT]
        body = _strip_title(tail)
        own = [rel for rel in relationships(part.files[RELS])
               if attributes(rel).get(b"Type", b"").endswith(OWN)]
        notes = part.files.get(NOTES, b"")
        level = sections.first_level(body)
        if level > 1:  # begins inside a chapter: its open sections go on
            top = sections.carry(blocks, top, level)
        values = [value for value in _counted(body) + _counted(notes)
                  + [rel_number(rel) for rel in own] if value > 0] or [top + 1]
        shift = top - min(values) + 1
        body, move = sections.close(body, _allocated(body, own, notes) if sections.offen
                                    else [], shift, min(values))
        renumber = _Renumbering(
            move, dict(seq),
            add_own_relationships(joined, part, own, move, number, pictures),
            add_lists(joined, part, body + notes))
        top = max([move(max(values)), *sections.ids.values()])
        blocks.append(renumber(body))
        _quer_before_ends(blocks)
        _append_notes(joined, part, renumber)
        _count_seq(body, seq)
    sections.finish(blocks, top)
    end = len(_blocks(tail)) + tail.index(_BODY) + len(_BODY)
    joined.files[DOCUMENT] = document[:start] + b"".join(blocks) + tail[end:]
    in_pandocs_order(joined, pictures)
    return joined.write()


def _allocated(body: bytes, own: list[bytes], notes: bytes) -> list[tuple[int, int]]:
    """Where in a part's body each value of the counter is counted: a bookmark where it
    ends, a relationship where it is first used, anything else where it stands. A value
    counted elsewhere (inside a footnote) cannot be placed: ValueError."""
    out = [(found.start(), int(found.group(2))) for found in _COUNTED.finditer(body)
           if not found.group(1).startswith(b"<w:bookmarkStart")]
    numbers = {attributes(rel)[b"Id"]: rel_number(rel) for rel in own}
    used: set[bytes] = set()
    for found in _REFERENCE.finditer(body):
        if found.group(2) in numbers and found.group(2) not in used:
            used.add(found.group(2))
            out.append((found.start(), numbers[found.group(2)]))
    placed = {value for _at, value in out}
    notes_own = {int(found.group(1)) for found in _NOTE.finditer(notes)}
    if any(value not in placed and value not in notes_own and value > 0
           for value in _counted(notes)) or any(n not in placed for n in numbers.values() if n):
        raise ValueError("a value of the counter is not placed in the part's body")
    return out


def _package(data: bytes) -> Package:
    package = Package(data)
    if b"<w:comment " in package.files.get("word/comments.xml", b""):
        raise ValueError("a part with comments")
    return package


@dataclasses.dataclass(frozen=True)
class _Renumbering:
    """What a later part's XML changes: ``move`` for the values of pandoc's counter,
    the captions counted before it (``seq``), the new ids of its relationships and
    lists."""

    move: Callable[[int], int]
    seq: dict[bytes, int]
    renamed: dict[bytes, bytes]
    lists: dict[bytes, bytes]

    def __call__(self, xml: bytes) -> bytes:
        xml = _CAPTION_MARK.sub(lambda found: found.group(1) + found.group(2) + str(
            int(found.group(3)) + self.seq.get(_CAPTION_SEQ[found.group(2)], 0)).encode()
            + b'"', xml)
        return _ANY.sub(self._change, xml)

    def _change(self, found: re.Match[bytes]) -> bytes:
        if found.group(1) is not None:
            value = int(found.group(2))
            return found.group(1) + str(self.move(value) if value > 0 else value).encode() + b'"'
        if found.group(3) is not None:
            return found.group(3) + self.renamed.get(found.group(4), found.group(4)) + b'"'
        if found.group(5) is not None:
            return found.group(5) + self.lists.get(found.group(6), found.group(6)) + b'"'
        return (found.group(7) + str(int(found.group(9)) + self.seq.get(found.group(8), 0))
                .encode() + b"<")


_ANY = re.compile(_COUNTED.pattern + b"|" + _REFERENCE.pattern + b"|" + LIST.pattern + b"|"
                  + _SEQ.pattern)


_QUER = b"<!--IK-QUER-ANFANG-->"


def _quer_before_ends(blocks: list[bytes]) -> None:
    """A part that begins with a landscape section (quer.lua pulls the chapter's
    headings into it): the whole document's writer puts its mark inside the section
    before, ahead of that section's closing bookmarks; so does the join."""
    body = blocks[-1].lstrip()
    if not body.startswith(_QUER):
        return
    ends = ENDS.search(blocks[-2])
    if ends is None:
        return
    blocks[-2] = blocks[-2][:ends.start()] + b"\n    " + _QUER + ends.group(0)
    blocks[-1] = body[len(_QUER):]


def _blocks(xml: bytes) -> bytes:
    """The body's blocks without the section properties at its end (nor the white
    space before them)."""
    return xml[xml.index(_BODY) + len(_BODY):xml.rindex(b"<w:sectPr")].rstrip()


def _strip_title(xml: bytes) -> bytes:
    """A later part's blocks without the title block every part begins with."""
    blocks = _blocks(xml)
    position = 0
    while found := _TITLE_BLOCK.match(blocks, position):
        position = found.end()
    return blocks[position:]


def _counted(xml: bytes) -> list[int]:
    return [int(found.group(2)) for found in _COUNTED.finditer(xml)]


def _count_seq(xml: bytes, seq: dict[bytes, int]) -> None:
    for found in _SEQ.finditer(xml):
        seq[found.group(2)] = seq.get(found.group(2), 0) + 1


def _append_notes(joined: Package, part: Package,
                  renumber: Callable[[bytes], bytes]) -> None:
    """The part's footnotes (not the separators) after the joined ones, renumbered."""
    whole = [found.group(0) for found in _NOTE.finditer(part.files.get(NOTES, b""))
             if int(found.group(1)) > 0]
    if not whole:
        return
    joined.files[NOTES] = insert(joined.files[NOTES], b"</w:footnotes>",
                                 b"".join(renumber(note) for note in whole))

