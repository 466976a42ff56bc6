"""Where in a Markdown text an index lies: exact lines in Markdown files, linear time."""

from __future__ import annotations

import bisect
from dataclasses import replace

from ..model.references import TextStart
from ..problems import Location


class Positions:
    """Locations of indexes into ``text`` that starts at ``start``.

    In Markdown files (``.md``) the exact line and column; for texts inside YAML
    files the position of the field. Newlines are indexed once, so locating many
    findings in a long text stays linear.
    """

    def __init__(self, start: Location | TextStart, text: str) -> None:
        self._start = start
        self.text = text
        self._newlines: list[int] | None = None

    @property
    def start(self) -> Location:
        """Where the text starts (located now if it was not yet)."""
        if not isinstance(self._start, Location):
            self._start = self._start.location()
        return self._start

    def at(self, index: int) -> Location:
        if not self.start.file.endswith(".md"):
            return self.start
        if self._newlines is None:
            self._newlines = [i for i, ch in enumerate(self.text) if ch == "\n"]
        line = bisect.bisect_left(self._newlines, index)
        before = self._newlines[line - 1] if line else -1
        return replace(self.start, line=line + 1, column=index - before)
