"""The state of one preview: the last good HTML, the problems, a build counter."""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from .page import preview_page, waiting_page

DEBOUNCE_MS = 300
_IGNORED_DIRS = {"build", ".git", "__pycache__", ".venv", "node_modules"}


class Vorschau:
    """Builds the HTML of the concept at ``folder`` and keeps what the browser is shown."""

    def __init__(self, folder: Path, say: Callable[[str], None] = lambda _m: None) -> None:
        self.folder = folder
        self.say = say
        self.version = 0
        self._html: str | None = None
        self._problems: list[str] = []
        self._status = ""
        self._changed = threading.Condition()
        self._build_lock = threading.Lock()

    def rebuild(self) -> bool:
        """Validate and build the HTML; True if the page is current, False on problems."""
        from ..errors import IkError
        from ..problems.output import text_lines
        from ..render.build import build

        with self._build_lock, tempfile.TemporaryDirectory(prefix="ik-vorschau-") as tmp:
            html: str | None = self._html
            problems: list[str] = []
            status = ""
            try:
                result = build(self.folder, formats=["html"], out=Path(tmp))
            except IkError as exc:  # the design, a template or a tool failed: say so
                status = f"Nicht gebaut: {exc.message}"
            else:
                if result.ok and result.files:
                    html = result.files[0].read_text(encoding="utf-8")
                else:
                    problems = [f"{loc}: {head} {body}" for loc, head, body in
                                text_lines([p for p in result.problems
                                            if p.severity.label == "Fehler"])]
                    status = "Die Quellen haben Fehler; gezeigt wird der letzte gute Stand."
        with self._changed:
            self._html, self._problems, self._status = html, problems, status
            self.version += 1
            self._changed.notify_all()
        self.say("Vorschau aktualisiert." if not status else
                 f"{status} ({len(problems)} Fehler)" if problems else status)
        return not status

    def page(self) -> str:
        """The page to serve now."""
        with self._changed:
            html, problems, status = self._html, list(self._problems), self._status
        if html is None:
            if problems:
                status = "Die Quellen haben Fehler; noch gibt es keinen guten Stand."
            return waiting_page(problems, status or "Das Dokument wird gebaut …")
        return preview_page(html, problems, status)

    def wake(self) -> None:
        """Wake every :meth:`wait` (when the server stops)."""
        with self._changed:
            self._changed.notify_all()

    def wait(self, seen: int, timeout: float) -> int:
        """Block until the build counter passes ``seen`` (or ``timeout``); the counter."""
        with self._changed:
            self._changed.wait_for(lambda: self.version != seen, timeout=timeout)
            return self.version


def relevant(path: str) -> bool:
    """Whether a changed file can change the document (not the build output, not git)."""
    parts = Path(path).parts
    if any(part in _IGNORED_DIRS for part in parts):
        return False
    name = os.path.basename(path)
    return not (name.startswith(".") or name.endswith(("~", ".swp", ".tmp")))


def watch(vorschau: Vorschau, stop: threading.Event) -> None:
    """Rebuild after every saved change until ``stop`` is set (changes are debounced)."""
    from watchfiles import watch as changes

    for batch in changes(vorschau.folder, debounce=DEBOUNCE_MS, stop_event=stop,
                         watch_filter=lambda _change, path: relevant(
                             os.path.relpath(path, vorschau.folder)),
                         raise_interrupt=False):
        if batch:
            vorschau.rebuild()
