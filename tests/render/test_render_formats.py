"""What a reader of each format checks: structure, German text, accessibility, A4."""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

from render_helpers import pdf_info, pdf_text

WORDS = ["Einleitung", "Handlungsfelder", "Akteur*innen", "Caritas e. V.", "Sprachcafé",
         "„Teilhabe für alle“", "‚einfache‘"]


def test_all_formats_written(sample: dict[str, Path]) -> None:
    assert sorted(sample) == ["docx", "html", "md", "odt", "pdf"]
    assert all(p.stat().st_size > 0 for p in sample.values())
    assert not [p for p in sample["pdf"].parent.iterdir() if p.name.endswith(".tmp")]


def test_docx_headings_tables_quotes(sample: dict[str, Path]) -> None:
    import docx

    doc = docx.Document(str(sample["docx"]))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert [h.split("\t")[-1] for h in headings] == ["Einleitung", "Maßnahmen"]
    assert doc.paragraphs[0].style.name == "Title"
    cells = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert cells[0] == ["Akteur*innen", "Rolle", "Sozialraum"]
    assert cells[1][0] == "Caritas e. V."
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "„Teilhabe für alle“" in text
    section = doc.sections[-1]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    xml = zipfile.ZipFile(sample["docx"]).read("word/document.xml").decode()
    assert 'descr="Anteil der Angebote je Handlungsfeld"' in xml  # alt text
    assert "<w:tblHeader" in xml  # header row repeats on every page
    assert 'w:instr="TOC' in xml or "TOC \\o" in xml


def test_docx_header_footer(sample: dict[str, Path]) -> None:
    z = zipfile.ZipFile(sample["docx"])
    headers = "".join(z.read(n).decode() for n in z.namelist() if "header" in n)
    footers = "".join(z.read(n).decode() for n in z.namelist() if "footer" in n)
    assert "Stadt Musterstadt" in headers and "Integrationskonzept 2025" in headers
    assert "{{" not in headers and "ENTWURF" not in headers
    assert " PAGE " in footers and " NUMPAGES " in footers and "Seite " in footers


def test_docx_landscape_section_keeps_header(sample: dict[str, Path]) -> None:
    xml = zipfile.ZipFile(sample["docx"]).read("word/document.xml").decode()
    sections = re.findall(r"<w:sectPr\b.*?</w:sectPr>", xml, re.S)
    assert len(sections) == 3
    assert 'w:orient="landscape"' in sections[1]
    assert all("headerReference" in s and "footerReference" in s for s in sections)
    assert "IK-QUER" not in xml


def test_pdf_text_tagged_a4(sample: dict[str, Path]) -> None:
    text = pdf_text(sample["pdf"])
    for word in WORDS:
        assert word in text
    assert "Inhalt" in text and "Seite 3 von" in text and "Tabelle 1: Beteiligte" in text
    info = pdf_info(sample["pdf"])
    assert re.search(r"Tagged:\s+yes", info)
    assert re.search(r"Title:\s+Integrationskonzept 2025", info)
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 4 <= pages <= 8
    sizes = re.findall(r"size:\s+([\d.]+) x ([\d.]+)", pdf_info(sample["pdf"], "-f", "1", "-l",
                                                                  str(pages)))
    assert sizes[0] == ("595.276", "841.89")  # A4 portrait
    assert ("841.89", "595.276") in sizes  # the .quer page
    xmp = pdf_info(sample["pdf"], "-meta")
    assert "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>A" in xmp
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp


def test_pdf_running_header_from_the_second_page(sample: dict[str, Path]) -> None:
    pages = pdf_text(sample["pdf"], "-layout").split("\f")[:-1]
    header = re.compile(r"^ *Stadt Musterstadt +Integrationskonzept 2025 *$", re.M)
    assert not header.search(pages[0]) and "Seite 1 von" not in pages[0]  # the title page
    for number, page in enumerate(pages[1:], 2):
        assert header.search(page.strip().splitlines()[0]), page
        assert f"Seite {number} von {len(pages)}" in page


