"""The plain form of a snapshot (see :mod:`.snapshot`): validated entries and the skeleton
of a read file as data :mod:`marshal` can store, and back.

A snapshot holds

* the *skeleton* of the file: every mapping with its keys in file order, an ``id``'s
  text, every list that holds a mapping; other values (texts, lists of texts) are
  ``None``. That is all the concept-wide steps read from a file before a message asks for
  a position (ids for the registry, the keys written, which values are mappings);
  everything else is read from the file's text then (:class:`.snapshot._Source`);
* a table of *shapes*: a model class (by name), the fields set, the fields in a row (a
  value that is its field's default object is left out: the decoder starts from a copy
  of the defaults), which values are objects;
* a table of *objects*: every value that is not plain (a nested model such as a
  Zeitraum, a Zeitpunkt, a list holding one …), each once, after the objects it holds,
  tagged by kind; a value refers to an object by its index, so the model's sharing is
  kept and each object is rebuilt once, in one loop;
* per entry its *row* (its values in field order, an object as its index) and the index
  of its shape; the entries of a list are rebuilt in one loop without a call per entry.

Immutable values read from text (a Zeitpunkt, an Anzahl, a date) are shared across files
as the model shares them in a cold run (see ``remembered`` in :mod:`.fields`).

This module holds the form itself (the tags, shapes and rows, the model classes a
snapshot may name, the defaults a row leaves out, how many values are shared); the run
that writes a snapshot uses :class:`.snapshotencoder.Encoder`, a warm run
:class:`.snapshotdecoder.Decoder`.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..source.containers import YList, YMap
from ..source.fastyaml import FList, FMap
from .fielddates import Zeitpunkt
from .fieldnumbers import Anzahl, Menge
from .fields import MEMO_SIZE, Entry

PLAIN = frozenset({str, type(None), bool, int, float})
STR = frozenset({str})
TEXTS = frozenset({str, type(None)})
# (plain ones too: the fast reader may leave a list of texts as json.loads made it)
MAPS = frozenset({YMap, FMap, dict})
LISTS = frozenset({YList, FList, list})
# Tags of objects.
MODEL, DATACLASS, NUMBER, DATE, DICT, TUPLE, LIST, ZEITPUNKT = range(8)
# the values shared across files, by their encoded form (as many as the model remembers)
SHARED_SIZE = MEMO_SIZE
_state: dict[str, Any] = {}

# class, fields set, fields in the row, positions of objects in the row
Shape = tuple[str, tuple[str, ...], tuple[str, ...], tuple[int, ...]]
Row = tuple[tuple[Any, ...], int]  # values, shape
ALWAYS = object()  # the default of a field whose value every row holds


def allowed() -> dict[str, type]:
    """ik's model classes and the value types of their fields, by ``module:qualname``."""
    found: dict[str, type] | None = _state.get("classes")
    if found is None:
        from . import indikator

        found = {}
        stack: list[type] = [Entry]
        while stack:
            cls = stack.pop()
            if cls.__module__.startswith("integrationskonzept.model"):
                found[name_of(cls)] = cls
            stack.extend(cls.__subclasses__())
        for cls in (Zeitpunkt, indikator.Periode, Anzahl, Menge):
            found[name_of(cls)] = cls
        _state["classes"] = found
    return found


def name_of(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def field_defaults(cls: type[BaseModel]) -> tuple[Any, ...]:
    """Per field of ``cls``: its default if that is a plain immutable value (a row leaves
    out a value that is this object), else :data:`ALWAYS`."""
    cache: dict[type, tuple[Any, ...]] = _state.setdefault("defaults", {})
    found = cache.get(cls)
    if found is None:
        found = cache[cls] = tuple(
            info.default if (not info.is_required() and info.default_factory is None
                             and type(info.default) in _IMMUTABLE) else ALWAYS
            for info in cls.model_fields.values())
    return found


_IMMUTABLE = frozenset({str, type(None), bool, int})


def models() -> frozenset[type]:
    found: frozenset[type] | None = _state.get("models")
    if found is None:
        found = _state["models"] = frozenset(
            cls for cls in allowed().values() if issubclass(cls, BaseModel))
    return found
