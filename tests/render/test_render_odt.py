"""The ODT as LibreOffice shows it: charts within the page, alt text, numbered headings,
a filled table of contents, table borders, the title page without page number."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import pytest
from render_helpers import SAMPLE, SVG, pdf_text, run

MARKDOWN = SAMPLE + "\n## Anhang {.unnumbered}\n\nText.\n"


def _png(width: int, height: int) -> bytes:
    """A grey PNG of the given pixel size (no pHYs: pandoc's ODT writer took px as pt)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0,
                                                                 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def odt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assets = {"diagramme/anteil.svg": SVG, "diagramme/anteil.png": _png(1292, 146)}
    return run(MARKDOWN, tmp_path_factory.mktemp("odt"), formats=["odt"], assets=assets)["odt"]


def _part(odt: Path, name: str) -> str:
    return zipfile.ZipFile(odt).read(name).decode("utf-8")


def test_chart_fits_the_page_and_has_alt_text(odt: Path) -> None:
    content = _part(odt, "content.xml")
    frames = re.findall(r"<draw:frame [^>]*>.*?</draw:frame>", content, re.S)
    assert len(frames) == 1
    width = float(re.search(r'svg:width="([\d.]+)pt"', frames[0]).group(1))  # type: ignore[union-attr]
    height = float(re.search(r'svg:height="([\d.]+)pt"', frames[0]).group(1))  # type: ignore[union-attr]
    assert width <= 16.3 / 2.54 * 72 + 0.1
    assert abs(width / height - 1292 / 146) < 0.05  # aspect ratio kept
    assert "<svg:desc>Anteil der Angebote je Handlungsfeld</svg:desc>" in frames[0]


def test_toc_numbering_borders(odt: Path) -> None:
    content, styles = _part(odt, "content.xml"), _part(odt, "styles.xml")
    body = re.search(r"<text:index-body>(.*?)</text:index-body>", content, re.S)
    assert body
    paragraphs = re.findall(r'<text:p text:style-name="Contents_20_\d">(.*?)</text:p>',
                            body.group(1))
    entries = [re.sub(r"<[^>]+>", "", p) for p in paragraphs]
    assert entries == ["1 Einleitung", "1.1 Handlungsfelder", "2 Maßnahmen", "Anhang"]
    assert re.search(r'<text:h [^>]*text:is-list-header="true"[^>]*>.*?Anhang', content)
    level2 = re.search(r'<text:outline-level-style [^>]*text:level="2"[^>]*>', styles)
    assert level2 and 'style:num-format="1"' in level2.group(0)
    assert 'text:display-levels="2"' in level2.group(0)
    heading1 = re.search(r'<style:style [^>]*style:name="Heading_20_1".*?</style:style>', styles,
                         re.S)
    assert heading1 and 'fo:break-before="page"' in heading1.group(0)
    cells = re.findall(r'<style:style style:name="TableRowCell".*?</style:style>', content, re.S)
    assert cells and 'fo:border="none"' not in cells[0] and "solid" in cells[0]


@pytest.mark.slow
def test_libreoffice_pages(odt: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice fehlt")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(odt)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "integrationskonzept.pdf"
    title = pdf_text(pdf, "-f", "1", "-l", "1")
    assert "Integrationskonzept 2025" in title and "Seite" not in title
    toc = pdf_text(pdf, "-f", "2", "-l", "2")
    assert "Inhalt" in toc and "1.1 Handlungsfelder" in toc and "Seite 2 von" in toc
