"""Printing a :class:`Diff`: plain text for the terminal, Markdown, JSON for scripts."""

from __future__ import annotations

import json

from ..text.markdown import escape_markdown
from ..text.terminal import json_visible
from .changes import Diff, FieldChange, ItemChange
from .labels import CHANGE_WORDS, ENTFALLEN, GEAENDERT, KINDS, NEU, PLURAL, SINGULAR, VERSCHOBEN

FORMATS = ("text", "markdown", "json")
_SYMBOL = {NEU: "+", ENTFALLEN: "−", GEAENDERT: "~", VERSCHOBEN: "→"}
_JSON_WORD = {NEU: "neu", ENTFALLEN: "entfallen", GEAENDERT: "geaendert",
              VERSCHOBEN: "verschoben"}


def summary_text(counts: dict[str, int]) -> str:
    """``2 neu, 1 entfallen, 3 geändert`` (zero counts left out)."""
    parts = [f"{n} {CHANGE_WORDS[w]}" for w, n in counts.items() if n]
    return ", ".join(parts) if parts else "keine Änderungen"


def heading(diff: Diff) -> str:
    """``Änderungen seit dem Beschluss vom …`` or ``Änderungen von v1.0 zu v2.0``."""
    if diff.beschluss:
        return f"Änderungen seit dem Beschluss vom {diff.beschluss}"
    old, new = diff.old_label or "alte Fassung", diff.new_label or "neue Fassung"
    return f"Änderungen von {old} zu {new}"


def format_text(diff: Diff) -> str:
    """The comparison for the terminal: one block per kind, a summary at the end."""
    lines = [heading(diff), ""]
    lines += [f"Hinweis: {n}" for n in diff.notes]
    if diff.notes:
        lines.append("")
    if diff.empty:
        lines.append("Keine inhaltlichen Änderungen.")
        return "\n".join(lines)
    if diff.meta:
        lines.append("Konzept")
        lines += [f"  {c.text}" for c in diff.meta]
        lines.append("")
    for kind, _s, plural in KINDS:
        items = diff.of_kind(kind)
        if not items:
            continue
        lines.append(plural)
        for item in items:
            lines.append(f"  {_SYMBOL[item.change]} {item.title} ({item.id}): "
                         f"{CHANGE_WORDS[item.change]}")
            lines += [f"      {c.text}" for c in item.fields]
        lines.append("")
    lines.append(f"Zusammenfassung: {summary_text(diff.totals())}")
    for kind, counts in diff.counts().items():
        lines.append(f"  {PLURAL[kind]}: {summary_text(counts)}")
    return "\n".join(lines)


def _md_item(item: ItemChange) -> list[str]:
    word = CHANGE_WORDS[item.change].capitalize()
    out = [f"- **{word}:** {escape_markdown(item.title)} (`{item.id}`)"]
    out += [f"    - {escape_markdown(c.text)}" for c in item.fields]
    return out


def format_markdown(diff: Diff, level: int = 1, title: str | None = None) -> str:
    """The comparison as Markdown: a heading, a summary table, a section per kind."""
    h = "#" * level
    lines = [f"{h} {escape_markdown(title or heading(diff))}", ""]
    lines += [f"> {escape_markdown(n)}" for n in diff.notes]
    if diff.notes:
        lines.append("")
    if diff.empty:
        lines.append("Keine inhaltlichen Änderungen.")
        return "\n".join(lines) + "\n"
    lines += [f"**Zusammenfassung:** {summary_text(diff.totals())}.", ""]
    counts = diff.counts()
    if counts:
        words = list(CHANGE_WORDS)
        lines.append("| Bereich | " + " | ".join(CHANGE_WORDS[w].capitalize() for w in words)
                     + " |")
        lines.append("|:--|" + "--:|" * len(words))
        for kind, per in counts.items():
            lines.append(f"| {PLURAL[kind]} | " + " | ".join(str(per[w]) for w in words) + " |")
        lines.append("")
    if diff.meta:
        lines += [f"{h}# Konzept", ""]
        lines += [f"- {escape_markdown(c.text)}" for c in diff.meta]
        lines.append("")
    for kind, _s, plural in KINDS:
        items = diff.of_kind(kind)
        if items:
            lines += [f"{h}# {plural}", ""]
            for item in items:
                lines += _md_item(item)
            lines.append("")
    return "\n".join(lines)


def _field_dict(c: FieldChange) -> dict[str, object]:
    return {"feld": c.field, "text": c.text, "alt": c.old, "neu": c.new,
            "alt_text": c.old_text, "neu_text": c.new_text}


def diff_dict(diff: Diff) -> dict[str, object]:
    """The stable JSON form of a comparison (keys in German, like the sources)."""
    return {
        "von": diff.old_label,
        "bis": diff.new_label,
        "zusammenfassung": {
            "gesamt": {_JSON_WORD[w]: n for w, n in diff.totals().items()},
            "je_bereich": {kind: {_JSON_WORD[w]: n for w, n in per.items()}
                           for kind, per in diff.counts().items()},
        },
        "konzept": [_field_dict(c) for c in diff.meta],
        "aenderungen": [{
            "bereich": item.kind,
            "art": SINGULAR[item.kind],
            "id": item.id,
            "titel": item.title,
            "aenderung": _JSON_WORD[item.change],
            "datei": item.file,
            "felder": [_field_dict(c) for c in item.fields],
            "inhalt": [{"feld": label, "wert": text} for label, text in item.content],
        } for item in diff.items],
        "hinweise": list(diff.notes),
    }


def format_json(diff: Diff) -> str:
    return json_visible(json.dumps(diff_dict(diff), ensure_ascii=False, indent=2))


def format_diff(diff: Diff, fmt: str) -> str:
    """``fmt`` is one of :data:`FORMATS`."""
    if fmt == "json":
        return format_json(diff)
    if fmt == "markdown":
        return format_markdown(diff)
    return format_text(diff)
