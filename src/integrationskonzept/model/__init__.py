"""The source format of a concept, as pydantic models (one module per part)."""

from __future__ import annotations

from .fielddates import Zeitpunkt, parse_zeitpunkt
from .files import DEFAULT_MERKMALE, Inhalt, KonzeptDatei
from .items import (
    Akteur,
    Angebot,
    Arbeitsgruppe,
    Bedarf,
    Befragung,
    Indikator,
    Massnahme,
    Veranstaltung,
    Ziel,
)

__all__ = [
    "DEFAULT_MERKMALE", "Akteur", "Angebot", "Arbeitsgruppe", "Bedarf", "Befragung", "Indikator",
    "Inhalt", "KonzeptDatei", "Massnahme", "Veranstaltung", "Zeitpunkt", "Ziel", "parse_zeitpunkt",
]
