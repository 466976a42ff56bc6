"""Problems as output: text for people (rich markup), JSON for scripts; one place.

Messages carry values from the sources; every string here is made terminal-safe
(:func:`~integrationskonzept.text.terminal.visible`) and rich markup in it is escaped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from ..text.terminal import json_visible, visible
from . import Problem, Severity

# `ik validate --format`: text and json here, github and sarif in .ci
FORMATS = ("text", "json", "github", "sarif")


def problem_dict(p: Problem) -> dict[str, object]:
    """The stable JSON form of a problem (keys in German, like the sources)."""
    return {
        "datei": p.location.file,
        "zeile": p.location.line,
        "spalte": p.location.column,
        "code": p.code,
        "regel": p.rule,
        "schweregrad": p.severity.label,
        "meldung": p.message,
        "hinweis": p.hint,
        "siehe": [str(r) for r in p.related],
    }


def format_json(problems: Iterable[Problem], files: int) -> str:
    items = [problem_dict(p) for p in problems]
    summary = {
        "dateien": files,
        "fehler": sum(1 for p in items if p["schweregrad"] == "Fehler"),
        "warnungen": sum(1 for p in items if p["schweregrad"] == "Warnung"),
        "hinweise": sum(1 for p in items if p["schweregrad"] == "Hinweis"),
    }
    return json_visible(json.dumps({"zusammenfassung": summary, "probleme": items},
                                   ensure_ascii=False, indent=2))


_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def text_lines(problems: Iterable[Problem], prefix: str = "") -> list[tuple[str, str, str]]:
    """(location, severity/code part, message+hint) per problem, for plain or rich output."""
    out = []
    for p in problems:
        loc = f"{prefix}{p.location}" if p.location.file else (prefix.rstrip("/") or ".")
        head = f"{p.severity.label} {p.code}"
        body = p.message + (f"\n    Hinweis: {p.hint}" if p.hint else "")
        out.append((loc, head, body))
    return out


def summary_line(problems: list[Problem], files: int) -> str:
    err = sum(1 for p in problems if p.severity == Severity.ERROR)
    warn = sum(1 for p in problems if p.severity == Severity.WARNING)
    info = sum(1 for p in problems if p.severity == Severity.INFO)
    if not problems:
        return f"Keine Probleme in {files} {'Datei' if files == 1 else 'Dateien'}."
    parts = [f"{err} {'Fehler' if err == 1 else 'Fehler'}",
             f"{warn} {'Warnung' if warn == 1 else 'Warnungen'}"]
    if info:
        parts.append(f"{info} {'Hinweis' if info == 1 else 'Hinweise'}")
    return f"{', '.join(parts)} in {files} {'Datei' if files == 1 else 'Dateien'}."


def text_view(problems: list[Problem], files: int, prefix: str = "") -> list[str]:
    """The problem list for the terminal as rich markup lines, values escaped."""
    from rich.markup import escape

    out = []
    for (loc, head, body), p in zip(text_lines(problems, prefix), problems, strict=True):
        style = _STYLE[p.severity]
        out.append(f"[bold]{escape(visible(loc))}[/bold]: [{style}]{escape(head)}[/{style}] "
                   f"{escape(visible(body))}")
    out.append(summary_line(problems, files))
    return out
