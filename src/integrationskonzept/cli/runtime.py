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
* :func:`without_pydantic_plugins`: pydantic looks for plugins of other installed
  packages when it builds its first validator: its plugin loader imports
  importlib.metadata (~0.012 s, a fortieth of a warm `ik validate` of a Landkreis) and
  reads the entry points of every installed distribution. ik uses no pydantic plugin;
  the `ik` process switches them off with pydantic's documented
  ``PYDANTIC_DISABLE_PLUGINS`` (a value the user set is kept) and, while they are off,
  puts :class:`_NoPlugins` in place of the loader module, which then would only answer
  "no plugins". Where pydantic has moved its loader, the stand-in is never imported;
  any other name asked of it loads the real module: pydantic works as before.
"""

from __future__ import annotations

import gc
import importlib
import importlib.machinery
import os
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

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


def without_pydantic_plugins() -> None:
    """Let pydantic load no plugins of other packages in this process (see above)."""
    switch = os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if switch in _ALL_OFF and _LOADER not in sys.modules and _StandIn not in sys.meta_path:
        sys.meta_path.insert(0, _StandIn)


_LOADER = "pydantic.plugin._loader"
_ALL_OFF = ("__all__", "1", "true")  # the values pydantic reads as "no plugins at all"


class _NoPlugins(types.ModuleType):
    """pydantic's plugin loader while every plugin is off: no plugins, without importing
    importlib.metadata; any other public name loads the real module and comes from there."""

    @staticmethod
    def get_plugins(*args: object, **kwargs: object) -> tuple[()]:
        return ()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # asked by the import system (``__path__``): not there
            raise AttributeError(name)
        if _StandIn in sys.meta_path:
            sys.meta_path.remove(_StandIn)
        if sys.modules.get(_LOADER) is self:
            del sys.modules[_LOADER]
        return getattr(importlib.import_module(_LOADER), name)


class _StandIn:
    """Finds :class:`_NoPlugins` for the name of pydantic's loader module, nothing else
    (the import system imports the package it belongs to first, as for the real one)."""

    @classmethod
    def find_spec(cls, name: str, path: object = None,
                  target: object = None) -> importlib.machinery.ModuleSpec | None:
        return importlib.machinery.ModuleSpec(name, cls) if name == _LOADER else None  # type: ignore[arg-type]

    @staticmethod
    def create_module(spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return _NoPlugins(spec.name)

    @staticmethod
    def exec_module(module: types.ModuleType) -> None:
        """Nothing to run: the stand-in is complete when made."""


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
