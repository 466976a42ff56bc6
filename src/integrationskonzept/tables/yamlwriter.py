"""Round-trip YAML writing: change only the keys that changed.

ruamel.yaml reads each file with comments, key order, quoting and flow/block styles.
Only the keys an import sets are written anew (with their end-of-line comment), each
spliced into the original text in place of its own lines; new entries go after the
last entry of their list. Every other byte stays as it was (ruamel would, e.g., join a
plain scalar wrapped over two lines if it rewrote the whole file). An entry whose keys
cannot be told apart by line (``- {id: a, titel: b}``) is rewritten as a whole; a file
whose list is written in flow form, or gets a new list, is rewritten as a whole (IK907).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from ..errors import SourceError
from ..model.fielddates import Zeitpunkt

DELETE = object()
_BETEILIGUNG = ("veranstaltungen", "arbeitsgruppen", "befragungen")
_DASH = re.compile(r"^( *)- +(\S)")
_KEY = re.compile(r"^( *)(?:- +)?[^\s#'\"][^:#]*:\s*$")


def _yaml(mapping: int = 2, sequence: int = 4, offset: int = 2) -> Any:
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=mapping, sequence=sequence, offset=offset)
    return y


def _mapping_indent(lines: list[str]) -> int:
    """The indentation of nested mappings, from the first ``key:`` with a deeper child."""
    for i, line in enumerate(lines[:-1]):
        m = _KEY.match(line)
        if not m:
            continue
        nxt = lines[i + 1]
        inner = len(nxt) - len(nxt.lstrip(" "))
        own = len(m[1]) + (line[len(m[1]):].startswith("- ") and 2 or 0)
        if inner > own and not nxt.lstrip().startswith("- ") and nxt.strip():
            return inner - own
    return 2


class YamlFile:
    """One source file loaded for editing; :meth:`dump` splices the changed entries."""

    def __init__(self, path: Path, rel: str) -> None:
        self.path = path
        self.rel = rel
        # bytes as they are: Windows line ends stay, and so does every untouched line
        self.text = path.read_bytes().decode("utf-8")
        self.newline = "\r\n" if "\r\n" in self.text else "\n"
        self.lines = self.text.splitlines(keepends=True)
        self.changed = False
        self.exact = True  # False when the file had to be written as a whole
        self.yaml = _yaml()
        try:
            self.data = self.yaml.load(self.text)
        except Exception as exc:  # ruamel's errors have no common base we can name
            raise SourceError(f"{rel}: Datei lässt sich nicht bearbeiten ({exc})") from None
        if self.data is None:
            from ruamel.yaml.comments import CommentedMap

            self.data = CommentedMap()
        self._modified: dict[int, tuple[Any, tuple[int, int], int]] = {}
        # Per changed entry: its keys as read (name, line, column) and the keys set since.
        self._keys: dict[int, list[tuple[str, int, int]]] = {}
        self._touched: dict[int, set[str]] = {}
        self._edits: list[tuple[int, int, Any]] = []  # (start, end, entry | "" | ("neu", e))
        self._whole = False
        self._mapping = _mapping_indent(self.lines)
        step, offset = self._list_style()
        self.yaml = _yaml(self._mapping, step + offset, offset)

    def _list_style(self) -> tuple[int, int]:
        """(dash to content, key to dash) of the file's first block list; else (2, 2)."""
        for key, value in self.data.items():
            style = getattr(value, "fa", None)
            if style is not None and isinstance(value, list) and value \
                    and not style.flow_style() and hasattr(value[0], "lc"):
                m = _DASH.match(self.lines[int(value[0].lc.line)])
                if m:
                    dash = len(m[1])
                    return m.start(2) - dash, dash - int(self.data.lc.key(key)[1])
        return 2, 2

    # -- finding entries and their lines ---------------------------------------------
    def _parent(self, key: str) -> Any:
        if key in _BETEILIGUNG:
            bet = self.data.get("beteiligung")
            return bet if bet is not None and hasattr(bet, "get") else None
        return self.data

    def entries(self, key: str) -> Any:
        """The list ``key`` (``massnahmen`` …; Beteiligung lists under ``beteiligung``)."""
        parent = self._parent(key)
        return parent.get(key) if parent is not None else None

    def _end_of(self, key: str) -> int | None:
        """The line after the list ``key``: where the next key of its parent (or above) starts."""
        chain = [("beteiligung", self.data)] if key in _BETEILIGUNG else []
        chain.insert(0, (key, self._parent(key)))
        for name, parent in chain:
            keys = list(parent)
            i = keys.index(name)
            if i + 1 < len(keys):
                return int(parent.lc.key(keys[i + 1])[0])
        return len(self.lines)

    def _offset(self, key: str) -> int:
        """How far the dashes of list ``key`` stand right of the key itself."""
        parent = self._parent(key)
        seq = self.entries(key)
        try:
            key_col = int(parent.lc.key(key)[1])
            dash_col = len(_DASH.match(self.lines[int(seq[0].lc.line)])[1])  # type: ignore[index]
        except (TypeError, KeyError, IndexError, AttributeError):
            return 2
        return dash_col - key_col

    def _span(self, key: str, index: int) -> tuple[int, int] | None:
        seq = self.entries(key)
        if seq is None or seq.fa.flow_style():
            return None
        item = seq[index]
        if not hasattr(item, "lc") or item.lc.line is None:
            return None
        start = int(item.lc.line)
        end = int(seq[index + 1].lc.line) if index + 1 < len(seq) else self._end_of(key)
        if end is None or not _DASH.match(self.lines[start] if start < len(self.lines) else ""):
            return None
        return start, end

    def find(self, key: str, ident: str) -> Any:
        """The entry with ``ident``; remembered as changed (its lines are written anew)."""
        for i, item in enumerate(self.entries(key) or ()):
            if hasattr(item, "get") and str(item.get("id")) == ident:
                span = self._span(key, i)
                if span is None:
                    self._whole = True
                else:
                    self._modified[id(item)] = (item, span, self._offset(key))
                    self._keys[id(item)] = sorted(
                        ((str(k), int(item.lc.key(k)[0]), int(item.lc.key(k)[1])) for k in item),
                        key=lambda t: (t[1], t[2]))
                    self._touched[id(item)] = set()
                self.changed = True
                return item
        return None

    def append(self, key: str, entry: Any) -> None:
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        seq = self.entries(key)
        if seq is None or not seq or self._span(key, len(seq) - 1) is None:
            self._whole = True
            if seq is None:
                seq = CommentedSeq()
                if key in _BETEILIGUNG:
                    if self.data.get("beteiligung") is None:
                        self.data["beteiligung"] = CommentedMap()
                    self.data["beteiligung"][key] = seq
                else:
                    self.data[key] = seq
        else:
            last = self._span(key, len(seq) - 1)
            assert last is not None
            self._edits.append((last[1], last[1], ("neu", entry, self.lines[last[0]],
                                                   self._offset(key))))
        seq.append(entry)
        self.changed = True

    def remove(self, key: str, ident: str) -> bool:
        seq = self.entries(key)
        for i, item in enumerate(seq or ()):
            if hasattr(item, "get") and str(item.get("id")) == ident:
                span = self._span(key, i)
                if span is None:
                    self._whole = True
                else:
                    self._edits.append((span[0], span[1], ""))
                del seq[i]
                self.changed = True
                return True
        return False

    def set(self, entry: Any, path: tuple[str, ...], value: Any, order: list[str]) -> None:
        """:func:`set_path` on an entry of this file, remembering the key it changes."""
        set_path(entry, path, value, order)
        touched = self._touched.get(id(entry))
        if touched is not None:
            touched.add(path[0])

    # -- writing ---------------------------------------------------------------------
    def _quiet(self, line: int) -> bool:
        """A blank or comment-only line (kept as it is around a rewritten key)."""
        text = self.lines[line].strip()
        return not text or text.startswith("#")

    def _key_edits(self, entry: Any, span: tuple[int, int], offset: int
                   ) -> list[tuple[int, int, str]] | None:
        """Edits that rewrite only the keys set on ``entry``; None: rewrite the whole entry."""
        keys = self._keys.get(id(entry), [])
        touched = self._touched.get(id(entry), set())
        if not keys or keys[0][0] in touched or len({line for _n, line, _c in keys}) < len(keys):
            return None
        start, end = span
        while end > start + 1 and self._quiet(end - 1):
            end -= 1
        bounds: dict[str, tuple[int, int, int]] = {}
        for i, (name, line, col) in enumerate(keys):
            stop = keys[i + 1][1] if i + 1 < len(keys) else end
            while stop > line + 1 and self._quiet(stop - 1):
                stop -= 1
            if i and self.lines[line][:col].strip():
                return None  # not a block mapping laid out one key per line
            bounds[name] = (line, stop, col)
        body = keys[1][2] if len(keys) > 1 else None
        if body is None:
            return None
        step = body - len(_DASH.match(self.lines[start])[1])  # type: ignore[index]
        current = [str(k) for k in entry]
        edits = []
        for name in sorted(touched):
            if name in bounds:
                line, stop, col = bounds[name]
                text = self._key_text(entry, name, col, step, offset) if name in current else ""
                edits.append((line, stop, text))
            elif name in current:
                later = [n for n in current[current.index(name) + 1:] if n in bounds]
                pos = bounds[later[0]][0] if later else bounds[keys[-1][0]][1]
                edits.append((pos, pos, self._key_text(entry, name, body, step, offset)))
        return edits

    def _key_text(self, entry: Any, name: str, col: int, step: int, offset: int) -> str:
        """``name: value`` of ``entry`` as YAML at column ``col``, its end-of-line comment kept."""
        from ruamel.yaml.comments import CommentedMap
        from ruamel.yaml.error import CommentMark
        from ruamel.yaml.tokens import CommentToken

        key = _key(entry, name)
        single = CommentedMap()
        single[key] = entry[key]
        comment = entry.ca.items.get(key)
        if comment and len(comment) > 2 and comment[2] is not None:
            old = comment[2]
            first = str(old.value).split("\n")[0]
            if first.strip().startswith("#"):
                # the comment keeps its distance from the value: its column, less the indent
                token = CommentToken(first + "\n", CommentMark(max(0, old.column - col)))
                single.ca.items[key] = [None, None, token, None]
        out = io.StringIO()
        _yaml(self._mapping, step + offset, offset).dump(single, out)
        lines = self._ends(out.getvalue()).splitlines(keepends=True)
        while len(lines) > 1 and (not lines[-1].strip() or lines[-1].lstrip().startswith("#")):
            lines.pop()
        return "".join(" " * col + line if line.strip() else line for line in lines)

    def _entry_text(self, entry: Any, first_line: str, offset: int) -> str:
        """The entry as YAML, indented like the original item line ``first_line`` (its dash
        ``offset`` columns right of its list's key, as nested lists inside it are too)."""
        from ruamel.yaml.comments import CommentedSeq

        m = _DASH.match(first_line)
        dash = len(m[1]) if m else 0
        step = (m.start(2) - dash) if m else 2
        offset = max(0, min(offset, dash))
        y = _yaml(self._mapping, step + offset, offset)
        out = io.StringIO()
        y.dump(CommentedSeq([entry]), out)
        pad = " " * (dash - offset)
        return "".join(pad + line if line.strip() else line
                       for line in self._ends(out.getvalue()).splitlines(keepends=True))

    def _ends(self, text: str) -> str:
        """Dumped text with the file's line ends."""
        return text.replace("\n", self.newline) if self.newline != "\n" else text

    def dump(self) -> str:
        """The new text of the file."""
        if self._whole:
            self.exact = False
            out = io.StringIO()
            self.yaml.dump(self.data, out)
            return self._ends(out.getvalue())
        edits = list(self._edits)
        for entry, (start, end), offset in self._modified.values():
            keyed = self._key_edits(entry, (start, end), offset)
            if keyed is None:
                edits.append((start, end, (entry, offset)))
            else:
                edits += [(a, b, ("text", text)) for a, b, text in keyed]
        lines = list(self.lines)
        for start, end, what in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
            if isinstance(what, tuple) and len(what) == 4:  # new entry after the last item
                _neu, entry, first, offset = what
                text = self._entry_text(entry, first, offset)
                before = "".join(lines[:start])
                if before.endswith(self.newline * 2):
                    text += self.newline
                lines[start:start] = [text]
            elif what == "":
                lines[start:end] = []
            elif what[0] == "text":
                lines[start:end] = [what[1]]
            else:
                entry, offset = what
                lines[start:end] = [self._entry_text(entry, self.lines[start], offset)]
        return "".join(lines)


