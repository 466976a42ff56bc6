"""The columns of each sheet, derived from the pydantic models of the source format.

A column is one key path into an entry (``("zeitraum", "beginn")``) with the German
header, the kind of value a cell holds and, for references and fixed value lists, the
vocabulary its drop-down offers. Nested entries (Zeitraum, Kontakt, Akzeptanz,
Messwert) are flattened one level; lists of nested entries (Beziehungen) are not in the
table and stay untouched by an import.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..model.concept import REF_TARGETS, Konzept
from ..model.fielddates import Zeitpunkt
from ..model.fields import Entry, MarkdownMarker, RefMarker
from ..model.indikator import Periode
from ..model.items import Akteur, Angebot, Bedarf, Indikator, Massnahme, Ziel
from ..model.labels import field_label

# value kinds of a cell
TEXT, LIST, DATE, PERIOD, INT, YEAR, NUMBER, BOOL, CHOICE, REF = (
    "text", "liste", "datum", "zeitpunkt", "ganzzahl", "jahr", "zahl", "wahrheitswert",
    "auswahl", "verweis")
ISTWERT = "istwert"
PERIODE = "periode"  # a year, school year or period of an indicator (2023, 2003/04)


@dataclass(frozen=True)
class Column:
    """One column of a sheet."""

    path: tuple[str, ...]
    header: str
    kind: str
    required: bool = False
    choices: tuple[str, ...] = ()  # fixed values (Literal)
    vocabulary: str = ""  # name of the drop-down list (a defined name on the Listen sheet)
    periode: str = ""  # for Ist-Werte columns: the period as written (2023, 2003/04)


@dataclass(frozen=True)
class Sheet:
    """One kind of entry: its registry on the concept, list key in files, sheet name."""

    key: str  # list key in the files and registry attribute of Konzept
    name: str  # sheet name, German
    model: type[Entry]


SHEETS: tuple[Sheet, ...] = (
    Sheet("massnahmen", "Maßnahmen", Massnahme),
    Sheet("angebote", "Angebote", Angebot),
    Sheet("bedarfe", "Bedarfe", Bedarf),
    Sheet("akteure", "Akteure", Akteur),
    Sheet("ziele", "Ziele", Ziel),
    Sheet("indikatoren", "Indikatoren", Indikator),
)
SHEET_BY_KEY = {s.key: s for s in SHEETS}
SHEET_KEYS = tuple(SHEET_BY_KEY)  # the choices of `ik tabelle export --art`
SHEET_BY_NAME = {s.name.casefold(): s for s in SHEETS}
# CSV files are named by the list key (massnahmen.csv …).

# Vocabulary lists on the Listen sheet: name -> kinds of the concept whose ids it holds.
VOCABULARY_KINDS: dict[str, tuple[str, ...]] = {
    "handlungsfeld": ("handlungsfeld",),
    "zielgruppe": ("zielgruppe",),
    "sozialraum": ("sozialraum",),
    "sprache": ("sprache",),
    "merkmal": ("merkmal",),
    "akteur": ("akteur",),
    "ziel": ("ziel",),
    "bedarf": ("bedarf",),
    "indikator": ("indikator",),
    "beteiligung": ("veranstaltung", "arbeitsgruppe", "befragung"),
}
_VOCAB_OF_TARGETS = {kinds: name for name, kinds in VOCABULARY_KINDS.items()}


def _metadata(info: FieldInfo) -> list[Any]:
    """The field's metadata, also from an ``Annotated`` inside ``X | None``."""
    out = list(info.metadata)
    inner = _strip_optional(info.annotation)
    if typing.get_origin(inner) is typing.Annotated:
        out.extend(typing.get_args(inner)[1:])
    return out


def _metadata_has(info: FieldInfo, marker: type) -> bool:
    return any(isinstance(m, marker) for m in _metadata(info))


def _strip_optional(annotation: Any) -> Any:
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            annotation = rest[0]
    return annotation


def _base(annotation: Any) -> Any:
    annotation = _strip_optional(annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        return typing.get_args(annotation)[0]
    return annotation


def _scalar_kind(name: str, info: FieldInfo, annotation: Any) -> tuple[str, tuple[str, ...]]:
    """(value kind, fixed choices) of a scalar field."""
    annotation = _base(annotation)
    if typing.get_origin(annotation) is Literal:
        return CHOICE, tuple(str(a) for a in typing.get_args(annotation))
    if _metadata_has(info, RefMarker):
        return REF, ()
    if annotation is Zeitpunkt:
        return PERIOD, ()
    if annotation is Periode:
        return PERIODE, ()
    if annotation is bool:
        return BOOL, ()
    if annotation is float:
        return NUMBER, ()
    if annotation is int:
        return (YEAR if _is_year(info) else INT), ()
    if getattr(annotation, "__name__", "") == "date":
        return DATE, ()
    return TEXT, ()


def _is_year(info: FieldInfo) -> bool:
    schema = [m for m in _metadata(info) if hasattr(m, "json_schema")]
    return any(m.json_schema.get("minimum") == 1900 for m in schema)


def _vocabulary(name: str) -> str:
    targets = REF_TARGETS.get(name)
    return _VOCAB_OF_TARGETS.get(targets, "") if targets else ""


def _field_columns(model: type[BaseModel], prefix: tuple[str, ...],
                   parent_label: str) -> list[Column]:
    out: list[Column] = []
    for name, info in model.model_fields.items():
        annotation = info.annotation
        path = (*prefix, name)
        label = field_label(name)
        header = f"{parent_label}: {label}" if parent_label else label
        required = info.is_required() and not prefix
        inner = _base(annotation)
        origin = typing.get_origin(inner)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            if not prefix:  # one level of nesting
                out.extend(_field_columns(inner, path, label))
            continue
        if origin is dict:
            if name == "istwerte":
                out.append(Column(path, "Ist-Werte", ISTWERT))
            continue
        if origin is list:
            (item,) = typing.get_args(inner) or (str,)
            if isinstance(item, type) and issubclass(item, BaseModel):
                continue  # lists of nested entries are kept out of the table
            out.append(Column(path, header, LIST, vocabulary=_vocabulary(name)))
            continue
        kind, choices = _scalar_kind(name, info, annotation)
        vocab = _vocabulary(name) if kind == REF else ""
        out.append(Column(path, header, kind, required, choices, vocab))
    return out


def columns_for(sheet: Sheet, konzept: Konzept | None = None) -> list[Column]:
    """The columns of ``sheet``: ``id`` first; Ist-Werte as one column per year."""
    cols = [Column(("id",), "id", TEXT, True) if c.path == ("id",) else c
            for c in _field_columns(sheet.model, (), "")]
    cols.sort(key=lambda c: c.path != ("id",))
    out: list[Column] = []
    for col in cols:
        if col.kind != ISTWERT:
            out.append(col)
            continue
        periods = sorted({p for ind in (konzept.indikatoren.values() if konzept else ())
                          for p in ind.istwerte})
        out.extend(ist_column(p.text) for p in periods)
    return out


def ist_column(periode: str) -> Column:
    """The column of the Ist-Werte of one period (the main value of a breakdown)."""
    return Column(("istwerte", periode), f"Ist {periode}", NUMBER, periode=periode)


def is_markdown(model: type[BaseModel], name: str) -> bool:
    info = model.model_fields.get(name)
    return info is not None and _metadata_has(info, MarkdownMarker)
