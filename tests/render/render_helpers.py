"""Inputs and helpers for the rendering tests: a small German document, its assets, tools."""

from __future__ import annotations

import base64
import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from integrationskonzept.render import DocumentMeta, default_design, render

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">'
    b'<rect width="120" height="100" fill="#1F4E79"/></svg>'
)
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
ASSETS = {"diagramme/anteil.svg": SVG, "diagramme/anteil.png": PNG}
TIMESTAMP = dt.datetime(2025, 3, 1, 12, 0, tzinfo=dt.timezone.utc)
META = DocumentMeta(
    title="Integrationskonzept 2025",
    subtitle="Gemeinsam in Musterstadt",
    kommune="Stadt Musterstadt",
    stand=dt.date(2025, 3, 1),
    version="1.0",
)

SAMPLE = """\
# Einleitung

Das Konzept beschreibt, wie "Teilhabe für alle" gelingt. Es nennt 'einfache' Ziele.
Mehr auf der [Website der Stadt](https://www.musterstadt.de).

## Handlungsfelder

Die Akteur\\*innen arbeiten im Netzwerk Sprachförderung zusammen.

| Akteur\\*innen | Rolle | Sozialraum |
|---|---|---|
| Caritas e. V. | Träger | Nordstadt |
| Stadtbibliothek | Partnerin | Innenstadt |

: Beteiligte Akteur\\*innen {#tbl-akteure}

![Anteil der Angebote je Handlungsfeld](diagramme/anteil.svg){#fig-anteil width=60%}

::: {.quer}
| Nr. | Maßnahme | Federführung | Beginn | Ende | Budget | Zielgruppe | Sozialraum |
|---|---|---|---|---|---|---|---|
| M1 | Sprachcafé | Stadtbibliothek | 2024 | 2026 | 5.000 € | Neuzugewanderte | Innenstadt |

: Maßnahmenübersicht
:::

# Maßnahmen

Text zu den Maßnahmen.
"""


def run(markdown: str, out_dir: Path, formats: list[str] | tuple[str, ...] = (
        "md", "html", "docx", "odt", "pdf"), **kwargs) -> dict[str, Path]:
    """Render and return the written files by format."""
    kwargs.setdefault("design", default_design())
    kwargs.setdefault("meta", META)
    kwargs.setdefault("assets", ASSETS)
    paths = render(markdown, formats=list(formats), out_dir=out_dir, timestamp=TIMESTAMP,
                   **kwargs)
    return {p.suffix.lstrip("."): p for p in paths}



def tool(name: str) -> str:
    """Path of a poppler tool, or skip the test."""
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} fehlt (poppler-utils)")
    return path


def pdf_text(path: Path, *args: str) -> str:
    cmd = [tool("pdftotext"), *args, str(path), "-"]
    return subprocess.run(cmd, capture_output=True, check=True).stdout.decode("utf-8")


def pdf_info(path: Path, *args: str) -> str:
    cmd = [tool("pdfinfo"), *args, str(path)]
    return subprocess.run(cmd, capture_output=True, check=True).stdout.decode("utf-8")


# a level-1 heading in pandoc's JSON, numbered and unnumbered
CHAPTER = '{"t":"Header","c":[1,["b",[],[]],[{"t":"Str","c":"B"}]]}'
UNNUMBERED = '{"t":"Header","c":[1,["b",["unnumbered"],[]],[{"t":"Str","c":"B"}]]}'


def read_part(folder: Path, name: str, blocks: str, heads: str) -> str:
    """A part of a long document as the reader leaves it in the build folder: its JSON
    (``blocks``) and its headings (``heads``, ``lesen.lua``'s ``<teil>-koepfe.json``)."""
    from integrationskonzept.render import htmlparts

    (folder / name).write_text('{"blocks":[' + blocks + "]}", encoding="utf-8")
    (folder / htmlparts.koepfe(name)).write_text(
        '{"meta":{},"blocks":[' + heads + "]}", encoding="utf-8")
    return name
