"""Reading a snapshot back (a warm run): the model instances of one file rebuilt from
the plain data of :mod:`.snapshotencoder` (the form: :mod:`.snapshotcodec`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from ..source.fastyaml import FMap
from .fielddates import Zeitpunkt
from .fieldnumbers import Anzahl, Menge
from .snapshotcodec import (
    ALWAYS,
    DATACLASS,
    DATE,
    DICT,
    LIST,
    MODEL,
    NUMBER,
    SHARED_SIZE,
    TUPLE,
    ZEITPUNKT,
    allowed,
    field_defaults,
)

_new = object.__new__
# the immutable values shared across files, by their stored form
_shared: dict[tuple[Any, ...], Any] = {}

_base_slots = vars(BaseModel)
_set_dict: Callable[[object, Any], None] = _base_slots["__dict__"].__set__
_set_fields: Callable[[object, Any], None] = _base_slots["__pydantic_fields_set__"].__set__
_set_extra: Callable[[object, Any], None] = _base_slots["__pydantic_extra__"].__set__
_set_private: Callable[[object, Any], None] = _base_slots["__pydantic_private__"].__set__
# a shape as the decoder uses it: class, its __dict__ with the defaults, fields in the row,
# fields set, (field, position in the row) of objects
_Shape = tuple[type[BaseModel], dict[str, Any], tuple[str, ...], set[str],
               tuple[tuple[str, int], ...]]


_shapes: dict[Any, _Shape] = {}  # shapes made ready, by their stored form


def _shape(stored: Any) -> _Shape:
    """A shape of a snapshot checked and made ready (shared by every snapshot)."""
    name, fields_set, kept, special = stored
    cls, names, always, template = _class_of(name)
    if (type(fields_set) is not tuple or not names.issuperset(fields_set)
            or type(kept) is not tuple or not names.issuperset(kept)
            or not always.issubset(kept) or type(special) is not tuple
            or not all(type(i) is int and 0 <= i < len(kept) for i in special)):
        raise ValueError("bad entry")
    found = (cls, template, kept, set(fields_set), tuple((kept[i], i) for i in special))
    if len(_shapes) < SHARED_SIZE:
        _shapes[stored] = found
    return found


# per model class name: the class, its fields, those every row holds, the template of an
# instance's __dict__ (the defaults a row leaves out)
_ClassInfo = tuple[type[BaseModel], frozenset[str], frozenset[str], dict[str, Any]]
_class_infos: dict[str, _ClassInfo] = {}


def _class_of(name: str) -> _ClassInfo:
    """What :func:`_shape` needs of the model class ``name`` (``KeyError``,
    ``ValueError`` for a name that is not one of ik's model classes)."""
    info = _class_infos.get(name)
    if info is None:
        cls = allowed()[name]
        if not (issubclass(cls, BaseModel) and cls.__new__ is _new):
            raise ValueError("bad entry")
        names = tuple(cls.model_fields)
        defaults = field_defaults(cls)
        info = _class_infos[name] = (
            cls, frozenset(names),
            frozenset(n for n, d in zip(names, defaults, strict=True) if d is ALWAYS),
            {n: None if d is ALWAYS else d for n, d in zip(names, defaults, strict=True)})
    return info


class Decoder:
    """Rebuilds the model instances of one snapshot (``ValueError``, ``TypeError``,
    ``IndexError`` … on any other shape)."""

    def __init__(self, names: list[str], shapes: list[Any], objects: list[Any],
                 rel: str) -> None:
        known = allowed()
        self.classes: list[type] = [known[name] for name in names]
        ready = _shapes.get
        self.shapes: list[_Shape] = [ready(shape) or _shape(shape) for shape in shapes]
        self.rel = rel
        self.objects: list[Any] = []
        self._rebuild(objects)

    def entries(self, rows: list[Any], shapes: list[int], nodes: list[FMap]) -> list[Any]:
        """The entries of one list, read from ``nodes``."""
        table = self.shapes
        objects = self.objects
        rel = self.rel
        out: list[Any] = []
        append = out.append
        for values, shape, node in zip(rows, shapes, nodes, strict=True):
            cls, template, kept, fields_set, special = table[shape]
            if type(values) is not tuple:
                raise ValueError("bad entry")
            d = dict(template)
            d.update(zip(kept, values, strict=True))
            for name, i in special:
                d[name] = objects[values[i]]
            d["_src"] = (rel, node)
            inst = _new(cls)
            _set_dict(inst, d)
            _set_fields(inst, fields_set.copy())  # its own: pydantic adds to it
            _set_extra(inst, None)
            _set_private(inst, None)
            append(inst)
        return out

    def model(self, values: Any, shape: int, node: FMap | None) -> Any:
        """One model instance (with its source ``node`` if read from a file)."""
        cls, template, kept, fields_set, special = self.shapes[shape]
        if type(values) is not tuple:
            raise ValueError("bad entry")
        d = dict(template)
        d.update(zip(kept, values, strict=True))
        objects = self.objects
        for name, i in special:
            d[name] = objects[values[i]]
        if node is not None:
            d["_src"] = (self.rel, node)
        inst = _new(cls)
        _set_dict(inst, d)
        _set_fields(inst, fields_set.copy())
        _set_extra(inst, None)
        _set_private(inst, None)
        return inst

    def _rebuild(self, table: list[Any]) -> None:
        objects = self.objects
        append = objects.append
        for enc in table:
            tag = enc[0]
            if tag == MODEL:
                append(self.model(enc[1], enc[2], None))
            elif tag == ZEITPUNKT or tag == NUMBER or tag == DATE:
                known = _shared.get(enc)
                if known is None:
                    known = _immutable(enc)
                    if len(_shared) < SHARED_SIZE:
                        _shared[enc] = known
                append(known)
            elif tag == LIST or tag == TUPLE or tag == DICT:
                items = self._items(enc[1], enc[2])
                append(items if tag == LIST else tuple(items) if tag == TUPLE
                       else dict(zip(items[::2], items[1::2], strict=True)))
            elif tag == DATACLASS:
                cls: Any = self.classes[enc[1]]
                if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)
                        and cls.__dataclass_params__.frozen):  # type: ignore[attr-defined]
                    raise ValueError("bad entry")
                append(cls(*self._items(enc[2], enc[3])))
            else:
                raise ValueError("bad entry")

    def _items(self, items: Any, special: Any) -> list[Any]:
        if type(items) is not tuple or type(special) is not tuple:
            raise ValueError("bad entry")
        out = list(items)
        objects = self.objects
        for i in special:
            out[i] = objects[out[i]]
        return out


def _immutable(v: tuple[Any, ...]) -> Any:
    tag = v[0]
    if tag == ZEITPUNKT:
        _tag, text, first, last, precision, tentative = v
        if (type(text) is str and type(first) is int and type(last) is int
                and type(precision) is str and type(tentative) is bool):
            return Zeitpunkt(text, dt.date.fromordinal(first), dt.date.fromordinal(last),
                             precision, tentative)
    elif tag == NUMBER:
        _tag, is_menge, value, qualifier = v
        if type(qualifier) is str and is_menge is True and type(value) is float:
            return Menge(value, qualifier)
        if type(qualifier) is str and is_menge is False and type(value) is int:
            return Anzahl(value, qualifier)
    elif tag == DATE and len(v) == 2 and type(v[1]) is int:
        return dt.date.fromordinal(v[1])
    raise ValueError("bad entry")