def set_path(entry: Any, path: tuple[str, ...], value: Any, order: list[str]) -> None:
    """Set (or with :data:`DELETE` remove) the value at ``path`` inside a mapping.

    A new key goes where the model's field order puts it (``order`` of the top level);
    removing the last key of a nested mapping removes the mapping.
    """
    from ruamel.yaml.comments import CommentedMap

    *parents, last = path
    node = entry
    chain = []
    for name in parents:
        child = _get(node, name)
        if child is None or not hasattr(child, "get"):
            if value is DELETE:
                return
            child = CommentedMap()
            _insert(node, name, child, order if node is entry else [])
        chain.append((node, name))
        node = child
    if value is DELETE:
        key = _key(node, last)
        if key is not None:
            del node[key]
        for parent, name in reversed(chain):
            child = _get(parent, name)
            if child is not None and len(child) == 0:
                del parent[_key(parent, name)]
        return
    old = _get(node, last)
    new = yaml_value(value, old)
    key = _key(node, last)
    if key is not None:
        node[key] = new
    else:
        _insert(node, _typed_key(node, last), new, order if node is entry else [])


def _key(node: Any, name: str) -> Any:
    for key in node:
        if str(key) == name:
            return key
    return None


def _get(node: Any, name: str) -> Any:
    key = _key(node, name)
    return None if key is None else node[key]


