"""The fast path of YAML reading: rapidyaml parses, its JSON goes through ``json.loads``.

:mod:`.safeyaml` builds positioned containers from libyaml's events; that costs about as
much as libyaml composing its own nodes. Most files of a concept are plain block YAML
without anything unusual, and nobody needs their positions unless a check reports a
problem in them. For such files rapidyaml (C++) parses the text and writes it as JSON,
and the standard library's C decoder turns that into :class:`FMap`/:class:`FList`
containers: together about a third of the safe reader's time (with the check that a
file is in the subset, :mod:`.yamlsubset`, about two thirds). Their positions are
filled in on first use (``.line``, ``.column``, ``.pos``), by reading that one file with
the safe reader: so every message names the same place as before.

The fast path gives exactly what the safe reader gives, or it gives nothing and the
safe reader reads the file (:data:`FALLBACK`):

- anything rapidyaml and libyaml could read differently falls back before parsing:
  anchors, tags, merge keys, document markers, directives, escape sequences (a
  backslash after a double quote), ``~``/``Null``/``NULL``; the patterns are wider
  than these on purpose (``&Co`` in a text falls back too): that costs time, never
  correctness;
- a parse error, an alias (rapidyaml writes it as a text starting with ``*``; a text
  starting with ``**fett**`` falls back too), a duplicate key, a key libyaml reads
  differently (empty, null, ``<<``), a number rapidyaml rewrote (``.5`` → ``0.5``),
  indentation deep enough to nest near the safe reader's limit: the safe reader reads
  the file and says what is wrong, with file and line;
- scalars stay the text the author typed: JSON numbers are taken as their text,
  ``true``/``false`` become the words again, ``null`` and the empty value ``None``.

A self-test with a document of every such case runs once per process before the first
use; if this rapidyaml reads it differently from what the safe reader reads (the tests
check that too), the fast path stays off (a newer rapidyaml can never change what ik
reads). ``IK_SCHNELLLESER=0`` switches it off, as does a missing ``rapidyaml``.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections import deque
from typing import Any

from .containers import YList, YMap
from .yamlsubset import is_plain_block_yaml

FALLBACK: Any = object()

# The files whose positions were asked for (tests and the benchmark look: a concept
# without problems should need none).
RESOLVED: deque[str] = deque(maxlen=1000)

# Null spellings libyaml knows and JSON does not (the value would stay a text).
_NULL_WORD = re.compile(r"\b(?:Null|NULL)\b")


# Keys the safe reader reads differently from their JSON text, or reports.
_ODD_KEYS = frozenset({"", "null", "Null", "NULL", "~", "<<"})


class _Fallback(Exception):
    """This file is for the safe reader."""


class _Source:
    """One fast-read file: its text, filled into the containers' positions on demand."""

    __slots__ = ("text", "rel", "root", "done", "ids")

    def __init__(self, text: str, rel: str) -> None:
        self.text = text
        self.rel = rel
        self.root: Any = None
        self.done = False
        self.ids: dict[str, list[tuple[int, int]]] | None = None

    def resolve(self) -> None:
        if self.done:
            return
        self.done = True
        RESOLVED.append(self.rel)
        from .safeyaml import parse_yaml_text  # the safe reader imports this module

        self.fill(parse_yaml_text(self.text, self.rel).data)

    def fill(self, data: Any) -> None:
        """Give this file's containers the positions of ``data``, the safe reader's."""
        _fill(self.root, data)


# Where a value of ``id`` can stand in a file of the subset: on an ``id:`` line of a block
# mapping, or after ``{`` or ``,`` in a one-line flow mapping.
_ID_VALUE = re.compile(
    r"""(?:^[ ]*(?:-[ ]+)*id:[ ]+(?P<b>"[^"\n]*"|'[^'\n]*(?:''[^'\n]*)*'|[^\s#][^\n]*?)"""
    r"""[ ]*(?:[ ]\#[^\n]*)?$"""
    r"""|[{,][ ]*id:[ ]+(?P<f>"[^"\n]*"|'[^'\n]*(?:''[^'\n]*)*'|[^,}\]\n#]+?)[ ]*(?=[,}]))""",
    re.M)


