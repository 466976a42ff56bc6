"""`ik bericht`: the Umsetzungsbericht of a report period (registers on the typer app)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from ..errors import UsageError
from .app import FolderArg, app, folder
from .builds import finish_build, progress, warn
from .choices import BERICHT_FORMAT


def _stichtag(text: str | None) -> dt.date | None:
    if text is None:
        return None
    from pydantic_core import PydanticCustomError

    from ..model.fielddates import _date

    try:
        value: dt.date = _date(text)
    except PydanticCustomError:
        raise UsageError(f"--stichtag: erwartet ein Datum wie 2024-09-30 oder 30.09.2024, "
                         f"gefunden „{text}“.") from None
    return value


@app.command()
def bericht(
    path: FolderArg = ".",
    stichtag: Annotated[str | None, typer.Option(
        "--stichtag", help="Bericht zu diesem Stichtag (2024-09-30): der Berichtszeitraum aus "
        "„berichte:“ mit diesem Stichtag, sonst das Jahr bis zu diesem Tag.")] = None,
    jahr: Annotated[int | None, typer.Option(
        "--jahr", help="Bericht für dieses Jahr: der Berichtszeitraum, dessen Stichtag in "
        "diesem Jahr liegt, sonst das Kalenderjahr.")] = None,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help="Formate, mit Komma getrennt: docx, pdf, html, odt, md, json "
        "(json: derselbe Inhalt als Daten für andere Programme)."),
        BERICHT_FORMAT] = "docx,pdf,html",
    out: Annotated[str | None, typer.Option(
        "--out", "-o", help="Zielordner; Standard: build/ im Konzeptordner.",
        metavar="ORDNER")] = None,
    seit: Annotated[str | None, typer.Option(
        "--seit", help="Auch die Änderungen der Quellen seit dieser Fassung nennen (Git-Tag, "
        "Commit oder Ordner, z. B. der Stand des Vorberichts).")] = None,
    entwurf: Annotated[bool, typer.Option(
        "--entwurf", help="Jede Seite als „Entwurf“ kennzeichnen.")] = False,
) -> int:
    """Baut den Umsetzungsbericht eines Berichtszeitraums (Status, Ampeln, Indikatoren).

    Ohne --stichtag und --jahr: der letzte Berichtszeitraum aus „berichte:“ in
    konzept.yaml, dessen Stichtag nicht nach dem Stand liegt. Der Bericht zeigt
    Maßnahmen je Status, Ziele je Ampel, die Veränderungen seit dem Vorbericht, je
    Handlungsfeld Ziele, Maßnahmen mit Verlauf und Indikatoren mit Diagramm und
    Bewertung, dazu überfällige und nicht aktualisierte Einträge und offene Lücken.
    Im Ordner eines Landkreises (gemeinden: in konzept.yaml) fasst er zusätzlich je
    Gemeinde deren Bericht zum selben Stichtag zusammen, mit einer Übersichtstabelle.
    Prüft zuerst die Quellen wie ik validate; gleiche Quellen ergeben byte-gleiche Dateien.
    """
    from ..render.bericht import BerichtAuswahl
    from ..render.build import build as run

    if stichtag is not None and jahr is not None:
        raise UsageError("--stichtag und --jahr schließen sich aus: geben Sie eines von beiden "
                         "an.")
    formats = BERICHT_FORMAT.check_list(fmt, "--format")
    auswahl = BerichtAuswahl(_stichtag(stichtag), jahr, seit)
    result = run(folder(path), formats=formats, out=out, draft=entwurf, progress=progress,
                 warn=warn, bericht=auswahl)
    return finish_build(result, path)
