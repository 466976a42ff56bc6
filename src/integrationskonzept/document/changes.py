"""Markdown for `ik build`: the chapter "Änderungen seit dem Beschluss" and the Synopse.

Both take a :class:`Diff` (see :func:`~integrationskonzept.diff.compare_versions`) and
return pandoc Markdown with every user text escaped, ready to be placed into the
document (the chapter) or rendered on its own (the Synopse: old and new side by side).
"""

from __future__ import annotations

import dataclasses

from ..diff.changes import Diff, ItemChange
from ..diff.labels import (
    CHANGE_WORDS,
    ENTFALLEN,
    GEAENDERT,
    KINDS,
    NEU,
    PLURAL,
    VERSCHOBEN,
    field_label,
)
from ..diff.report import summary_text
from .markdown import cell, escape

# Relative column widths of the Synopse table (pandoc reads them from the dashes).
_SYNOPSE_RULE = "|:" + "-" * 10 + "|:" + "-" * 22 + "|:" + "-" * 22 + "|"


def council_view(diff: Diff) -> Diff:
    """The diff without file moves: which file holds an entry does not matter in print."""
    items = []
    for item in diff.items:
        fields = tuple(c for c in item.fields if c.field != "datei")
        if item.change not in (GEAENDERT, VERSCHOBEN):
            items.append(item)
        elif fields:
            moved = any(c.field == "handlungsfeld" for c in fields)
            items.append(dataclasses.replace(
                item, fields=fields, change=VERSCHOBEN if moved else GEAENDERT))
    return dataclasses.replace(diff, items=tuple(items))


def chapter_title(diff: Diff) -> str:
    """``Änderungen seit dem Beschluss vom 12. März 2024`` or ``Änderungen gegenüber v1.0``."""
    if diff.beschluss:
        return f"Änderungen seit dem Beschluss vom {diff.beschluss.split(' (')[0]}"
    return f"Änderungen gegenüber {diff.old_label or 'der vorigen Fassung'}"


def _intro(diff: Diff) -> str:
    if diff.beschluss:
        return (f"Dieses Kapitel stellt zusammen, was sich seit dem Beschluss vom "
                f"{diff.beschluss} geändert hat. Verglichen wird die beschlossene Fassung "
                f"{diff.old_label} mit dieser Fassung.")
    return (f"Dieses Kapitel stellt zusammen, was sich gegenüber der Fassung {diff.old_label} "
            "geändert hat.")


def _columns(diff: Diff) -> tuple[str, str]:
    if diff.beschluss:
        return "Beschlossene Fassung", "Neue Fassung"
    return diff.old_label or "Alte Fassung", diff.new_label or "Neue Fassung"


def _summary_table(diff: Diff, anchor: str) -> list[str]:
    words = list(CHANGE_WORDS)
    lines = ["| Bereich | " + " | ".join(CHANGE_WORDS[w].capitalize() for w in words) + " |",
             "|:--|" + "--:|" * len(words)]
    for kind, per in diff.counts().items():
        lines.append(f"| {PLURAL[kind]} | " + " | ".join(str(per[w]) for w in words) + " |")
    total = diff.totals()
    lines.append("| **Zusammen** | " + " | ".join(f"**{total[w]}**" for w in words) + " |")
    lines += ["", f": Änderungen nach Bereich {{#{anchor}-zahlen}}"]
    return lines


def _item_line(item: ItemChange) -> list[str]:
    word = CHANGE_WORDS[item.change].capitalize()
    out = [f"- **{word}:** {escape(item.title)}"]
    out += [f"    - {escape(c.text)}" for c in item.fields]
    return out


def changes_chapter(diff: Diff, level: int = 1, anchor: str = "aenderungen") -> str:
    """The chapter "Änderungen seit dem Beschluss vom …" as Markdown."""
    diff = council_view(diff)
    h = "#" * level
    lines = [f"{h} {escape(chapter_title(diff))} {{#{anchor}}}", "", escape(_intro(diff)), ""]
    if diff.empty:
        lines += ["Es gibt keine inhaltlichen Änderungen.", ""]
        return "\n".join(lines)
    lines += [f"Zusammengefasst: {escape(summary_text(diff.totals()))}.", ""]
    if diff.items:
        lines += _summary_table(diff, anchor) + [""]
    if diff.meta:
        lines += [f"{h}# Das Konzept insgesamt {{#{anchor}-konzept}}", ""]
        lines += [f"- {escape(c.text)}" for c in diff.meta] + [""]
    for kind, _s, plural in KINDS:
        items = diff.of_kind(kind)
        if items:
            lines += [f"{h}# {plural} {{#{anchor}-{kind}}}", ""]
            for item in items:
                lines += _item_line(item)
            lines.append("")
    return "\n".join(lines)


def _rows(item: ItemChange) -> list[tuple[str, str, str]]:
    if item.change == NEU:
        return [(label, "", text) for label, text in item.content]
    if item.change == ENTFALLEN:
        return [(label, text, "") for label, text in item.content]
    rows: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for change in item.fields:
        if change.field in seen:
            continue  # a nested field (Kontakt) changed in several parts: one row
        seen.add(change.field)
        rows.append((field_label(change.field), change.old_text, change.new_text))
    return rows


def synopse(diff: Diff, level: int = 1, anchor: str = "synopse") -> str:
    """Old and new side by side, one table per changed entry, as Markdown."""
    diff = council_view(diff)
    h = "#" * level
    old, new = _columns(diff)
    if diff.beschluss:
        title = f"Synopse: Beschluss vom {diff.beschluss.split(' (')[0]} und neue Fassung"
        intro = (f"Links steht die am {diff.beschluss} beschlossene Fassung "
                 f"{diff.old_label}, rechts die neue Fassung ({diff.new_label}).")
    else:
        title = f"Synopse: {old} und {new}"
        intro = f"Links steht die Fassung {old}, rechts die Fassung {new}."
    intro += (" Aufgeführt sind nur Einträge, die neu sind, entfallen oder sich geändert "
              "haben.")
    lines = [f"{h} {escape(title)} {{#{anchor}}}", "", escape(intro), ""]
    if diff.empty:
        return "\n".join(lines + ["Es gibt keine inhaltlichen Änderungen.", ""])
    head = f"| | {cell(old)} | {cell(new)} |"
    if diff.meta:
        lines += [f"{h}# Das Konzept insgesamt {{#{anchor}-konzept}}", "", head, _SYNOPSE_RULE]
        lines += [f"| {cell(field_label(c.field))} | {cell(c.old_text)} | {cell(c.new_text)} |"
                  for c in diff.meta] + [""]
    for kind, _s, plural in KINDS:
        items = diff.of_kind(kind)
        if not items:
            continue
        lines += [f"{h}# {plural} {{#{anchor}-{kind}}}", ""]
        for item in items:
            lines += [f"**{escape(item.title)}** ({escape(CHANGE_WORDS[item.change])})", "",
                      head, _SYNOPSE_RULE]
            lines += [f"| {cell(label)} | {cell(a)} | {cell(b)} |"
                      for label, a, b in _rows(item)]
            lines.append("")
    return "\n".join(lines)
