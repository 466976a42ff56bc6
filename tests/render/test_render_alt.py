"""Charts: the short title is the visible caption, the long description the alt text."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from render_helpers import pdf_text, run

from integrationskonzept.document.templates import environment

TITEL = "Anteil der Angebote"
ALT = 'Balkendiagramm: Anteil der Angebote; Sprache 51.086, "Arbeit" 21,5 %, Akteur*innen 3.'


@pytest.fixture(scope="module")
def figure(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    value = environment().from_string('{{ alt|attr }}').render(alt=ALT)
    markdown = (f"# Kapitel\n\nText.\n\n![{TITEL}](diagramme/anteil.svg)"
                f'{{#fig-anteil alt="{value}"}}\n')
    return run(markdown, tmp_path_factory.mktemp("alt"), formats=("html", "docx", "pdf"))


def test_pdf_caption_is_the_title(figure: dict[str, Path]) -> None:
    text = " ".join(pdf_text(figure["pdf"]).split())
    assert f"Abbildung 1: {TITEL}" in text
    assert "Balkendiagramm" not in text


def test_pdf_alt_is_the_description(figure: dict[str, Path]) -> None:
    pikepdf = pytest.importorskip("pikepdf")
    with pikepdf.open(figure["pdf"]) as pdf:
        alts = [str(obj.get("/Alt")) for obj in pdf.objects
                if isinstance(obj, pikepdf.Dictionary) and "/Alt" in obj]
    assert ALT in alts


def test_html_img_alt_and_caption(figure: dict[str, Path]) -> None:
    html = figure["html"].read_text(encoding="utf-8")
    img = re.search(r"<img [^>]*>", html)
    assert img is not None
    assert 'alt="Balkendiagramm: Anteil der Angebote; Sprache 51.086, &quot;Arbeit&quot; ' \
           '21,5 %, Akteur*innen 3."' in img.group(0)
    assert re.search(r"<figcaption>\s*" + TITEL + r"\s*</figcaption>", html)


def test_docx_descr_is_the_description(figure: dict[str, Path]) -> None:
    with zipfile.ZipFile(figure["docx"]) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    descr = re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', xml)
    assert descr and "Balkendiagramm: Anteil der Angebote; Sprache 51.086" in descr[0]
    assert "Akteur*innen 3." in descr[0]
    caption = re.sub(r"<[^>]+>", "", xml)
    assert TITEL in caption and caption.count("Balkendiagramm") == 0
