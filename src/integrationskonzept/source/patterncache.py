"""A regular expression compiled once per ik and Python version, not once per process.

The pattern of the YAML subset (:mod:`.yamlsubset`) is 13,000 characters long; Python's
``re`` takes ~0.008 s to parse it and turn it into the program its matching engine runs
– a sixtieth of a warm `ik validate` of a Landkreis, in which only the one changed file
is read. :func:`compiled` keeps that program in ik's cache (the folder ``muster`` beside
the parsed files, :mod:`.parsecache`: same rules – keyed by the pattern, the ik and
Python versions, trusted only with its SHA-256, ``IK_CACHE=0`` switches it off) and
hands it back to the engine the next time.

Handing a program to the engine is what ``re`` does itself at the end of compiling
(``re._compiler.compile``: ``_sre.compile(pattern, flags, code, groups - 1, groupindex,
indexgroup)``), but not public: wherever it is missing or answers differently (another
Python), the pattern is compiled with :func:`re.compile` as before; the tests compare
both (compiled patterns compare equal only with the same program).
"""

from __future__ import annotations

import hashlib
import importlib
import marshal
import re
from typing import Any

from . import parsecache

_MAGIC = b"IKRE1\n"
_MARSHAL_VERSION = 4


def compiled(pattern: str) -> re.Pattern[str]:
    """``re.compile(pattern)``, its program kept between runs where Python allows."""
    folder = parsecache.cache_dir("muster")
    if folder is None:
        return re.compile(pattern)
    key = hashlib.sha256(parsecache.code_stamp([], _engine_stamp()) + b"\0"
                         + pattern.encode("utf-8", "surrogatepass")).digest()
    payload = parsecache.read_entry(folder, _MAGIC, key)
    if payload is not None:
        try:
            return _engine(pattern, *_checked(marshal.loads(payload)))
        except Exception:  # noqa: BLE001 – a stored program the engine refuses: compile anew
            pass
    try:
        program = _program(pattern)
        found = _engine(pattern, *program)
    except Exception:  # noqa: BLE001 – this Python compiles differently: as it does itself
        return re.compile(pattern)
    try:
        payload = marshal.dumps(program, _MARSHAL_VERSION)
    except ValueError:
        return found
    parsecache.write_entry(folder, _MAGIC, key, payload)
    return found


def _engine_stamp() -> str:
    _sre = importlib.import_module("_sre")
    return f"sre {getattr(_sre, 'MAGIC', '?')} {getattr(_sre, 'CODESIZE', '?')}"


def _program(pattern: str) -> tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]:
    """What ``re`` hands its engine for ``pattern`` (as ``re._compiler.compile`` does)."""
    parsed = importlib.import_module("re._parser").parse(pattern, 0)
    code = importlib.import_module("re._compiler")._code(parsed, 0)
    groupindex = {str(name): int(index) for name, index in parsed.state.groupdict.items()}
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # plain ints (the opcodes are an int subclass): what marshal stores
    return (int(parsed.state.flags), [int(c) for c in code], int(parsed.state.groups) - 1,
            groupindex, tuple(indexgroup))


def _checked(stored: Any) -> tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]:
    """The stored program, if it has exactly the shape :func:`_program` gives."""
    flags, code, groups, groupindex, indexgroup = stored
    if not (type(flags) is int and type(code) is list and type(groups) is int
            and all(type(c) is int for c in code) and type(groupindex) is dict
            and all(type(k) is str and type(v) is int for k, v in groupindex.items())
            and type(indexgroup) is tuple
            and all(n is None or type(n) is str for n in indexgroup)):
        raise TypeError("not a stored program")
    return flags, code, groups, groupindex, indexgroup


def _engine(pattern: str, flags: int, code: list[int], groups: int,
            groupindex: dict[str, int], indexgroup: tuple[str | None, ...]) -> re.Pattern[str]:
    engine = importlib.import_module("_sre")
    found: re.Pattern[str] = engine.compile(pattern, flags, code, groups, groupindex, indexgroup)
    return found
