"""Per-file snapshots of what the loader made of a YAML file, for the next run.

Between two runs of ``ik validate`` (pre-commit, an editor saving one file) almost every
file of a concept is unchanged, and reading and validating it again would give the same
entries. A snapshot keeps, per file that gave no problem of its own, the skeleton of
the file's data (its keys, ids and mappings: what the concept-wide steps read), its
validated head and the validated entries of every list (after the file's own
``handlungsfeld:`` was inherited), stored with :mod:`marshal` as plain data (marshal
builds data, never runs code; the form is in :mod:`.snapshotcodec`) and rebuilt here
into the same model classes. Rules:

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
* positions, and the other values of the file's data, are read when a message asks for
  a position, from the file's text (see :class:`_Source`), as on the fast reader's path;
* a snapshot is written the second time a file is read with the same content (the
  first time is only noted), see :class:`Session`;
* ``IK_CACHE=0`` switches it off with the parse cache; the folder is ``…/ik/modell``
  next to it, kept under the same size.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from pathlib import Path
from typing import Any

from ..source import fastyaml, parsecache
from ..source.containers import YMap
from ..source.fastyaml import FMap
from ..source.placeholders import Mark
from . import walkfacts
from .fields import Entry
from .snapshotcodec import MAPS
from .snapshotdecoder import Decoder
from .snapshotencoder import Encoder

_MAGIC = b"IKMS3\n"
_MARSHAL_VERSION = 4
_state: dict[str, Any] = {}


# ---- key -------------------------------------------------------------------------------

def _code_stamp() -> bytes:
    stamp = _state.get("stamp")
    if stamp is None:
        import pydantic_core


        package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        files = []
        for sub in ("model", "source", "text", "problems"):
            folder = os.path.join(package, sub)
            try:
                files += sorted(os.path.join(folder, name) for name in os.listdir(folder)
                                if name.endswith(".py"))
            except OSError:
                files.append(folder)  # (its own stamp, or "?" if it is not there)
        stamp = _state["stamp"] = parsecache.code_stamp(files, pydantic_core.__version__)
    return stamp


def key_of(rel: str, raw: bytes) -> bytes:
    """The key of a file's bytes at path ``rel`` for this ik, Python and model code."""
    h = hashlib.sha256(_code_stamp())
    h.update(b"\0" + rel.encode("utf-8", "surrogateescape") + b"\0")
    h.update(raw)
    return h.digest()


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
        try:  # the subfolders that hold entries (none in a cold cache: no file to look for)
            self.dirs = frozenset(os.listdir(folder))
        except OSError:
            self.dirs = frozenset()
        self.seen_key = hashlib.sha256(_code_stamp() + b"\0seen\0" + os.fsencode(
            os.path.abspath(root))).digest()
        found = self._read(self.seen_key) or b""
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
        payload = self._read(key)
        if payload is None:
            return None, key
        try:
            snap = _snapshot(marshal.loads(payload), rel, raw.decode("utf-8-sig"))
        except Exception:  # noqa: BLE001 - any other shape: the file is read fresh
            return None, key
        return snap, key

    def _read(self, key: bytes) -> bytes | None:
        """The payload stored under ``key`` (:func:`parsecache.read_entry`), not looked
        for where its subfolder was not there when the session began."""
        if parsecache.subfolder(key) not in self.dirs:
            return None
        return parsecache.read_entry(self.folder, _MAGIC, key)

    def stores(self, key: bytes) -> bool:
        """Whether the file with ``key`` was read before (its snapshot and its parse in the
        parse cache are written now: :meth:`store`); else :meth:`note` that it was read."""
        return key in self.seen

    def note(self, key: bytes) -> None:
        """The file with ``key`` was read the first time: its snapshot is written the
        next time its content is read."""
        self.fresh.append(key)

    def store(self, key: bytes, data: YMap, kopf: Entry,
              lists: list[tuple[str, ListPath, list[Entry]]], marks: list[Mark],
              walked: list[walkfacts.Walked]) -> None:
        """Write what the loader made of the file with ``key`` (read as ``data``): its
        head and, per list, (key, path in the file, entries of every item in order), the
        placeholders of its text and what the walk over the references finds in the head
        and each list."""
        if type(data) not in MAPS:
            return
        try:
            enc = Encoder()
            kopf_row = enc.row(kopf, True)
            facts = [walkfacts.facts_of(w) for w in walked]
            rows = [(name, path, *enc.rows(entries), *enc.items(_at(data, path)), found)
                    for (name, path, entries), found in zip(lists, facts[1:], strict=True)]
            skeleton = enc.skeleton(data, frozenset(path for _name, path, _e in lists))
            payload = marshal.dumps((*enc.tables(), skeleton, kopf_row, facts[0], rows,
                                     marks), _MARSHAL_VERSION)
        except (ValueError, TypeError, RecursionError, AttributeError):
            return
        parsecache.write_entry(self.folder, _MAGIC, key, payload)

    def close(self) -> None:
        """Remember the files read for the first time in this run."""
        fresh = b"".join(sorted(self.fresh))
        if set(self.fresh) != self.seen:
            parsecache.write_entry(self.folder, _MAGIC, self.seen_key, fresh)


# ---- a file rebuilt (a warm run) ---------------------------------------------------------

