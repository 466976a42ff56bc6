"""Generate the Word reference document (styles, A4 page, header, footer) with python-docx.

Pandoc takes styles, page settings, header and footer from ``--reference-doc``.
The generated document is independent of the concept: the header holds the
placeholders :data:`KOMMUNE` and :data:`TITEL` (and :data:`ENTWURF`), which
:mod:`.docxpost` fills in after pandoc has written the DOCX; the footer says
„Seite X von Y“ with PAGE and NUMPAGES fields; the title page has its own empty
footer and a header with only the logo. The same placeholders work in a
reference.docx edited by the user (keep each one in a single run).
"""

from __future__ import annotations

import io
from typing import Any

from . import wordstyles
from .design import Design
from .zipfix import normalise_zip

KOMMUNE = "{{kommune}}"
TITEL = "{{titel}}"
ENTWURF = "{{entwurf}}"

_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def reference_docx(design: Design) -> bytes:
    """The bytes of a reference.docx in the design's colours and font (deterministic)."""
    import docx
    from docx.shared import Cm

    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2.7), Cm(2.3)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2.2)
    section.header_distance, section.footer_distance = Cm(1.2), Cm(1.1)
    # the title page has its own (empty, or logo-only) header and no page number
    section.different_first_page_header_footer = True

    _install_styles(doc, design)
    _table_style(doc, design)
    _header(section, design)
    _footer(section)

    props = doc.core_properties
    props.title, props.author, props.comments = "", "", ""
    props.last_modified_by, props.revision = "", 1
    import datetime as dt

    fixed = dt.datetime(2000, 1, 1)
    props.created = props.modified = fixed
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalise_zip(buffer.getvalue())


def _install_styles(doc: Any, design: Design) -> None:
    """Replace python-docx's defaults by :mod:`.wordstyles` (no theme fonts anywhere)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    root = doc.styles.element
    ns = nsdecls("w")
    old_defaults = root.find(_qn("w:docDefaults"))
    new_defaults = parse_xml(wordstyles.doc_defaults(design).replace(
        "<w:docDefaults>", f"<w:docDefaults {ns}>", 1))
    if old_defaults is not None:
        old_defaults.addprevious(new_defaults)
        root.remove(old_defaults)
    else:
        root.insert(0, new_defaults)
    existing = {s.get(_qn("w:styleId")): s for s in root.findall(_qn("w:style"))}
    for xml in wordstyles.styles(design):
        element = parse_xml(xml.replace("<w:style ", f"<w:style {ns} ", 1))
        old = existing.get(element.get(_qn("w:styleId")))
        if old is not None:
            old.addprevious(element)
            root.remove(old)
        else:
            root.append(element)
    for fonts in root.iter(_qn("w:rFonts")):
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(_qn(attr), None)
        if fonts.get(_qn("w:ascii")) is None:
            for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                fonts.set(_qn(attr), design.schrift_office)


def _header(section: Any, design: Design) -> None:
    """Kommune left and title right in a borderless full-width table (a table, not tab
    stops: it stays aligned on landscape pages); the draft mark below; the logo on the
    title page's own header."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Cm, RGBColor

    header = section.header
    first = header.paragraphs[0]
    table = parse_xml(
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="5000" w:type="pct"/>'
        '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/>'
        '<w:right w:w="0" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="2773"/><w:gridCol w:w="6469"/></w:tblGrid><w:tr>'
        f'<w:tc><w:tcPr><w:tcW w:w="1500" w:type="pct"/></w:tcPr><w:p><w:pPr>'
        f'<w:pStyle w:val="Header"/></w:pPr><w:r><w:t>{KOMMUNE}</w:t></w:r></w:p></w:tc>'
        f'<w:tc><w:tcPr><w:tcW w:w="3500" w:type="pct"/></w:tcPr><w:p><w:pPr>'
        f'<w:pStyle w:val="Header"/><w:jc w:val="right"/></w:pPr><w:r><w:t>{TITEL}</w:t>'
        "</w:r></w:p></w:tc></w:tr></w:tbl>")
    first._p.addprevious(table)
    first.style = "Header"
    run = first.add_run(ENTWURF)
    run.bold = True
    run.font.color.rgb = RGBColor.from_string(design.akzent.lstrip("#"))

    title_header = section.first_page_header
    paragraph = title_header.paragraphs[0]
    paragraph.style = "Header"
    run = paragraph.add_run(ENTWURF)
    run.bold = True
    run.font.color.rgb = RGBColor.from_string(design.akzent.lstrip("#"))
    if design.logo is not None and design.logo.suffix.lower() in {".png", ".jpg", ".jpeg"}:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        logo = paragraph.insert_paragraph_before(style="Header")
        logo.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = logo.add_run()
        run.add_picture(str(design.logo), height=Cm(2.6))
        for doc_pr in run._r.iter(f"{{{_WP}}}docPr"):
            doc_pr.set("descr", design.logo_alt or "Logo")
            doc_pr.set("name", "Logo")


def _footer(section: Any) -> None:
    """„Seite X von Y“, right-aligned by the Footer style; nothing on the title page."""
    footer = section.footer.paragraphs[0]
    footer.style = "Footer"
    footer.add_run("Seite ")
    _field(footer, "PAGE", "1")
    footer.add_run(" von ")
    _field(footer, "NUMPAGES", "1")
    section.first_page_footer.paragraphs[0].style = "Footer"


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def _field(paragraph: Any, instr: str, placeholder: str) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paragraph._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" {instr} \\* MERGEFORMAT ">'
        f"<w:r><w:t>{placeholder}</w:t></w:r></w:fldSimple>"
    ))


def _table_style(doc: Any, design: Design) -> None:
    """The table style pandoc uses (named "Table"): grid lines, shaded bold header row."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    try:
        style = doc.styles["Table"]
    except KeyError:
        style = doc.styles.add_style("Table", WD_STYLE_TYPE.TABLE)
    style.base_style = doc.styles["Normal Table"]
    fill = _lighten(design.primaer, 0.85)
    border = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    element = style.element
    for tag in ("w:pPr", "w:rPr", "w:tblPr", "w:tblStylePr"):
        for old in element.findall(_qn(tag)):
            element.remove(old)
    element.append(parse_xml(
        f'<w:pPr {nsdecls("w")}><w:spacing w:before="40" w:after="40"/><w:jc w:val="left"/></w:pPr>'
    ))
    element.append(parse_xml(f'<w:rPr {nsdecls("w")}><w:sz w:val="19"/></w:rPr>'))
    element.append(parse_xml(
        f'<w:tblPr {nsdecls("w")}><w:tblBorders>{border}</w:tblBorders>'
        '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr>"
    ))
    element.append(parse_xml(
        f'<w:tblStylePr {nsdecls("w")} w:type="firstRow"><w:rPr><w:b/></w:rPr>'
        f'<w:trPr><w:tblHeader/></w:trPr><w:tcPr><w:shd w:val="clear" w:color="auto" '
        f'w:fill="{fill}"/></w:tcPr></w:tblStylePr>'
    ))


def _lighten(colour: str, amount: float) -> str:
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in rgb)
