"""The walk over an entry that finds its references and Markdown texts, one function a
model class.

Which fields of a class hold references, sources, Markdown or nested entries is read
once from the model (:func:`plan`); from that plan a walker function is written out for
the class (fields unrolled, names as constants), so that walking a Landkreis (155,000
fields of 18,000 entries) costs no loop over the plan, no comparison of field kinds and
no look-up of a name per field. Texts with ``[[id]]`` are searched once, for the
references of the walk and for the text references of :func:`~.references.text_refs`.
"""

from __future__ import annotations

import re
import typing
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import Any

from pydantic import BaseModel

from ..problems import Location
from .concept import where
from .fields import Entry, MarkdownMarker, QuelleMarker, RefMarker, is_reference, source_of

REF_IN_TEXT = re.compile(r"\[\[([^\[\]\s|]+)(?:\|[^\[\]]*)?\]\]")

# (entry, field, id, path): a reference written in an entry
Ref = tuple[Entry, str, str, tuple[str | int, ...]]
# The references of one field as the walk finds them: (entry, field, ids, path, listed).
# Listed: the field is a list of ids and the i-th id stands at ``path + (i,)``; else
# every id stands at ``path`` (one id; or the ``[[id]]`` of a text, field "[[…]]").
# One tuple a field, not one a reference with a path of its own: a Landkreis writes
# 120,000 references in 55,000 fields.
RefField = tuple[Entry, str, Sequence[str], tuple[str | int, ...], bool]


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


MarkdownText = tuple[str, TextStart, str]
# A ``[[id]]`` written in a Markdown text: (id, where the text starts, n). ``n`` counts
# the earlier ``[[id`` of the same id in a YAML field's text; in a Markdown file
# (chapters, Ausgangslagen; no entry) it is the offset of the match.
TextRef = tuple[str, TextStart, int]
# The ids written in each field (the same as the references, without where): whether
# all ids of a field are known is then one set operation.
IdsByField = defaultdict[str, list[str]]
# walker(entry, obj, raw, written, path, refs, ids, texts, text_refs)
Walker = Callable[[Entry, BaseModel, Any, bool, tuple[str | int, ...], list[RefField],
                   IdsByField, list[MarkdownText], list[TextRef]], None]


