"""`ik tabelle export|import` and `ik befragung import`: thin commands over ``tables``."""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import EXIT_OK, EXIT_PROBLEMS, UsageError
from ..problems import Problem
from .commands import PathArg, app

tabelle_app = typer.Typer(
    help="Tabellen für Mitwirkende: Export nach Excel oder CSV und Import zurück in die Quellen.",
    no_args_is_help=True, rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]})
befragung_app = typer.Typer(
    help="Übernimmt Ergebnisse einer LimeSurvey-Befragung in die Beteiligung.",
    no_args_is_help=True, rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]})
app.add_typer(tabelle_app, name="tabelle")
app.add_typer(befragung_app, name="befragung")


class TableFormat(str, Enum):
    xlsx = "xlsx"
    csv = "csv"


def _echo_problems(problems: list[Problem]) -> None:
    """Every problem as ``where: Fehler IKnnn message`` (table cells or file:line:column)."""
    from ..problems.output import text_lines

    for loc, head, body in text_lines(problems):
        typer.echo(f"{loc}: {head} {body}", err=True)


@tabelle_app.command("export")
def export(
    path: PathArg = Path("."),
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", metavar="DATEI", help="Ziel: eine .xlsx-Datei; bei --format csv ein "
        "Ordner. Standard: tabelle.xlsx bzw. tabellen/ im aktuellen Ordner.")] = None,
    art: Annotated[str | None, typer.Option(
        "--art", metavar="ARTEN", help="Nur diese Arten, durch Komma getrennt: massnahmen, "
        "angebote, bedarfe, akteure, ziele, indikatoren.")] = None,
    fmt: Annotated[TableFormat, typer.Option(
        "--format", "-f", help="xlsx: eine Arbeitsmappe mit Auswahllisten; csv: eine Datei "
        "je Art (UTF-8, Semikolon).")] = TableFormat.xlsx,
) -> None:
    """Schreibt Maßnahmen, Angebote, Bedarfe, Akteure, Ziele und Indikatoren als Tabelle.

    Ein Blatt je Art mit deutschen Spaltenköpfen, die id in der ersten Spalte, Listen in
    einer Zelle durch „; “ getrennt, Auswahllisten für Handlungsfeld, Zielgruppe, Status …
    Die Arbeitsmappe wird bei jedem Export neu geschrieben.
    """
    from ..model.loader import load_concept
    from ..problems import Severity
    from ..tables.export import export_csv, export_xlsx, revision_text, select_sheets

    sheets = select_sheets(art.split(",") if art else None)
    if not sheets:
        raise UsageError(f"--art „{art}“: keine bekannte Art (massnahmen, angebote, bedarfe, "
                         "akteure, ziele, indikatoren)")
    loaded = load_concept(path)
    errors = [p for p in loaded.problems if p.severity == Severity.ERROR]
    if loaded.konzept.meta is None:
        _echo_problems(errors)
        raise typer.Exit(EXIT_PROBLEMS)
    if fmt is TableFormat.csv:
        result = export_csv(loaded.konzept, out or Path("tabellen"), sheets)
    else:
        result = export_xlsx(loaded.konzept, out or Path("tabelle.xlsx"), sheets,
                             revision_text(path))
    for file in result.files:
        typer.echo(f"Geschrieben: {os.path.relpath(file)}")
    typer.echo(", ".join(f"{name}: {n}" for name, n in result.rows.items()))
    if errors:
        typer.echo(f"Achtung: {len(errors)} Einträge mit Fehlern fehlen in der Tabelle "
                   "(`ik validate` zeigt sie).", err=True)


@tabelle_app.command("import")
def import_(
    datei: Annotated[Path, typer.Argument(
        metavar="DATEI", help="Tabelle aus `ik tabelle export` (.xlsx oder .csv).")],
    path: PathArg = Path("."),
    probe: Annotated[bool, typer.Option(
        "--probe", help="Nur zeigen, was sich ändern würde (wie `ik diff`); nichts "
        "schreiben.")] = False,
    loeschen: Annotated[bool, typer.Option(
        "--loeschen", help="Einträge, deren Zeile in der Tabelle fehlt, aus den Quellen "
        "löschen (sonst nur melden).")] = False,
    ziel: Annotated[str | None, typer.Option(
        "--datei", metavar="YAML-DATEI", help="Neue Einträge in diese Datei (relativ zum "
        "Konzeptordner) statt in die Datei ihres Handlungsfelds.")] = None,
) -> None:
    """Übernimmt eine bearbeitete Tabelle in die YAML-Quellen (nach id).

    Geändert werden nur die Werte, die in der Tabelle anders sind; Kommentare, Reihenfolge
    und Layout der Dateien bleiben erhalten. Bei einem Fehler wird nichts geschrieben.
    """
    from ..tables.run import run_import

    text, problems, code = run_import(path, datei, probe=probe, loeschen=loeschen, datei=ziel)
    _echo_problems(problems)
    if text:
        typer.echo(text.rstrip("\n"))
    raise typer.Exit(code)


@befragung_app.command("import")
def befragung_import(
    antworten: Annotated[Path, typer.Argument(
        metavar="ANTWORTEN.csv", help="Antworten-Export aus LimeSurvey (Fragecodes als "
        "Überschriften, Antwortcodes als Werte).")],
    struktur: Annotated[Path, typer.Argument(
        metavar="STRUKTUR.lss", help="Umfragestruktur aus LimeSurvey (.lss).")],
    path: PathArg = Path("."),
    ident: Annotated[str, typer.Option(
        "--id", metavar="ID", help="ID der Befragung in der Beteiligung, z. B. "
        "f-eltern.")] = "",
    ziel: Annotated[str | None, typer.Option(
        "--datei", metavar="YAML-DATEI", help="Datei für eine neue Befragung (Standard: die "
        "Datei mit den übrigen Befragungen).")] = None,
) -> None:
    """Zählt die Antworten einer LimeSurvey-Befragung und trägt sie in die Beteiligung ein.

    Einfach- und Mehrfachauswahl, Matrixfragen, Ja/Nein und Zahlen werden je Antwort
    gezählt; Freitexte nur gezählt, nie übernommen. Unvollständige Antworten zählen extra.
    """
    if not ident:
        raise UsageError("--id fehlt: unter welcher ID soll die Befragung stehen "
                         "(z. B. --id f-eltern)?")
    from ..tables.surveyrun import run_survey_import

    text, problems, code = run_survey_import(path, antworten, struktur, ident, ziel)
    _echo_problems(problems)
    if text:
        typer.echo(text.rstrip("\n"))
    raise typer.Exit(code if code else EXIT_OK)
