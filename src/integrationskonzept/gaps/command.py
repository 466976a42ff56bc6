"""`ik gaps` as one function: load, analyse, filter, format, decide the exit code.

The typer command in cli.py only parses options and calls :func:`gaps_command`.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..model.concept import Konzept
from ..model.loader import load_concept
from ..problems import Severity
from ..source.schemaerrors import suggest
from .cache import report_for
from .filter import filter_report
from .formats import FORMATS, render

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _prefix(path: Path) -> str:
    rel = os.path.relpath(path)
    return "" if rel == "." else rel.rstrip("/") + "/"


def _stderr(message: str) -> None:
    from rich.console import Console
    from rich.markup import escape

    Console(stderr=True, highlight=False, soft_wrap=True).print(escape(message))


def resolve(table: dict[str, object], value: str | None) -> str | None:
    """A filter value as an id: the id itself, or the id of the entry with that name."""
    if value is None or value in table:
        return value
    for ident, entry in table.items():
        if str(getattr(entry, "name", "")).casefold() == value.casefold():
            return ident
    return value


def check_filters(konzept: Konzept, handlungsfeld: str | None, sozialraum: str | None,
                  zielgruppe: str | None) -> list[str]:
    """Messages for filter values that name no id of the concept (with a suggestion)."""
    out = []
    for label, value, table in (
            (" Handlungsfeld", handlungsfeld, konzept.handlungsfelder),
            (" Sozialraum", sozialraum, konzept.sozialraeume),
            ("e Zielgruppe", zielgruppe, konzept.zielgruppen)):
        if value is None or value in table:
            continue
        by_name = {entry.name: ident for ident, entry in table.items()}
        best = suggest(value, [*table, *by_name])
        best = by_name.get(best, best) if best else None
        hint = f" Meinten Sie „{best}“?" if best else (
            f" Bekannt sind: {', '.join(table)}." if table else "")
        out.append(f"„{value}“ ist kein{label} dieses Konzepts.{hint}")
    return out


def gaps_command(path: Path, fmt: str = "table", handlungsfeld: str | None = None,
                 sozialraum: str | None = None, zielgruppe: str | None = None,
                 fail_on_open: bool = False) -> tuple[str | None, int]:
    """Run `ik gaps`: returns (text to print or None if already printed, exit code).

    ``table`` is printed here with rich (returns ``None``); markdown, json and csv are
    returned as text. Exit code 1 when the sources have errors (printed like
    `ik validate`) or, with ``fail_on_open``, when open gaps remain; 2 for an unknown
    format or filter value (message on stderr).
    """
    if fmt not in FORMATS:
        _stderr(f"Unbekanntes Format „{fmt}“. Erlaubt: {', '.join(FORMATS)}.")
        return None, EXIT_USAGE
    loaded = load_concept(path)
    errors = [p for p in loaded.problems if p.severity >= Severity.ERROR]
    files = len(loaded.konzept.files)
    if errors:
        from ..problems.output import format_json, print_text

        if fmt == "json":
            return format_json(errors, files), EXIT_PROBLEMS
        print_text(errors, files, _prefix(path))
        _stderr("Die Lückenanalyse braucht fehlerfreie Quellen: beheben Sie zuerst die "
                "Fehler (`ik validate`).")
        return None, EXIT_PROBLEMS
    konzept = loaded.konzept
    handlungsfeld = resolve(konzept.handlungsfelder, handlungsfeld)  # type: ignore[arg-type]
    sozialraum = resolve(konzept.sozialraeume, sozialraum)  # type: ignore[arg-type]
    zielgruppe = resolve(konzept.zielgruppen, zielgruppe)  # type: ignore[arg-type]
    bad = check_filters(konzept, handlungsfeld, sozialraum, zielgruppe)
    if bad:
        for message in bad:
            _stderr(message)
        return None, EXIT_USAGE
    report = filter_report(report_for(konzept), handlungsfeld, sozialraum, zielgruppe)
    code = EXIT_PROBLEMS if fail_on_open and report.offene else EXIT_OK
    if fmt == "table":
        from .table import print_table

        print_table(report)
        if fail_on_open and report.offene:
            _stderr(f"{len(report.offene)} offene Lücke(n) ohne Maßnahme.")
        return None, code
    return render(report, fmt), code
