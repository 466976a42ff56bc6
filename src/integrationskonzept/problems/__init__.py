"""Problems as values: every finding of a run, with code, severity and position."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """How bad a problem is; ordered so that ``max()`` gives the worst."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return _LABELS[self]

    @classmethod
    def from_label(cls, text: str) -> Severity | None:
        """Parse the German configuration word; ``None`` means the check is off."""
        key = text.strip().lower()
        if key in {"aus", "off"}:
            return None
        for sev, label in _LABELS.items():
            if label.lower() == key:
                return sev
        raise ValueError(text)


_LABELS = {Severity.INFO: "Hinweis", Severity.WARNING: "Warnung", Severity.ERROR: "Fehler"}
# The words of ``pruefungen:`` in konzept.yaml: every severity, worst first, and "aus".
SEVERITY_WORDS = (*(_LABELS[s] for s in sorted(Severity, reverse=True)), "aus")


@dataclass(frozen=True, order=True)
class Location:
    """A position in a source file; line and column are 1-based, 0 means unknown."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column or 1}"
        return self.file


@dataclass(frozen=True)
class Problem:
    """One finding: where, what (stable code), how bad, and what to do."""

    code: str
    severity: Severity
    message: str
    location: Location
    hint: str = ""
    rule: str = ""
    related: tuple[Location, ...] = field(default=())

    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.file, loc.line, loc.column, self.code, self.message)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Sort by file, line, column; drop exact duplicates."""
    seen: set[tuple[object, ...]] = set()
    out: list[Problem] = []
    for p in sorted(problems, key=Problem.sort_key):
        key = (p.sort_key(), p.severity)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out