def test_pdf_header_and_footer_stay_lean() -> None:
    # typst lays out header and footer for every page and keeps them to the end: a
    # `context` in the header or a grid in the footer cost 50 MB each at Landkreis size
    # (1,600 pages); the title page has a header and footer of its own
    from integrationskonzept.render import default_design

    theme = default_design().theme_typ.read_text(encoding="utf-8")
    found = re.search(r"^\s*header:(.*?)^\s*footer:(.*?)^\s*background:", theme, re.M | re.S)
    assert found
    header, footer = found.groups()
    assert "context" not in header and "counter(" not in header
    assert "grid(" not in footer and footer.count("counter(page)") == 2
    assert re.search(r"page\(header: none, footer: none", theme)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_html_lang_th_alt_self_contained(sample: dict[str, Path]) -> None:
    html = sample["html"].read_text(encoding="utf-8")
    parser = _Collect()
    parser.feed(html)
    tags = parser.tags
    assert ("html", {"xmlns": "http://www.w3.org/1999/xhtml", "lang": "de-DE",
                     "xml:lang": "de-DE"}) in tags
    assert sum(1 for t, _ in tags if t == "th") == 3 + 8
    images = [a for t, a in tags if t == "img"]
    assert images and all(a.get("alt") or a.get("aria-label") for a in images)
    assert all(a["src"].startswith("data:") for a in images)  # embedded
    assert not [a for t, a in tags if t == "link" and a.get("rel") == "stylesheet"]
    assert any(t == "div" and a.get("class") == "quer" for t, a in tags)
    assert "„Teilhabe für alle“" in html and "Akteur*innen" in html
    assert '<nav id="TOC"' in html and ">Inhalt<" in html


def test_odt_a4_german(sample: dict[str, Path]) -> None:
    z = zipfile.ZipFile(sample["odt"])
    styles = z.read("styles.xml").decode()
    assert 'fo:page-width="21cm"' in styles and 'fo:page-height="29.7cm"' in styles
    assert "<text:page-count>" in styles and "Stadt Musterstadt" in styles
    content = z.read("content.xml").decode()
    assert "„Teilhabe für alle“" in content and "Akteur*innen" in content
    # landscape: a paragraph style switches to the page style "Querformat" and back
    assert content.index('"IK_Quer"') < content.index("Sprachcafé") < content.index('"IK_Hoch"')
    assert 'style:name="Querformat" style:page-layout-name="IKquer"' in styles
    for name in ("styles.xml", "content.xml"):
        ElementTree.fromstring(z.read(name))  # well-formed


def test_md_copy_is_the_input(sample: dict[str, Path]) -> None:
    from render_helpers import SAMPLE

    assert sample["md"].read_text(encoding="utf-8") == SAMPLE


def test_pdf_passes_machine_checkable_pdfua(sample: dict[str, Path]) -> None:
    import pytest

    pdfua = pytest.importorskip("pdfua")
    report = pdfua.validate(str(sample["pdf"]))
    assert report.findings == (), report.findings


def test_every_format_names_the_toolchain(sample: dict[str, Path]) -> None:
    from integrationskonzept import __version__, toolchain

    pandoc, typst = toolchain.PANDOC.program_version, toolchain.TYPST.program_version
    line = f"ik {__version__} (Pandoc {pandoc}, Typst {typst})"
    with zipfile.ZipFile(sample["docx"]) as docx:
        custom = ElementTree.fromstring(docx.read("docProps/custom.xml"))
    props = {p.get("name"): "".join(p.itertext()) for p in custom}
    assert props["erzeugt-mit"] == line
    with zipfile.ZipFile(sample["odt"]) as odt:
        meta = odt.read("meta.xml").decode("utf-8")
    assert f'<meta:user-defined meta:name="erzeugt-mit" meta:value-type="string">{line}<' in meta
    html = sample["html"].read_text(encoding="utf-8")
    assert f'<meta name="generator" content="{line}" />' in html
    assert re.search(rf"^Keywords:\s+Erzeugt mit {re.escape(line)}$", pdf_info(sample["pdf"]),
                     re.M)
