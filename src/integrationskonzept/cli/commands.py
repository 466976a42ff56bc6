"""The typer commands of `ik`: each parses options, calls one library function, exits.

Heavy libraries are imported inside the commands, so start-up stays fast; the entry
point with the exit-code policy and the fast top-level help is in :mod:`.cli`.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import EXIT_OK, EXIT_PROBLEMS

app = typer.Typer(
    name="ik",
    help="Integrationskonzepte als Code: Quellen prüfen, Lücken finden, Dokumente bauen.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)

PathArg = Annotated[Path, typer.Argument(
    help="Ordner des Konzepts (mit konzept.yaml).", show_default=True, metavar="ORDNER")]


class ValidateFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


def _prefix(path: Path) -> str:
    rel = os.path.relpath(path)
    return "" if rel == "." else rel.rstrip("/") + "/"


@app.command()
def validate(
    path: PathArg = Path("."),
    strict: Annotated[bool, typer.Option(
        "--strict", help="Auch bei Warnungen mit Code 1 enden.")] = False,
    fmt: Annotated[ValidateFormat, typer.Option(
        "--format", "-f", help="Ausgabeformat: text für Menschen, json für Skripte, github für "
        "Annotationen in GitHub Actions, sarif für Code-Scanning.")] = ValidateFormat.text,
) -> None:
    """Prüft die Quellen eines Konzepts wie ein Compiler und meldet alle Probleme.

    Jede Meldung nennt Datei:Zeile:Spalte, einen Code, den Schweregrad und einen Hinweis.
    Ende mit 0 ohne Probleme, 1 bei Fehlern (mit --strict auch bei Warnungen).
    """
    from ..checks.runner import validate as run
    from ..problems.output import format_json, print_text

    report = run(path)
    files = len(report.konzept.files)
    if fmt is ValidateFormat.json:
        typer.echo(format_json(report.problems, files))
    elif fmt is ValidateFormat.github:
        from ..problems.ci import format_github

        text = format_github(report.problems, _prefix(path))
        if text:
            typer.echo(text)
    elif fmt is ValidateFormat.sarif:
        from .. import __version__
        from ..problems.ci import format_sarif

        typer.echo(format_sarif(report.problems, _prefix(path), __version__))
    else:
        print_text(report.problems, files, _prefix(path))
    raise typer.Exit(EXIT_PROBLEMS if report.failed(strict) else EXIT_OK)


class Katalog(str, Enum):
    nap = "nap"
    lehrte = "lehrte"
    kern = "kern"
    leer = "leer"


class KommunenTyp(str, Enum):
    Stadt = "Stadt"
    Gemeinde = "Gemeinde"
    Landkreis = "Landkreis"


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="Neuer Ordner für das Konzept.",
                                         metavar="ORDNER")],
    kommune: Annotated[str, typer.Option(help="Name der Kommune.")] = "Musterstadt",
    typ: Annotated[KommunenTyp, typer.Option(help="Art der Kommune.")] = KommunenTyp.Stadt,
    katalog: Annotated[Katalog, typer.Option(
        help="Start-Handlungsfelder: nap (Nationaler Aktionsplan Integration), lehrte "
             "(neun Felder der Stadt Lehrte), kern (die fast überall üblichen), leer.")
    ] = Katalog.kern,
) -> None:
    """Legt ein neues Konzept an, das sofort geprüft und gebaut werden kann."""
    from ..model.scaffold import scaffold

    written = scaffold(path, kommune=kommune, typ=typ.value, katalog=katalog.value)
    typer.echo(f"Konzept angelegt in {path} ({len(written)} Dateien).")
    typer.echo(f"Weiter: ik validate {path}")


class SchemaFile(str, Enum):
    konzept = "konzept"
    inhalt = "inhalt"


@app.command()
def schema(
    datei: Annotated[SchemaFile, typer.Option(
        help="konzept: für konzept.yaml; inhalt: für alle anderen YAML-Dateien.")
    ] = SchemaFile.inhalt,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="In diese Datei schreiben statt auf die Ausgabe.")] = None,
) -> None:
    """Gibt das JSON-Schema des Quellformats aus (für Editoren mit YAML-Unterstützung)."""
    from ..model.jsonschema import schema_text

    text = schema_text(datei.value)
    if out is None:
        typer.echo(text)
    else:
        out.write_text(text + "\n", encoding="utf-8")
        typer.echo(f"Schema geschrieben: {out}")


FORMATS = ("docx", "pdf", "html", "odt", "md")


def _formats(text: str) -> list[str]:
    chosen = [f.strip().lower() for f in text.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise typer.BadParameter(
            f"unbekanntes Format „{', '.join(unknown) or text}“; möglich: {', '.join(FORMATS)}")
    return list(dict.fromkeys(chosen))


@app.command()
def build(
    path: PathArg = Path("."),
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help="Formate, mit Komma getrennt: docx, pdf, html, odt, md.")
    ] = "docx,pdf,html",
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Zielordner; Standard: build/ im Konzeptordner.")] = None,
    entwurf: Annotated[bool, typer.Option(
        "--entwurf", help="Jede Seite als „Entwurf“ kennzeichnen (geschieht auch von selbst, "
        "wenn die Quellen nicht eingecheckte Änderungen haben).")] = False,
    aenderungen: Annotated[bool, typer.Option(
        "--aenderungen", help="Kapitel „Änderungen seit dem Beschluss vom …“ aufnehmen.")
    ] = False,
    synopse: Annotated[bool, typer.Option(
        "--synopse", help="Nur die Synopse bauen (beschlossene und neue Fassung "
        "nebeneinander), als synopse.docx usw.")] = False,
    seit: Annotated[str | None, typer.Option(
        "--seit", help="Vergleichsfassung für --aenderungen/--synopse: Git-Tag, Commit oder "
        "Ordner. Standard: die Git-Version (git:) des letzten Beschlusses.")] = None,
) -> None:
    """Baut das vollständige Integrationskonzept als DOCX, barrierefreies PDF und HTML.

    Prüft zuerst die Quellen (wie ik validate) und baut nur, wenn es keine Fehler gibt.
    Gleiche Quellen ergeben byte-gleiche Dateien; geschrieben wird erst, wenn eine Datei
    vollständig ist.
    """
    import sys

    from ..problems.output import print_text
    from ..render.build import build as run

    formats = _formats(fmt)

    def progress(message: str) -> None:
        sys.stderr.write(f"{message}\n")
        sys.stderr.flush()

    result = run(path, formats=formats, out=out, draft=entwurf, progress=progress,
                 aenderungen=aenderungen, synopse=synopse, seit=seit)
    if result.problems and not result.ok:
        print_text(result.problems, result.quellen, _prefix(path))
    for warning in result.warnings:
        typer.echo(f"Warnung: {warning}", err=True)
    if not result.ok:
        if result.error:
            typer.echo(f"Fehler: {result.error}", err=True)
            if result.detail:
                typer.echo(result.detail, err=True)
        else:
            typer.echo("Nicht gebaut: Beheben Sie zuerst die Fehler oben.", err=True)
        raise typer.Exit(EXIT_PROBLEMS)
    for file in result.files:
        typer.echo(f"Geschrieben: {os.path.relpath(file)}")


class GapFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    json = "json"
    csv = "csv"


@app.command()
def gaps(
    path: PathArg = Path("."),
    fmt: Annotated[GapFormat, typer.Option(
        "--format", "-f", help="Ausgabeformat: table (Terminal), markdown, json (für Skripte), "
        "csv (für Excel: Semikolon, UTF-8 mit BOM).")] = GapFormat.table,
    handlungsfeld: Annotated[str | None, typer.Option(
        "--handlungsfeld", help="Nur dieses Handlungsfeld (ID oder Name).")] = None,
    sozialraum: Annotated[str | None, typer.Option(
        "--sozialraum", help="Nur dieser Sozialraum und seine Teile (ID oder Name).")] = None,
    zielgruppe: Annotated[str | None, typer.Option(
        "--zielgruppe", help="Nur diese Zielgruppe und die Gruppen, die sie umfasst (ID oder "
        "Name).")] = None,
    fehler_bei_luecken: Annotated[bool, typer.Option(
        "--fehler-bei-luecken", help="Mit Code 1 enden, wenn offene Lücken bleiben (für CI).")
    ] = False,
) -> None:
    """Zeigt, welche Bedarfe kein Angebot deckt, und warum.

    Zuerst die Zusammenfassung und die Abdeckung je Handlungsfeld und Sozialraum bzw.
    Zielgruppe, dann die offenen und teilweise gedeckten Bedarfe mit Gründen, den
    nächstliegenden Angeboten und den Maßnahmen, die sie schließen sollen; dazu mögliche
    Doppelstrukturen und Angebote, nach denen kein Bedarf fragt.
    """
    from ..gaps.command import gaps_command

    text, code = gaps_command(path, fmt.value, handlungsfeld, sozialraum, zielgruppe,
                              fehler_bei_luecken)
    if text is not None:
        typer.echo(text, nl=not text.endswith("\n"))
    raise typer.Exit(code)


class DiffFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command()
def diff(
    path: PathArg = Path("."),
    von: Annotated[str | None, typer.Option(
        "--from", help="Ältere Fassung: Git-Tag, Commit, Branch oder Ordner. Standard: die "
        "Git-Version (git:) des letzten Beschlusses in konzept.yaml.")] = None,
    bis: Annotated[str | None, typer.Option(
        "--to", help="Neuere Fassung: Git-Tag, Commit, Branch oder Ordner. Standard: der "
        "Arbeitsstand im Ordner.")] = None,
    fmt: Annotated[DiffFormat, typer.Option(
        "--format", "-f", help="Ausgabeformat.")] = DiffFormat.text,
) -> None:
    """Zeigt, was sich zwischen zwei Fassungen des Konzepts geändert hat.

    Verglichen werden Maßnahmen, Ziele, Angebote, Bedarfe, Akteure und Handlungsfelder
    Feld für Feld; ohne --from seit der Fassung des letzten Beschlusses.
    """
    from ..diff import diff_command

    text, code = diff_command(path, von, bis, fmt.value)
    typer.echo(text, err=code != 0)
    raise typer.Exit(code)


@app.command()
def design(
    path: PathArg = Path("."),
    ueberschreiben: Annotated[bool, typer.Option(
        "--ueberschreiben", help="Vorhandene Dateien in design/ ersetzen.")] = False,
) -> None:
    """Schreibt die Standard-Gestaltung (reference.docx, Typst-Thema, CSS) zum Anpassen.

    Die Dateien landen in design/ im Konzeptordner und gehen dort den Vorgaben vor.
    """
    from ..render.defaults import write_defaults

    written = write_defaults(path / "design", overwrite=ueberschreiben)
    for file in written:
        typer.echo(f"Geschrieben: {os.path.relpath(file)}")


@app.command()
def pruefungen() -> None:
    """Listet alle Prüfungen mit Code, Name, Standard-Schweregrad und Beschreibung."""
    from ..checks import all_checks

    for chk in all_checks():
        first, _, rest = chk.doc.partition("\n")
        typer.echo(f"{chk.code}  {chk.name}  ({chk.severity.label})")
        typer.echo(f"    {first}")
        for line in rest.strip().splitlines():
            typer.echo(f"    {line}")
        typer.echo("")


# Sub-commands with their own module (registered on import).
from . import tabelle as _tabelle  # noqa: E402,F401
