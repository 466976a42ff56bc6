"""A per-user cache of parsed, positioned YAML files, keyed by the hash of their bytes.

Reading a Landkreis-sized concept spends most of its YAML time in the parser; between two
runs (pre-commit, an editor saving one file) almost every file is unchanged. An entry holds
the YMap/YList tree of one file that parsed without a problem, stored with :mod:`marshal`
as plain tuples, dicts, lists, strings and numbers (marshal builds data, never runs code)
and rebuilt into the positioned containers. Rules:

* the key is the SHA-256 of the file's bytes together with the ik version, the Python
  version, the parser (libyaml or not) and the reading code itself (size and mtime of
  ``safeyaml.py`` and this module): anything else gives another key;
* an entry is trusted only if its header names the same key and the SHA-256 of its payload
  matches, and its content has exactly the expected shape; anything else (truncated,
  tampered, foreign, from another version) is ignored and the file is parsed again;
* only files without problems are stored: every message comes from a fresh parse;
* a file of a concept is stored the second time it is read with the same content, as
  its snapshot is (:class:`~integrationskonzept.model.snapshot.Session`): a run that is
  never repeated (CI, a fresh checkout) does not pay for writing it;
* the folder is ik's own in the user's cache (``$XDG_CACHE_HOME/ik`` or ``~/.cache/ik``,
  ``%LOCALAPPDATA%\\ik\\cache`` on Windows), safe to delete at any time; ``IK_CACHE=0``
  switches the cache off; when it cannot be written, ik runs without it, silently;
* the folder is kept under :data:`MAX_BYTES`: the entries used longest ago go first.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from array import array
from itertools import chain
from pathlib import Path
from typing import Any

from .containers import YList, YMap

MAX_BYTES = 512 * 1024 * 1024
_MAGIC = b"IKPC1\n"
_DIGEST = 32
_MARSHAL_VERSION = 4
_INT = "I"  # unsigned int: 4 bytes on every platform CPython runs on
_STR = frozenset({str})
_CONTAINERS = frozenset({YMap, YList})
# the folders kept under MAX_BYTES by this process already (once each)
_state: dict[str, Any] = {"pruned": set()}


def cache_dir(kind: str = "yaml") -> Path | None:
    """The cache folder of ``kind`` (``yaml``: parsed files, ``modell``: the loader's
    snapshots, see :mod:`integrationskonzept.model.snapshot`), or ``None`` when the cache
    is switched off (``IK_CACHE=0``)."""
    if os.environ.get("IK_CACHE", "1").strip().lower() in ("0", "no", "nein", "off", "false"):
        return None
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "ik" / "cache" / kind
    base = os.environ.get("XDG_CACHE_HOME")
    if not base or not os.path.isabs(base):
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home folder
            return None
    return Path(base) / "ik" / kind


def code_stamp(files: list[str], *extra: str) -> bytes:
    """What a cache key depends on besides the content: the ik and Python versions,
    ``extra`` (other versions) and size and modification time of each of ``files`` (the
    code that shapes an entry)."""
    from .. import __version__

    parts = [__version__, sys.version, sys.implementation.cache_tag or "", *extra]
    for name in files:
        try:
            st = os.stat(name)
            parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{name}:?")
    return "\0".join(parts).encode("utf-8", "surrogateescape")


def _code_stamp() -> bytes:
    stamp = _state.get("stamp")
    if stamp is None:
        from . import safeyaml

        stamp = _state["stamp"] = code_stamp([safeyaml.__file__, __file__])
    return stamp


def key_of(raw: bytes, parser: str) -> bytes:
    """The key of a file's bytes for this ik, Python and parser."""
    h = hashlib.sha256(_code_stamp())
    h.update(b"\0" + parser.encode() + b"\0")
    h.update(raw)
    return h.digest()


def subfolder(key: bytes) -> str:
    """The name of the subfolder that holds the entry of ``key``."""
    return key[:1].hex()


def _path(folder: Path, key: bytes) -> Path:
    return folder / subfolder(key) / key[1:].hex()


def load(raw: bytes, parser: str) -> tuple[bool, Any]:
    """``(True, data)`` for a trusted entry of these bytes, else ``(False, None)``."""
    folder = cache_dir()
    if folder is None:
        return False, None
    payload = read_entry(folder, _MAGIC, key_of(raw, parser))
    if payload is None:
        return False, None
    try:
        stored = marshal.loads(payload)
        data = stored if stored is None or type(stored) is str else _decode(stored)
    except (ValueError, EOFError, TypeError, IndexError, KeyError, RecursionError,
            OverflowError):
        return False, None
    return True, data


