"""Field types of the source format.

The YAML reader hands over every scalar as the text the author typed. These types
decide what a text means where the model expects a date, a number or a truth value,
and say in German what they expected when it does not fit. This module holds the base
of every model class (:class:`Entry`), ids, references, texts, truth values and
addresses; numbers and counts are in :mod:`.fieldnumbers`, dates and points in time in
:mod:`.fielddates`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError
from pydantic_core import core_schema as cs

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


# Values already read, by the text as written: a Landkreis writes the same few hundred
# dates, years and counts thousands of times, and parsing them was a third of the time the
# model needs. The values are immutable (Zeitpunkt is frozen, Anzahl is never changed),
# so entries can share them; only values that parsed are kept, and at most MEMO_SIZE.
MEMO_SIZE = 20_000
_T = TypeVar("_T")


def remembered(parse: Callable[[Any], _T], *kinds: type) -> Callable[[Any], _T]:
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
