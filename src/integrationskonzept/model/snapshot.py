"""Per-file snapshots of what the loader made of a YAML file, for the next run.

Between two runs of ``ik validate`` (pre-commit, an editor saving one file) almost every
file of a concept is unchanged, and reading and validating it again would give the same
entries. A snapshot keeps, per file that gave no problem of its own, the file's data as
read (plain dicts, lists and texts), its validated head and the validated entries of
every list (after the file's own ``handlungsfeld:`` was inherited), stored with
:mod:`marshal` as plain data (marshal builds data, never runs code) and rebuilt here into
the same model classes. Rules:

* the key is the SHA-256 of the file's bytes together with its path in the concept (it
  decides the file's kind), the ik, Python and pydantic-core versions and the reading and
  model code itself (size and mtime of every module of ``model/``, ``source/``, ``text/``
  and ``problems/``): validating an entry depends on nothing else (no other file, no
  vocabulary, no date);
* an entry is trusted only with its key and the hash of its payload (see
  :func:`~integrationskonzept.source.parsecache.read_entry`); a payload of another shape
  or naming a class that is not one of ik's model classes is ignored and the file is
  read fresh;
* what depends on other files runs for every file as in a cold run (ids registered,
  doubles found, entries put into the concept, Ausgangslagen and texts read), so every
  message is the same;
* positions are read when a message asks for them, from the file's text (see
  :class:`_Source`), as on the fast reader's path;
* a snapshot is written the second time a file is read with the same content (the
  first time is only noted), see :class:`Session`;
* ``IK_CACHE=0`` switches it off with the parse cache; the folder is ``…/ik/modell``
  next to it, kept under the same size.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..source import fastyaml, parsecache
from ..source.containers import YList, YMap
from ..source.fastyaml import FList, FMap
from .fields import Anzahl, Entry, Menge

_MAGIC = b"IKMS1\n"
_MARSHAL_VERSION = 4
_PLAIN = frozenset({str, type(None), bool, int, float})
_TEXTS = frozenset({str, type(None)})
# (plain ones too: the fast reader may leave a list of texts as json.loads made it)
_MAPS = frozenset({YMap, FMap, dict})
_LISTS = frozenset({YList, FList, list})
# Tags of encoded values (tuples never stand for themselves in an encoded value).
_MODEL, _DATACLASS, _NUMBER, _DATE, _DICT, _TUPLE = range(6)
_state: dict[str, Any] = {}


# ---- key -------------------------------------------------------------------------------

def _code_stamp() -> bytes:
    stamp = _state.get("stamp")
    if stamp is None:
        import pydantic_core

        from .. import __version__

        parts = [__version__, sys.version, sys.implementation.cache_tag or "",
                 pydantic_core.__version__]
        package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        for sub in ("model", "source", "text", "problems"):
            try:
                with os.scandir(os.path.join(package, sub)) as found:
                    for entry in sorted(found, key=lambda e: e.name):
                        if entry.name.endswith(".py"):
                            st = entry.stat()
                            parts.append(f"{sub}/{entry.name}:{st.st_size}:{st.st_mtime_ns}")
            except OSError:
                parts.append(f"{sub}:?")
        stamp = "\0".join(parts).encode("utf-8", "surrogateescape")
        _state["stamp"] = stamp
    return stamp


def key_of(rel: str, raw: bytes) -> bytes:
    """The key of a file's bytes at path ``rel`` for this ik, Python and model code."""
    h = hashlib.sha256(_code_stamp())
    h.update(b"\0" + rel.encode("utf-8", "surrogateescape") + b"\0")
    h.update(raw)
    return h.digest()


# ---- the classes a snapshot may name --------------------------------------------------

def _allowed() -> dict[str, type]:
    """ik's model classes and the value types of their fields, by ``module:qualname``."""
    found: dict[str, type] | None = _state.get("classes")
    if found is None:
        from . import fields as fields_module
        from . import indikator

        found = {}
        stack: list[type] = [Entry]
        while stack:
            cls = stack.pop()
            if cls.__module__.startswith("integrationskonzept.model"):
                found[_name(cls)] = cls
            stack.extend(cls.__subclasses__())
        for cls in (fields_module.Zeitpunkt, indikator.Periode, Anzahl, Menge):
            found[_name(cls)] = cls
        _state["classes"] = found
    return found


