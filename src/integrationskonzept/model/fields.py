"""Field types of the source format.

The YAML reader hands over every scalar as the text the author typed. These types
decide what a text means where the model expects a date, a number or a truth value,
and say in German what they expected when it does not fit.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError
from pydantic_core import core_schema as cs

from ..text import german
from ..text.german import DATE_PATTERN, parse_tag, parse_zeitpunkt_text

ID_PATTERN = r"^[A-Za-z0-9ÄÖÜäöüß][A-Za-z0-9ÄÖÜäöüß_.\-]*$"
# A reference may name another concept of a Landkreis workspace: „kreis:jobcenter“,
# „peine:m-6-1“ (the member's id, a colon, the id in that concept).
REF_PATTERN = r"^([a-z0-9][a-z0-9_\-]*:)?[A-Za-z0-9ÄÖÜäöüß][A-Za-z0-9ÄÖÜäöüß_.\-]*$"


class Entry(BaseModel):
    """Base of every part of the format: unknown keys are errors.

    Validators are built when a class first validates (``defer_build``), not when the
    module is imported: a run whose entries come from snapshots (model/snapshot.py)
    builds only those of the files it reads fresh (Landkreis, one file changed: start-up
    0.17 -> 0.125 s); a cold run builds the same ones, later.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=False, defer_build=True)


def source_of(entry: BaseModel) -> tuple[str, Any] | None:
    """(file, node) of the mapping ``entry`` was read from, or None if not read from a file.

    Read the file and positions from it (``where``, ``locate``), its keys, its ``id`` and
    nested mappings; not the other values: for an entry rebuilt from a snapshot
    (model/snapshot.py) the node is a skeleton of the mapping until the first position is
    asked for (then the file is read again), so those values are None before that.

    Kept in the instance ``__dict__`` rather than as a pydantic private attribute: private
    attributes cost a setup call per model instance and a slow lookup per read, which at
    a Landkreis's size (20,000 entries) was a measurable share of `ik validate`.
    Pydantic's equality compares fields only, so the source does not make entries unequal.
    """
    return entry.__dict__.get("_src")


def set_source(entry: BaseModel, file: str, node: Any) -> None:
    object.__setattr__(entry, "_src", (file, node))


class RefMarker:
    """Marks a field whose value is a reference (or list of references) to ids."""


MAX_TEXT = 5_000  # characters of a plain text field (a title, a name, a definition)
MAX_MARKDOWN = 200_000  # characters of a Markdown field; longer texts belong in a .md file
MAX_ID = 100


TEXT_TOO_LONG = "{what} ist zu lang ({length} Zeichen; höchstens {limit})"


class _Ready:
    """Annotated metadata that hands pydantic a finished core schema.

    ``__get_pydantic_core_schema__`` is pydantic's public hook for custom types: pydantic
    takes the schema as it is instead of resolving the same layers of ``Annotated``
    (constraints, validator functions and their signatures) again for each of the few
    hundred fields that use a type, which was most of the start-up of `ik validate`.
    ``build`` makes a fresh schema per field (pydantic may add to it); it gets a function
    giving the schema of the annotated type itself, for the types that wrap it.
    """

    __slots__ = ("build",)

    def __init__(self, build: Callable[[Callable[[], cs.CoreSchema]], cs.CoreSchema]) -> None:
        self.build = build

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> cs.CoreSchema:
        return self.build(lambda: handler(source))


def before(func: Callable[[Any], Any], inner: Callable[[], cs.CoreSchema] | None = None,
           serialize: Callable[[Any], str] | None = None) -> _Ready:
    """``func`` on the value as written, then ``inner`` (without it: the annotated type):
    what pydantic's ``BeforeValidator`` does, built without inspecting ``func`` again for
    every field. ``serialize`` turns the value into text when the model is dumped."""
    def build(annotated: Callable[[], cs.CoreSchema]) -> cs.CoreSchema:
        as_text = None if serialize is None else cs.plain_serializer_function_ser_schema(
            serialize, info_arg=False, return_schema=cs.str_schema())
        return cs.no_info_before_validator_function(
            func, (inner or annotated)(), serialization=as_text)
    return _Ready(build)


def _text_schema(limit: int, what: str, min_length: int | None = None,
                 pattern: str | None = None) -> cs.CoreSchema:
    """Text of at most ``limit`` characters, checked before the other constraints.

    The steps run in Rust: is it text, is it too long (German message; the loader's
    translation fills in the length), then ``min_length`` and ``pattern``, so a long text
    never meets the pattern. The same checks as a Python validator cost a call per
    text value, a third of the model's time at Landkreis size.
    """
    steps: list[Any] = [cs.str_schema(), cs.custom_error_schema(
        cs.str_schema(max_length=limit), custom_error_type="ik_text_length",
        custom_error_message=TEXT_TOO_LONG, custom_error_context={"what": what, "limit": limit})]
    if min_length is not None or pattern is not None:
        steps.append(cs.str_schema(min_length=min_length, pattern=pattern))
    return cs.chain_schema(steps)


