"""Round-trip YAML writing: change only the keys whose values changed.

ruamel.yaml keeps comments, key order, quoting and block/flow styles. Before a file is
changed, its indentation is detected by trying the usual settings until loading and
dumping the untouched file gives back every byte; so entries the import does not touch
stay byte-identical.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from ..errors import SourceError
from ..model.fields import Zeitpunkt

# (mapping, sequence, offset) indentations, most common first.
_INDENTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (2, 4, 0))
DELETE = object()


def _yaml(indent: tuple[int, int, int]) -> Any:
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    return y


class YamlFile:
    """One source file loaded for editing."""

    def __init__(self, path: Path, rel: str) -> None:
        self.path = path
        self.rel = rel
        self.text = path.read_text(encoding="utf-8")
        self.exact = False
        self.changed = False
        first: Any = None
        for indent in _INDENTS:
            y = _yaml(indent)
            try:
                data = y.load(self.text)
            except Exception as exc:  # ruamel's errors have no common base we can name
                raise SourceError(f"{rel}: Datei lässt sich nicht bearbeiten ({exc})") from None
            if first is None:
                first = (y, data)
            if self._dump(y, data) == self.text:
                self.yaml, self.data, self.exact = y, data, True
                break
        else:
            self.yaml, self.data = first
        if self.data is None:
            from ruamel.yaml.comments import CommentedMap

            self.data = CommentedMap()

    @staticmethod
    def _dump(y: Any, data: Any) -> str:
        out = io.StringIO()
        y.dump(data, out)
        return out.getvalue()

    def dump(self) -> str:
        return self._dump(self.yaml, self.data)

    def entries(self, key: str) -> Any:
        """The list ``key`` (``massnahmen`` …; Beteiligung lists under ``beteiligung``)."""
        if key in ("veranstaltungen", "arbeitsgruppen", "befragungen"):
            bet = self.data.get("beteiligung")
            return bet.get(key) if bet is not None and hasattr(bet, "get") else None
        return self.data.get(key)

    def find(self, key: str, ident: str) -> Any:
        for item in self.entries(key) or ():
            if hasattr(item, "get") and str(item.get("id")) == ident:
                return item
        return None

    def append(self, key: str, entry: Any) -> None:
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        seq = self.entries(key)
        if seq is None:
            seq = CommentedSeq()
            if key in ("veranstaltungen", "arbeitsgruppen", "befragungen"):
                if self.data.get("beteiligung") is None:
                    self.data["beteiligung"] = CommentedMap()
                self.data["beteiligung"][key] = seq
            else:
                self.data[key] = seq
        seq.append(entry)
        self.changed = True

    def remove(self, key: str, ident: str) -> bool:
        seq = self.entries(key)
        for i, item in enumerate(seq or ()):
            if hasattr(item, "get") and str(item.get("id")) == ident:
                del seq[i]
                self.changed = True
                return True
        return False


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
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

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
