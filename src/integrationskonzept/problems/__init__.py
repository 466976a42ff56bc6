"""Problems as values: every finding of a run, with code, severity and position."""

from __future__ import annotations

import enum
from collections.abc import Callable
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


class DeferredLocation(Location):
    """A location whose line and column are looked up when first read.

    The loader records where every id, text reference and need stands; nearly none of
    them is ever named in a message, so the lookup waits until one is. A
    :class:`Problem` keeps a plain :class:`Location`.
    """

    def __init__(self, file: str, lookup: Callable[..., tuple[int, int]], *args: object) -> None:
        # ``lookup(*args)`` gives line and column. Written straight into the instance's
        # dict (the dataclass is frozen): the loader makes one per id, ~18,000 in a
        # Landkreis, so without a functools.partial and a __setattr__ per field.
        self.__dict__.update(file=file, _lookup=lookup, _args=args)

    def _resolve(self) -> tuple[int, int]:
        found: tuple[int, int] | None = self.__dict__.get("_found")
        if found is None:
            line, column = self.__dict__["_lookup"](*self.__dict__["_args"])
            found = (line, column)
            object.__setattr__(self, "_found", found)
        return found

    @property
    def line(self) -> int:
        return self._resolve()[0]

    @property
    def column(self) -> int:
        return self._resolve()[1]

    def plain(self) -> Location:
        return Location(self.file, self.line, self.column)


def _plain(loc: Location) -> Location:
    return loc.plain() if isinstance(loc, DeferredLocation) else loc


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

    def __post_init__(self) -> None:
        if isinstance(self.location, DeferredLocation):
            object.__setattr__(self, "location", self.location.plain())
        if any(isinstance(r, DeferredLocation) for r in self.related):
            object.__setattr__(self, "related", tuple(_plain(r) for r in self.related))

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
