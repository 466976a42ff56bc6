"""The DOCX as Word and LibreOffice read it: TOC, numbering, styles, fonts, settings."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from render_helpers import SAMPLE, pdf_text, run

from integrationskonzept.render import load_design

LABELS = SAMPLE + """
## Sprachcafé

**Federführung:** Stadtbibliothek

### Details {.unnumbered}

Text.
"""


@pytest.fixture(scope="module")
def docx(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The parts of a DOCX with labels, an unnumbered heading and a landscape table."""
    path = run(LABELS, tmp_path_factory.mktemp("docx"), formats=["docx"])["docx"]
    with zipfile.ZipFile(path) as z:
        # pandoc writes "<x />", python-docx "<x/>": compare one spelling
        return {n: z.read(n).decode("utf-8").replace(" />", "/>") for n in z.namelist()
                if n.endswith((".xml", ".rels"))}


def _style(styles: str, style_id: str) -> str:
    match = re.search(rf'<w:style [^>]*w:styleId="{style_id}".*?</w:style>', styles, re.S)
    assert match, style_id
    return match.group(0)


def test_toc_has_cached_entries_and_updates(docx: dict[str, str]) -> None:
    body = docx["word/document.xml"]
    toc = re.search(r"<w:sdtContent>(.*?)</w:sdtContent>", body, re.S)
    assert toc
    entries = re.findall(r'<w:pStyle w:val="TOC(\d)"/></w:pPr>(.*?)</w:p>', toc.group(1), re.S)
    texts = [(int(level), "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml)))
             for level, xml in entries]
    assert texts == [(1, "1Einleitung"), (2, "1.1Handlungsfelder"), (1, "2Maßnahmen"),
                     (2, "2.1Sprachcafé")]  # depth 2: the level-3 heading is not listed
    assert 'TOC \\o "1-2"' in toc.group(1) and "PAGEREF" in toc.group(1)
    assert '<w:updateFields w:val="true"/>' in docx["word/settings.xml"]


def test_toc_depth_from_design(tmp_path: Path) -> None:
    (tmp_path / "design").mkdir()
    (tmp_path / "design" / "design.yaml").write_text("inhaltsverzeichnis_tiefe: 3\n",
                                                      encoding="utf-8")
    path = run(LABELS, tmp_path / "out", formats=["docx"], design=load_design(tmp_path))["docx"]
    body = zipfile.ZipFile(path).read("word/document.xml").decode().replace(" />", "/>")
    assert 'TOC \\o "1-3"' in body
    assert re.search(r'<w:pStyle w:val="TOC3"/>.*?Details', body, re.S)


def test_headings_are_numbered_by_the_style(docx: dict[str, str]) -> None:
    body, styles, numbering = (docx["word/document.xml"], docx["word/styles.xml"],
                               docx["word/numbering.xml"])
    assert "SectionNumber" not in body  # no typed numbers
    heading1 = _style(styles, "Heading1")
    num_id = re.search(r'<w:numId w:val="(\d+)"/>', heading1)
    assert num_id
    num = re.search(rf'<w:num w:numId="{num_id.group(1)}"><w:abstractNumId w:val="(\d+)"/>',
                    numbering)
    assert num
    abstract = re.search(rf'<w:abstractNum w:abstractNumId="{num.group(1)}">.*?</w:abstractNum>',
                         numbering, re.S)
    assert abstract and '<w:pStyle w:val="Heading2"/>' in abstract.group(0)
    assert '<w:lvlText w:val="%1.%2"/>' in abstract.group(0)
    # the unnumbered heading switches the numbering off
    details = re.search(r'<w:pStyle w:val="Heading3"/>(.*?)</w:pPr>(?:(?!</w:p>).)*Details',
                        body, re.S)
    assert details and '<w:numId w:val="0"/>' in details.group(1)
    assert '<w:numId w:val="0"/>' in _style(styles, "TOCHeading")


def test_styles_defined_fonts_and_names(docx: dict[str, str]) -> None:
    styles = docx["word/styles.xml"]
    defined = set(re.findall(r'w:styleId="([^"]+)"', styles))
    used = {s for xml in docx.values()
            for s in re.findall(r'<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"', xml)}
    assert used <= defined, used - defined
    assert "Theme" not in styles and "theme" not in re.sub(r"<w:latentStyles.*?</w:latentStyles>",
                                                           "", styles, flags=re.S)
    assert 'w:ascii="Arial"' in _style(styles, "Heading1")
    assert '<w:u w:val="single"/>' in _style(styles, "Hyperlink")
    assert '<w:name w:val="Erster Absatz"/>' in _style(styles, "FirstParagraph")
    assert "LightShading" not in defined and len(defined) < 60  # unused styles are gone
    for part in ("Header", "Footer"):
        tabs = {(re.search(r'w:val="(\w+)"', t).group(1), re.search(r'w:pos="(\d+)"', t).group(1))
                for t in re.findall(r"<w:tab [^>]*/>", _style(styles, part))}
        assert {("clear", "4680"), ("clear", "9360")} <= tabs
    assert 'w:name="Arial"' in docx["word/fontTable.xml"]
    assert "Calibri" not in docx["word/theme/theme1.xml"]


def test_labels_captions_bookmarks_rows(docx: dict[str, str]) -> None:
    body = docx["word/document.xml"]
    assert re.search(r'<w:rStyle w:val="Bezeichnung"/>.*?Federführung:', body)
    assert "SEQ Tabelle" in body and "SEQ Abbildung" in body
    assert "SEQ Table " not in body and "SEQ Figure " not in body
    names = re.findall(r'<w:bookmarkStart w:id="\d+" w:name="([^"]+)"', body)
    assert len(names) == len(set(names))
    starts = set(re.findall(r'<w:bookmarkStart w:id="(\d+)"', body))
    assert starts == set(re.findall(r'<w:bookmarkEnd w:id="(\d+)"', body))
    rows = re.findall(r"<w:tr>(<w:trPr>.*?</w:trPr>)?", body)
    assert rows and all("<w:cantSplit/>" in r for r in rows)


def test_not_compatibility_mode_no_stale_metadata(docx: dict[str, str]) -> None:
    assert re.search(r'w:name="compatibilityMode" [^>]*w:val="15"', docx["word/settings.xml"])
    app = docx["docProps/app.xml"]
    assert "Macintosh" not in app and "Normal.dotm" not in app and "AppVersion" not in app
    assert "toc-title" not in docx.get("docProps/custom.xml", "")


def _soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        pytest.skip("LibreOffice fehlt")
    return path


@pytest.mark.slow
def test_libreoffice_shows_toc_and_no_page_number_on_title(tmp_path: Path) -> None:
    soffice = _soffice()
    path = run(LABELS, tmp_path, formats=["docx"])["docx"]
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(path)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "pdf" / "integrationskonzept.pdf"
    title = pdf_text(pdf, "-f", "1", "-l", "1")
    assert "Integrationskonzept 2025" in title and "Seite" not in title
    toc = pdf_text(pdf, "-f", "2", "-l", "2")
    assert "Inhalt" in toc and "1.1" in toc and "Handlungsfelder" in toc
    assert "Seite 2 von" in toc
    assert "1 Inhalt" not in toc  # the TOC heading is not numbered


def test_heading_goes_with_its_landscape_table(tmp_path: Path) -> None:
    markdown = ("# Anhang\n\nText.\n\n## Übersicht\n\n::: {.quer}\n| Nr. | Titel |\n|---|---|\n"
                "| 1 | Sprachcafé |\n:::\n")
    files = run(markdown, tmp_path, formats=["docx", "pdf"])
    body = zipfile.ZipFile(files["docx"]).read("word/document.xml").decode()
    heading = body.index('<w:pStyle w:val="Heading2" />')
    assert body.index("<w:sectPr") < heading  # the portrait section ends before the heading
    landscape = re.search(r'<w:sectPr\b(?:(?!</w:sectPr>).)*w:orient="landscape"', body, re.S)
    assert landscape and heading < landscape.start()
    pages = pdf_text(files["pdf"]).split("\f")[2:]  # after title page and contents
    assert not any("Übersicht" in page and "Sprachcafé" not in page for page in pages)


def test_lists_of_figures_and_tables(docx: dict[str, str]) -> None:
    body = docx["word/document.xml"]
    after_toc = body.split("</w:sdt>", 1)[1]
    assert after_toc.index(">Abbildungsverzeichnis<") < after_toc.index(">Tabellenverzeichnis<")
    entries = re.findall(r'<w:pStyle w:val="TableofFigures"/></w:pPr>(.*?)</w:p>', after_toc,
                         re.S)
    texts = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", e)).replace("\xa0", " ")
             for e in entries]
    assert texts[0] == "Abbildung 1: Anteil der Angebote je Handlungsfeld"
    assert "Tabelle 1: Beteiligte Akteur*innen" in texts
    assert 'TOC \\h \\z \\c "Abbildung"' in after_toc and 'TOC \\h \\z \\c "Tabelle"' in after_toc


