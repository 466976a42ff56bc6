"""Child processes (pandoc, typst, git) that an interrupted `ik` stops at once.

A cancelled CI job sends SIGTERM, Ctrl-C sends SIGINT. The CLI's handler calls
:func:`stop_all`, which kills every child started through :func:`run`; the
worker threads then return, and the temporary build folders are removed as the
interrupt unwinds the ``with`` blocks that made them.
"""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Sequence
from pathlib import Path

_live: set[subprocess.Popen[bytes]] = set()
_lock = threading.Lock()
_stopping = threading.Event()


def run(cmd: Sequence[str], *, input: bytes | None = None, timeout: float | None = None,
        cwd: Path | str | None = None, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[bytes]:
    """Like ``subprocess.run(capture_output=True)``; the child is known to :func:`stop_all`.

    Raises ``subprocess.TimeoutExpired`` after killing the child.
    """
    if _stopping.is_set():
        raise KeyboardInterrupt
    with subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, cwd=cwd, env=env) as proc:
        with _lock:
            _live.add(proc)
        try:
            out, err = proc.communicate(input, timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            raise
        finally:
            with _lock:
                _live.discard(proc)
    return subprocess.CompletedProcess(list(cmd), proc.returncode, out, err)


def stop_all() -> None:
    """Kill every running child and refuse to start new ones (on an interrupt)."""
    _stopping.set()
    with _lock:
        children = list(_live)
    for proc in children:
        try:
            proc.kill()
        except OSError:
            pass


def reset() -> None:
    """Allow children again (for library callers and tests after an interrupt)."""
    _stopping.clear()
