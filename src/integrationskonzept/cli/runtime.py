"""What belongs to one run of the `ik` process, not to the library.

The library may be called from a notebook or an editor plugin: it does not freeze the
garbage collector, replace streams or end the process. The CLI does, for speed:

* :func:`collector_policy`: the read-only commands run with the collector off. A
  Landkreis-sized concept is about a million small objects without reference cycles;
  the collector would rescan them again and again (it made `ik validate` 3–4 times
  slower). ``ik build`` keeps it on (its Python-side steps over long documents need
  the memory back); the child in which it validates and composes a large concept runs
  without it (:mod:`integrationskonzept.render.forked`: the child ends right after).
  When the process ends right after the command (:func:`ends_after`, set by ``main()``
  run as a program), the collector stays off: switching it back on
  after a million allocations makes the next allocation scan them all (about 0.04 s for
  a Landkreis) only to end the process.
* :func:`hard_exit`: the process ends without freeing every object one by one (0.3 s of
  pure clean-up at that size); all output is flushed first. :func:`keep` holds a
  command's result until then, so that it is not freed either when the command returns
  (a Landkreis's loaded concept: ~0.02 s).
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

from ..source.gcpause import gc_paused

# Commands that load a concept, print and end: no need for the collector.
WITHOUT_COLLECTOR = frozenset({"validate", "gaps", "diff", "schema", "pruefungen"})

_ENDING: list[bool] = []  # [True] once the process ends after this run (see ends_after)
_KEPT: list[object] = []


def keep(value: object) -> None:
    """Hold ``value`` until the process ends, if it ends after this run (see hard_exit)."""
    if _ENDING:
        _KEPT.append(value)


def ends_after() -> None:
    """The process ends with :func:`hard_exit` after this run: no collector state to restore."""
    _ENDING[:] = [True]


@contextmanager
def collector_policy(command: str) -> Iterator[None]:
    """Switch the collector off for ``command`` if it is one of :data:`WITHOUT_COLLECTOR`.

    The previous state comes back afterwards (tests run many commands in one process).
    """
    if command not in WITHOUT_COLLECTOR:
        yield
        return
    if _ENDING:
        gc.disable()
        yield
        return
    with gc_paused():
        yield


def hard_exit(code: int) -> NoReturn:
    """End the process now with ``code``, after flushing stdout and stderr."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
