"""Field types of the source format: dates, years and points in time as precise as the
author knows them (``2024-03-15``, ``2024-03``, ``2024``, ``2023/24``, ``2024, vorläufig``).

Every text the reader hands over is read here as the author meant it, with a German
message when it does not fit (see :mod:`.fields`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import (
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError
from pydantic_core import core_schema as cs

from ..text import german
from ..text.german import DATE_PATTERN, parse_tag, parse_zeitpunkt_text
from .fields import before, remembered

FIRST_YEAR, LAST_YEAR = 1900, 2200
_YEAR_IN_TEXT = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def _plausible(year: int, value: str) -> int:
    """Dates of a concept lie between 1900 and 2200 (9999-12 would break every chart)."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PydanticCustomError(
            "ik_date_range", "„{value}“ liegt nicht zwischen {first} und {last}",
            {"value": value, "first": FIRST_YEAR, "last": LAST_YEAR})
    return year


def _make_date(text: str) -> dt.date | None:
    year = _YEAR_IN_TEXT.search(text)
    if year is not None and len(text) <= 10:
        _plausible(int(year.group(1)), text)
    try:
        day = parse_tag(text)
    except ValueError:
        raise PydanticCustomError(
            "ik_date_invalid", "„{value}“ ist kein gültiges Datum", {"value": text}) from None
    if day is not None:
        _plausible(day.year, text)
    return day


def _date(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        day = _make_date(value.strip())
        if day is not None:
            return day
    raise PydanticCustomError(
        "ik_date", "erwartet ein Datum wie 2017-08-17 oder 17.08.2017, gefunden „{value}“",
        {"value": value})


Datum = Annotated[dt.date, before(_date, cs.date_schema),
                  WithJsonSchema({"type": "string", "pattern": DATE_PATTERN,
                                  "description": "Datum, z. B. 2017-08-17 oder 17.08.2017"})]


@functools.total_ordering
@dataclass(frozen=True)
class Zeitpunkt:
    """A date given as day, month, year or a school/budget year (``2003/04``).

    ``first`` and ``last`` bound the period; ``text`` is what the author wrote (without
    the tentative mark); ``vorlaeufig`` marks a tentative date (``2024, vorläufig``).
    Points order by their period.
    """

    text: str
    first: dt.date
    last: dt.date
    precision: str  # "tag", "monat", "jahr", "jahre" (2003/04)
    vorlaeufig: bool = False

    def __str__(self) -> str:
        return self.text + (", vorläufig" if self.vorlaeufig else "")

    @property
    def lang(self) -> str:
        """In German words: „17. August 2017“, „März 2024“, „2024“, „2003/04“."""
        return german.zeitpunkt(self.first, self.precision, True, self.text, self.vorlaeufig)

    @property
    def kurz(self) -> str:
        """Short: „17.08.2017“, „März 2024“, „2024“, „2003/04“."""
        return german.zeitpunkt(self.first, self.precision, False, self.text, self.vorlaeufig)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Zeitpunkt):
            return NotImplemented
        return (self.first, self.last) < (other.first, other.last)


_TENTATIVE = re.compile(r"^(.*?)[,;]?\s*\(?vorl(ä|ae)ufig\)?$", re.IGNORECASE)
_YEARS = re.compile(r"^(\d{4})\s*/\s*(\d{2}|\d{4})$")


def parse_zeitpunkt(value: Any) -> Zeitpunkt:
    if isinstance(value, Zeitpunkt):
        return value
    if isinstance(value, dt.date):
        _plausible(value.year, value.isoformat())
        return Zeitpunkt(value.isoformat(), value, value, "tag")
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        text = value.strip()
        tentative = _TENTATIVE.match(text)
        if tentative and tentative[1].strip():
            inner = parse_zeitpunkt(tentative[1].strip())
            return Zeitpunkt(inner.text, inner.first, inner.last, inner.precision, True)
        _make_date(text)  # a day that does not exist is its own message
        parsed = parse_zeitpunkt_text(text)
        if parsed is not None:
            _plausible(parsed[0].year, text)
            return Zeitpunkt(text, *parsed)
        if m := _YEARS.match(text):
            y = int(m[1])
            end = int(m[2]) if len(m[2]) == 4 else y // 100 * 100 + int(m[2])
            if end == y + 1:
                _plausible(y, text)
                return Zeitpunkt(text, dt.date(y, 1, 1), dt.date(end, 12, 31), "jahre")
    raise PydanticCustomError(
        "ik_period",
        "erwartet ein Datum, einen Monat, ein Jahr oder ein Schul-/Haushaltsjahr (2024-03-15, "
        "2024-03, 2024 oder 2023/24; vorläufig: „2024, vorläufig“), gefunden „{value}“",
        {"value": value})


PERIOD_DESCRIPTION = ("Datum, Monat, Jahr oder Schul-/Haushaltsjahr: 2024-03-15, 2024-03, 2024 "
                      "oder 2023/24; „2024, vorläufig“ für ein vorläufiges Datum")


ZeitpunktT = Annotated[
    Zeitpunkt,
    before(remembered(parse_zeitpunkt, str), serialize=str),
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "integer"}],
                    "description": PERIOD_DESCRIPTION}),
]
"""A point in time as precise as the author knows it (see :class:`Zeitpunkt`)."""


_YEAR_INT = re.compile(r"^\d{4}$")


def _year(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2200:
        return value
    if isinstance(value, str) and _YEAR_INT.match(value.strip()):
        return _plausible(int(value), value.strip())
    raise PydanticCustomError(
        "ik_year", "erwartet eine Jahreszahl wie 2030, gefunden „{value}“", {"value": value})


Jahr = Annotated[int, before(_year, cs.int_schema),
                 WithJsonSchema({"type": "integer", "minimum": 1900, "maximum": 2200})]