class Snapshot:
    """A file rebuilt from its snapshot: ``data`` (the file's top level, a skeleton until
    a position is asked for), ``kopf``, ``lists`` [(key, item nodes, entries)] and the
    node of the Leitziel; ``marks``: the placeholders of the text; ``walked``: what the
    walk over the references finds in the head and in each list (model/walkfacts.py)."""

    __slots__ = ("text", "data", "kopf", "lists", "leitziel", "marks", "walked")

    def __init__(self, text: str, data: FMap, kopf: Entry, lists: list[tuple[str, list[FMap],
                 list[Entry]]], leitziel: FMap | None, marks: list[Mark],
                 walked: list[walkfacts.Walked]) -> None:
        self.text = text
        self.data = data
        self.kopf = kopf
        self.lists = lists
        self.leitziel = leitziel
        self.marks = marks
        self.walked = walked


class _Source(fastyaml._Source):
    """The text of a file rebuilt from a snapshot. Entries point to nodes (the file's top
    level, the Leitziel, every item of a list) that hold the skeleton of what was read
    (see :mod:`.snapshotcodec`); when a position is asked for, the file is read again by
    the safe reader, and every node gets its positions and the values read."""

    __slots__ = ("nodes", "lists")

    def __init__(self, text: str, rel: str) -> None:
        super().__init__(text, rel)
        self.nodes: list[tuple[tuple[str, ...], FMap]] = []
        self.lists: list[tuple[tuple[str, ...], list[FMap]]] = []

    def node(self, skeleton: Any, path: tuple[str, ...]) -> FMap:
        if type(skeleton) is not dict:
            raise ValueError("bad entry")
        node = _new_node(FMap)
        dict.update(node, skeleton)
        node.src = self
        self.nodes.append((path, node))
        return node

    def items(self, keys: list[dict[str, None]], keys_of: list[int], ids: list[Any],
              extras: list[Any], path: tuple[str, ...]) -> list[FMap]:
        """The nodes of the items of the list at ``path`` (see
        :meth:`.snapshotencoder.Encoder.items`)."""
        nodes: list[FMap] = []
        append = nodes.append
        for index, ident, extra in zip(keys_of, ids, extras, strict=True):
            node = _new_node(FMap)
            template = keys[index]
            dict.update(node, template)
            if ident is not None:
                if type(ident) is not str:
                    raise ValueError("bad entry")
                _set_item(node, "id", ident)
            if extra is not None:
                if type(extra) is not dict:
                    raise ValueError("bad entry")
                dict.update(node, extra)
            if len(node) != len(template):
                raise ValueError("bad entry")
            node.src = self
            append(node)
        self.lists.append((path, nodes))
        return nodes

    def fill(self, root: Any) -> None:
        """Every node gets its positions and the values read (see fastyaml._Source)."""
        for path, node in self.nodes:
            _fill(node, _at(root, path))
        for path, nodes in self.lists:
            safe = _at(root, path)
            for i, node in enumerate(nodes):
                _fill(node, safe[i] if isinstance(safe, list) and i < len(safe) else None)


_new_node = FMap.__new__
_set_item = dict.__setitem__


def _at(root: Any, path: tuple[str, ...]) -> Any:
    for step in path:
        root = root.get(step) if isinstance(root, dict) else None
    return root


def _fill(node: FMap, safe: Any) -> None:
    if isinstance(safe, YMap) and list(safe) == list(node):
        node.line, node.column, node.pos = safe.line, safe.column, safe.pos
        dict.update(node, safe)
    else:  # cannot happen for a file that was read without problems
        node.line, node.column, node.pos = 0, 0, {k: (0, 0, 0, 0) for k in node}


def _snapshot(stored: Any, rel: str, text: str) -> Snapshot:
    (names, shapes, objects, key_sets, skeleton, (kopf_row, kopf_shape), kopf_facts, lists,
     marks) = stored
    if type(marks) is not list or not all(
            type(m) is tuple and len(m) == 3 and type(m[0]) is int and type(m[1]) is int
            and type(m[2]) is str for m in marks):
        raise ValueError("bad entry")
    decoder = Decoder(names, shapes, objects, rel)
    keys = []
    for key_set in key_sets:
        template = _templates.get(key_set)
        if template is None:
            if type(key_set) is not tuple or not _TEXT.issuperset(map(type, key_set)):
                raise ValueError("bad entry")
            template = dict.fromkeys(key_set)  # only ever copied into nodes
            if len(_templates) < 20_000:
                _templates[key_set] = template
        keys.append(template)
    src = _Source(text, rel)
    data = src.node(skeleton, ())
    src.root = data
    leitziel = skeleton.get("leitziel")
    lz = src.node(leitziel, ("leitziel",)) if type(leitziel) is dict else None
    out = []
    kopf = decoder.model(kopf_row, kopf_shape, data)
    walked = [walkfacts.ready(kopf_facts, [kopf])]
    for key, path, rows, row_shapes, keys_of, ids, extras, facts in lists:
        items = _at(skeleton, path)
        if type(items) is not list or items:
            raise ValueError("bad entry")
        nodes = src.items(keys, keys_of, ids, extras, path)
        items.extend(nodes)
        entries = decoder.entries(rows, row_shapes, nodes)
        out.append((key, nodes, entries))
        walked.append(walkfacts.ready(facts, entries))
    return Snapshot(text, data, kopf, out, lz, marks, walked)


_TEXT = frozenset({str})
_templates: dict[Any, dict[str, None]] = {}  # the nodes' key sets made ready, by key set
