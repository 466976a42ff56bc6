"""Writing a snapshot: model instances and the skeleton of a read file as plain data
:mod:`marshal` can store (the form: :mod:`.snapshotcodec`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from itertools import compress
from operator import is_not
from typing import Any

from pydantic import BaseModel

from .fielddates import Zeitpunkt
from .fieldnumbers import Anzahl, Menge
from .fields import Entry
from .snapshotcodec import (
    DATACLASS,
    DATE,
    DICT,
    LIST,
    LISTS,
    MAPS,
    MODEL,
    NUMBER,
    PLAIN,
    STR,
    TEXTS,
    TUPLE,
    ZEITPUNKT,
    Row,
    Shape,
    allowed,
    field_defaults,
    models,
    name_of,
)

# index, field names, with the source, defaults
_Class = tuple[int, tuple[str, ...], tuple[str, ...], tuple[Any, ...]]


class Encoder:
    """Model instances as plain data (``ValueError`` for anything else): see the module's
    docstring. An object is written once per object of the model (by identity), so what
    the model shares stays shared and nothing else is."""

    def __init__(self) -> None:
        self.classes: dict[type, _Class] = {}
        self.shapes: dict[tuple[int, frozenset[str], tuple[str, ...], tuple[int, ...]], int] = {}
        self.objects: list[Any] = []
        self.memo: dict[int, int] = {}
        self.keep: list[Any] = []  # what the memo's ids refer to, alive until the end
        self.texts: dict[str, str] = {}  # equal texts written once (marshal refers back)
        self.keys: dict[tuple[str, ...], int] = {}  # the key sets of the items of lists
        self.models = models()

    def tables(self) -> tuple[list[str], list[Shape], list[Any], list[tuple[str, ...]]]:
        """The classes (in the order of their indexes), shapes, objects and key sets."""
        classes = [name_of(cls) for cls in self.classes]
        shapes = [(classes[index], tuple(sorted(fields_set)), kept, special)
                  for index, fields_set, kept, special in self.shapes]
        return classes, shapes, self.objects, list(self.keys)

    def cls(self, cls: type) -> _Class:
        info = self.classes.get(cls)
        if info is None:
            if allowed().get(name_of(cls)) is not cls:
                raise ValueError(f"not storable: {cls!r}")
            if issubclass(cls, BaseModel):
                names = tuple(cls.model_fields)
                info = (len(self.classes), names, (*names, "_src"), field_defaults(cls))
            else:
                info = (len(self.classes), (), ("_src",), ())
            self.classes[cls] = info
        return info

    def rows(self, entries: list[Entry]) -> tuple[list[tuple[Any, ...]], list[int]]:
        """The rows and shapes of the entries of one list."""
        rows, shapes = [], []
        for entry in entries:
            row, shape = self.row(entry, True)
            rows.append(row)
            shapes.append(shape)
        return rows, shapes

    def row(self, inst: BaseModel, top: bool = False) -> Row:
        cls = type(inst)
        info = self.classes.get(cls) or self.cls(cls)
        index, names, with_source, defaults = info
        d = inst.__dict__
        if tuple(d) != (with_source if top else names):
            raise ValueError("unexpected attributes")
        if inst.__pydantic_extra__ is not None or inst.__pydantic_private__ is not None:
            raise ValueError("extra or private attributes")
        values = list(d.values())
        if top:
            del values[-1]
        # a value that is its field's default object is left out (the decoder's template
        # holds that object)
        mask = list(map(is_not, values, defaults))
        kept = names
        if not all(mask):
            kept = tuple(compress(names, mask))
            values = list(compress(values, mask))
        special = self._objects(values)
        shape = (index, frozenset(inst.__pydantic_fields_set__), kept, special)
        known = self.shapes.get(shape)
        if known is None:
            known = self.shapes[shape] = len(self.shapes)
        return tuple(values), known

    def _objects(self, values: list[Any]) -> tuple[int, ...]:
        """Replace the values that are not plain by their objects' indexes (and equal
        texts by one of them); which were replaced."""
        text = self.texts.setdefault
        memo = self.memo.get
        found = []
        for i, v in enumerate(values):
            t = type(v)
            if t is str:
                values[i] = text(v, v)
            elif t in PLAIN:
                continue
            # (a list of plain values stands for itself: giving its texts one object each
            # would save 5 ms a warm run and cost 20 ms to write the snapshots)
            elif t is not list or not PLAIN.issuperset(map(type, v)):
                known = memo(id(v))
                values[i] = self.object(v) if known is None else known
                found.append(i)
        return tuple(found)

    def skeleton(self, node: Any, lists_at: frozenset[tuple[str, ...]] = frozenset(),
                 at: tuple[str, ...] = ()) -> Any:
        """The skeleton of a read mapping (see the module's docstring; ``ValueError`` for a
        value no reader gives); the lists of entries at ``lists_at`` are left empty (their
        items are stored by :meth:`items`)."""
        texts = self.texts
        out: dict[str, Any] = {}
        for key, value in node.items():
            t = type(value)
            if type(key) is not str:
                raise ValueError("not a read key")
            key = texts.setdefault(key, key)
            if t in TEXTS:
                out[key] = (texts.setdefault(value, value) if key == "id" and type(value) is str
                            else None)
            elif t in MAPS:
                out[key] = (self.skeleton(value, lists_at, (*at, key)) if lists_at
                            else self.skeleton(value))
            elif t in LISTS:
                out[key] = ([] if lists_at and (*at, key) in lists_at
                            else self._list_skeleton(value))
            else:
                raise ValueError("not a read value")
        return out

    def items(self, items: Any) -> tuple[list[int], list[str | None], list[Any]]:
        """The skeletons of the items of a list of entries: per item the index of its keys
        in the table of key sets, its id and the skeletons of its other values that hold
        a mapping (or None)."""
        text = self.texts.setdefault
        known = self.keys
        keys_of, ids, extras = [], [], []
        for item in items:
            if type(item) not in MAPS:
                raise ValueError("not a read mapping")
            keys = tuple(item)
            index = known.get(keys)
            if index is None:
                if not STR.issuperset(map(type, keys)):
                    raise ValueError("not a read key")
                index = known[tuple(map(text, keys, keys))] = len(known)
            keys_of.append(index)
            ident = item.get("id")
            ids.append(text(ident, ident) if type(ident) is str else None)
            extra = None
            if not TEXTS.issuperset(map(type, item.values())):
                # what the skeleton holds beyond the keys and the id (texts are None)
                extra = {key: value for key, value in self.skeleton(item).items()
                         if value is not None and key != "id"}
            extras.append(extra or None)
        return keys_of, ids, extras

    def _list_skeleton(self, items: Any) -> list[Any] | None:
        if items and TEXTS.issuperset(map(type, items)):
            return None
        out: list[Any] = []
        for item in items:
            t = type(item)
            if t in TEXTS:
                out.append(None)
            elif t in MAPS:
                out.append(self.skeleton(item))
            elif t in LISTS:
                out.append(self._list_skeleton(item))
            else:
                raise ValueError("not a read value")
        return out

    def object(self, v: Any) -> int:
        """The index of object ``v`` (written now if it is new)."""
        known = self.memo.get(id(v))
        if known is not None:
            return known
        t = type(v)
        out: Any
        if t in self.models:
            out = (MODEL, *self.row(v))
        elif t is Zeitpunkt and type(v.first) is dt.date and type(v.last) is dt.date:
            out = (ZEITPUNKT, v.text, v.first.toordinal(), v.last.toordinal(), v.precision,
                   v.vorlaeufig)
        elif t is dt.date:
            out = (DATE, v.toordinal())
        elif t is Anzahl or t is Menge:
            out = (NUMBER, t is Menge, (float if t is Menge else int)(v), v.qualifier)
        elif t is list or t is tuple:
            items = list(v)
            special = self._objects(items)
            out = (LIST if t is list else TUPLE, tuple(items), special)
        elif t is dict:
            items = [x for pair in v.items() for x in pair]
            special = self._objects(items)
            out = (DICT, tuple(items), special)
        elif dataclasses.is_dataclass(v) and t.__dataclass_params__.frozen:
            items = [getattr(v, f.name) for f in dataclasses.fields(v)]
            special = self._objects(items)
            out = (DATACLASS, self.cls(t)[0], tuple(items), special)
        else:
            raise ValueError(f"not storable: {t!r}")
        index = self.memo[id(v)] = len(self.objects)
        self.objects.append(out)
        self.keep.append(v)
        return index
