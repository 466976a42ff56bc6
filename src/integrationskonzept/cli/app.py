"""The typer app of `ik` and what every command shares: the folder argument, paths.

Commands register on :data:`app`: the built-in ones in :mod:`.commands`, further ones
in their own modules (``cli/<name>.py``) that import from here and are imported at the
end of :mod:`.commands` (see CONTRIBUTING.md). Nothing here imports a command module,
so there is no import cycle.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from ..errors import EXIT_OK, SourceError, UsageError

app = typer.Typer(
    name="ik",
    help="Integrationskonzepte als Code: Quellen prüfen, Lücken finden, Dokumente bauen.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)


def _print_version(show: bool) -> None:
    if show:
        from .version import version_text

        typer.echo(version_text(), nl=False)
        raise typer.Exit(EXIT_OK)


@app.callback()
def _options(
    version: Annotated[bool, typer.Option(
        "--version", help="Die Versionen von ik, Python, Pandoc und Typst anzeigen.",
        callback=_print_version, is_eager=True)] = False,
) -> None:
    pass


FolderArg = Annotated[str, typer.Argument(
    help="Ordner des Konzepts (mit konzept.yaml).", metavar="ORDNER")]


def folder(typed: str) -> Path:
    """The concept folder as typed: a file is a usage error, a missing folder a SourceError."""
    path = Path(typed)
    if path.is_file():
        hint = ""
        if path.name in ("konzept.yaml", "konzept.yml"):
            hint = f" – hier „{os.path.dirname(typed) or '.'}“"
        raise UsageError(f"„{typed}“ ist eine Datei. Geben Sie den Ordner des Konzepts an "
                         f"(den Ordner, in dem konzept.yaml liegt){hint}.")
    if not path.exists():
        raise SourceError(f"Ordner „{typed}“ nicht gefunden. Geben Sie den Ordner des "
                          "Konzepts an (er enthält konzept.yaml).")
    if not path.is_dir():
        raise UsageError(f"„{typed}“ ist kein Ordner.")
    return path


def prefix(path: Path) -> str:
    """File names in CI annotations start with the folder relative to the working directory."""
    rel = os.path.relpath(path)
    return "" if rel == "." else rel.rstrip("/") + "/"


def shown(typed: str) -> str:
    """File names in messages start with the folder as the user typed it."""
    stripped = typed.rstrip("/\\")
    return "" if stripped in ("", ".") else stripped + "/"
