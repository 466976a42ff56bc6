"""Allowed values of a command-line option, read from the module that owns them.

The CLI never keeps its own list: ``--typ`` offers exactly the ``KOMMUNE_TYPEN`` of the
format, ``--format`` exactly the formats the stage can write. The owning module is
imported only when a value is checked or the help is shown, so start-up stays fast.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from ..errors import UsageError


@dataclass(frozen=True)
class Choices:
    """``module.name`` is a tuple of words or a dict keyed by them."""

    module: str
    name: str

    def values(self) -> tuple[str, ...]:
        owner = importlib.import_module(f"integrationskonzept.{self.module}")
        return tuple(getattr(owner, self.name))

    def check(self, value: str, option: str) -> str:
        """``value`` if allowed (case as written in the list), else a German UsageError."""
        allowed = self.values()
        for word in allowed:
            if word.casefold() == value.strip().casefold():
                return word
        raise UsageError(f"Ungültiger Wert „{value}“ für {option}. Möglich: "
                         f"{', '.join(allowed)}.")

    def check_list(self, text: str, option: str) -> list[str]:
        """A comma-separated list of allowed values, without repeats."""
        words = [w for w in (part.strip() for part in text.split(",")) if w]
        if not words:
            raise UsageError(f"{option} braucht mindestens einen Wert. Möglich: "
                             f"{', '.join(self.values())}.")
        return list(dict.fromkeys(self.check(w, option) for w in words))


VALIDATE_FORMAT = Choices("problems.output", "FORMATS")
KOMMUNE_TYP = Choices("model.files", "KOMMUNE_TYPEN")
KATALOG = Choices("model.catalogues", "CATALOGUES")
SCHEMA_DATEI = Choices("model.jsonschema", "SCHEMA_FILES")
BUILD_FORMAT = Choices("render.pipeline", "FORMATS")
GAPS_FORMAT = Choices("gaps.formats", "FORMATS")
DIFF_FORMAT = Choices("diff.report", "FORMATS")
BERICHT_FORMAT = Choices("render.bericht", "FORMATS")
