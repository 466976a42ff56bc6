"""The typer commands of `ik`: each parses options, calls the library, prints, returns.

A command returns its exit code (0 ok, 1 problems) and never catches an error: an
expected failure is an :class:`~integrationskonzept.errors.IkError` that the one
handler in :mod:`integrationskonzept.cli` prints. Heavy libraries are imported inside
the commands, so start-up stays fast. Further commands live in their own modules
(``cli/<name>.py``), register on :data:`~.app.app` and are imported at the end of this
module, so that ``from integrationskonzept.cli.commands import app`` sees every command
(see CONTRIBUTING.md).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from ..errors import EXIT_OK
from .app import FolderArg, app, folder
from .builds import finish_build, progress, warn
from .choices import (
    BUILD_FORMAT,
    DIFF_FORMAT,
    GAPS_FORMAT,
    KATALOG,
    KOMMUNE_TYP,
    SCHEMA_DATEI,
    VALIDATE_FORMAT,
)
from .output import echo, write_file


@app.command()
def validate(
    path: FolderArg = ".",
    strict: Annotated[bool, typer.Option(
        "--strict", help="Auch bei Warnungen mit Code 1 enden.")] = False,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help="Ausgabeformat: text für Menschen, json für Skripte, github für "
        "Annotationen in GitHub Actions, sarif für Code-Scanning."), VALIDATE_FORMAT] = "text",
    mitglied: Annotated[str | None, typer.Option(
        "--mitglied", help="Landkreis: nur diese Gemeinde prüfen (ihre ID unter "
        "„gemeinden:“).")] = None,
) -> int:
    """Prüft die Quellen eines Konzepts wie ein Compiler und meldet alle Probleme.

    Jede Meldung nennt Datei:Zeile:Spalte, einen Code, den Schweregrad und einen Hinweis.
    Ende mit 0 ohne Probleme, 1 bei Fehlern (mit --strict auch bei Warnungen). Im Ordner
    eines Landkreises, der „gemeinden:“ nennt, werden der Landkreis und alle Gemeinden
    in einem Lauf geprüft.
    """
    from .validate import run_validate

    return run_validate(path, strict, fmt, mitglied)


@app.command()
def init(
    path: Annotated[str, typer.Argument(help="Neuer Ordner für das Konzept.",
                                        metavar="ORDNER")],
    kommune: Annotated[str, typer.Option(help="Name der Kommune.")] = "Musterstadt",
    typ: Annotated[str, typer.Option(help="Art der Kommune."), KOMMUNE_TYP] = "Stadt",
    katalog: Annotated[str, typer.Option(
        help="Start-Handlungsfelder: nap (Nationaler Aktionsplan Integration), lehrte "
             "(neun Felder der Stadt Lehrte), kern (die fast überall üblichen), leer."),
        KATALOG] = "kern",
) -> int:
    """Legt ein neues Konzept an, das sofort geprüft und gebaut werden kann."""
    typ = KOMMUNE_TYP.check(typ, "--typ")
    katalog = KATALOG.check(katalog, "--katalog")
    from ..model.scaffold import scaffold

    written = scaffold(Path(path), kommune=kommune, typ=typ, katalog=katalog)
    echo(f"Konzept angelegt in {path} ({len(written)} Dateien).")
    echo(f"Weiter: ik validate {path}")
    return EXIT_OK


@app.command()
def schema(
    datei: Annotated[str, typer.Option(
        help="konzept: für konzept.yaml; inhalt: für alle anderen YAML-Dateien."),
        SCHEMA_DATEI] = "inhalt",
    out: Annotated[str | None, typer.Option(
        "--out", "-o", help="In diese Datei schreiben statt auf die Ausgabe.",
        metavar="DATEI")] = None,
) -> int:
    """Gibt das JSON-Schema des Quellformats aus (für Editoren mit YAML-Unterstützung)."""
    datei = SCHEMA_DATEI.check(datei, "--datei")
    from ..model.jsonschema import schema_text

    text = schema_text(datei)
    if out is None:
        echo(text)
    else:
        write_file(Path(out), text + "\n")
        echo(f"Schema geschrieben: {out}")
    return EXIT_OK


@app.command()
def build(
    path: FolderArg = ".",
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help="Formate, mit Komma getrennt (z. B. docx,pdf)."),
        BUILD_FORMAT] = "docx,pdf,html",
    out: Annotated[str | None, typer.Option(
        "--out", "-o", help="Zielordner; Standard: build/ im Konzeptordner.",
        metavar="ORDNER")] = None,
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
    intern: Annotated[bool, typer.Option(
        "--intern", help="Interne Fassung mit den vertraulichen Angaben der "
        "Konfliktanalyse (vertraulich: true), als integrationskonzept-intern.*.")] = False,
) -> int:
    """Baut das vollständige Integrationskonzept als DOCX, barrierefreies PDF und HTML.

    Prüft zuerst die Quellen (wie ik validate) und baut nur, wenn es keine Fehler gibt.
    Gleiche Quellen ergeben byte-gleiche Dateien; geschrieben wird erst, wenn eine Datei
    vollständig ist. Im Ordner eines Landkreises, der „gemeinden:“ nennt, werden alle
    Gemeinden mitgeprüft; das Dokument erhält die Kapitel Integrationsmanagement und je
    Gemeinde eine Zusammenfassung.
    """
    formats = BUILD_FORMAT.check_list(fmt, "--format")
    root = folder(path)
    from ..render.build import build as run

    result = run(root, formats=formats, out=out, draft=entwurf, progress=progress,
                 warn=warn, aenderungen=aenderungen, synopse=synopse, seit=seit,
                 intern=intern)
    return finish_build(result, path)


@app.command()
def gaps(
    path: FolderArg = ".",
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help="Ausgabeformat: table (Terminal), markdown, json (für Skripte), "
        "csv (für Excel: Semikolon, UTF-8 mit BOM)."), GAPS_FORMAT] = "table",
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
    mitglied: Annotated[str | None, typer.Option(
        "--mitglied", help="Landkreis: nur diese Gemeinde (ihre ID unter „gemeinden:“).")
    ] = None,
) -> int:
    """Zeigt, welche Bedarfe kein Angebot deckt, und warum.

    Zuerst die Zusammenfassung und die Abdeckung je Handlungsfeld und Sozialraum bzw.
    Zielgruppe, dann die offenen und teilweise gedeckten Bedarfe mit Gründen, den
    nächstliegenden Angeboten und den Maßnahmen, die sie schließen sollen; dazu mögliche
    Doppelstrukturen und Angebote, nach denen kein Bedarf fragt. Im Ordner eines
    Landkreises: jede Gemeinde gegen ihre Angebote, die des Landkreises und die für
    Nachbarn offenen, als Matrix Gemeinde × Handlungsfeld mit dem nächsten Angebot je Lücke.
    """
    from .gaps import run_gaps

    return run_gaps(path, fmt, handlungsfeld, sozialraum, zielgruppe, fehler_bei_luecken,
                    mitglied)


@app.command()
def diff(
    path: FolderArg = ".",
    von: Annotated[str | None, typer.Option(
        "--from", help="Ältere Fassung: Git-Tag, Commit, Branch oder Ordner. Standard: die "
        "Git-Version (git:) des letzten Beschlusses in konzept.yaml.")] = None,
    bis: Annotated[str | None, typer.Option(
        "--to", help="Neuere Fassung: Git-Tag, Commit, Branch oder Ordner. Standard: der "
        "Arbeitsstand im Ordner.")] = None,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help="Ausgabeformat."), DIFF_FORMAT] = "text",
) -> int:
    """Zeigt, was sich zwischen zwei Fassungen des Konzepts geändert hat.

    Verglichen werden Maßnahmen, Ziele, Angebote, Bedarfe, Akteure und Handlungsfelder
    Feld für Feld; ohne --from seit der Fassung des letzten Beschlusses. Im Ordner eines
    Landkreises: der Landkreis und jede Gemeinde, dazu neue und entfallene Gemeinden.
    """
    fmt = DIFF_FORMAT.check(fmt, "--format")
    root = folder(path)
    from .verbund import names_members

    if names_members(root):
        from ..workspace.diff import compare_workspaces, format_workspace_diff

        echo(format_workspace_diff(compare_workspaces(root, von, bis), fmt))
        return EXIT_OK
    from ..diff import compare_versions, format_diff

    echo(format_diff(compare_versions(root, von, bis), fmt))
    return EXIT_OK


@app.command()
def design(
    path: FolderArg = ".",
    ueberschreiben: Annotated[bool, typer.Option(
        "--ueberschreiben", help="Vorhandene Dateien in design/ ersetzen.")] = False,
) -> int:
    """Schreibt die Standard-Gestaltung (reference.docx, Typst-Thema, CSS) zum Anpassen.

    Die Dateien landen in design/ im Konzeptordner und gehen dort den Vorgaben vor.
    """
    root = folder(path)
    from ..render.defaults import write_defaults

    for file in write_defaults(root / "design", overwrite=ueberschreiben):
        echo(f"Geschrieben: {os.path.relpath(file)}")
    return EXIT_OK


@app.command()
def pruefungen() -> int:
    """Listet alle Prüfungen mit Code, Name, Standard-Schweregrad und Beschreibung.

    Dazu alle Meldungen beim Lesen der Dateien (IK0xx–IK4xx), die sich nicht abschalten
    lassen, jeweils mit einem Beispiel. Prüfungen lassen sich in konzept.yaml unter
    „pruefungen:“ mit Code oder Name auf Fehler, Warnung, Hinweis oder aus stellen.
    """
    from ..checks import all_codes

    echo("\n".join(code.describe() for code in all_codes()))
    return EXIT_OK


__all__ = ["app"]

# Commands in their own modules (cli/<name>.py) register on `app` when imported here,
# one line each: from . import <name>  # noqa: E402, F401
from . import bericht, tabelle, vorschau  # noqa: E402, F401
