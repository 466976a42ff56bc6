"""What the title page, headers and document properties say: :class:`DocumentMeta`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..text.german import datum_lang


@dataclass(frozen=True)
class Logo:
    """An image file for the title page and its alternative text (required for PDF/UA)."""

    path: Path
    alt: str


@dataclass(frozen=True)
class DocumentMeta:
    """Metadata of one rendered document.

    ``stand`` is the date the concept speaks for; ``lang`` a BCP 47 tag. ``logo``
    overrides the design's logo; ``None`` falls back to it.
    """

    title: str
    kommune: str
    stand: dt.date | None = None
    # the Stand as the concept gives it („März 2024“); else written from ``stand``
    stand_wort: str = ""
    version: str = ""
    subtitle: str = ""
    lang: str = "de-DE"
    logo: Logo | None = None

    @property
    def stand_text(self) -> str:
        """The date as German text, e.g. ``17. August 2024``; empty without a date."""
        if self.stand_wort:
            return self.stand_wort
        if self.stand is None:
            return ""
        return datum_lang(self.stand)

    @property
    def date_line(self) -> str:
        """``Stand: 17. August 2024 · Version 1.2`` with whatever parts are set."""
        parts = []
        if self.stand_text:
            parts.append(f"Stand: {self.stand_text}")
        if self.version:
            parts.append(f"Version {self.version}")
        return " · ".join(parts)
