"""Field types of the source format: numbers – whole numbers, decimals and counts or
amounts as written with a qualifier (``ca. 80``, ``rund 1.200``, ``über 40 %``).

Every text the reader hands over is read here as the author meant it, with a German
message when it does not fit (see :mod:`.fields`).
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import (
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError
from pydantic_core import core_schema as cs

from .fields import before, remembered

_INT = re.compile(r"^[+-]?\d+$")


MAX_DIGITS = 15  # more is no count of people or places; 309 digits would be ∞


def _too_long(text: str, value: Any) -> None:
    if sum(ch.isdigit() for ch in text.split(".")[0].split(",")[0]) > MAX_DIGITS:
        raise PydanticCustomError(
            "ik_number_size", "Zahl „{value}“ ist zu groß (höchstens {digits} Stellen)",
            {"value": text if len(text) <= 30 else text[:27] + "…", "digits": MAX_DIGITS})


def _parse_int(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) >= 10**MAX_DIGITS:
            _too_long(str(value), value)
        return value
    if isinstance(value, str):
        text = value.strip()
        if _INT.match(text):
            _too_long(text, value)
            return int(text)
        if re.match(r"^\d{1,3}(\.\d{3})+$", text):
            raise PydanticCustomError(
                "ik_int_thousands",
                "erwartet eine ganze Zahl, gefunden „{value}“ (Tausenderpunkte weglassen: "
                "{plain})",
                {"value": value, "plain": text.replace(".", "")})
    raise PydanticCustomError(
        "ik_int", "erwartet eine ganze Zahl, gefunden „{value}“", {"value": value})


NonNegInt = Annotated[int, before(_parse_int, cs.int_schema),
                      WithJsonSchema({"type": "integer", "minimum": 0})]

_NUM = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def parse_number(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not abs(value) < 10**MAX_DIGITS:
            _too_long(str(value), value)
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        if _NUM.match(text):
            _too_long(text, value)
            return float(text.replace(",", "."))
    raise PydanticCustomError(
        "ik_number", "erwartet eine Zahl (z. B. 21,5), gefunden „{value}“", {"value": value})


Number = Annotated[float, before(parse_number, cs.float_schema),
                   WithJsonSchema({"anyOf": [{"type": "number"},
                                             {"type": "string", "pattern": r"^-?\d+(,\d+)?$"}]})]


class Anzahl(int):
    """A count as written: ``80``, ``ca. 80``, ``rund 1.200``, ``über 40``.

    Behaves as its number in checks and charts; ``qualifier`` (``ca.``, ``über`` …) is
    printed by the document before the number.
    """

    qualifier: str

    def __str__(self) -> str:
        return f"{self.qualifier} {int(self)}".strip()

    __repr__ = __str__

    def __new__(cls, value: int, qualifier: str = "") -> Anzahl:
        obj = super().__new__(cls, value)
        obj.qualifier = qualifier
        return obj


class Menge(float):
    """A value as written: ``21,5``, ``ca. 80``, ``über 40 %`` (see :class:`Anzahl`)."""

    qualifier: str

    def __new__(cls, value: float, qualifier: str = "") -> Menge:
        obj = super().__new__(cls, value)
        obj.qualifier = qualifier
        return obj

    def __str__(self) -> str:
        number = int(self) if self.is_integer() else float(self)
        return f"{self.qualifier} {number}".strip()

    __repr__ = __str__


QUALIFIERS = ("ca.", "circa", "etwa", "rund", "ungefähr", "knapp", "gut", "über", "mehr als",
              "unter", "weniger als", "mindestens", "mind.", "bis zu", "höchstens", "fast")
_QUALIFIED = re.compile(
    r"^(?P<q>" + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
    + r"|[<>~≈])?\s*(?P<n>[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[+-]?\d+(?:[.,]\d+)?)"
    r"\s*(?P<p>%)?$", re.IGNORECASE)
QUALIFIED_HINT = "z. B. 80, „ca. 80“, „rund 1.200“ oder „über 40 %“"


def _qualified(value: Any) -> tuple[float, str] | None:
    """(number, qualifier) of ``ca. 1.200``-like text, or None."""
    m = _QUALIFIED.match(value.strip())
    if m is None:
        return None
    number = m["n"]
    if m["q"] and re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+(,\d+)?", number):
        number = number.replace(".", "")
    elif re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+", number):
        return None  # „1.200“ without a qualifier: the plain number rules decide
    return float(number.replace(",", ".")), (m["q"] or "")


def _anzahl(value: Any) -> Anzahl:
    if isinstance(value, Anzahl):
        return value
    if isinstance(value, str) and (got := _qualified(value)) is not None and got[1]:
        number, qualifier = got
        if number.is_integer() and number >= 0:
            return Anzahl(int(number), qualifier)
    try:
        plain = _parse_int(value)
    except PydanticCustomError as exc:
        if exc.type != "ik_int":
            raise  # „1.200“: the message says to drop the thousands point
        plain = None
    if isinstance(plain, int) and plain < 0:
        raise PydanticCustomError(
            "ik_count", "erwartet eine Zahl ab 0, gefunden „{value}“", {"value": value})
    if not isinstance(plain, int):
        raise PydanticCustomError(
            "ik_count", "erwartet eine ganze Zahl ({hint}), gefunden „{value}“",
            {"value": value, "hint": QUALIFIED_HINT})
    return Anzahl(plain)


def _menge(value: Any) -> Menge:
    if isinstance(value, Menge):
        return value
    if isinstance(value, str) and (got := _qualified(value)) is not None:
        return Menge(got[0], got[1])
    try:
        return Menge(parse_number(value))
    except PydanticCustomError:
        raise PydanticCustomError(
            "ik_amount", "erwartet eine Zahl ({hint}), gefunden „{value}“",
            {"value": value, "hint": QUALIFIED_HINT}) from None


AnzahlT = Annotated[
    int, PlainValidator(remembered(_anzahl, str, int)), PlainSerializer(str, return_type=str),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string"}],
                    "description": "Ganze Zahl, auch mit Zusatz: „ca. 80“, „über 40“"})]
"""A count that may carry a qualifier (``ca. 80``); the value is an :class:`Anzahl`."""

MengeT = Annotated[
    float, PlainValidator(_menge), PlainSerializer(str, return_type=str),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string"}],
                    "description": "Zahl, auch mit Zusatz: „ca. 80“, „rund 1.200“, "
                                   "„über 40 %“"})]
"""A number that may carry a qualifier (``rund 1.200``); the value is a :class:`Menge`."""