def _typed_key(node: Any, name: str) -> Any:
    """Year keys (Ist-Werte) as numbers, like an author writes them."""
    return int(name) if name.isdigit() else name


def _insert(node: Any, name: Any, value: Any, order: list[str]) -> None:
    if name in order:
        rank = order.index(name)
        keys = list(node)
        pos = len(keys)
        for i, key in enumerate(keys):
            if str(key) in order and order.index(str(key)) > rank:
                pos = i
                break
        node.insert(pos, name, value)
    else:
        node[name] = value


def yaml_value(value: Any, old: Any = None) -> Any:
    """A value as the round-trip writer should write it, in the style of the old value."""
    from ruamel.yaml.comments import CommentedSeq
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        FoldedScalarString,
        LiteralScalarString,
    )

    if isinstance(value, Zeitpunkt):
        if value.precision == "tag":
            return value.first
        return int(value.text) if value.precision == "jahr" and value.text.isdigit() \
            else value.text
    if isinstance(value, CommentedSeq):
        return value
    if isinstance(value, list):
        seq = CommentedSeq(value)
        if not isinstance(old, CommentedSeq) or old.fa.flow_style():
            seq.fa.set_flow_style()
        else:
            seq.fa.set_block_style()
        return seq
    if isinstance(value, float):
        if isinstance(old, str) and re.fullmatch(r"-?\d+,\d+", old.strip()):
            # the author writes German decimals ("12,9"): keep that form
            text = f"{value:.10g}".replace(".", ",")
            return DoubleQuotedScalarString(text) if isinstance(old, DoubleQuotedScalarString) \
                else text
        return int(value) if value.is_integer() else value
    if isinstance(value, str):
        if "\n" in value.strip():
            return LiteralScalarString(value.strip("\n") + "\n")
        if isinstance(old, (FoldedScalarString, LiteralScalarString)):
            return FoldedScalarString(value.strip())
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    return value
