"""Generate the Word reference document (styles, A4 page, header, footer) with python-docx.

Pandoc takes styles, page settings, header and footer from ``--reference-doc``.
The generated document is independent of the concept: the header holds the
placeholders :data:`KOMMUNE` and :data:`TITEL` (and :data:`ENTWURF`), which
:mod:`.docxpost` fills in after pandoc has written the DOCX; the footer says
„Seite X von Y“ with PAGE and NUMPAGES fields. The same placeholders work in a
reference.docx edited by the user (keep each one in a single run).
"""

from __future__ import annotations

import io
from typing import Any

from .design import Design
from .zipfix import normalise_zip

KOMMUNE = "{{kommune}}"
TITEL = "{{titel}}"
ENTWURF = "{{entwurf}}"

_HEADINGS = {1: 18, 2: 14, 3: 12.5, 4: 11}
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def reference_docx(design: Design) -> bytes:
    """The bytes of a reference.docx in the design's colours and font (deterministic)."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Cm, Pt, RGBColor

    doc = docx.Document()
    primaer = RGBColor.from_string(design.primaer.lstrip("#"))
    grau = RGBColor(0x59, 0x59, 0x59)

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2.7), Cm(2.3)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2.2)
    section.header_distance, section.footer_distance = Cm(1.2), Cm(1.1)

    styles = doc.styles

    def para_style(name: str, base: str | None = "Normal") -> Any:
        try:
            style = styles[name]
        except KeyError:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if base and name != base:
            style.base_style = styles[base]
        return style

    normal = styles["Normal"]
    normal.font.name = design.schrift
    normal.font.size = Pt(11)
    _east_asia_font(normal, design.schrift)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15

    for name in ("Body Text", "First Paragraph", "Compact"):
        style = para_style(name)
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.space_after = Pt(2 if name == "Compact" else 8)

    for level, size in _HEADINGS.items():
        style = para_style(f"Heading {level}")
        style.font.name = design.schrift
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = primaer
        style.paragraph_format.space_before = Pt(18 if level == 1 else 12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.page_break_before = level == 1

    for name, size, colour, bold in (
        ("Title", 30, primaer, True),
        ("Subtitle", 16, grau, False),
        ("Author", 14, grau, False),
        ("Date", 12, grau, False),
    ):
        style = para_style(name)
        style.font.name = design.schrift
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.color.rgb = colour
        style.paragraph_format.space_after = Pt(12)
    styles["Title"].paragraph_format.space_before = Pt(120)

    for name in ("Caption", "Table Caption", "Image Caption"):
        style = para_style(name)
        style.font.size = Pt(10)
        style.font.italic = False
        style.font.bold = False
        style.font.color.rgb = grau
        style.paragraph_format.space_before = Pt(6)
        style.paragraph_format.keep_with_next = name == "Table Caption"

    toc = para_style("TOC Heading", "Heading 1")
    toc.paragraph_format.page_break_before = True  # the title block stays alone on page 1

    for name in ("Header", "Footer"):
        style = para_style(name)
        style.font.size = Pt(9)
        style.font.color.rgb = grau

    _table_style(doc, design)

    # Header: Kommune left, title right; footer: page x of y.
    width = section.page_width - section.left_margin - section.right_margin
    header = section.header.paragraphs[0]
    header.style = styles["Header"]
    header.paragraph_format.tab_stops.clear_all()
    header.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    header.add_run(KOMMUNE)
    header.add_run("\t")
    header.add_run(TITEL)
    mark = section.header.add_paragraph(style=styles["Header"])
    run = mark.add_run(ENTWURF)
    run.bold = True
    run.font.color.rgb = RGBColor.from_string(design.akzent.lstrip("#"))

    footer = section.footer.paragraphs[0]
    footer.style = styles["Footer"]
    footer.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    footer.add_run("\tSeite ")
    _field(footer, "PAGE", "1")
    footer.add_run(" von ")
    _field(footer, "NUMPAGES", "1")

    if design.logo is not None and design.logo.suffix.lower() in {".png", ".jpg", ".jpeg"}:
        run = header.insert_paragraph_before().add_run()
        run.add_picture(str(design.logo), height=Cm(1.2))
        for doc_pr in run._r.iter(f"{{{_WP}}}docPr"):
            doc_pr.set("descr", design.logo_alt or "Logo")
            doc_pr.set("name", "Logo")

    props = doc.core_properties
    props.title, props.author, props.comments = "", "", ""
    props.last_modified_by, props.revision = "", 1
    import datetime as dt

    fixed = dt.datetime(2000, 1, 1)
    props.created = props.modified = fixed
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalise_zip(buffer.getvalue())


def _east_asia_font(style: Any, name: str) -> None:
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rFonts")
    if fonts is not None:
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(_qn(attr), name)


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
