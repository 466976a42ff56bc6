"""A step of a build run in a forked child process, its result handed back by pickle.

At Landkreis size, validating and composing the document leave the Python process
holding about 0.35 GB (heap that Python does not return to the system) while pandoc
and typst need theirs; run in a child that ends before they start, that memory is
back first. Only on systems with ``os.fork`` (the child shares the parent's loaded
modules, nothing is imported twice); elsewhere the step runs in the process itself.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

# From this size of the sources on (YAML and Markdown files, bytes), a build
# prepares its document in a child process. Smaller concepts gain nothing from it.
AB_BYTES = 2_000_000
_SOURCES = (".yaml", ".yml", ".md")


def worth_a_child(root: Path, *callbacks: object) -> bool:
    """Whether the sources under ``root`` are large enough, the system can fork, no
    other thread runs (a fork copies only the calling thread: a lock another thread
    holds would never be released in the child; `ik vorschau` builds beside its
    server threads) and every callback the step uses can travel back with its result."""
    if not hasattr(os, "fork") or not _alone() or _size(root) < AB_BYTES:
        return False
    try:
        pickle.dumps(callbacks)
    except (pickle.PicklingError, TypeError, AttributeError):
        return False  # a library caller's lambda: it stays in this process
    return True


def _alone() -> bool:
    """No thread runs beside the calling one."""
    return threading.active_count() == 1


def _size(root: Path) -> int:
    return sum(path.stat().st_size for path in _sources(root))


def _sources(folder: Path) -> Iterator[Path]:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name == "build":
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _sources(Path(entry.path))
        elif entry.name.endswith(_SOURCES) and entry.is_file(follow_symlinks=False):
            yield Path(entry.path)


def in_child(step: Callable[[], T]) -> T:
    """``step()`` computed in a forked child: its return value, or its exception raised
    here (same class, message and attributes). An interrupt here stops the child."""
    read, write = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read)
        _child(step, write)
    os.close(write)
    try:
        with os.fdopen(read, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
    except BaseException:
        _stop(pid)
        raise
    if not data:
        from ..errors import RenderError

        raise RenderError("Das Dokument konnte nicht zusammengestellt werden: der "
                          f"Hilfsprozess endete unerwartet (Status {status}).")
    kind, value = pickle.loads(data)  # noqa: S301 - from our own child
    if kind == "error":
        raise _restored(*value)
    result: T = value
    return result


def _child(step: Callable[[], Any], write: int) -> None:
    # the child ends with os._exit right after the step and frees nothing before: the
    # collector would only rescan the loaded concept again and again (Landkreis: 0.4 of
    # 2.1 s CPU for validating and composing; without it 1 MB more)
    gc.disable()
    code = 0
    try:
        try:
            payload: tuple[str, Any] = ("ok", step())
        except BaseException as exc:  # every outcome goes back to the parent
            payload = ("error", (type(exc), exc.args, dict(vars(exc))))
        data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write, "wb") as pipe:
            pipe.write(data)
    except BaseException:  # nothing to hand back (the parent reports it)
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _restored(cls: type[BaseException], args: tuple[Any, ...],
              attributes: dict[str, Any]) -> BaseException:
    exc = cls.__new__(cls)
    exc.args = args
    exc.__dict__.update(attributes)
    return exc


def _stop(pid: int) -> None:
    """End the child (it unwinds on SIGTERM like the CLI, removing its temporary folders)."""
    try:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    except (OSError, ChildProcessError):
        pass
