"""Indicators as monitoring uses them: a coded series per year or period, with a target.

Values follow the Länder-Integrationsmonitoring: a Basiswert and a Zielwert with their
year, Ist-Werte per year (``2023``), school year (``2003/04``) or period
(``2015–2018``), each a number or a breakdown (``gesamt``, ``weiblich``, ``maennlich``
or a comparison group). ``richtung`` says whether rising values are better; from it
and the series ``ik`` computes an assessment (see :mod:`..monitoring.assessment`),
which ``einschaetzung`` overrides with a stated reason.
"""

# Annotations are evaluated here, not kept as text (no ``from __future__ import
# annotations``): pydantic would compile each one back at every start.

import functools
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from .fielddates import Datum
from .fieldnumbers import Number
from .fields import Entry, Id, Markdown, Ref, Text, before

RICHTUNGEN = ("steigen", "sinken")
_RICHTUNG_WORTE = {"steigend": "steigen", "sinkend": "sinken", "höher ist besser": "steigen",
                   "niedriger ist besser": "sinken", "hoeher ist besser": "steigen"}
STUFEN = ("erreicht", "auf Kurs", "zu langsam", "entfernt sich", "zu wenige Werte")
_STUFEN_WORTE = {s.lower().replace(" ", "-"): s for s in STUFEN} | {
    s.lower(): s for s in STUFEN}
# Display names of the usual breakdown keys (YAML keys carry no umlauts).
TEILE = {"gesamt": "insgesamt", "weiblich": "weiblich", "maennlich": "männlich",
         "divers": "divers"}
HAUPTWERT = "gesamt"

_PERIOD_SCHEMA = r"^\d{4}(/\d{2,4}|\s*[-–]\s*\d{4})?$"
_PERIOD = re.compile(r"^(\d{4})\s*(?:([/])\s*(\d{2}|\d{4})|\s*[-–—]\s*(\d{4}))?$")


@functools.total_ordering
@dataclass(frozen=True)
class Periode:
    """A year (2023), school or budget year (2003/04) or period (2015–2018).

    ``von`` and ``bis`` are the first and last calendar year; series are ordered
    and assessed by ``bis``.
    """

    text: str
    von: int
    bis: int

    def __str__(self) -> str:
        return self.text

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Periode):
            return NotImplemented
        return (self.bis, self.von) < (other.bis, other.von)

    @property
    def jahr(self) -> int:
        return self.bis


def parse_periode(value: Any) -> Periode:
    if isinstance(value, Periode):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and (m := _PERIOD.match(value.strip())):
        von = int(m[1])
        if m[3]:
            bis = int(m[3]) if len(m[3]) == 4 else von // 100 * 100 + int(m[3])
            if len(m[3]) == 2 and bis < von:
                bis += 100
        else:
            bis = int(m[4]) if m[4] else von
        if 1900 <= von <= bis <= 2200:
            return Periode(value.strip(), von, bis)
    raise PydanticCustomError(
        "ik_periode",
        "erwartet ein Jahr (2023), ein Schuljahr (2003/04) oder einen Zeitraum (2015–2018), "
        "gefunden „{value}“", {"value": value})


PeriodeT = Annotated[
    Periode, before(parse_periode, serialize=lambda p: p.text),
    WithJsonSchema({"anyOf": [{"type": "integer"},
                              {"type": "string", "pattern": _PERIOD_SCHEMA}],
                    "description": "Jahr, Schuljahr oder Zeitraum: 2023, 2003/04, 2015–2018"}),
]


def _wort(table: dict[str, str]) -> Any:
    def norm(value: Any) -> Any:
        if isinstance(value, str):
            key = value.strip().lower()
            return table.get(key, value.strip())
        return value
    return before(norm)


Richtung = Annotated[Literal[RICHTUNGEN], _wort(_RICHTUNG_WORTE)]  # type: ignore[valid-type]
Stufe = Annotated[Literal[STUFEN], _wort(_STUFEN_WORTE)]  # type: ignore[valid-type]
Aufschluesselung = dict[Annotated[Text, Field(pattern=r"^[a-zäöüß][a-zäöüß0-9_ -]*$")], Number]


class Messwert(Entry):
    """Ein Wert mit seinem Jahr (Basis- oder Zielwert)."""

    wert: Number
    jahr: PeriodeT = Field(description="Jahr, Schuljahr oder Zeitraum des Werts")


class Einschaetzung(Entry):
    """Eine ausdrückliche Bewertung des Indikators; sie geht der berechneten vor."""

    stufe: Stufe = Field(description="erreicht, auf Kurs, zu langsam, entfernt sich oder "
                         "zu wenige Werte")
    begruendung: Text = Field(description="Warum abweichend von der Berechnung")
    bewertet_von: Text | None = None
    datum: Datum | None = None


class Indikator(Entry):
    """Ein Indikator nach dem Muster des Integrationsmonitorings der Länder."""

    id: Id
    nummer: Text | None = Field(None, description="Kennung im Dokument, z. B. „A.2.1“")
    name: Text
    gruppe: Text | None = Field(None, description="Dimension oder Gruppe, z. B. „Bildung“")
    handlungsfeld: Ref | None = Field(None, description="Handlungsfeld des Indikators")
    definition: Markdown
    datenquelle: Text
    einheit: Text | None = Field(None, description="z. B. „%“ oder „Personen“")
    richtung: Richtung | None = Field(
        None, description="steigen: höhere Werte sind besser; sinken: niedrigere")
    bewertung: Markdown | None = None
    methodik: Markdown | None = Field(None, description="Methodische Besonderheiten")
    basiswert: Messwert | None = None
    zielwert: Messwert | None = None
    istwerte: dict[PeriodeT, Number | Aufschluesselung] = Field(
        default_factory=dict,
        description="Ist-Werte je Jahr, Schuljahr oder Zeitraum, z. B. 2023: 12,5 oder "
        "2023: {gesamt: 12,5, weiblich: 11, maennlich: 14}")
    einschaetzung: Einschaetzung | None = Field(
        None, description="Bewertung von Hand; geht der berechneten vor")

    def reihe(self) -> dict[Periode, float]:
        """The main series (the number, or ``gesamt`` of a breakdown), in time order."""
        out: dict[Periode, float] = {}
        for periode in sorted(self.istwerte):
            value = self.istwerte[periode]
            if isinstance(value, dict):
                if HAUPTWERT in value:
                    out[periode] = value[HAUPTWERT]
            else:
                out[periode] = value
        return out

    def teile(self) -> list[str]:
        """The breakdown keys used in any year (``gesamt`` first)."""
        keys: dict[str, None] = {}
        for value in self.istwerte.values():
            if isinstance(value, dict):
                keys.update(dict.fromkeys(value))
        return sorted(keys, key=lambda k: (k != HAUPTWERT, k not in TEILE, k))


__all__ = ["RICHTUNGEN", "STUFEN", "TEILE", "Einschaetzung", "Indikator", "Messwert",
           "Periode", "parse_periode"]
