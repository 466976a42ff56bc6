"""The result of comparing two versions of a concept, as plain values."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .labels import CHANGE_WORDS, KINDS, VERSCHOBEN


@dataclass(frozen=True)
class FieldChange:
    """One changed field of an entry, described in words (``Status: geplant → laufend``)."""

    field: str
    text: str
    old: Any = None
    new: Any = None
    # The whole old and new value in words, for a side-by-side view (Synopse).
    old_text: str = ""
    new_text: str = ""


@dataclass(frozen=True)
class ItemChange:
    """What happened to one entry: ``neu``, ``entfallen``, ``geändert`` or ``verschoben``."""

    kind: str  # registry name, e.g. "massnahmen"
    id: str
    title: str
    change: str
    fields: tuple[FieldChange, ...] = ()
    file: str = ""  # where the entry is now (where it was, if it was removed)
    # For new and removed entries: (label, value in words) of every filled field.
    content: tuple[tuple[str, str], ...] = ()

    @property
    def moved(self) -> bool:
        return self.change == VERSCHOBEN


@dataclass(frozen=True)
class Diff:
    """All changes between two versions; ``old_label``/``new_label`` name the versions."""

    old_label: str
    new_label: str
    items: tuple[ItemChange, ...] = ()
    meta: tuple[FieldChange, ...] = ()
    notes: tuple[str, ...] = field(default=())
    # "12. März 2024 (Rat der Stadt Peine)" when the old version is the last Beschluss.
    beschluss: str = ""

    @property
    def empty(self) -> bool:
        return not self.items and not self.meta

    def of_kind(self, kind: str) -> list[ItemChange]:
        return [i for i in self.items if i.kind == kind]

    def counts(self) -> dict[str, dict[str, int]]:
        """Per kind (in report order) the number of entries per change word."""
        out: dict[str, dict[str, int]] = {}
        for kind, _s, _p in KINDS:
            items = self.of_kind(kind)
            if items:
                out[kind] = {w: sum(1 for i in items if i.change == w) for w in CHANGE_WORDS}
        return out

    def totals(self) -> dict[str, int]:
        """The number of entries per change word, over all kinds."""
        return {w: sum(1 for i in self.items if i.change == w) for w in CHANGE_WORDS}