def _id_values(text: str) -> dict[str, list[tuple[int, int]]]:
    """Every value written for a key ``id`` in ``text``: value -> [(line, column)]."""
    out: dict[str, list[tuple[int, int]]] = {}
    line, start = 1, 0  # the line of ``start`` (counted forward, once over the text)
    for m in _ID_VALUE.finditer(text):
        group = "b" if m.group("b") is not None else "f"
        at = m.start(group)
        line += text.count("\n", start, at)
        start = at
        value = m.group(group)
        if value[0] == '"':
            value = value[1:-1]
        elif value[0] == "'":
            value = value[1:-1].replace("''", "'")
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        out.setdefault(value, []).append((line, column))
    return out


def id_position(node: Any) -> tuple[int, int] | None:
    """Line and column of ``node["id"]`` of a fast-read mapping, from its file's text, or
    None where the text alone cannot tell (the value occurs as an id more than once, or
    the positions are there already). Saves the safe reader for a message naming an entry
    (``ik gaps --format json`` names every Bedarf: 100 files read again before)."""
    if type(node) is not FMap:
        return None
    src = node.src
    ident = node.get("id")
    if src.done or not isinstance(ident, str):
        return None
    if src.ids is None:
        src.ids = _id_values(src.text)
    found = src.ids.get(ident)
    return found[0] if found is not None and len(found) == 1 else None


class _PositionsOnFirstUse:
    """``line``, ``column`` and ``pos`` of a fast-read container, filled in when asked."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:  # called only while a slot is still unset
        if name in ("line", "column", "pos"):
            object.__getattribute__(self, "src").resolve()
            return object.__getattribute__(self, name)
        raise AttributeError(name)


class FMap(_PositionsOnFirstUse, YMap):
    """A mapping read on the fast path."""

    __slots__ = ("src",)
    src: _Source


class FList(_PositionsOnFirstUse, YList):
    """A sequence read on the fast path."""

    __slots__ = ("src",)
    src: _Source


def _fill(fast: Any, safe: Any) -> None:
    """Copy the safe reader's positions onto the fast containers (same shape); a plain list
    of texts in a mapping is replaced by the safe reader's list (same texts, positioned)."""
    stack = [(fast, safe)]
    while stack:
        f, s = stack.pop()
        if type(f) is FMap:
            if isinstance(s, YMap):
                f.line, f.column, f.pos = s.line, s.column, s.pos
                positioned = []
                for key, value in f.items():
                    if type(value) is FMap or type(value) is FList:
                        stack.append((value, s.get(key)))
                    elif type(value) is list and isinstance(s.get(key), YList):
                        positioned.append(key)
                for key in positioned:
                    f[key] = s[key]
                continue
            f.line, f.column, f.pos = 0, 0, {k: (0, 0, 0, 0) for k in f}
        elif type(f) is FList:
            if isinstance(s, YList):
                f.line, f.column, f.pos = s.line, s.column, s.pos
                for i, value in enumerate(f):
                    if type(value) is FMap or type(value) is FList:
                        stack.append((value, s[i] if i < len(s) else None))
                continue
            f.line, f.column, f.pos = 0, 0, [(0, 0)] * len(f)


def _number(text: str) -> str:
    # rapidyaml writes ".5" as 0.5 and "3." as 3.0: such numbers go the safe way.
    if text.startswith(("0.", "-0.")) or text.endswith(".0"):
        raise _Fallback
    return text


def _decoder(src: _Source) -> json.JSONDecoder:
    fmap_new = FMap.__new__
    odd = _ODD_KEYS
    plain = _PLAIN_TYPES
    texts = _TEXT_TYPES

    def mapping(pairs: list[tuple[str, Any]]) -> FMap:
        m = fmap_new(FMap)
        dict.update(m, pairs)
        if len(m) != len(pairs) or not odd.isdisjoint(m):
            raise _Fallback
        if not plain.issuperset(map(type, m.values())):  # a list or a truth value inside
            for key, value in pairs:
                kind = type(value)
                if kind is list and texts.issuperset(map(type, value)):
                    # the usual list (of ids) stays as json.loads made it: nobody asks for
                    # its positions unless a message names it, and then _fill puts the safe
                    # reader's positioned list in its place
                    continue
                if kind in _CHANGED:
                    m[key] = _as_read(value, src)
        m.src = src
        return m

    return json.JSONDecoder(object_pairs_hook=mapping, parse_int=str, parse_float=_number)


