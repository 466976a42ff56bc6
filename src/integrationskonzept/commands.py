"""The typer commands of `ik`: each parses options, calls one library function, exits.

Heavy libraries are imported inside the commands, so start-up stays fast; the entry
point with the exit-code policy and the fast top-level help is in :mod:`.cli`.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli import EXIT_OK, EXIT_PROBLEMS

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
    help="Ordner des Konzepts (mit konzept.yaml).", show_default=True)]


class TextOrJson(str, Enum):
    text = "text"
    json = "json"


def _prefix(path: Path) -> str:
    rel = os.path.relpath(path)
    return "" if rel == "." else rel.rstrip("/") + "/"


@app.command()
def validate(
    path: PathArg = Path("."),
    strict: Annotated[bool, typer.Option(
        "--strict", help="Auch bei Warnungen mit Code 1 enden.")] = False,
    fmt: Annotated[TextOrJson, typer.Option(
        "--format", "-f", help="Ausgabeformat.")] = TextOrJson.text,
) -> None:
    """Prüft die Quellen eines Konzepts wie ein Compiler und meldet alle Probleme.

    Jede Meldung nennt Datei:Zeile:Spalte, einen Code, den Schweregrad und einen Hinweis.
    Ende mit 0 ohne Probleme, 1 bei Fehlern (mit --strict auch bei Warnungen).
    """
    from .output import format_json, print_text
    from .validate import validate as run

    report = run(path)
    files = len(report.konzept.files)
    if fmt is TextOrJson.json:
        typer.echo(format_json(report.problems, files))
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
    path: Annotated[Path, typer.Argument(help="Neuer Ordner für das Konzept.")],
    kommune: Annotated[str, typer.Option(help="Name der Kommune.")] = "Musterstadt",
    typ: Annotated[KommunenTyp, typer.Option(help="Art der Kommune.")] = KommunenTyp.Stadt,
    katalog: Annotated[Katalog, typer.Option(
        help="Start-Handlungsfelder: nap (Nationaler Aktionsplan Integration), lehrte "
             "(neun Felder der Stadt Lehrte), kern (die fast überall üblichen), leer.")
    ] = Katalog.kern,
) -> None:
    """Legt ein neues Konzept an, das sofort geprüft und gebaut werden kann."""
    from .problems import UserError
    from .scaffold import scaffold

    try:
        written = scaffold(path, kommune=kommune, typ=typ.value, katalog=katalog.value)
    except UserError as exc:
        typer.echo(f"Fehler: {exc}", err=True)
        raise typer.Exit(EXIT_PROBLEMS) from None
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
    out: Annotated[Optional[Path], typer.Option(  # noqa: UP007 - typer needs Optional
        "--out", "-o", help="In diese Datei schreiben statt auf die Ausgabe.")] = None,
) -> None:
    """Gibt das JSON-Schema des Quellformats aus (für Editoren mit YAML-Unterstützung)."""
    from .jsonschema import schema_text

    text = schema_text(datei.value)
    if out is None:
        typer.echo(text)
    else:
        out.write_text(text + "\n", encoding="utf-8")
        typer.echo(f"Schema geschrieben: {out}")


@app.command()
def pruefungen() -> None:
    """Listet alle Prüfungen mit Code, Name, Standard-Schweregrad und Beschreibung."""
    from .checks import all_checks

    for chk in all_checks():
        first, _, rest = chk.doc.partition("\n")
        typer.echo(f"{chk.code}  {chk.name}  ({chk.severity.label})")
        typer.echo(f"    {first}")
        for line in rest.strip().splitlines():
            typer.echo(f"    {line}")
        typer.echo("")
