"""``compare(old, new)``: a semantic comparison of two loaded concepts (pure).

Entries are matched by id within each kind. An entry whose file or Handlungsfeld
changed is *verschoben*, not removed and added; its other field changes are listed
too. Handlungsfelder also compare their Ausgangslage, Leitziel and Steuerung,
Kapitel their Markdown text.
"""

from __future__ import annotations

from typing import Any

from ..model.concept import HandlungsfeldInhalt, Konzept
from ..model.fields import Entry, source_of
from .changes import Diff, FieldChange, ItemChange
from .fields import Sides, compare_fields, content_of, field_changes
from .labels import ENTFALLEN, GEAENDERT, KINDS, NEU, VERSCHOBEN

# Fields of konzept.yaml's head that the council cares about.
META_FIELDS = ("titel", "untertitel", "version", "stand", "federfuehrung")


def compare(old: Konzept, new: Konzept, old_label: str = "", new_label: str = "") -> Diff:
    """All changes from ``old`` to ``new``: entries per kind, then the concept's head."""
    sides = Sides(old, new)
    items: list[ItemChange] = []
    for kind, _singular, _plural in KINDS:
        items.extend(_compare_kind(kind, getattr(old, kind), getattr(new, kind), sides))
    return Diff(old_label, new_label, tuple(items), tuple(_compare_meta(old, new, sides)))


def _file(entry: Entry) -> str:
    src = source_of(entry)
    return str(src[0]) if src else ""


def _title(entry: Any) -> str:
    return str(getattr(entry, "titel", None) or getattr(entry, "name", None) or entry.id)


def _compare_kind(kind: str, olds: dict[str, Any], news: dict[str, Any],
                  sides: Sides) -> list[ItemChange]:
    out: list[ItemChange] = []
    for ident, entry in news.items():
        before = olds.get(ident)
        if before is None:
            out.append(ItemChange(kind, ident, _title(entry), NEU, (), _file(entry),
                                  content_of(entry, sides.new)))
            continue
        fields = _moves(kind, before, entry, sides)
        moved = bool(fields)
        fields += compare_fields(before, entry, sides, skip=("id", "handlungsfeld"))
        fields += _extra_fields(kind, ident, sides)
        if fields:
            out.append(ItemChange(kind, ident, _title(entry), VERSCHOBEN if moved else GEAENDERT,
                                  tuple(fields), _file(entry)))
    for ident, entry in olds.items():
        if ident not in news:
            out.append(ItemChange(kind, ident, _title(entry), ENTFALLEN, (), _file(entry),
                                  content_of(entry, sides.old)))
    return out


def _moves(kind: str, old: Any, new: Any, sides: Sides) -> list[FieldChange]:
    """The Handlungsfeld and file changes of an entry, which make it *verschoben*."""
    out = []
    if kind != "handlungsfelder" and hasattr(new, "handlungsfeld"):
        a, b = old.handlungsfeld, new.handlungsfeld
        if a != b:
            out.extend(field_changes("handlungsfeld", a, b, sides))
    fa, fb = _file(old), _file(new)
    if fa and fb and fa != fb:
        out.append(FieldChange("datei", f"Datei: {fa} → {fb}", fa, fb, fa, fb))
    return out


def _inhalt_texts(konzept: Konzept, inhalt: HandlungsfeldInhalt | None) -> dict[str, Any]:
    if inhalt is None:
        return {"ausgangslage": None, "leitziel": None, "steuerung": None}
    ausgangslage = inhalt.ausgangslage
    if inhalt.ausgangslage_datei:
        ausgangslage = konzept.texte.get(inhalt.ausgangslage_datei, ausgangslage)
    return {"ausgangslage": ausgangslage, "leitziel": inhalt.leitziel,
            "steuerung": inhalt.steuerung}


def _extra_fields(kind: str, ident: str, sides: Sides) -> list[FieldChange]:
    """Texts that belong to an entry but live elsewhere (content file, Markdown file)."""
    pairs: list[tuple[str, Any, Any]] = []
    if kind == "handlungsfelder":
        a = _inhalt_texts(sides.old, sides.old.inhalte.get(ident))
        b = _inhalt_texts(sides.new, sides.new.inhalte.get(ident))
        pairs = [(name, a[name], b[name]) for name in a]
    elif kind == "kapitel":
        ka, kb = sides.old.kapitel[ident], sides.new.kapitel[ident]
        pairs = [("inhalt", sides.old.texte.get(ka.datei), sides.new.texte.get(kb.datei))]
    return [c for name, a_val, b_val in pairs for c in field_changes(name, a_val, b_val, sides)]


def _compare_meta(old: Konzept, new: Konzept, sides: Sides) -> list[FieldChange]:
    out: list[FieldChange] = []
    if old.meta is not None and new.meta is not None:
        for name in META_FIELDS:
            out.extend(field_changes(name, getattr(old.meta, name), getattr(new.meta, name),
                                     sides))
    seen = {(b.gremium, b.datum) for b in old.beschluesse}
    for beschluss in new.beschluesse:
        if (beschluss.gremium, beschluss.datum) not in seen:
            out.append(FieldChange(
                "beschluesse",
                f"Beschluss ergänzt: {beschluss.gremium} am {beschluss.datum.kurz}",
                None, beschluss.model_dump(mode="json", exclude_defaults=True), "",
                f"{beschluss.gremium}, {beschluss.datum.kurz}"))
    return out
