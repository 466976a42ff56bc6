"""Field-level comparison of two entries, described in German words.

``compare_fields`` walks the fields of two pydantic entries and says for each
difference what changed: references by the names of what they point to, periods
as shifts ("Zeitraum verschoben von 2024 auf 2025"), lists as additions and
removals ("Zielgruppen: + Frauen, − Jugendliche"), long texts as "geändert".
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model.concept import REF_TARGETS, Konzept
from ..model.fielddates import Zeitpunkt
from ..model.fields import Entry
from ..model.items import Beziehung, Zeitraum
from ..text.german import datum_kurz, zahl
from .changes import FieldChange
from .labels import field_label
from .periods import same_point, span_text, zeitpunkt_text, zeitraum_change

# Fields holding Markdown (or long) text: shown as "geändert", with a short word diff.
MARKDOWN_FIELDS = frozenset({"beschreibung", "definition", "bewertung", "methodik", "text",
                             "ausgangslage", "steuerung", "inhalt", "erklaerung"})
# Fields the council reads first; the others follow in the model's order.
FIRST_FIELDS = ("titel", "name", "status", "zeitraum", "laufzeit", "federfuehrung", "traeger")
MAX_WORD_DIFF = 12  # changed words up to which the changed words themselves are shown


@dataclass(frozen=True)
class Sides:
    """The two concepts, for turning ids into names on either side."""

    old: Konzept
    new: Konzept

    def name(self, ident: str, newer: bool = True) -> str:
        first, second = (self.new, self.old) if newer else (self.old, self.new)
        for konzept in (first, second):
            if ident in konzept.ids:
                return ref_label(konzept, ident)
        return ident


def ref_label(konzept: Konzept, ident: str) -> str:
    """The readable name of an id: an Akteur's short name, else name or title."""
    entry = konzept.akteure.get(ident)
    if entry is not None and entry.kurz:
        return entry.kurz
    return konzept.label(ident)


def plain(value: Any) -> Any:
    """A JSON-compatible form of a field value."""
    if isinstance(value, Entry):
        return value.model_dump(mode="json", exclude_defaults=True)
    if isinstance(value, Zeitpunkt):
        return value.text
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def _qualifier(value: Any) -> str:
    """„ca.“ of „ca. 80“: a number equal to 80 that still reads differently."""
    return getattr(value, "qualifier", "") if isinstance(value, (int, float)) else ""


def scalar_text(value: Any) -> str:
    """A single value as shown in a change line."""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, (int, float)):  # „ca. 80“ keeps its qualifier
        qualifier = getattr(value, "qualifier", "")
        return f"{qualifier} {zahl(value)}".strip() if isinstance(value, float) or qualifier \
            else str(value)
    if isinstance(value, dt.date):
        return datum_kurz(value)
    if isinstance(value, Zeitpunkt):
        return zeitpunkt_text(value)
    if isinstance(value, Beziehung):
        return f"{value.art} mit {value.zu}" + (f" ({value.thema})" if value.thema else "")
    if isinstance(value, Entry):
        parts = [scalar_text(v) for v in value.__dict__.values() if v not in (None, [], {})]
        return "; ".join(parts)
    return str(value)


