"""`ik tabelle export|import` and `ik befragung import`: thin commands over ``tables``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import EXIT_OK, EXIT_PROBLEMS, UsageError
from ..problems import Severity
from .app import FolderArg, app, folder
from .choices import Choices
from .output import echo

if TYPE_CHECKING:
    from ..problems import Problem
    from ..tables.run import Prepared

tabelle_app = typer.Typer(
    help="Tabellen für Mitwirkende: Export nach Excel oder CSV und Import zurück in die Quellen.",
    no_args_is_help=True, rich_markup_mode=None)
befragung_app = typer.Typer(
    help="Übernimmt Ergebnisse einer LimeSurvey-Befragung in die Beteiligung.",
    no_args_is_help=True, rich_markup_mode=None)
app.add_typer(tabelle_app, name="tabelle")
app.add_typer(befragung_app, name="befragung")

TABLE_FORMAT = Choices("tables.export", "TABLE_FORMATS")
KINDS = Choices("tables.columns", "SHEET_KEYS")


def _echo_problems(problems: list[Problem]) -> None:
    """Every problem as ``where: Fehler IKnnn message`` (table cells or file:line:column)."""
    from ..problems.output import text_lines

    for loc, head, body in text_lines(problems):
        echo(f"{loc}: {head} {body}", err=True)


@tabelle_app.command("export")
def export(
    path: FolderArg = ".",
    out: Annotated[str | None, typer.Option(
        "--out", "-o", metavar="DATEI", help="Ziel: eine .xlsx-Datei; bei --format csv ein "
        "Ordner. Standard: tabelle.xlsx bzw. tabellen/ im aktuellen Ordner.")] = None,
    art: Annotated[str | None, typer.Option(
        "--art", metavar="ARTEN", help="Nur diese Arten, durch Komma getrennt."), KINDS] = None,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help="xlsx: eine Arbeitsmappe mit Auswahllisten; csv: eine Datei "
        "je Art (UTF-8, Semikolon)."), TABLE_FORMAT] = "xlsx",
) -> int:
    """Schreibt Maßnahmen, Angebote, Bedarfe, Akteure, Ziele und Indikatoren als Tabelle.

    Ein Blatt je Art mit deutschen Spaltenköpfen, die id in der ersten Spalte, Listen in
    einer Zelle durch „; “ getrennt, Auswahllisten für Handlungsfeld, Zielgruppe, Status …
    Die Arbeitsmappe wird bei jedem Export neu geschrieben.
    """
    fmt = TABLE_FORMAT.check(fmt, "--format")
    root = folder(path)
    from ..model.loader import load_concept
    from ..problems import Severity
    from ..tables.export import export_csv, export_xlsx, revision_text, select_sheets

    sheets = select_sheets(KINDS.check_list(art, "--art") if art is not None else None)
    loaded = load_concept(root)
    errors = [p for p in loaded.problems if p.severity == Severity.ERROR]
    if loaded.konzept.meta is None:
        _echo_problems(errors)
        return EXIT_PROBLEMS
    if fmt == "csv":
        result = export_csv(loaded.konzept, Path(out or "tabellen"), sheets)
    else:
        result = export_xlsx(loaded.konzept, Path(out or "tabelle.xlsx"), sheets,
                             revision_text(root))
    for file in result.files:
        echo(f"Geschrieben: {os.path.relpath(file)}")
    echo(", ".join(f"{name}: {n}" for name, n in result.rows.items()))
    if errors:
        echo(f"Achtung: {len(errors)} Einträge mit Fehlern fehlen in der Tabelle "
             "(`ik validate` zeigt sie).", err=True)
    return EXIT_OK


@tabelle_app.command("import")
def import_(
    datei: Annotated[str, typer.Argument(
        metavar="DATEI", help="Tabelle aus `ik tabelle export` (.xlsx oder .csv).")],
    path: FolderArg = ".",
    probe: Annotated[bool, typer.Option(
        "--probe", help="Nur zeigen, was sich ändern würde (wie `ik diff`); nichts "
        "schreiben.")] = False,
    loeschen: Annotated[bool, typer.Option(
        "--loeschen", help="Einträge, deren Zeile in der Tabelle fehlt, aus den Quellen "
        "löschen (sonst nur melden).")] = False,
    ziel: Annotated[str | None, typer.Option(
        "--datei", metavar="YAML-DATEI", help="Neue Einträge in diese Datei (relativ zum "
        "Konzeptordner) statt in die Datei ihres Handlungsfelds.")] = None,
) -> int:
    """Übernimmt eine bearbeitete Tabelle in die YAML-Quellen (nach id).

    Geändert werden nur die Einträge, die in der Tabelle anders sind; Kommentare,
    Reihenfolge und Layout der Dateien bleiben erhalten. Bei einem Fehler wird nichts
    geschrieben.
    """
    root = folder(path)
    from ..tables.run import prepare_import

    prepared = prepare_import(root, Path(datei), probe=probe, loeschen=loeschen, datei=ziel)
    plan = prepared.plan
    if plan.failed:
        _echo_problems(prepared.problems)
        n = sum(1 for p in prepared.problems if p.severity == Severity.ERROR)
        echo(f"Nichts geschrieben: {n} Fehler in der Tabelle.")
        return EXIT_PROBLEMS
    if not plan.texts:
        _echo_problems(prepared.problems)
        echo("Keine Änderungen: die Quellen stimmen mit der Tabelle überein.")
        return EXIT_OK
    return _applied(root, prepared, probe)


def _applied(root: Path, prepared: Prepared, probe: bool) -> int:
    """Write the import (or, with --probe, a copy of the folder), validate, show the diff."""
    import tempfile

    from ..checks.runner import validate
    from ..diff import compare, format_text
    from ..tables.importer import write_texts
    from ..tables.run import overlay

    texts = prepared.plan.texts
    if probe:
        with tempfile.TemporaryDirectory(prefix="ik-probe-") as tmp:
            report = validate(overlay(root, texts, Path(tmp) / "konzept"))
    else:
        write_texts(root, texts)
        report = validate(root)
    _echo_problems(prepared.problems + report.problems)
    echo(format_text(compare(prepared.konzept, report.konzept, "Quellen", "Tabelle")))
    echo(("Würde ändern: " if probe else "Geändert: ") + ", ".join(sorted(texts)))
    return _after_validation(report.problems)


def _after_validation(problems: list[Problem]) -> int:
    errors = sum(1 for p in problems if p.severity == Severity.ERROR)
    if errors:
        echo(f"Nach dem Import meldet `ik validate` {errors} Fehler (siehe oben).")
        return EXIT_PROBLEMS
    return EXIT_OK


@befragung_app.command("import")
def befragung_import(
    antworten: Annotated[str, typer.Argument(
        metavar="ANTWORTEN.csv", help="Antworten-Export aus LimeSurvey (Fragecodes als "
        "Überschriften, Antwortcodes als Werte).")],
    struktur: Annotated[str, typer.Argument(
        metavar="STRUKTUR.lss", help="Umfragestruktur aus LimeSurvey (.lss).")],
    path: FolderArg = ".",
    ident: Annotated[str, typer.Option(
        "--id", metavar="ID", help="ID der Befragung in der Beteiligung, z. B. "
        "f-eltern.")] = "",
    ziel: Annotated[str | None, typer.Option(
        "--datei", metavar="YAML-DATEI", help="Datei für eine neue Befragung (Standard: die "
        "Datei mit den übrigen Befragungen).")] = None,
) -> int:
    """Zählt die Antworten einer LimeSurvey-Befragung und trägt sie in die Beteiligung ein.

    Einfach- und Mehrfachauswahl, Matrixfragen, Ja/Nein und Zahlen werden je Antwort
    gezählt; Freitexte nur gezählt, nie übernommen. Unvollständige Antworten zählen extra.
    """
    if not ident:
        raise UsageError("--id fehlt: unter welcher ID soll die Befragung stehen "
                         "(z. B. --id f-eltern)?")
    root = folder(path)
    from ..tables.surveyrun import run_survey_import

    text, problems, written = run_survey_import(root, Path(antworten), Path(struktur), ident,
                                                ziel)
    if not written:
        _echo_problems(problems)
        echo(text)
        return EXIT_PROBLEMS
    from ..checks.runner import validate

    report = validate(root)
    _echo_problems(report.problems)
    echo(text)
    return _after_validation(report.problems)
