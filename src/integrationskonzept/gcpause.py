"""Pausing Python's garbage collector during bulk work.

Loading and checking a Landkreis-sized concept creates hundreds of thousands of small
objects and no reference cycles; the collector would rescan the growing object graph
again and again (it made loading 3–4 times slower). We pause it for the run and let
it resume afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the collector inside the block; nested use is fine."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
