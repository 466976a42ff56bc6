"""`ik vorschau`: the document in the browser, rebuilt on every saved change."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import EXIT_OK, UsageError
from .app import FolderArg, app, folder


@app.command()
def vorschau(
    path: FolderArg = ".",
    port: Annotated[int, typer.Option(
        "--port", "-p", help="Port auf 127.0.0.1 (0: ein freier Port).")] = 8000,
) -> int:
    """Zeigt das Dokument als Vorschau im Browser und baut es bei jeder Änderung neu.

    Die Vorschau läuft nur auf diesem Rechner (http://127.0.0.1:PORT/). Nach jedem
    Speichern wird das HTML neu gebaut und die Seite lädt sich selbst neu; haben die
    Quellen Fehler, bleibt der letzte gute Stand sichtbar und die Probleme stehen darüber.
    Beenden mit Strg+C.
    """
    from ..preview import serve

    if not 0 <= port <= 65535:
        raise UsageError(f"--port {port}: erwartet wird eine Zahl von 0 bis 65535.")
    root = folder(path)
    if not (root / "konzept.yaml").is_file():
        raise UsageError(f"{path}: keine konzept.yaml gefunden; geben Sie den Ordner des "
                         "Konzepts an.")

    def say(message: str) -> None:
        typer.echo(message, err=True)

    def ready(url: str) -> None:
        typer.echo(f"Vorschau: {url}  (Beenden mit Strg+C)")

    try:
        serve(root, port, say=say, ready=ready)
    except KeyboardInterrupt:
        typer.echo("Vorschau beendet.", err=True)
    return EXIT_OK
