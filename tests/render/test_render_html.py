"""The HTML as a reader on a phone gets it: skip link, <main>, folding contents, no
horizontal scrolling at 390 px (measured in headless Chromium), one offline file."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from render_helpers import SAMPLE, run

WIDE = SAMPLE + """
| Nr. | Maßnahme | Federführung | Beginn | Ende | Budget | Zielgruppe | Sozialraum | Status |
|---|---|---|---|---|---|---|---|---|
| M1 | Sprachcafé für Neuzugewanderte | Stadtbibliothek Musterstadt | 2024 | 2026 | 5.000 € \
| Neuzugewanderte Familien | Innenstadt und Nordstadt | in Umsetzung |

: Breite Tabelle ohne Querformat
"""


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return run(WIDE, tmp_path_factory.mktemp("html"), formats=["html"])["html"]


def test_page_structure(html: Path) -> None:
    text = html.read_text(encoding="utf-8")
    assert re.search(r'<body>\s*<a class="ik-sprung" href="#ik-inhalt">Zum Inhalt springen</a>',
                     text)
    assert '<main id="ik-inhalt">' in text and text.count("<main") == 1
    assert re.search(r'<nav id="TOC"[^>]*>\s*<details>\s*<summary id="toc-title">Inhalt</summary>',
                     text)
    tables = text.count("<table")
    wrapped = len(re.findall(r'<div class="ik-tabelle" role="region" tabindex="0" '
                             r'aria-label="[^"]+">\s*<table', text))
    assert tables == wrapped == 3
    assert not re.search(r'(?:src|href)="(?:https?:)?//', text.split("<main", 1)[0])
    assert "text-decoration: underline" in text  # links visible without colour


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which(
        "google-chrome")
    if path is None:
        pytest.skip("Chromium fehlt")
    return path


@pytest.mark.slow
@pytest.mark.parametrize("width", [390, 1280])
def test_no_horizontal_scrolling(html: Path, tmp_path: Path, width: int) -> None:
    """The page is measured in an iframe of the given width (headless windows are at
    least 500 px wide); a script added for the test reports the page's scroll width."""
    chromium = _chromium()
    page = html.read_text(encoding="utf-8").replace("</body>", (
        "<script>addEventListener('load', () => parent.postMessage("
        "document.documentElement.scrollWidth + ' ' + document.documentElement.clientWidth, '*'"
        "));</script></body>"))
    (tmp_path / "seite.html").write_text(page, encoding="utf-8")
    (tmp_path / "rahmen.html").write_text(
        f'<html><body><iframe src="seite.html" width="{width}" height="700"></iframe><script>'
        "addEventListener('message', e => document.body.dataset.breite = e.data);"
        "</script></body></html>", encoding="utf-8")
    out = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
         f"--user-data-dir={tmp_path / 'profil'}", "--window-size=1400,900",
         "--virtual-time-budget=5000", "--dump-dom", (tmp_path / "rahmen.html").as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    found = re.search(r'data-breite="(\d+) (\d+)"', out.stdout)
    assert found, out.stderr[-500:]
    scroll, client = int(found.group(1)), int(found.group(2))
    assert client <= width and scroll <= client


@pytest.mark.slow
def test_contents_print_unfolded(html: Path, tmp_path: Path) -> None:
    """On screen the contents are folded; printed (Chromium's PDF) every entry is there."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext fehlt")
    chromium = _chromium()
    assert re.search(r"<details>\s*<summary", html.read_text(encoding="utf-8"))  # not open
    pdf = tmp_path / "gedruckt.pdf"
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu",
         f"--user-data-dir={tmp_path / 'profil'}", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", html.as_uri()],
        capture_output=True, timeout=120, check=False)
    if not pdf.exists():
        pytest.skip("Chromium druckt nicht")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, timeout=60, check=True).stdout
    contents = text.split("Inhalt", 1)[1].split("Das Konzept beschreibt", 1)[0]
    assert re.search(r"1 Einleitung\s+1\.1 Handlungsfelder\s+2 Maßnahmen", contents), contents