def store(raw: bytes, parser: str, data: Any) -> None:
    """Remember ``data`` (the parse of ``raw``); any failure leaves the cache as it was."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        payload = marshal.dumps(_encode(data), _MARSHAL_VERSION)
    except (ValueError, RecursionError):
        return
    write_entry(folder, _MAGIC, key_of(raw, parser), payload)


def read_entry(folder: Path, magic: bytes, key: bytes) -> bytes | None:
    """The payload stored under ``key`` if its header names ``magic`` and ``key`` and the
    SHA-256 of the payload matches, else ``None`` (missing, truncated, tampered, foreign)."""
    path = _path(folder, key)
    try:
        with open(path, "rb") as fh:
            blob = fh.read()
    except OSError:
        return None
    head = len(magic) + 2 * _DIGEST
    if (len(blob) < head or not blob.startswith(magic)
            or blob[len(magic):len(magic) + _DIGEST] != key):
        return None
    payload = blob[head:]
    if hashlib.sha256(payload).digest() != blob[len(magic) + _DIGEST:head]:
        return None
    try:  # remember the use, for eviction (least recently used first)
        os.utime(path)
    except OSError:
        pass
    return payload


def write_entry(folder: Path, magic: bytes, key: bytes, payload: bytes) -> None:
    """Store ``payload`` under ``key`` (atomically: a reader sees all of it or nothing);
    the first write of a process keeps the folder under :data:`MAX_BYTES`."""
    path = _path(folder, key)
    blob = magic + key + hashlib.sha256(payload).digest() + payload
    try:
        try:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        except FileNotFoundError:  # the first entry of its folder
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return
    pruned: set[Path] = _state["pruned"]
    if folder not in pruned:
        pruned.add(folder)
        prune(folder)


def prune(folder: Path, limit: int = MAX_BYTES) -> None:
    """Delete the entries used longest ago until the folder holds at most ``limit`` bytes."""
    entries = []
    total = 0
    try:
        for sub in os.scandir(folder):
            if not sub.is_dir(follow_symlinks=False):
                continue
            for entry in os.scandir(sub.path):
                if entry.is_file(follow_symlinks=False):
                    st = entry.stat(follow_symlinks=False)
                    entries.append((st.st_mtime_ns, st.st_size, entry.path))
                    total += st.st_size
    except OSError:
        return
    if total <= limit:
        return
    for _mtime, size, path in sorted(entries):
        try:
            os.unlink(path)
        except OSError:
            continue
        total -= size
        if total <= limit:
            break


# The containers as plain data: (0, line, col, {key: value}, positions) for a YMap,
# (1, line, col, [values], positions) for a YList, the positions as the bytes of an
# unsigned-int array (4 numbers per key, 2 per item); strings and None stand for themselves.

def _encode(x: Any) -> Any:
    """The plain form of a parse result (``ValueError`` for anything else)."""
    t = type(x)
    if t is YMap or t is YList:
        return _encode_container(x)
    if x is None or t is str:
        return x
    raise ValueError(f"not storable: {t.__name__}")


def _encode_container(x: Any) -> Any:
    # The reader fills a YMap and its ``pos`` in the same order, key by key, so the
    # positions line up with the keys; the values are texts, None or containers (a value
    # of any other type would make the entry unreadable, never wrong: see _decode).
    containers = _CONTAINERS
    if type(x) is YMap:
        return (0, x.line, x.column,
                {k: _encode_container(v) if type(v) in containers else v
                 for k, v in x.items()},
                array(_INT, chain.from_iterable(x.pos.values())).tobytes())
    return (1, x.line, x.column,
            [_encode_container(v) if type(v) in containers else v for v in x],
            array(_INT, chain.from_iterable(x.pos)).tobytes())


def _decode(x: Any) -> Any:
    """Rebuild YMap/YList from :func:`_encode`'s form; ``ValueError`` on any other shape."""
    if type(x) is not tuple or len(x) != 5:
        raise ValueError("bad entry")
    kind, line, col, items, raw_pos = x
    if type(line) is not int or type(col) is not int or type(raw_pos) is not bytes:
        raise ValueError("bad entry")
    nums = array(_INT)
    nums.frombytes(raw_pos)
    it = iter(nums)
    if kind == 0 and type(items) is dict and len(nums) == 4 * len(items):
        if not set(map(type, items)) <= _STR:
            raise ValueError("bad key")
        m = YMap(line, col)
        for k, v in items.items():
            tv = type(v)
            if tv is tuple:
                v = _decode(v)
            elif tv is not str and v is not None:
                raise ValueError("bad value")
            m[k] = v
        m.pos = dict(zip(items, zip(it, it, it, it, strict=False), strict=False))
        return m
    if kind == 1 and type(items) is list and len(nums) == 2 * len(items):
        seq = YList(line, col)
        for v in items:
            tv = type(v)
            if tv is tuple:
                v = _decode(v)
            elif tv is not str and v is not None:
                raise ValueError("bad value")
            seq.append(v)
        seq.pos = list(zip(it, it, strict=False))
        return seq
    raise ValueError("bad entry")