def show_value(name: str, value: Any, konzept: Konzept) -> str:
    """A whole field value in words (names for ids), for a side-by-side view."""
    if value is None or value == [] or value == {} or value == "":
        return ""
    if isinstance(value, Zeitraum):
        return span_text(value)
    if isinstance(value, list):
        return ", ".join(show_value(name, v, konzept) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {scalar_text(v)}" for k, v in value.items())
    if isinstance(value, str) and name in REF_TARGETS:
        return ref_label(konzept, value)
    if isinstance(value, Beziehung):
        return f"{value.art} mit {ref_label(konzept, value.zu)}" + (
            f" ({value.thema})" if value.thema else "")
    if isinstance(value, Entry):
        parts = [(sub, show_value(sub, getattr(value, sub), konzept))
                 for sub in type(value).model_fields]
        return "; ".join(f"{field_label(sub)}: {text}" for sub, text in parts if text)
    return " ".join(scalar_text(value).split())


def content_of(entry: Entry, konzept: Konzept) -> tuple[tuple[str, str], ...]:
    """(label, value in words) of every filled field of an entry, important fields first."""
    out = []
    model_fields = type(entry).model_fields
    for name in _ordered(model_fields):
        value = getattr(entry, name)
        if name == "id" or (name not in entry.model_fields_set
                            and value == model_fields[name].default):
            continue  # a default the author did not write
        text = show_value(name, value, konzept)
        if text:
            out.append((field_label(name), text))
    return tuple(out)


def _ordered(names: Iterable[str]) -> list[str]:
    return sorted(names, key=lambda n: FIRST_FIELDS.index(n) if n in FIRST_FIELDS
                  else len(FIRST_FIELDS))


def word_diff(old: str, new: str) -> str:
    """A short description of a text change: the changed words, or how many changed."""
    a, b = old.split(), new.split()
    if a == b:
        return "nur Zeilenumbrüche oder Leerzeichen geändert"
    ops = [op for op in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
           if op[0] != "equal"]
    removed = sum(i2 - i1 for _t, i1, i2, _j1, _j2 in ops)
    added = sum(j2 - j1 for _t, _i1, _i2, j1, j2 in ops)
    if removed + added > MAX_WORD_DIFF or len(ops) > 3:
        return f"{added} Wörter neu, {removed} Wörter entfernt"
    parts = []
    for tag, i1, i2, j1, j2 in ops:
        gone, came = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        if tag == "replace":
            parts.append(f"„{gone}“ → „{came}“")
        elif tag == "delete":
            parts.append(f"− „{gone}“")
        else:
            parts.append(f"+ „{came}“")
    return ", ".join(parts)


def _list_change(label: str, old: list[Any], new: list[Any], sides: Sides,
                 is_ref: bool) -> str | None:
    old_keys, new_keys = [plain(v) for v in old], [plain(v) for v in new]
    gone = [v for v, k in zip(old, old_keys, strict=True) if k not in new_keys]
    came = [v for v, k in zip(new, new_keys, strict=True) if k not in old_keys]
    if not gone and not came:
        return None  # only the order changed

    def show(v: Any, newer: bool) -> str:
        if is_ref and isinstance(v, str):
            return sides.name(v, newer)
        if isinstance(v, Beziehung):
            return (f"{v.art} mit {sides.name(v.zu, newer)}"
                    + (f" ({v.thema})" if v.thema else ""))
        return scalar_text(v)

    parts = [f"+ {show(v, True)}" for v in came] + [f"− {show(v, False)}" for v in gone]
    return f"{label}: {', '.join(parts)}"


def _dict_change(label: str, old: dict[Any, Any], new: dict[Any, Any]) -> str | None:
    parts = []
    for key in sorted(set(old) | set(new), key=str):
        if key not in old:
            parts.append(f"+ {key}: {scalar_text(new[key])}")
        elif key not in new:
            parts.append(f"− {key}: {scalar_text(old[key])}")
        elif old[key] != new[key]:
            parts.append(f"{key}: {scalar_text(old[key])} → {scalar_text(new[key])}")
    return f"{label}: {'; '.join(parts)}" if parts else None


def value_change(name: str, label: str, old: Any, new: Any, sides: Sides) -> list[str]:
    """The change of one field as lines of text (empty when nothing changed)."""
    if isinstance(old, Zeitraum) or isinstance(new, Zeitraum):
        line = zeitraum_change(label, old, new)
        return [line] if line else []
    if isinstance(old, Zeitpunkt) or isinstance(new, Zeitpunkt):
        if same_point(old, new):
            return []
    elif plain(old) == plain(new) and _qualifier(old) == _qualifier(new):
        return []
    empty_old, empty_new = old in (None, [], {}, ""), new in (None, [], {}, "")
    is_ref = name in REF_TARGETS
    if isinstance(old, list) or isinstance(new, list):
        line = _list_change(label, list(old or []), list(new or []), sides, is_ref)
        return [line] if line else []
    if isinstance(old, dict) or isinstance(new, dict):
        line = _dict_change(label, dict(old or {}), dict(new or {}))
        return [line] if line else []
    if isinstance(old, Entry) and isinstance(new, Entry) and type(old) is type(new):
        return [line for sub in type(old).model_fields for line in value_change(
            sub, f"{label} – {field_label(sub)}", getattr(old, sub), getattr(new, sub), sides)]
    if name in MARKDOWN_FIELDS or isinstance(old, Entry) or isinstance(new, Entry):
        if empty_old:
            return [f"{label} ergänzt" + (f": {scalar_text(new)}" if isinstance(new, Entry)
                                          else "")]
        if empty_new:
            return [f"{label} entfernt"]
        return [f"{label} geändert: {word_diff(str(old), str(new))}"]

    def show(v: Any, newer: bool) -> str:
        return sides.name(v, newer) if is_ref and isinstance(v, str) else scalar_text(v)

    if empty_old:
        return [f"{label} ergänzt: {show(new, True)}"]
    if empty_new:
        return [f"{label} entfernt (war: {show(old, False)})"]
    return [f"{label}: {show(old, False)} → {show(new, True)}"]


def compare_fields(old: Entry, new: Entry, sides: Sides,
                   skip: Iterable[str] = ("id",)) -> list[FieldChange]:
    """Every changed field of two versions of one entry: important fields first."""
    skipped = set(skip)
    out = []
    for name in _ordered(type(new).model_fields):
        if name in skipped:
            continue
        a, b = getattr(old, name, None), getattr(new, name, None)
        out.extend(field_changes(name, a, b, sides))
    return out


def field_changes(name: str, old: Any, new: Any, sides: Sides) -> list[FieldChange]:
    """The changes of one field as values (empty when nothing changed)."""
    texts = value_change(name, field_label(name), old, new, sides)
    if not texts:
        return []
    old_text, new_text = show_value(name, old, sides.old), show_value(name, new, sides.new)
    return [FieldChange(name, t, plain(old), plain(new), old_text, new_text) for t in texts]
