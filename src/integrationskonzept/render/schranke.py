"""How much of a long document pandoc's writers may hold at once (:mod:`.lanes`).

A writer holds about 36-40 times the size of the JSON part it writes (Landkreis x1:
0.46-0.52 GB for a part of 12.8 MB). Two lanes write parts side by side; the sum of the
parts' sizes that run at once stays under :data:`GRENZE` (about 0.8 GB of writers
beside the CLI), so the large part of a document (the Anhang with the list of all
Angebote) runs beside small ones only. A step larger than the bound alone still runs,
on its own.
"""

from __future__ import annotations

import collections
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# the JSON bytes of the parts that may be written at once (see the module docstring)
GRENZE = 20_000_000

Step = Callable[[], None]


class Schranke:
    """The parts' sizes being written, and the steps waiting for their turn."""

    def __init__(self, grenze: int = GRENZE) -> None:
        self._grenze = grenze
        self._laufend = 0  # the sizes of the steps running
        self._anzahl = 0  # how many run
        self._bedingung = threading.Condition()
        self._steps: collections.deque[tuple[int, Step]] = collections.deque()

    def _fits(self, size: int) -> bool:
        return self._anzahl == 0 or self._laufend + size <= self._grenze

    def _begin(self, size: int) -> None:
        self._laufend += size
        self._anzahl += 1

    def _end(self, size: int) -> None:
        with self._bedingung:
            self._laufend -= size
            self._anzahl -= 1
            self._bedingung.notify_all()

    @contextmanager
    def held(self, size: int) -> Iterator[None]:
        """Wait until a step of ``size`` fits beside those running, then run it."""
        with self._bedingung:
            self._bedingung.wait_for(lambda: self._fits(size))
            self._begin(size)
        try:
            yield
        finally:
            self._end(size)

    def add(self, steps: list[tuple[int, Step]]) -> None:
        """Steps (with the size of their part) for whichever lane is free: the largest
        first (while one runs, the other lane takes small ones), else in order."""
        with self._bedingung:
            self._steps = collections.deque(sorted([*self._steps, *steps],
                                                   key=lambda step: -step[0]))
            self._bedingung.notify_all()

    def take(self) -> Callable[[], None] | None:
        """The first waiting step that fits beside those running (waiting while none
        does), wrapped so that it counts while it runs; ``None`` when none is left."""
        with self._bedingung:
            while self._steps:
                for i, (size, step) in enumerate(self._steps):
                    if self._fits(size):
                        del self._steps[i]
                        self._begin(size)
                        return self._counted(size, step)
                self._bedingung.wait()
            return None

    def _counted(self, size: int, step: Step) -> Step:
        def run() -> None:
            try:
                step()
            finally:
                self._end(size)
        return run

    def drop(self) -> None:
        with self._bedingung:
            self._steps.clear()
            self._bedingung.notify_all()