def _name(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


# ---- encoding (a cold run) --------------------------------------------------------------

class _Encoder:
    """Model instances and their values as plain data (``ValueError`` for anything else).

    A model instance is ``(_MODEL, class, values in field order, fields set, indexes of
    the values that are encoded)``; lists of plain values and plain values stand for
    themselves; other values are tuples tagged as above. Immutable values the model
    shares (a Zeitpunkt written a thousand times) are written once (marshal refers back
    to an object it wrote before).
    """

    def __init__(self) -> None:
        self.classes: dict[type, tuple[int, tuple[str, ...], tuple[str, ...]]] = {}
        self.memo: dict[int, Any] = {}
        self.keep: list[Any] = []  # what the memo's ids refer to, alive until the end
        # one tuple per distinct set of fields set (marshal writes it once)
        self.sets: dict[frozenset[str], tuple[str, ...]] = {}

    def cls(self, cls: type) -> tuple[int, tuple[str, ...], tuple[str, ...]]:
        info = self.classes.get(cls)
        if info is None:
            if _allowed().get(_name(cls)) is not cls:
                raise ValueError(f"not storable: {cls!r}")
            names = tuple(cls.model_fields) if issubclass(cls, BaseModel) else ()
            info = self.classes[cls] = (len(self.classes), names, (*names, "_src"))
        return info

    def model(self, inst: BaseModel, top: bool = False) -> Any:
        index, names, with_source = self.cls(type(inst))
        d = inst.__dict__
        if tuple(d) != (with_source if top else names):
            raise ValueError("unexpected attributes")
        if inst.__pydantic_extra__ is not None or inst.__pydantic_private__ is not None:
            raise ValueError("extra or private attributes")
        values = list(d.values())
        if top:
            del values[-1]
        special: tuple[int, ...] = ()
        if not _PLAIN.issuperset(map(type, values)):
            found = []
            for i, v in enumerate(values):
                t = type(v)
                if t in _PLAIN or (t is list and _PLAIN.issuperset(map(type, v))):
                    continue
                values[i] = self.value(v)
                found.append(i)
            special = tuple(found)
        fields_set = frozenset(inst.__pydantic_fields_set__)
        known = self.sets.get(fields_set)
        if known is None:
            known = self.sets[fields_set] = tuple(sorted(fields_set))
        return (_MODEL, index, tuple(values), known, special)

    def value(self, v: Any) -> Any:
        t = type(v)
        if t in _PLAIN:
            return v
        if t is list:
            return [x if type(x) in _PLAIN else self.value(x) for x in v]
        known = self.memo.get(id(v))
        if known is not None:
            return known
        if t in _models():
            out: Any = self.model(v)
        elif t is dt.date:
            out = (_DATE, v.toordinal())
        elif t is dict:
            out = (_DICT, [(self.value(k), self.value(x)) for k, x in v.items()])
        elif t is tuple:
            out = (_TUPLE, [self.value(x) for x in v])
        elif t is Anzahl or t is Menge:
            out = (_NUMBER, self.cls(t)[0], (int if t is Anzahl else float)(v), v.qualifier)
        elif dataclasses.is_dataclass(v) and t.__dataclass_params__.frozen:
            out = (_DATACLASS, self.cls(t)[0],
                   [self.value(getattr(v, f.name)) for f in dataclasses.fields(v)])
        else:
            raise ValueError(f"not storable: {t!r}")
        self.memo[id(v)] = out
        self.keep.append(v)
        return out


def _models() -> frozenset[type]:
    found: frozenset[type] | None = _state.get("models")
    if found is None:
        found = _state["models"] = frozenset(
            cls for cls in _allowed().values() if issubclass(cls, BaseModel))
    return found


def _plain(node: Any) -> Any:
    """A YMap/YList tree as plain dicts and lists (``ValueError`` for other values)."""
    texts = _TEXTS
    if type(node) in _MAPS:
        d = dict(node)
        if not texts.issuperset(map(type, d.values())):
            for k, v in d.items():
                t = type(v)
                if t in _LISTS and texts.issuperset(map(type, v)):
                    d[k] = list(v)
                elif t in _MAPS or t in _LISTS:
                    d[k] = _plain(v)
                elif t not in texts:
                    raise ValueError("not a read value")
        return d
    out = list(node)
    if not texts.issuperset(map(type, out)):
        for i, v in enumerate(out):
            t = type(v)
            if t in _MAPS or t in _LISTS:
                out[i] = _plain(v)
            elif t not in texts:
                raise ValueError("not a read value")
    return out


ListPath = tuple[str, ...]


class Session:
    """The snapshots of one concept folder during one load.

    A snapshot is written the second time a file is read with the same content: writing
    one costs about half of what it saves later, so a run that is never repeated (CI, a
    fresh checkout) should not pay for it. What was read the first time is remembered in
    one small entry per concept folder (the keys of its files read fresh in its last run).
    """

    def __init__(self, folder: Path, root: Path) -> None:
        self.folder = folder
        self.seen_key = hashlib.sha256(_code_stamp() + b"\0seen\0" + os.fsencode(
            os.path.abspath(root))).digest()
        found = parsecache.read_entry(folder, _MAGIC, self.seen_key) or b""
        self.seen = {found[i:i + 32] for i in range(0, len(found) - 31, 32)}
        self.fresh: list[bytes] = []

    @classmethod
    def open(cls, root: Path) -> Session | None:
        """The session for folder ``root``, or None when the cache is switched off."""
        folder = parsecache.cache_dir("modell")
        return None if folder is None else cls(folder, root)

    def load(self, rel: str, raw: bytes) -> tuple[Snapshot | None, bytes]:
        """The snapshot of file ``rel`` with bytes ``raw`` (or None) and their key."""
        key = key_of(rel, raw)
        payload = parsecache.read_entry(self.folder, _MAGIC, key)
        if payload is None:
            return None, key
        try:
            names, body = marshal.loads(payload)
            return _Decoder(names, rel, raw.decode("utf-8-sig")).snapshot(body), key
        except Exception:  # noqa: BLE001 - any other shape: the file is read fresh
            return None, key

    def store(self, key: bytes, data: YMap, kopf: Entry,
              lists: list[tuple[str, ListPath, list[Entry]]]) -> None:
        """Remember what the loader made of the file with ``key`` (read as ``data``): its
        head and, per list, (key, path in the file, entries of every item in order); the
        first time only that it was read."""
        if key not in self.seen:
            self.fresh.append(key)
            return
        if type(data) not in _MAPS:
            return
        try:
            enc = _Encoder()
            body = (_plain(data), enc.model(kopf, True),
                    [(name, path, [enc.model(e, True) for e in entries])
                     for name, path, entries in lists])
            names = [_name(cls) for cls in enc.classes]  # in the order of their indexes
            payload = marshal.dumps((names, body), _MARSHAL_VERSION)
        except (ValueError, TypeError, RecursionError, AttributeError):
            return
        parsecache.write_entry(self.folder, _MAGIC, key, payload)

    def close(self) -> None:
        """Remember the files read for the first time in this run."""
        fresh = b"".join(sorted(self.fresh))
        if set(self.fresh) != self.seen:
            parsecache.write_entry(self.folder, _MAGIC, self.seen_key, fresh)


# ---- decoding (a warm run) --------------------------------------------------------------

class Snapshot:
    """A file rebuilt from its snapshot: ``data`` (the file's top level; nested values are
    plain dicts and lists), ``kopf`` and ``lists`` [(key, item nodes, entries)]."""

    __slots__ = ("text", "data", "kopf", "lists", "leitziel")

    def __init__(self, text: str, data: FMap, kopf: Entry, lists: list[tuple[str, list[FMap],
                 list[Entry]]], leitziel: FMap | None) -> None:
        self.text = text
        self.data = data
        self.kopf = kopf
        self.lists = lists
        self.leitziel = leitziel


class _Source(fastyaml._Source):
    """The text of a file rebuilt from a snapshot: positions are filled in on first use
    into the nodes entries point to (the file's top level, every item, the Leitziel), and
    their nested plain values are replaced by the positioned ones of the safe reader."""

    __slots__ = ("nodes",)

    def __init__(self, text: str, rel: str) -> None:
        super().__init__(text, rel)
        self.nodes: list[tuple[tuple[str | int, ...], FMap]] = []

    def resolve(self) -> None:
        if self.done:
            return
        self.done = True
        fastyaml.RESOLVED.append(self.rel)
        from ..source.safeyaml import parse_yaml_text

        root = parse_yaml_text(self.text, self.rel).data
        for path, node in self.nodes:
            safe: Any = root
            for step in path:
                try:
                    safe = safe[step]
                except (KeyError, IndexError, TypeError):
                    safe = None
                    break
            if isinstance(safe, YMap):
                node.line, node.column, node.pos = safe.line, safe.column, safe.pos
                for key, value in node.items():
                    if type(value) is dict or type(value) is list:
                        dict.__setitem__(node, key, safe.get(key))
            else:  # cannot happen for a file that was read without problems
                node.line, node.column, node.pos = 0, 0, {k: (0, 0, 0, 0) for k in node}


class _Decoder:
    def __init__(self, names: list[str], rel: str, text: str) -> None:
        allowed = _allowed()
        self.table: list[tuple[type, tuple[str, ...]]] = []
        for name in names:
            cls = allowed[name]
            self.table.append(
                (cls, tuple(cls.model_fields) if issubclass(cls, BaseModel) else ()))
        self.memo: dict[int, Any] = {}
        self.rel = rel
        self.src = _Source(text, rel)

    def node(self, plain: dict[str, Any], path: tuple[str | int, ...]) -> FMap:
        node = FMap.__new__(FMap)
        dict.update(node, plain)
        node.src = self.src
        self.src.nodes.append((path, node))
        return node

    def snapshot(self, body: Any) -> Snapshot:
        raw, kopf, lists = body
        if type(raw) is not dict:
            raise ValueError("bad entry")
        data = self.node(raw, ())
        self.src.root = data
        leitziel = raw.get("leitziel")
        lz = self.node(leitziel, ("leitziel",)) if type(leitziel) is dict else None
        out = []
        for key, path, entries in lists:
            items: Any = raw
            for step in path:
                items = items[step]
            if type(items) is not list or len(items) != len(entries):
                raise ValueError("bad entry")
            nodes = [self.node(item, (*path, i)) for i, item in enumerate(items)]
            out.append((key, nodes, [self.model(e, node) for e, node in zip(
                entries, nodes, strict=True)]))
        return Snapshot(self.src.text, data, self.model(kopf, data), out, lz)

    def model(self, enc: Any, node: FMap | None = None) -> Any:
        tag, index, values, fields_set, special = enc
        cls, names = self.table[index]
        if tag != _MODEL or len(values) != len(names):
            raise ValueError("bad entry")
        d = dict(zip(names, values, strict=False))  # lengths checked above
        if special:
            memo = self.memo
            for i in special:
                v = values[i]
                known = memo.get(id(v))
                if known is None:
                    if type(v) is tuple and v[0] == _MODEL:  # a nested entry (a Zeitraum)
                        known = memo[id(v)] = self.model(v)
                    else:
                        known = self.value(v)
                d[names[i]] = known
        if node is not None:
            d["_src"] = (self.rel, node)
        inst = cls.__new__(cls)
        _set(inst, "__dict__", d)
        _set(inst, "__pydantic_fields_set__", set(fields_set))  # its own: pydantic adds to it
        _set(inst, "__pydantic_extra__", None)
        _set(inst, "__pydantic_private__", None)
        return inst

    def value(self, v: Any) -> Any:
        t = type(v)
        if t is list:
            value = self.value
            return [value(x) if type(x) in _ENCODED else x for x in v]
        if t is not tuple:
            return v
        known = self.memo.get(id(v))
        if known is not None:
            return known
        tag = v[0]
        out: Any
        if tag == _MODEL:
            out = self.model(v)
        elif tag == _DATE:
            out = dt.date.fromordinal(v[1])
        elif tag == _DICT:
            out = {self.value(k): self.value(x) for k, x in v[1]}
        elif tag == _TUPLE:
            out = tuple(self.value(x) for x in v[1])
        elif tag == _NUMBER:
            out = _number(self.table[v[1]][0], v[2], v[3])
        elif tag == _DATACLASS:
            cls: Any = self.table[v[1]][0]
            if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
                raise ValueError("bad entry")
            out = cls(*[self.value(x) if type(x) in _ENCODED else x for x in v[2]])
        else:
            raise ValueError("bad entry")
        self.memo[id(v)] = out
        return out


_ENCODED = frozenset({tuple, list})
_set: Callable[[object, str, Any], None] = object.__setattr__


def _number(cls: type, value: Any, qualifier: Any) -> Any:
    if cls is Anzahl and type(value) is int and type(qualifier) is str:
        return Anzahl(value, qualifier)
    if cls is Menge and type(value) is float and type(qualifier) is str:
        return Menge(value, qualifier)
    raise ValueError("bad entry")
