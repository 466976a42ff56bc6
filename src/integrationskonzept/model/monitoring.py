"""Monitoring after the Beschluss: report periods, status history and Ampel.

The lifecycle status of a Maßnahme (``status`` / ``verlauf``) and the Ampel (a judgement
of target achievement by a Steuerungsgruppe) are separate fields: a measure can be
„in Umsetzung“ and still „rot“.
"""

# Annotations are evaluated here, not kept as text (no ``from __future__ import
# annotations``): pydantic would compile each one back at every start.

from typing import Annotated, Any, Literal

from pydantic import Field, WithJsonSchema
from pydantic_core import PydanticCustomError
from pydantic_core import core_schema as cs

from .fielddates import Datum
from .fieldnumbers import parse_number
from .fields import Entry, Ref, Text, before

STATUS = ("geplant", "in Vorbereitung", "in Umsetzung", "laufend", "verzögert", "umgesetzt",
          "verstetigt", "zurückgestellt", "entfallen")
AMPELN = ("grün", "gelb", "rot", "nicht bewertet")
_AMPEL_WORTE = {"gruen": "grün", "nicht-bewertet": "nicht bewertet",
                "nicht_bewertet": "nicht bewertet"}


def _percent(value: Any) -> Any:
    number = parse_number(value.rstrip(" %") if isinstance(value, str) else value)
    if not 0 <= number <= 100:
        raise PydanticCustomError(
            "ik_percent", "erwartet einen Anteil von 0 bis 100 (Prozent), gefunden „{value}“",
            {"value": value})
    return number


Prozent = Annotated[float, before(_percent, cs.float_schema),
                    WithJsonSchema({"anyOf": [{"type": "number", "minimum": 0, "maximum": 100},
                                              {"type": "string"}],
                                    "description": "Anteil in Prozent, 0 bis 100"})]


def _ampel(value: Any) -> Any:
    if isinstance(value, str):
        key = value.strip().lower()
        return _AMPEL_WORTE.get(key, key)
    return value


AmpelWort = Annotated[Literal[AMPELN], before(_ampel)]  # type: ignore[valid-type]


def _one_entry_or_list(value: Any) -> Any:
    if isinstance(value, dict):
        return [value]
    return [] if value is None else value


def _ampeln(value: Any) -> Any:
    if isinstance(value, str) and value.strip():
        raise PydanticCustomError(
            "ik_ampel_ohne_angaben",
            "eine Ampel braucht Begründung und Berichtszeitraum; schreiben Sie z. B. "
            "„ampel: {ampel: {value}, bericht: b-2024, begruendung: …}“",
            {"value": value.strip()})
    return _one_entry_or_list(value)


class Verlaufseintrag(Entry):
    """Ein datierter Stand einer Maßnahme; der jüngste Eintrag ist der aktuelle Status."""

    datum: Datum = Field(description="Datum des Stands, z. B. 2024-06-30")
    status: Literal[STATUS] = Field(  # type: ignore[valid-type]
        description="Status zu diesem Datum")
    fortschritt: Prozent | None = Field(
        None, description="Umsetzungsfortschritt in Prozent (0–100)")
    text: Text | None = Field(None, description="Was geschehen ist, in einem Satz")


class Ampelbewertung(Entry):
    """Eine Ampel (Zielerreichung) für einen Berichtszeitraum, mit Begründung."""

    ampel: AmpelWort = Field(description="grün, gelb, rot oder nicht bewertet")
    begruendung: Text | None = Field(
        None, description="Warum diese Farbe (Pflicht; ik validate meldet eine fehlende)")
    bewertet_von: Text | None = Field(
        None, description="Wer bewertet hat, z. B. „Steuerungsgruppe Integration“")
    datum: Datum | None = Field(None, description="Datum der Bewertung")
    bericht: Ref | None = Field(
        None, description="ID des Berichtszeitraums (berichte: in konzept.yaml)")


AmpelListe = Annotated[list[Ampelbewertung], before(_ampeln)]
VerlaufListe = Annotated[list[Verlaufseintrag], before(_one_entry_or_list)]


def letzter_status(status: str, verlauf: list[Verlaufseintrag]) -> str:
    """The current status of a Maßnahme: its latest history entry, else ``status``."""
    if not verlauf:
        return status
    latest: str = max(enumerate(verlauf), key=lambda p: (p[1].datum, p[0]))[1].status
    return latest


__all__ = ["AMPELN", "STATUS", "AmpelListe", "Ampelbewertung", "Prozent", "VerlaufListe",
           "Verlaufseintrag",
           "letzter_status"]
