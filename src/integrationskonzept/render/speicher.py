"""Memory handed back to the system between the steps of a build.

At Landkreis size the steps before typst leave large strings behind (the typst text
of 1,600 pages, Python's copy and its UTF-8 bytes); freed, glibc still keeps their
pages unless asked to return them, and they would count beside typst's own memory.
"""

from __future__ import annotations

import gc
import sys


def give_back_memory() -> None:
    """Free what is no longer referenced and hand free heap pages back to the system
    (glibc keeps them otherwise; 50 MB at Landkreis size)."""
    gc.collect()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):  # not glibc (e.g. musl): nothing to hand back
            pass
