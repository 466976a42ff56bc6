"""The Markdown fields pandoc has read before, kept in ik's cache (folder ``texte``).

Reading the Markdown fields (:func:`.prosa.prosa_texte`) starts pandoc and parses every
text: Peine's 139 texts take ~0.2 s, on the longest path of its build, and between two
builds almost every text is unchanged. The written-back Markdown of a text is kept
under a key made of everything its reading depends on:

* the text with its heading level, image folder and image names, and its key
  (``p12``: headings inside a text get ids prefixed with it);
* every ``[[id]]`` target of the document (label and anchor): a renamed or renumbered
  entry gives every text a new key;
* the readers and the strings that choose between them, the pandoc binary and the Lua
  filters that read the texts (size and time of each file), the ik and Python versions.

Same rules as the other caches (:mod:`..source.parsecache`): trusted only with its
SHA-256, ``IK_CACHE=0`` switches it off, safe to delete, kept under the size bound.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..errors import RenderError
from ..source import parsecache
from .pandoc import lua, pandoc_path

_MAGIC = b"IKTX1\n"


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")


class ProsaCache:
    """Look up and keep the written texts of one document's collection of texts."""

    def __init__(self, data: dict[str, Any]) -> None:
        """``data``: what the filter reads (:meth:`..document.prosa.Sammlung.data`)."""
        self.folder = parsecache.cache_dir("texte")
        self._base = b""
        if self.folder is None:
            return
        try:
            binary = pandoc_path()
        except RenderError:  # no pandoc: the run that needs it reports it
            self.folder = None
            return
        stamp = parsecache.code_stamp(
            [binary, lua("prosa.lua"), lua("deutsch.lua"), __file__])
        common = {name: value for name, value in data.items() if name != "texte"}
        self._base = hashlib.sha256(stamp + b"\0" + _dumps(common)).digest()

    def _key(self, key: str, entry: Any) -> bytes:
        return hashlib.sha256(self._base + _dumps([key, entry])).digest()

    def known(self, texte: dict[str, Any]) -> dict[str, str]:
        """The written texts found for ``texte`` (key -> Markdown)."""
        found: dict[str, str] = {}
        if self.folder is None:
            return found
        for key, entry in texte.items():
            payload = parsecache.read_entry(self.folder, _MAGIC, self._key(key, entry))
            if payload is None:
                continue
            try:
                found[key] = payload.decode("utf-8")
            except UnicodeDecodeError:
                continue
        return found

    def keep(self, texte: dict[str, Any], written: dict[str, str]) -> None:
        """Remember what pandoc wrote for ``texte``."""
        if self.folder is None:
            return
        for key, markdown in written.items():
            if key in texte:
                parsecache.write_entry(self.folder, _MAGIC, self._key(key, texte[key]),
                                       markdown.encode("utf-8"))
