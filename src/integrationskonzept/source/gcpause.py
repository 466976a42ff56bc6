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
    """Disable the collector inside the block; nested use is fine.

    Before the collector resumes, the objects made so far are frozen (moved out of its
    generations): otherwise its first run after the block would scan all of them once
    more. Frozen objects are still freed when no longer referenced; only reference
    cycles among them would be kept, and the loaded concept has none.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()