def _bounded(limit: int, what: str, min_length: int | None = None,
             pattern: str | None = None) -> _Ready:
    return _Ready(lambda _annotated: _text_schema(limit, what, min_length, pattern))


Id = Annotated[
    str,
    _bounded(MAX_ID, "Die ID", pattern=ID_PATTERN),
    WithJsonSchema({"type": "string", "pattern": ID_PATTERN,
                    "description": "Eindeutige ID, z. B. „m-sprache-01“"}),
]
"""A human-readable identifier, unique in the concept."""

Ref = Annotated[
    str,
    RefMarker(),
    _bounded(MAX_ID, "Der Verweis", pattern=REF_PATTERN),
    WithJsonSchema({"type": "string", "pattern": REF_PATTERN,
                    "description": "Verweis auf eine ID"}),
]
"""A reference to an id defined elsewhere in the concept."""


def _one_or_many(value: Any) -> Any:
    if isinstance(value, str):
        return [value]
    if value is None:
        return []
    return value


RefList = Annotated[
    list[Ref],
    RefMarker(),
    before(_one_or_many, lambda: cs.list_schema(
        _text_schema(MAX_ID, "Der Verweis", pattern=REF_PATTERN))),
    WithJsonSchema({"anyOf": [
        {"type": "string", "pattern": REF_PATTERN},
        {"type": "array", "items": {"type": "string", "pattern": REF_PATTERN}},
    ], "description": "Eine ID oder eine Liste von IDs"}),
]

class QuelleMarker:
    """Marks a list of sources: ids of Beteiligung entries, addresses or document titles."""


# An id, or a survey's question as ``id#CODE`` (``f-eltern#Q3``), or another concept's id.
QUELLE_PATTERN = REF_PATTERN[:-1] + r"(#[A-Za-z0-9_]+)?$"
_QUELLE_RE = re.compile(QUELLE_PATTERN)


def is_reference(quelle: str) -> bool:
    """Whether a source names an id (not an address or a document title)."""
    return bool(_QUELLE_RE.match(quelle)) and not quelle.startswith(("http:", "https:",
                                                                      "mailto:"))


def _quellen(value: Any) -> Any:
    value = _one_or_many(value)
    if isinstance(value, list):
        return [v.strip() if isinstance(v, str) else v for v in value]
    return value


QuellenT = Annotated[
    list[Annotated[str, _bounded(MAX_TEXT, "Die Quelle", min_length=1),
                   WithJsonSchema({"type": "string", "minLength": 1})]],
    QuelleMarker(),
    before(_quellen, lambda: cs.list_schema(_text_schema(MAX_TEXT, "Die Quelle", 1))),
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
                    "description": "IDs von Beteiligungen (bei einer Befragung auch mit Frage: "
                                   "f-eltern#Q3), Adressen (https://…) oder Titel von "
                                   "Dokumenten"}),
]
"""Sources of an entry: each an id (reference, a survey's question as ``id#CODE``), an
address or a document title."""

Text = Annotated[str, _bounded(MAX_TEXT, "Der Text", min_length=1),
                 WithJsonSchema({"type": "string", "minLength": 1})]
"""Plain text: shown literally in documents (``*``, ``_``, ``|`` stay as typed)."""


class MarkdownMarker:
    """Marks a str field whose content is Markdown (the renderer parses it as such)."""


Markdown = Annotated[
    str,
    MarkdownMarker(),
    _bounded(MAX_MARKDOWN, "Der Text (für lange Texte eine Markdown-Datei verwenden)"),
    WithJsonSchema({"type": "string", "contentMediaType": "text/markdown",
                    "description": "Text in Markdown"}),
]
"""Formatted text (Markdown); ids in double brackets, [[m-01]], become links."""

