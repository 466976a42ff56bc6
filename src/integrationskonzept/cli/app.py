"""The typer app of `ik` and what every command shares: the folder argument, paths.

Commands register on :data:`app`: the built-in ones in :mod:`.commands`, further ones
in their own modules (``cli/<name>.py``) that import from here and are imported at the
end of :mod:`.commands` (see CONTRIBUTING.md). Nothing here imports a command module,
so there is no import cycle.
"""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import EXIT_OK
from .paths import folder, prefix, shown

__all__ = ["FolderArg", "app", "folder", "prefix", "shown"]

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
