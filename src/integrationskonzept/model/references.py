"""Walking a concept: every entry, and every reference an entry makes."""

from __future__ import annotations

import posixpath
import re
import typing
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..problems import Location
from .concept import Konzept, where
from .fields import Entry, MarkdownMarker, QuelleMarker, RefMarker, is_reference, source_of

REF_IN_TEXT = re.compile(r"\[\[([^\[\]\s|]+)(?:\|[^\[\]]*)?\]\]")


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


@cache
def _plan(cls: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """Per model class: (field, how) with how in ref/refs/md/entry/entries."""
    plan = []
    for name, info in cls.model_fields.items():
        ann = info.annotation
        if _marked(info.metadata, ann, QuelleMarker):
            plan.append((name, "quellen"))
        elif _marked(info.metadata, ann, RefMarker):
            plan.append((name, "refs" if _is_list(ann) else "ref"))
        elif _marked(info.metadata, ann, MarkdownMarker):
            plan.append((name, "md"))
        else:
            inner = _entry_type(ann)
            if inner is not None:
                plan.append((name, "entries" if _is_list(ann) else "entry"))
    return tuple(plan)


def _marked(metadata: list[Any], ann: Any, marker: type) -> bool:
    """Whether the field (or the type inside its Optional) carries ``marker``."""
    if any(isinstance(m, marker) for m in metadata):
        return True
    if any(isinstance(m, marker) for m in getattr(ann, "__metadata__", ())):
        return True
    return any(_marked([], arg, marker) for arg in typing.get_args(ann))


def _is_list(ann: Any) -> bool:
    return getattr(ann, "__origin__", None) is list or "list[" in str(ann)


def _entry_type(ann: Any) -> type[Entry] | None:
    if isinstance(ann, type) and issubclass(ann, Entry):
        return ann
    for arg in getattr(ann, "__args__", ()) or ():
        found = _entry_type(arg)
        if found is not None:
            return found
    return None


Ref = tuple[Entry, str, str, tuple[str | int, ...]]


def all_refs(konzept: Konzept) -> list[Ref]:
    """Every reference written in the concept: (entry, field, id, path); computed once."""
    cached = konzept.cache.get("refs")
    if cached is None:
        cached = _walk_sources(konzept)[0]
    return cached


MarkdownText = tuple[str, "TextStart", str]


def _walk_sources(konzept: Konzept) -> tuple[list[Ref], list[MarkdownText]]:
    """One walk over every entry for both: the references and the Markdown texts."""
    refs: list[Ref] = []
    texts: list[MarkdownText] = []
    for entry in sources(konzept):
        src = source_of(entry)
        _walk(entry, entry, src[1] if src is not None else None, True, (), refs, texts)
    texts += [(text, TextStart(None, (rel,), Location(rel, 1, 1)), posixpath.dirname(rel))
              for rel, text in konzept.texte.items()]
    konzept.cache["refs"] = refs
    konzept.cache["markdown"] = texts
    return refs, texts


def _walk(entry: Entry, obj: BaseModel, raw: Any, written: bool, path: tuple[str | int, ...],
          refs: list[Ref], texts: list[MarkdownText]) -> None:
    """Append every reference written in ``obj`` to ``refs`` (entry, field, id, path) and
    every Markdown text to ``texts``.

    References that were not written in the source (inherited from the file's
    ``handlungsfeld:``) are skipped: the file's own key is checked instead.
    """
    append = refs.append
    values = obj.__dict__  # the fields' values (pydantic keeps them there)
    # (paths as path + (…): a third cheaper than (*path, …) for 120,000 references)
    plan = _PLANS.get(type(obj))
    if plan is None:
        plan = _PLANS[type(obj)] = _numbered(type(obj))
    for name, how in plan:
        value = values[name]
        if value is None:
            continue
        on = written and (raw is None or name in raw)
        if how == _REFS:
            if on:
                for i, ident in enumerate(value):
                    append((entry, name, ident, path + (name, i)))
        elif how == _REF:
            if on:
                append((entry, name, value, path + (name,)))
        elif how == _MD:
            at = path + (name,)
            texts.append((value, TextStart(entry, at), ""))
            if on and "[[" in value:
                for m in REF_IN_TEXT.finditer(value):
                    append((entry, "[[…]]", m.group(1), at))
        elif how == _QUELLEN:
            if on:
                for i, ident in enumerate(value):
                    if is_reference(ident):
                        append((entry, name, ident, path + (name, i)))
        else:
            sub = raw.get(name) if on and raw is not None else None
            if how == _ENTRY:
                _walk(entry, value, sub if isinstance(sub, dict) else None, on,
                      path + (name,), refs, texts)
                continue
            for i, item in enumerate(value):
                sub_i = sub[i] if isinstance(sub, list) and i < len(sub) else None
                _walk(entry, item, sub_i if isinstance(sub_i, dict) else None, on,
                      path + (name, i), refs, texts)


# The plans of :func:`_plan` with small numbers for the kinds (the walk compares them
# half a million times for a Landkreis).
_REFS, _REF, _MD, _QUELLEN, _ENTRY, _ENTRIES = range(6)
_HOW = {"refs": _REFS, "ref": _REF, "md": _MD, "quellen": _QUELLEN, "entry": _ENTRY,
        "entries": _ENTRIES}
_PLANS: dict[type[BaseModel], tuple[tuple[str, int], ...]] = {}


def _numbered(cls: type[BaseModel]) -> tuple[tuple[str, int], ...]:
    """:func:`_plan` of ``cls`` numbered, without nested entries that hold nothing to walk
    (a Zeitraum, a Kontakt: no reference or text in them or in any subclass)."""
    out = []
    for name, how in _plan(cls):
        if how in ("entry", "entries"):
            inner = _entry_type(cls.model_fields[name].annotation)
            if inner is not None and _holds_nothing(inner):
                continue
        out.append((name, _HOW[how]))
    return tuple(out)


def _holds_nothing(cls: type[BaseModel]) -> bool:
    if _plan(cls):
        return False
    return all(_holds_nothing(sub) for sub in cls.__subclasses__())


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


class TextStart:
    """Where a Markdown text starts, found only when asked (a check reports something).

    Fields in YAML files are located at their value; Markdown files at line 1.
    """

    __slots__ = ("entry", "path", "_location")

    def __init__(self, entry: Entry | None, path: tuple[str | int, ...],
                 location: Location | None = None) -> None:
        self.entry = entry
        self.path = path
        self._location = location

    def location(self) -> Location:
        if self._location is None:
            assert self.entry is not None
            self._location = where(self.entry, *self.path)
        return self._location


def markdown_texts(konzept: Konzept) -> Iterator[MarkdownText]:
    """Every Markdown text: (text, where it starts, folder its image paths are relative to).

    Fields in YAML files are located at their value (paths relative to the concept
    folder); Markdown files (chapters, Ausgangslagen) at line 1 of the file (paths
    relative to the file's folder).
    """
    yield from _markdown(konzept)


def _markdown(konzept: Konzept) -> list[MarkdownText]:
    cached = konzept.cache.get("markdown")
    if cached is None:
        cached = _walk_sources(konzept)[1]
    return cached


# A ``[[id]]`` written in a Markdown text: (id, where the text starts, n). ``n`` counts
# the earlier ``[[id`` of the same id in a YAML field's text; in a Markdown file
# (chapters, Ausgangslagen; no entry) it is the offset of the match.
TextRef = tuple[str, TextStart, int]


def text_refs(konzept: Konzept) -> list[TextRef]:
    """Every ``[[id]]`` written in a Markdown text, in source order; computed once.

    Only ids and handles: :func:`text_ref_location` finds the position of one reference
    in its file when a check reports it (the happy path reads no positions).
    """
    cached = konzept.cache.get("text_refs")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    out: list[TextRef] = []
    append = out.append
    finditer = REF_IN_TEXT.finditer
    for text, start, _basis in _markdown(konzept):
        if "[[" not in text:
            continue
        if start.entry is None:
            for m in finditer(text):
                append((m.group(1), start, m.start()))
            continue
        seen: dict[str, int] = {}
        for m in finditer(text):
            ident = m.group(1)
            n = seen.get(ident, 0)
            seen[ident] = n + 1
            append((ident, start, n))
    konzept.cache["text_refs"] = out
    return out


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
