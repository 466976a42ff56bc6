"""The parts being written at once stay under a bound (schranke.py): two large parts
never side by side, the largest first, a part above the bound alone."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from integrationskonzept.render.schranke import Schranke


def _run(schranke: Schranke, lanes: int) -> None:
    """Lanes taking steps until none is left."""
    def lane() -> None:
        while True:
            step = schranke.take()
            if step is None:
                return
            step()

    threads = [threading.Thread(target=lane) for _ in range(lanes)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _step(name: str, log: list[tuple[str, str]], lock: threading.Lock) -> Callable[[], None]:
    def step() -> None:
        with lock:
            log.append(("start", name))
        time.sleep(0.05)
        with lock:
            log.append(("end", name))
    return step


def _together(log: list[tuple[str, str]]) -> list[set[str]]:
    """Which steps ran at the same time, at each start."""
    running: set[str] = set()
    seen = []
    for what, name in log:
        if what == "start":
            running.add(name)
            seen.append(set(running))
        else:
            running.discard(name)
    return seen


def test_two_large_parts_never_side_by_side() -> None:
    schranke = Schranke(grenze=20)
    log: list[tuple[str, str]] = []
    lock = threading.Lock()
    # a document's parts (sizes of their JSON): the Anhang 13, the others 5, 5 and 2;
    # three formats each
    steps = [(size, _step(f"{fmt}{number}", log, lock))
             for fmt in ("docx", "html", "satz")
             for number, size in enumerate([5, 5, 2, 13], 1)]
    schranke.add(steps)
    _run(schranke, 2)
    assert sum(1 for what, _ in log if what == "start") == 12
    for together in _together(log):
        assert sum(1 for name in together if name.endswith("4")) <= 1, together
    # the largest first
    assert log[0][1].endswith("4")


def test_a_part_above_the_bound_runs_alone() -> None:
    schranke = Schranke(grenze=10)
    log: list[tuple[str, str]] = []
    lock = threading.Lock()
    schranke.add([(30, _step("gross", log, lock)), (3, _step("a", log, lock)),
                  (3, _step("b", log, lock))])
    _run(schranke, 2)
    together = _together(log)
    assert {"gross"} in together and not any("gross" in t and len(t) > 1 for t in together)
    assert {"a", "b"} in together  # small ones side by side


def test_held_waits_for_room() -> None:
    schranke = Schranke(grenze=10)
    log: list[tuple[str, str]] = []
    lock = threading.Lock()
    schranke.add([(8, _step("docx", log, lock))])

    def satz() -> None:
        time.sleep(0.01)  # the other lane has begun its large step
        with schranke.held(8):
            _step("satz", log, lock)()

    thread = threading.Thread(target=satz)
    thread.start()
    _run(schranke, 1)
    thread.join()
    assert all(len(t) == 1 for t in _together(log)), log
    assert schranke.take() is None
