"""Walking a concept: every entry, and every reference an entry makes."""

from __future__ import annotations

import posixpath
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from operator import is_
from pathlib import Path

from pydantic import BaseModel

from ..problems import Location
from .concept import Konzept
from .fields import Entry
from .refwalk import (
    REF_IN_TEXT,
    IdsByField,
    MarkdownText,
    Ref,
    RefField,
    TextRef,
    TextStart,
    Walker,
    id_walker,
    walk_entry,
    walker,
)

__all__ = ["REF_IN_TEXT", "MarkdownText", "Ref", "RefField", "TextRef", "TextStart",
           "all_refs", "entries", "ids_by_field", "image_file", "markdown_joined", "markdown_texts",
           "prefixed_refs", "ref_fields", "sources", "text_ref_location", "text_refs"]


def entries(konzept: Konzept) -> Iterator[Entry]:
    """Every entry read from the sources (vocabularies, content, meta lists), in source order."""
    for name in ("handlungsfelder", "zielgruppen", "sozialraeume", "sprachen", "merkmale",
                 "kapitel", "akteure", "ziele", "massnahmen", "angebote", "bedarfe",
                 "veranstaltungen", "arbeitsgruppen", "befragungen", "indikatoren",
                 "berichte"):
        yield from getattr(konzept, name).values()
    for name in ("beschluesse", "foerderung", "bevoelkerung", "glossar", "abkuerzungen"):
        yield from getattr(konzept, name)


def sources(konzept: Konzept) -> Iterator[Entry]:
    """Every entry plus the single-valued head of every file: all that can hold references."""
    yield from konzept.heads
    yield from entries(konzept)


def all_refs(konzept: Konzept) -> list[Ref]:
    """Every reference written in the concept: (entry, field, id, path); computed once."""
    cached = konzept.cache.get("refs")
    if cached is None:
        cached = konzept.cache["refs"] = _each(ref_fields(konzept))
    return cached


def _each(fields: list[RefField]) -> list[Ref]:
    """The references of the fields one by one, in order."""
    out: list[Ref] = []
    for entry, field, ids, at, listed in fields:
        if listed:
            out += [(entry, field, ident, at + (i,)) for i, ident in enumerate(ids)]
        else:
            out += [(entry, field, ident, at) for ident in ids]
    return out


def ref_fields(konzept: Konzept) -> list[RefField]:
    """Every reference written in the concept, by field (:data:`~.refwalk.RefField`), in
    the order of :func:`all_refs`; computed once."""
    cached = konzept.cache.get("ref_fields")
    if cached is None:
        cached = _walk_sources(konzept, walker)[0]
    return cached


def ids_by_field(konzept: Konzept) -> dict[str, list[str]]:
    """The ids written in each field (``"[[…]]"``: in texts of YAML fields), as in
    :func:`ref_fields`; computed once."""
    cached = konzept.cache.get("ids_by_field")
    if cached is None:
        _walk_sources(konzept)
        cached = konzept.cache["ids_by_field"]
    return cached  # type: ignore[no-any-return]


def prefixed_refs(konzept: Konzept) -> list[Ref]:
    """The references to other concepts of a Landkreis („kreis:jobcenter“), in the order
    of :func:`all_refs`; computed once."""
    cached = konzept.cache.get("prefixed_refs")
    if cached is None:
        # Most concepts name no other concept: one look over all ids at once says so.
        if not any(":" in "\n".join(ids) for ids in ids_by_field(konzept).values()):
            cached = []
        else:
            cached = _each([f for f in ref_fields(konzept)
                            if any(":" in ident for ident in f[2])])
        konzept.cache["prefixed_refs"] = cached
    return cached


def _walk_sources(konzept: Konzept, walk: Callable[[type[BaseModel]], Walker] = id_walker
                  ) -> tuple[list[RefField], list[MarkdownText]]:
    """One walk over every entry for the ids by field, the Markdown texts and the ``[[id]]``
    in them (:func:`text_refs`); with ``walk`` :func:`~.refwalk.walker` also for the
    references by field (:func:`ref_fields`), which `ik validate` reads only when some
    reference is not known (else :func:`~.refwalk.id_walker` leaves them out)."""
    refs: list[RefField] = []
    ids: IdsByField = defaultdict(list)
    texts: list[MarkdownText] = []
    trefs: list[TextRef] = []
    # of lists rebuilt from snapshots what the walk finds is known (model/walkfacts.py);
    # not the references by field
    walked = konzept.walked if walk is id_walker else None
    items = iter(sources(konzept))
    for entry in items:
        group = walked.get(id(entry)) if walked else None
        batch: Iterable[Entry] = (entry,)
        if group is not None and group.entries[0] is entry:
            rest = list(islice(items, len(group.entries) - 1))
            if len(rest) == len(group.entries) - 1 and all(map(is_, rest, group.entries[1:])):
                group.add(ids, texts, trefs)
                continue
            batch = (entry, *rest)  # (the concept was changed after loading)
        for e in batch:
            walk_entry(walk, e, refs, ids, texts, trefs)
    finditer = REF_IN_TEXT.finditer
    for rel, text in konzept.texte.items():
        start = TextStart(None, (rel,), Location(rel, 1, 1))
        texts.append((text, start, posixpath.dirname(rel)))
        if "[[" in text:
            trefs += [(m.group(1), start, m.start()) for m in finditer(text)]
    cache = konzept.cache
    if walk is walker:
        cache["ref_fields"] = refs
    if "markdown" in cache:  # walked before without the references: the same values
        return refs, cache["markdown"]
    cache["ids_by_field"] = dict(ids)
    cache["markdown"] = texts
    cache["text_refs"] = trefs
    return refs, texts


