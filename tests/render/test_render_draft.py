"""A draft says ENTWURF on every page (PDF, DOCX, ODT) and in a banner (HTML)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from render_helpers import SAMPLE, pdf_text, run


@pytest.fixture(scope="module")
def draft(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return run(SAMPLE, tmp_path_factory.mktemp("draft"), formats=["html", "docx", "odt", "pdf"],
               draft=True)


def test_pdf_every_page(draft: dict[str, Path]) -> None:
    pages = pdf_text(draft["pdf"]).split("\f")
    pages = [p for p in pages if p.strip()]
    assert pages and all("ENTWURF" in p for p in pages)


def test_docx_header(draft: dict[str, Path]) -> None:
    z = zipfile.ZipFile(draft["docx"])
    headers = [z.read(n).decode() for n in z.namelist() if re.match(r"word/header\d*\.xml", n)]
    assert headers and all("ENTWURF" in h for h in headers)


def test_odt_header(draft: dict[str, Path]) -> None:
    assert "ENTWURF" in zipfile.ZipFile(draft["odt"]).read("styles.xml").decode()


def test_html_banner(draft: dict[str, Path]) -> None:
    assert '<div class="ik-entwurf" role="note">ENTWURF</div>' in draft["html"].read_text()
