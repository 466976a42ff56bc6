"""What the walk over a file's entries finds, kept with the file's snapshot.

The walk of :mod:`.references` (the ids written in each field, every Markdown text and
the ``[[id]]`` in it) reads nothing but the entries of one list and the keys written in
their source, so what it finds in a list is a function of the file's content and the
code (the snapshot's key covers both). A snapshot stores it per list and for the head
(:func:`walk`, :func:`facts_of`); a run that rebuilds the file makes it ready with the
rebuilt entries (:func:`ready`), and the walk adds it in one step where it meets the first of
those entries, if all of them follow in order (:class:`Walked`): the same values, in
the same order, as walking each entry.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .fields import Entry, source_of
from .refwalk import IdsByField, MarkdownText, TextRef, TextStart, id_walker

# (the ids by field in the order the walk meets the fields, the Markdown texts as (index
# of the entry, path in it, text), the [[id]] in them as (id, index of the text, n))
Facts = tuple[list[tuple[str, list[str]]], list[tuple[int, tuple[str | int, ...], str]],
              list[tuple[str, int, int]]]
_STR = frozenset({str})
_PATH = frozenset({str, int})


def walk(entries: list[Entry]) -> Walked:
    """What :func:`~.refwalk.id_walker` finds in ``entries`` (one list of a file, or its
    head)."""
    ids: IdsByField = defaultdict(list)
    texts: list[MarkdownText] = []
    trefs: list[TextRef] = []
    for entry in entries:
        src = source_of(entry)
        id_walker(type(entry))(entry, entry, src[1] if src is not None else None, True, (),
                               [], ids, texts, trefs)
    return Walked(entries, list(ids.items()), texts, trefs)


def facts_of(walked: Walked) -> Facts:
    """What was found, in a form :mod:`marshal` stores (read back by :func:`ready`)."""
    index = {id(entry): i for i, entry in enumerate(walked.entries)}
    at = {id(start): k for k, (_text, start, _basis) in enumerate(walked.texts)}
    return (walked.ids,
            [(index[id(start.entry)], start.path, text) for text, start, _basis in walked.texts],
            [(ident, at[id(start)], n) for ident, start, n in walked.trefs])


class Walked:
    """The facts of a list (or head) made ready with its rebuilt ``entries``."""

    __slots__ = ("entries", "ids", "texts", "trefs")

    def __init__(self, entries: list[Entry], ids: list[tuple[str, list[str]]],
                 texts: list[MarkdownText], trefs: list[TextRef]) -> None:
        self.entries = entries
        self.ids = ids
        self.texts = texts
        self.trefs = trefs

    def add(self, ids: IdsByField, texts: list[MarkdownText], trefs: list[TextRef]) -> None:
        """Add what the walk finds in the entries, as walking them would."""
        for field, idents in self.ids:
            ids[field].extend(idents)
        texts.extend(self.texts)
        trefs.extend(self.trefs)


def ready(stored: Any, entries: list[Entry]) -> Walked:
    """The stored facts of ``entries`` (``ValueError`` … on any other shape)."""
    ids, texts, trefs = stored
    if type(ids) is not list or type(texts) is not list or type(trefs) is not list:
        raise ValueError("bad entry")
    for field, idents in ids:
        if type(field) is not str or type(idents) is not list or not _STR.issuperset(
                map(type, idents)):
            raise ValueError("bad entry")
    made: list[MarkdownText] = []
    for i, path, text in texts:
        if type(path) is not tuple or not _PATH.issuperset(map(type, path)) or type(
                text) is not str or type(i) is not int or i < 0:
            raise ValueError("bad entry")
        made.append((text, TextStart(entries[i], path), ""))
    refs: list[TextRef] = []
    for ident, k, n in trefs:
        if type(ident) is not str or type(k) is not int or k < 0 or type(n) is not int:
            raise ValueError("bad entry")
        refs.append((ident, made[k][1], n))
    return Walked(entries, ids, made, refs)