# Alt text: plain characters, escapes and one level of nested [brackets]. No part of
# the pattern can scan past the next unbalanced bracket, so a failed match costs only
# up to there and scanning stays linear (``![`` repeated 100,000 times included).
IMAGE_IN_TEXT = re.compile(
    r"!\[((?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)\]\(\s*<?([^)\s>]*)")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg", ".gif")
_IMAGE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*(/[A-Za-z0-9_][A-Za-z0-9_.\-]*)*$")


def image_file(root: Path, basis: str, src: str) -> tuple[str, Path] | None:
    """(name relative to the concept, file) of an image a text shows, if the build can use it.

    Usable means: a relative path (to ``basis``, the text's folder) that stays inside the
    concept folder, names a PNG, JPG, SVG or GIF file, and exists. The build copies
    exactly these; `ik validate` reports every other image (IK702).
    """
    name = posixpath.normpath(posixpath.join(basis, src))
    if (not src or name.startswith(("../", "/")) or not _IMAGE_NAME.match(name)
            or not name.lower().endswith(IMAGE_SUFFIXES)):
        return None
    base = root.resolve()
    path = (base / name).resolve()
    if not path.is_relative_to(base) or not path.is_file():
        return None
    return name, path


def markdown_texts(konzept: Konzept) -> Iterator[MarkdownText]:
    """Every Markdown text: (text, where it starts, folder its image paths are relative to).

    Fields in YAML files are located at their value (paths relative to the concept
    folder); Markdown files (chapters, Ausgangslagen) at line 1 of the file (paths
    relative to the file's folder).
    """
    yield from _markdown(konzept)


def markdown_joined(konzept: Konzept) -> str:
    """Every Markdown text after a line break, as one text; computed once. A check that
    looks for something rare looks for it here first, once, instead of in each text."""
    cached: str | None = konzept.cache.get("markdown_joined")
    if cached is None:
        cached = konzept.cache["markdown_joined"] = "\n" + "\n".join(
            [text for text, _start, _basis in _markdown(konzept)])
    return cached


def _markdown(konzept: Konzept) -> list[MarkdownText]:
    cached = konzept.cache.get("markdown")
    if cached is None:
        cached = _walk_sources(konzept)[1]
    return cached


def text_refs(konzept: Konzept) -> list[TextRef]:
    """Every ``[[id]]`` written in a Markdown text, in source order; computed once (by
    the walk that finds the references).

    Only ids and handles: :func:`text_ref_location` finds the position of one reference
    in its file when a check reports it (the happy path reads no positions).
    """
    cached = konzept.cache.get("text_refs")
    if cached is None:
        _walk_sources(konzept)
        cached = konzept.cache["text_refs"]
    return cached  # type: ignore[no-any-return]


def text_ref_location(konzept: Konzept, ref: TextRef) -> Location:
    """Where a reference of :func:`text_refs` is written: at its ``[[``.

    YAML fields (also block scalars) are searched in the file from the value's start;
    Markdown files are located by the offset of the match.
    """
    ident, start, n = ref
    base = start.location()
    if start.entry is None:
        return _SourceText(konzept.texte[base.file]).position(n, base.file)
    raw = _source_text(konzept, base.file)
    return (raw.find(base, "[[" + ident, n) if raw is not None else None) or base


class _SourceText:
    """A file's text with the offsets of its line starts, for positions by offset."""

    __slots__ = ("text", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        at = text.find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = text.find("\n", at + 1)
        self.starts = starts

    def position(self, offset: int, file: str) -> Location:
        line = bisect_right(self.starts, offset)
        return Location(file, line, offset - self.starts[line - 1] + 1)

    def find(self, base: Location, needle: str, n: int) -> Location | None:
        """The ``n``-th occurrence of ``needle`` after the position ``base``."""
        if not base.line:
            return None
        k = base.line - 1
        start = self.starts[k] if k < len(self.starts) else len(self.text) + 1
        at = start + max(base.column - 1, 0) - 1
        for _ in range(n + 1):
            at = self.text.find(needle, at + 1)
            if at < 0:
                return None
        return self.position(at, base.file)


def _source_text(konzept: Konzept, rel: str) -> _SourceText | None:
    """The text of the YAML file ``rel`` as read from disk (newlines as in text mode),
    once per concept."""
    memo: dict[str, _SourceText | None] = konzept.cache.setdefault("source_texts", {})
    if rel not in memo:
        text = konzept.quelltexte.get(rel) if rel else None
        if text is not None:
            text = text.removeprefix("\ufeff")
            if "\r" in text:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
        else:
            text = _read(konzept.root, rel) if rel else None
        memo[rel] = _SourceText(text) if text is not None else None
    return memo[rel]


def _read(root: Path, rel: str) -> str | None:
    try:
        return (root / rel).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