# What json.loads gives that needs no change: texts (numbers become texts), None, mappings.
_PLAIN_TYPES = frozenset({str, type(None), FMap})
# The items of a list that stays a plain list inside a mapping.
_TEXT_TYPES = frozenset({str, type(None)})


def _sequence(items: list[Any], src: _Source) -> FList:
    out = FList.__new__(FList)
    list.extend(out, items)
    if not _PLAIN_TYPES.issuperset(map(type, items)):
        for i, value in enumerate(items):
            if type(value) in _CHANGED:
                out[i] = _as_read(value, src)
    out.src = src
    return out


# What json.loads gives differently from the safe reader.
_CHANGED = frozenset({list, bool})


def _as_read(value: Any, src: _Source) -> Any:
    """A value from json.loads as the safe reader reads it: a list as :class:`FList`, a
    truth value as the word written."""
    if type(value) is list:
        return _sequence(value, src)
    if type(value) is bool:
        return "true" if value else "false"
    return value


def _top(value: Any, src: _Source) -> Any:
    value = _as_read(value, src)
    if isinstance(value, (FMap, FList)):
        src.root = value
    if type(value) is FMap:  # the loader looks for YList at the top and one level down
        for inner in (value, *(v for v in value.values() if type(v) is FMap)):
            for key, item in inner.items():
                if type(item) is list:
                    inner[key] = _sequence(item, src)
    return value


class _Quiet:
    """rapidyaml prints a parse error to the process's stderr before raising it."""

    lock = threading.Lock()

    def __enter__(self) -> None:
        self.lock.acquire()
        self.saved = -1
        try:
            self.saved = os.dup(2)
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 2)
            os.close(null)
        except OSError:
            pass

    def __exit__(self, *exc: object) -> None:
        try:
            if self.saved >= 0:
                os.dup2(self.saved, 2)
                os.close(self.saved)
        finally:
            self.lock.release()


def _ryml() -> Any:
    try:
        import ryml  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:  # pragma: no cover - rapidyaml is a dependency
        return None
    return ryml


_state: dict[str, Any] = {}


def parse(text: str, rel: str, max_depth: int, utf8: bytes | None = None) -> Any:
    """The file's data as the safe reader would read it, or :data:`FALLBACK`.

    ``utf8`` is ``text`` encoded (the file's bytes without a byte order mark), if the
    caller has them. Within the subset, nesting grows with indentation: a mapping, a list
    in it at the same indentation, one flow level – at most indentation + 3 levels. A file
    indented that deep near ``max_depth`` goes to the safe reader, which counts exactly.
    """
    if not _enabled() or not is_plain_block_yaml(text):
        return FALLBACK
    if _has_null_word(text):
        return FALLBACK
    deep = " " * max(max_depth - 4, 0)
    if text.startswith(deep) or "\n" + deep in text:  # (tabs never get this far)
        return FALLBACK
    return _parse(text, rel, utf8)


def _has_null_word(text: str) -> bool:
    """Whether ``Null`` or ``NULL`` stands as a word in ``text``. Looks from each "N" on: a
    single character is found many times faster than a word (a tenth of the time here)."""
    at = text.find("N")
    while at >= 0:
        if text.startswith(("Null", "NULL"), at):
            return _NULL_WORD.search(text) is not None
        at = text.find("N", at + 1)
    return False


def _parse(text: str, rel: str, utf8: bytes | None = None) -> Any:
    ryml = _state["ryml"]
    src = _Source(text, rel)
    try:
        with _Quiet():  # (its lock also keeps the one tree to this thread)
            out = _json(ryml, text.encode("utf-8") if utf8 is None else utf8)
        if out is None:
            return FALLBACK
        return _top(_decoder(src).decode(out), src)
    except (_Fallback, ValueError, RecursionError, AttributeError, TypeError):
        return FALLBACK
    except Exception:  # noqa: BLE001 - any rapidyaml exception: the safe reader decides
        return FALLBACK