def _bool(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in {"true", "false"}:
        return value.lower() == "true"
    raise PydanticCustomError(
        "ik_bool", "erwartet „true“ oder „false“, gefunden „{value}“", {"value": value})


Bool = Annotated[bool, before(_bool, cs.bool_schema), WithJsonSchema({"type": "boolean"})]

_INT = re.compile(r"^[+-]?\d+$")


MAX_DIGITS = 15  # more is no count of people or places; 309 digits would be ∞


def _too_long(text: str, value: Any) -> None:
    if sum(ch.isdigit() for ch in text.split(".")[0].split(",")[0]) > MAX_DIGITS:
        raise PydanticCustomError(
            "ik_number_size", "Zahl „{value}“ ist zu groß (höchstens {digits} Stellen)",
            {"value": text if len(text) <= 30 else text[:27] + "…", "digits": MAX_DIGITS})


def _int(value: Any) -> Any:
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


NonNegInt = Annotated[int, before(_int, cs.int_schema),
                      WithJsonSchema({"type": "integer", "minimum": 0})]

_NUM = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def _number(value: Any) -> Any:
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


Number = Annotated[float, before(_number, cs.float_schema),
                   WithJsonSchema({"anyOf": [{"type": "number"},
                                             {"type": "string", "pattern": r"^-?\d+(,\d+)?$"}]})]

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
# Values already read, by the text as written: a Landkreis writes the same few hundred
# dates, years and counts thousands of times, and parsing them was a third of the time the
# model needs. The values are immutable (Zeitpunkt is frozen, Anzahl is never changed),
# so entries can share them; only values that parsed are kept, and at most MEMO_SIZE.
MEMO_SIZE = 20_000
_T = TypeVar("_T")


def _remembered(parse: Callable[[Any], _T], *kinds: type) -> Callable[[Any], _T]:
    """``parse``, remembered per value whose type is exactly one of ``kinds``."""
    memo: dict[Any, _T] = {}

    def remembered(value: Any) -> _T:
        if type(value) not in kinds:
            return parse(value)
        known = memo.get(value)
        if known is None:
            known = parse(value)
            if len(memo) < MEMO_SIZE:
                memo[value] = known
        return known
    return functools.update_wrapper(remembered, parse)


ZeitpunktT = Annotated[
    Zeitpunkt,
    before(_remembered(parse_zeitpunkt, str), serialize=str),
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "integer"}],
                    "description": PERIOD_DESCRIPTION}),
]
"""A point in time as precise as the author knows it (see :class:`Zeitpunkt`)."""


class Anzahl(int):
    """A count as written: ``80``, ``ca. 80``, ``rund 1.200``, ``über 40``.

    Behaves as its number in checks and charts; ``qualifier`` (``ca.``, ``über`` …) is
    printed by the document before the number.
    """

    qualifier: str

    def __new__(cls, value: int, qualifier: str = "") -> Anzahl:
        obj = super().__new__(cls, value)
        obj.qualifier = qualifier
        return obj

    def __repr__(self) -> str:
        return f"{self.qualifier} {int(self)}".strip()

    def __str__(self) -> str:
        return f"{self.qualifier} {int(self)}".strip()


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
        plain = _int(value)
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
        return Menge(_number(value))
    except PydanticCustomError:
        raise PydanticCustomError(
            "ik_amount", "erwartet eine Zahl ({hint}), gefunden „{value}“",
            {"value": value, "hint": QUALIFIED_HINT}) from None


AnzahlT = Annotated[
    int, PlainValidator(_remembered(_anzahl, str, int)), PlainSerializer(str, return_type=str),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string"}],
                    "description": "Ganze Zahl, auch mit Zusatz: „ca. 80“, „über 40“"})]
"""A count that may carry a qualifier (``ca. 80``); the value is an :class:`Anzahl`."""

MengeT = Annotated[
    float, PlainValidator(_menge), PlainSerializer(str, return_type=str),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string"}],
                    "description": "Zahl, auch mit Zusatz: „ca. 80“, „rund 1.200“, "
                                   "„über 40 %“"})]
"""A number that may carry a qualifier (``rund 1.200``); the value is a :class:`Menge`."""


def _url(value: Any) -> Any:
    if isinstance(value, str) and re.match(r"^(https?://|mailto:)\S+$", value.strip()):
        return value.strip()
    raise PydanticCustomError(
        "ik_url", "erwartet eine Adresse mit https://, http:// oder mailto:, gefunden „{value}“",
        {"value": value})


Url = Annotated[str, before(_url, cs.str_schema),
                WithJsonSchema({"type": "string", "pattern": r"^(https?://|mailto:)\S+$"})]

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _email(value: Any) -> Any:
    if isinstance(value, str) and _EMAIL.match(value.strip()):
        return value.strip()
    raise PydanticCustomError(
        "ik_email", "erwartet eine E-Mail-Adresse wie name@stadt.de, gefunden „{value}“",
        {"value": value})


Email = Annotated[str, before(_email, cs.str_schema),
                  WithJsonSchema({"type": "string", "format": "email"})]

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
