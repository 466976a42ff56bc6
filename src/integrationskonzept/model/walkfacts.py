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
from itertools import accumulate, repeat
from operator import le
from typing import Any

from .fields import Entry
from .refwalk import IdsByField, MarkdownText, TextRef, TextStart, id_walker, walk_entry

# (the ids by field as columns: the fields in the order the walk meets them, where each
# field's ids end in the next column, all ids; the Markdown texts as columns: index of the
# entry, index of the path in it in a table of paths, the table, the text; the [[id]] in
# them as columns: id, index of its text, n). Columns of plain values are checked and
# turned into tuples without a step of Python per value.
Facts = tuple[tuple[list[str], list[int], list[str]],
              tuple[list[int], list[int], list[tuple[str | int, ...]], list[str]],
              tuple[list[str], list[int], list[int]]]
_INT = frozenset({int})
_PATH = frozenset({str, int})


def walk(entries: list[Entry]) -> Walked:
    """What :func:`~.refwalk.id_walker` finds in ``entries`` (one list of a file, or its
    head)."""
    ids: IdsByField = defaultdict(list)
    texts: list[MarkdownText] = []
    trefs: list[TextRef] = []
    for entry in entries:
        walk_entry(id_walker, entry, [], ids, texts, trefs)
    return Walked(entries, list(ids.items()), texts, trefs)


def facts_of(walked: Walked) -> Facts:
    """What was found, in a form :mod:`marshal` stores (read back by :func:`ready`)."""
    index = {id(entry): i for i, entry in enumerate(walked.entries)}
    at = {id(start): k for k, (_text, start, _basis) in enumerate(walked.texts)}
    paths: dict[tuple[str | int, ...], int] = {}
    for _text, start, _basis in walked.texts:
        paths.setdefault(start.path, len(paths))
    texts = walked.texts
    trefs = walked.trefs
    ends = list(accumulate(len(found) for _field, found in walked.ids))
    return (([field for field, _found in walked.ids], ends,
             [ident for _field, found in walked.ids for ident in found]),
            ([index[id(start.entry)] for _text, start, _basis in texts],
             [paths[start.path] for _text, start, _basis in texts], list(paths),
             [text for text, _start, _basis in texts]),
            ([ident for ident, _start, _n in trefs], [at[id(start)] for _i, start, _n in trefs],
             [n for _ident, _start, n in trefs]))


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
    """The stored facts of ``entries`` (``ValueError``, ``IndexError`` … on any other
    shape)."""
    (fields, ends, flat), (of_entry, of_path, paths, texts), (idents, of_text, ns) = stored
    if not (_texts(fields, flat) and _columns(_INT, ends) and len(fields) == len(ends)
            and all(map(le, [0, *ends], ends)) and (ends[-1] if ends else 0) == len(flat)):
        raise ValueError("bad entry")
    ids = [(field, flat[a:b]) for field, a, b in zip(fields, [0, *ends], ends, strict=False)]
    if not (_columns(_INT, of_entry, of_path, of_text, ns) and _texts(texts, idents)
            and type(paths) is list and all(
                type(p) is tuple and _PATH.issuperset(map(type, p)) for p in paths)
            and len(of_entry) == len(of_path) == len(texts) and len(idents) == len(of_text)
            == len(ns) and min(of_entry, default=0) >= 0 and min(of_path, default=0) >= 0
            and min(of_text, default=0) >= 0):
        raise ValueError("bad entry")
    starts = list(map(TextStart, map(entries.__getitem__, of_entry),
                      map(paths.__getitem__, of_path)))
    return Walked(entries, ids, list(zip(texts, starts, repeat(""))),
                  list(zip(idents, map(starts.__getitem__, of_text), ns, strict=True)))


def _texts(*columns: Any) -> bool:
    """Whether every column is a list of texts (joining them refuses anything else, at a
    quarter of the time of looking at each value's type)."""
    for column in columns:
        if type(column) is not list:
            return False
        try:
            "".join(column)
        except TypeError:
            return False
    return True


def _columns(kind: frozenset[type], *columns: Any) -> bool:
    """Whether every column is a list of values of ``kind``."""
    return all(type(c) is list and kind.issuperset(map(type, c)) for c in columns)