def _json(ryml: Any, data: bytes) -> str | None:
    """rapidyaml's JSON of ``data``, or None for an empty document.

    One tree for every file, cleared before each (a new tree per file cost a third of the
    parse); the JSON is written into a buffer big enough for the usual file (emitting into
    a fresh buffer measures the length first: a second pass).
    """
    tree = _state.get("tree")
    if tree is None:
        tree = _state["tree"] = ryml.Tree()
    tree.clear()
    tree.clear_arena()
    ryml.parse_in_arena(data, tree)
    if tree.empty() or tree.size() == 0:
        return None
    root = tree.root_id()
    buf = bytearray(2 * len(data) + 4096)
    failed, size = ryml.emit_json_to_substr(tree, root, buf)
    if failed:  # many short values: the JSON is longer than twice the YAML
        buf = bytearray(size)
        failed, size = ryml.emit_json_to_substr(tree, root, buf)
        if failed:
            raise _Fallback
    return str(memoryview(buf)[:size], "utf-8")


def _enabled() -> bool:
    if os.environ.get("IK_SCHNELLLESER", "1").lower() in ("0", "nein", "no", "false", "aus"):
        return False
    on = _state.get("on")
    if on is None:
        on = _state["on"] = _self_test()
    return bool(on)


def _self_test() -> bool:
    ryml = _ryml()
    if ryml is None:
        return False
    _state["ryml"] = ryml
    fast = _parse(SELF_TEST, "selbsttest.yaml")
    return fast is not FALLBACK and _same(fast, SELF_TEST_DATA)


def _same(a: Any, b: Any) -> bool:
    """Equal data of the same kinds (a text is never equal to a number or a truth value)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


# Every kind of scalar and layout a concept file uses, read by both readers at start.
SELF_TEST = """\
# Selbsttest
id: a-1
zahl: 01067
dezimal: 3.10
gross: 12345678901234567890
exp: 1e3
negativ: -5
uhrzeit: 12:30
datum: 2017-08-17
wahr: true
falsch: false
ja: yes
leer:
null_wert: null
text: "Zitat mit „Anführung“ und ' Apostroph"
einfach: 'it''s'
mehrzeilig: erste Zeile
  zweite Zeile
block: |
  Absatz mit **fett**
    eingerückt

  nach Leerzeile
gefaltet: >-
  eins
  zwei
behalten: |+
  x

liste: [a, "b", 3, true, [c, d]]
karte: {x: 1, y: [2]}
leere_liste: []
leere_karte: {}
eintraege:
  - id: e-1
    name: Café Global – Ümlaute & Zeichen
    sprachen:
      - ar
      - fa
  -
  - ohne_wert:
"1": eins
true: wahr
"""

# What the safe reader reads from SELF_TEST (tests/test_fastyaml.py checks it does).
SELF_TEST_DATA = {
    "id": "a-1", "zahl": "01067", "dezimal": "3.10", "gross": "12345678901234567890",
    "exp": "1e3", "negativ": "-5", "uhrzeit": "12:30", "datum": "2017-08-17",
    "wahr": "true", "falsch": "false", "ja": "yes", "leer": None, "null_wert": None,
    "text": "Zitat mit „Anführung“ und ' Apostroph", "einfach": "it's",
    "mehrzeilig": "erste Zeile zweite Zeile",
    "block": "Absatz mit **fett**\n  eingerückt\n\nnach Leerzeile\n",
    "gefaltet": "eins zwei", "behalten": "x\n\n",
    "liste": ["a", "b", "3", "true", ["c", "d"]], "karte": {"x": "1", "y": ["2"]},
    "leere_liste": [], "leere_karte": {},
    "eintraege": [{"id": "e-1", "name": "Café Global – Ümlaute & Zeichen",
                   "sprachen": ["ar", "fa"]}, None, {"ohne_wert": None}],
    "1": "eins", "true": "wahr",
}
