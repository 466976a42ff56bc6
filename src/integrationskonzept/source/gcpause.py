"""Pausing Python's garbage collector during bulk work, and nothing more.

Loading and checking a Landkreis-sized concept creates hundreds of thousands of small
objects and no reference cycles; the collector would rescan the growing object graph
again and again (it made loading 3–4 times slower). The library pauses it for the
block and restores the previous state, so a notebook or an editor plugin calling it is
left as it was. Freezing objects or leaving the collector off for good is a policy of
one CLI run: see :mod:`integrationskonzept.cli.runtime`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the collector inside the block; nested use is fine; the state comes back."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