@cache
def plan(cls: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """Per model class: (field, how) with how in ref/refs/md/quellen/entry/entries."""
    out = []
    for name, info in cls.model_fields.items():
        ann = info.annotation
        if _marked(info.metadata, ann, QuelleMarker):
            out.append((name, "quellen"))
        elif _marked(info.metadata, ann, RefMarker):
            out.append((name, "refs" if _is_list(ann) else "ref"))
        elif _marked(info.metadata, ann, MarkdownMarker):
            out.append((name, "md"))
        else:
            inner = entry_type(ann)
            if inner is not None:
                out.append((name, "entries" if _is_list(ann) else "entry"))
    return tuple(out)


def _marked(metadata: list[Any], ann: Any, marker: type) -> bool:
    """Whether the field (or the type inside its Optional) carries ``marker``."""
    if any(isinstance(m, marker) for m in metadata):
        return True
    if any(isinstance(m, marker) for m in getattr(ann, "__metadata__", ())):
        return True
    return any(_marked([], arg, marker) for arg in typing.get_args(ann))


def _is_list(ann: Any) -> bool:
    return getattr(ann, "__origin__", None) is list or "list[" in str(ann)


def entry_type(ann: Any) -> type[Entry] | None:
    if isinstance(ann, type) and issubclass(ann, Entry):
        return ann
    for arg in getattr(ann, "__args__", ()) or ():
        found = entry_type(arg)
        if found is not None:
            return found
    return None


def _holds_nothing(cls: type[BaseModel]) -> bool:
    if plan(cls):
        return False
    return all(_holds_nothing(sub) for sub in cls.__subclasses__())


def _walked(cls: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """:func:`plan` of ``cls`` without nested entries that hold nothing to walk (a
    Zeitraum, a Kontakt: no reference or text in them or in any subclass)."""
    out = []
    for name, how in plan(cls):
        if how in ("entry", "entries"):
            inner = entry_type(cls.model_fields[name].annotation)
            if inner is not None and _holds_nothing(inner):
                continue
        out.append((name, how))
    return tuple(out)


# The code of each kind of field. ``v`` is the value, ``@F`` the field's name, ``on``
# whether the value was written in the source (not inherited from the file's head).
_ON = "written and (raw is None or @F in raw)"
_CODE = {
    "refs": f"""
    v = values[@F]
    if v and {_ON}:
        append((entry, @F, v, path + (@F,), True))
        ids[@F].extend(v)""",
    "ref": f"""
    v = values[@F]
    if v is not None and {_ON}:
        append((entry, @F, (v,), path + (@F,), False))
        ids[@F].append(v)""",
    "quellen": f"""
    v = values[@F]
    if v and {_ON}:
        if all(map(is_reference, v)):
            append((entry, @F, v, path + (@F,), True))
            ids[@F].extend(v)
        else:
            quellen(entry, @F, v, path + (@F,), append, ids[@F])""",
    "md": f"""
    v = values[@F]
    if v is not None:
        at = path + (@F,)
        start = TextStart(entry, at)
        texts.append((v, start, ""))
        if "[[" in v:
            in_text(entry, v, start, at, {_ON}, append, ids, trefs)""",
    "entry": f"""
    v = values[@F]
    if v is not None:
        on = {_ON}
        sub = raw.get(@F) if on and raw is not None else None
        walker(type(v))(entry, v, sub if isinstance(sub, dict) else None, on, path + (@F,),
                        refs, ids, texts, trefs)""",
    "entries": f"""
    v = values[@F]
    if v:
        on = {_ON}
        sub = raw.get(@F) if on and raw is not None else None
        if not isinstance(sub, list):
            sub = ()
        for i, item in enumerate(v):
            sub_i = sub[i] if i < len(sub) else None
            walker(type(item))(entry, item, sub_i if isinstance(sub_i, dict) else None, on,
                               path + (@F, i), refs, ids, texts, trefs)""",
}


def _in_text(entry: Entry, text: str, start: TextStart, at: tuple[str | int, ...], on: bool,
             append: Callable[[RefField], None], ids: IdsByField, trefs: list[TextRef]
             ) -> None:
    """The ``[[id]]`` of a text in a field: references of the walk (if written there)
    and text references, each id counted in the text."""
    seen: dict[str, int] = {}
    idents = [m.group(1) for m in REF_IN_TEXT.finditer(text)]
    if on and idents:
        append((entry, "[[…]]", idents, at, False))
        ids["[[…]]"].extend(idents)
    for ident in idents:
        n = seen.get(ident, 0)
        seen[ident] = n + 1
        trefs.append((ident, start, n))


def _quellen(entry: Entry, field: str, quellen: list[str], at: tuple[str | int, ...],
             append: Callable[[RefField], None], ids: list[str]) -> None:
    """The sources that name an id (not an address or a title), each at its place
    (when not all of them do)."""
    for i, quelle in enumerate(quellen):
        if _is_reference(quelle):
            append((entry, field, (quelle,), at + (i,), False))
            ids.append(quelle)


# Sources repeat (the ids of a few Veranstaltungen, Arbeitsgruppen, Befragungen), and
# telling an id from an address takes a pattern match: each text is judged once.
_is_reference = lru_cache(maxsize=4096)(is_reference)


@cache
def walker(cls: type[BaseModel]) -> Walker:
    """The walk over an object of ``cls``: append the references written in each field
    to ``refs`` (:data:`RefField`) and their ids to ``ids`` (by field), every Markdown
    text to ``texts`` and every
    ``[[id]]`` of those texts to ``trefs``.

    References that were not written in the source (inherited from the file's
    ``handlungsfeld:``) are skipped: the file's own key is checked instead.
    """
    return _write(cls, full=True)


@cache
def id_walker(cls: type[BaseModel]) -> Walker:
    """:func:`walker` without the references by field (``refs`` stays empty): the ids
    by field, the texts and their ``[[id]]`` alone - what `ik validate` reads when every
    reference is known. The same code with the lines that list references left out."""
    return _write(cls, full=False)


def walk_entry(walk: Callable[[type[BaseModel]], Walker], entry: Entry,
               refs: list[RefField], ids: IdsByField, texts: list[MarkdownText],
               trefs: list[TextRef]) -> None:
    """Walk ``entry`` from its top with ``walk`` (:func:`walker` or :func:`id_walker`):
    the values as written in its source node, if it has one."""
    src = source_of(entry)
    walk(type(entry))(entry, entry, src[1] if src is not None else None, True, (), refs,
                      ids, texts, trefs)


def _write(cls: type[BaseModel], full: bool) -> Walker:
    lines = ["def walk(entry, obj, raw, written, path, refs, ids, texts, trefs):",
             "    values = obj.__dict__",  # the fields' values (pydantic keeps them there)
             "    append = refs.append" if full else "    append = ignore"]
    for name, how in _walked(cls):
        code = _CODE[how].replace("@F", repr(name))
        if not full:
            code = "\n".join(line for line in code.split("\n")
                             if not line.lstrip().startswith("append(("))
        lines.append(code)
    namespace: dict[str, Any] = {"TextStart": TextStart, "quellen": _quellen,
                                 "is_reference": _is_reference, "ignore": _ignore,
                                 "in_text": _in_text, "walker": walker if full else id_walker}
    exec("\n".join(lines), namespace)  # noqa: S102 - code of our own, names from the model
    walk: Walker = namespace["walk"]
    return walk


def _ignore(_field: RefField) -> None:
    """``append`` of :func:`id_walker`: the references by field are not kept."""
