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
as the model shares them in a cold run (see ``_remembered`` in :mod:`.fields`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from itertools import compress
from operator import is_not
from typing import Any

from pydantic import BaseModel

from ..source.containers import YList, YMap
from ..source.fastyaml import FList, FMap
from .fields import Anzahl, Entry, Menge, Zeitpunkt

_PLAIN = frozenset({str, type(None), bool, int, float})
_STR = frozenset({str})
_TEXTS = frozenset({str, type(None)})
# (plain ones too: the fast reader may leave a list of texts as json.loads made it)
MAPS = frozenset({YMap, FMap, dict})
_LISTS = frozenset({YList, FList, list})
# Tags of objects.
_MODEL, _DATACLASS, _NUMBER, _DATE, _DICT, _TUPLE, _LIST, _ZEITPUNKT = range(8)
# the values shared across files, by their encoded form (as many as the model remembers)
_SHARED_SIZE = 20_000
_shared: dict[tuple[Any, ...], Any] = {}
_state: dict[str, Any] = {}
_new = object.__new__

# class, fields set, fields in the row, positions of objects in the row
Shape = tuple[str, tuple[str, ...], tuple[str, ...], tuple[int, ...]]
Row = tuple[tuple[Any, ...], int]  # values, shape
_ALWAYS = object()  # the default of a field whose value every row holds
# index, field names, with the source, defaults
_Class = tuple[int, tuple[str, ...], tuple[str, ...], tuple[Any, ...]]


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


def _defaults(cls: type[BaseModel]) -> tuple[Any, ...]:
    """Per field of ``cls``: its default if that is a plain immutable value (a row leaves
    out a value that is this object), else :data:`_ALWAYS`."""
    cache: dict[type, tuple[Any, ...]] = _state.setdefault("defaults", {})
    found = cache.get(cls)
    if found is None:
        found = cache[cls] = tuple(
            info.default if (not info.is_required() and info.default_factory is None
                             and type(info.default) in _IMMUTABLE) else _ALWAYS
            for info in cls.model_fields.values())
    return found


_IMMUTABLE = frozenset({str, type(None), bool, int})


def _models() -> frozenset[type]:
    found: frozenset[type] | None = _state.get("models")
    if found is None:
        found = _state["models"] = frozenset(
            cls for cls in allowed().values() if issubclass(cls, BaseModel))
    return found


# ---- encoding (the run that writes a snapshot) ------------------------------------------

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
        self.models = _models()

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
                info = (len(self.classes), names, (*names, "_src"), _defaults(cls))
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
            elif t in _PLAIN:
                continue
            # (a list of plain values stands for itself: giving its texts one object each
            # would save 5 ms a warm run and cost 20 ms to write the snapshots)
            elif t is not list or not _PLAIN.issuperset(map(type, v)):
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
            if t in _TEXTS:
                out[key] = (texts.setdefault(value, value) if key == "id" and type(value) is str
                            else None)
            elif t in MAPS:
                out[key] = (self.skeleton(value, lists_at, (*at, key)) if lists_at
                            else self.skeleton(value))
            elif t in _LISTS:
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
                if not _STR.issuperset(map(type, keys)):
                    raise ValueError("not a read key")
                index = known[tuple(map(text, keys, keys))] = len(known)
            keys_of.append(index)
            ident = item.get("id")
            ids.append(text(ident, ident) if type(ident) is str else None)
            extra = None
            if not _TEXTS.issuperset(map(type, item.values())):
                # what the skeleton holds beyond the keys and the id (texts are None)
                extra = {key: value for key, value in self.skeleton(item).items()
                         if value is not None and key != "id"}
            extras.append(extra or None)
        return keys_of, ids, extras

    def _list_skeleton(self, items: Any) -> list[Any] | None:
        if items and _TEXTS.issuperset(map(type, items)):
            return None
        out: list[Any] = []
        for item in items:
            t = type(item)
            if t in _TEXTS:
                out.append(None)
            elif t in MAPS:
                out.append(self.skeleton(item))
            elif t in _LISTS:
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
            out = (_MODEL, *self.row(v))
        elif t is Zeitpunkt and type(v.first) is dt.date and type(v.last) is dt.date:
            out = (_ZEITPUNKT, v.text, v.first.toordinal(), v.last.toordinal(), v.precision,
                   v.vorlaeufig)
        elif t is dt.date:
            out = (_DATE, v.toordinal())
        elif t is Anzahl or t is Menge:
            out = (_NUMBER, t is Menge, (float if t is Menge else int)(v), v.qualifier)
        elif t is list or t is tuple:
            items = list(v)
            special = self._objects(items)
            out = (_LIST if t is list else _TUPLE, tuple(items), special)
        elif t is dict:
            items = [x for pair in v.items() for x in pair]
            special = self._objects(items)
            out = (_DICT, tuple(items), special)
        elif dataclasses.is_dataclass(v) and t.__dataclass_params__.frozen:
            items = [getattr(v, f.name) for f in dataclasses.fields(v)]
            special = self._objects(items)
            out = (_DATACLASS, self.cls(t)[0], tuple(items), special)
        else:
            raise ValueError(f"not storable: {t!r}")
        index = self.memo[id(v)] = len(self.objects)
        self.objects.append(out)
        self.keep.append(v)
        return index


# ---- decoding (a warm run) --------------------------------------------------------------

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
    if len(_shapes) < _SHARED_SIZE:
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
        defaults = _defaults(cls)
        info = _class_infos[name] = (
            cls, frozenset(names),
            frozenset(n for n, d in zip(names, defaults, strict=True) if d is _ALWAYS),
            {n: None if d is _ALWAYS else d for n, d in zip(names, defaults, strict=True)})
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
            if tag == _MODEL:
                append(self.model(enc[1], enc[2], None))
            elif tag == _ZEITPUNKT or tag == _NUMBER or tag == _DATE:
                known = _shared.get(enc)
                if known is None:
                    known = _immutable(enc)
                    if len(_shared) < _SHARED_SIZE:
                        _shared[enc] = known
                append(known)
            elif tag == _LIST or tag == _TUPLE or tag == _DICT:
                items = self._items(enc[1], enc[2])
                append(items if tag == _LIST else tuple(items) if tag == _TUPLE
                       else dict(zip(items[::2], items[1::2], strict=True)))
            elif tag == _DATACLASS:
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
    if tag == _ZEITPUNKT:
        _tag, text, first, last, precision, tentative = v
        if (type(text) is str and type(first) is int and type(last) is int
                and type(precision) is str and type(tentative) is bool):
            return Zeitpunkt(text, dt.date.fromordinal(first), dt.date.fromordinal(last),
                             precision, tentative)
    elif tag == _NUMBER:
        _tag, is_menge, value, qualifier = v
        if type(qualifier) is str and is_menge is True and type(value) is float:
            return Menge(value, qualifier)
        if type(qualifier) is str and is_menge is False and type(value) is int:
            return Anzahl(value, qualifier)
    elif tag == _DATE and len(v) == 2 and type(v[1]) is int:
        return dt.date.fromordinal(v[1])
    raise ValueError("bad entry")
