"""Charts typst has compiled before, kept in ik's cache (folder ``diagramme``).

Compiling the charts (:func:`.charts.compile_charts`) starts a typst child and sets each
chart in SVG and PNG: for Peine ~0.35 s, on the longest path of its build (the document
waits for its figures before pandoc reads it); between two builds most charts are the
same. A compiled chart is kept under a key made of everything its bytes depend on:

* its typst source and alt text, the formats and the PNG resolution;
* the chart templates it imports (``templates/charts``), the typst compiler (every file
  of the ``typst`` package), this module and :mod:`.charts` (size and time of each file);
* the font folders (name, size and time of every file in them), the ik and Python
  versions.

Only charts that compiled are kept: an error or a warning is reported by a fresh
compile. Same rules as the other caches (:mod:`..source.parsecache`): trusted only with
its SHA-256, ``IK_CACHE=0`` switches it off, safe to delete, kept under the size bound.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from collections.abc import Iterable, Sequence
from importlib.util import find_spec
from pathlib import Path

from ..charts.base import TEMPLATES_DIR, Chart
from ..source import parsecache

_MAGIC = b"IKCH1\n"
_MARSHAL_VERSION = 4

Compiled = dict[str, bytes]


def _files(folders: Iterable[str | Path]) -> list[str]:
    """Every file below ``folders``, sorted (a missing folder: none)."""
    found: list[str] = []
    for folder in folders:
        for base, dirs, names in os.walk(folder):
            dirs.sort()
            found.extend(os.path.join(base, name) for name in sorted(names))
    return found


def _typst_files() -> list[str]:
    spec = find_spec("typst")
    return _files(spec.submodule_search_locations or []) if spec else ["typst:?"]


class ChartCache:
    """Look up and keep the compiled charts of one call."""

    def __init__(self, formats: Sequence[str], ppi: float, fonts: Sequence[str]) -> None:
        self.folder = parsecache.cache_dir("diagramme")
        self._base = b""
        if self.folder is None:
            return
        from . import charts

        stamp = parsecache.code_stamp(
            [*_typst_files(), *_files([TEMPLATES_DIR]), *_files(fonts), __file__,
             charts.__file__], repr((tuple(formats), ppi, tuple(fonts))))
        self._base = hashlib.sha256(stamp).digest()

    def _key(self, chart: Chart) -> bytes:
        h = hashlib.sha256(self._base)
        h.update(b"\0" + chart.typst_source.encode("utf-8", "surrogatepass"))
        h.update(b"\0" + chart.alt.encode("utf-8", "surrogatepass"))
        return h.digest()

    def known(self, chart: Chart, formats: Sequence[str]) -> Compiled | None:
        """The compiled bytes of ``chart`` by format, if kept."""
        if self.folder is None:
            return None
        payload = parsecache.read_entry(self.folder, _MAGIC, self._key(chart))
        if payload is None:
            return None
        try:
            data = marshal.loads(payload)
        except (ValueError, EOFError, TypeError):
            return None
        if (type(data) is not dict or set(data) != set(formats)
                or any(type(v) is not bytes for v in data.values())):
            return None
        return data

    def keep(self, chart: Chart, data: Compiled) -> None:
        if self.folder is not None:
            parsecache.write_entry(self.folder, _MAGIC, self._key(chart),
                                   marshal.dumps(dict(data), _MARSHAL_VERSION))
