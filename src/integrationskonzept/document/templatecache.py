"""Compiled document templates kept between runs (Jinja's bytecode cache in ik's cache).

Jinja turns every template into Python code before it renders: for the shipped document
templates that takes ~0.1 s of every `ik build`, on the longest path of the Peine build
(the compose step runs before pandoc can start). :class:`TemplateCache` keeps the compiled
code in ik's cache folder ``vorlagen`` beside the parsed files (:mod:`..source.parsecache`:
same rules – safe to delete, ``IK_CACHE=0`` switches it off, entries trusted only with
their SHA-256, kept under the size bound).

An entry's key is the template's name and file, the SHA-256 of its source, the ik, Python
and Jinja versions and the environment's syntax settings: a changed template, a
concept's own template of the same name, another Jinja or other settings each give
another key, and Jinja itself checks the source's checksum and its own format marker
again when it loads the code. The code is what Jinja compiled from the template; the
sandbox's checks are calls inside that code, so a cached template is as confined as a
fresh one.
"""

from __future__ import annotations

import hashlib
import sys
from typing import Any

import jinja2
from jinja2.bccache import Bucket, BytecodeCache

from ..source import parsecache

_MAGIC = b"IKJ1\n"
# the settings that change the code Jinja generates for the same source
_SETTINGS = ("block_start_string", "block_end_string", "variable_start_string",
             "variable_end_string", "comment_start_string", "comment_end_string",
             "line_statement_prefix", "line_comment_prefix", "trim_blocks",
             "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "autoescape",
             "optimized", "sandboxed")


class TemplateCache(BytecodeCache):
    """Jinja's bytecode cache on :func:`parsecache.read_entry`/``write_entry``."""

    def __init__(self, environment: Any) -> None:
        settings = "\0".join(f"{name}={getattr(environment, name, None)!r}"
                             for name in _SETTINGS)
        finalize = getattr(environment.finalize, "__qualname__", repr(environment.finalize))
        # the module that sets the environment up (its size and time) is part of the key
        module = getattr(sys.modules.get(type(environment).__module__), "__file__", None)
        stamp = parsecache.code_stamp([module] if module else [],
                                      f"jinja2 {jinja2.__version__}",
                                      type(environment).__qualname__, settings, finalize)
        self._stamp = hashlib.sha256(stamp).digest()

    def _key(self, bucket: Bucket) -> bytes:
        h = hashlib.sha256(self._stamp)
        h.update(f"\0{bucket.key}\0{bucket.checksum}".encode())
        return h.digest()

    def load_bytecode(self, bucket: Bucket) -> None:
        folder = parsecache.cache_dir("vorlagen")
        if folder is None:
            return
        payload = parsecache.read_entry(folder, _MAGIC, self._key(bucket))
        if payload is not None:
            # Jinja checks its format marker and the source's checksum itself and
            # forgets code it cannot read: the template is then compiled anew
            bucket.bytecode_from_string(payload)

    def dump_bytecode(self, bucket: Bucket) -> None:
        folder = parsecache.cache_dir("vorlagen")
        if folder is None or bucket.code is None:
            return
        try:
            payload = bucket.bytecode_to_string()
        except ValueError:  # code marshal cannot write
            return
        parsecache.write_entry(folder, _MAGIC, self._key(bucket), payload)