def test_introducing_paragraph_keeps_with_next(tmp_path: Path) -> None:
    markdown = "# Leitziel\n\nDas wollen wir bis 2030 erreichen:\n\nAlle sprechen Deutsch.\n"
    files = run(markdown, tmp_path, formats=["docx"])
    body = zipfile.ZipFile(files["docx"]).read("word/document.xml").decode()
    assert re.search(r'<w:pStyle w:val="Ueberleitung" />(?:(?!</w:p>).)*erreichen:', body)
    styles = zipfile.ZipFile(files["docx"]).read("word/styles.xml").decode()
    assert re.search(r'w:styleId="Ueberleitung".*?<w:keepNext\s*/>', styles, re.S)


def test_header_is_a_full_width_table_and_title_page_is_separate(docx: dict[str, str]) -> None:
    headers = {n: x for n, x in docx.items() if re.match(r"word/header\d+\.xml", n)}
    body = docx["word/document.xml"]
    sections = re.findall(r"<w:sectPr\b.*?</w:sectPr>", body, re.S)
    assert "<w:titlePg/>" in sections[0] and "<w:titlePg/>" not in sections[1]
    default = re.search(r'<w:headerReference r:id="(\w+)" w:type="default"/>', sections[-1])
    first = re.search(r'<w:headerReference r:id="(\w+)" w:type="first"/>', sections[-1])
    assert default and first
    rels = docx["word/_rels/document.xml.rels"]

    def part(rid: str) -> str:
        target = re.search(rf'Id="{rid}" Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{rid}"', rels)
        assert target
        return headers["word/" + (target.group(1) or target.group(2))]

    page = part(default.group(1))
    # a table as wide as the text on portrait and landscape pages: no tab stops to misalign
    assert '<w:tblW w:w="5000" w:type="pct"/>' in page
    assert "Stadt Musterstadt" in page and "Integrationskonzept 2025" in page
    assert "Stadt Musterstadt" not in part(first.group(1))
