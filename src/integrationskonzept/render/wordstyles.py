"""The Word styles of the generated reference.docx, as WordprocessingML snippets.

Every style the DOCX uses is defined here (pandoc's own ones included, so nothing
falls back to plain text): headings in the design's office font and colour, no theme
fonts (``w:asciiTheme`` would win over ``w:ascii`` in Word and bring back Calibri),
header and footer without Word's default centre and right tab stops, hyperlinks
underlined (visible without colour), the label style „Bezeichnung“ for „Federführung:“,
the table of contents levels and the caption style Word's list of figures reads.
Style names of Word's built-in styles stay English (Word shows them in the user's
language); pandoc's custom styles get German names when the DOCX is finished
(:data:`GERMAN_NAMES`, used by :mod:`.docxstyles`).
"""

from __future__ import annotations

from .design import Design

# Text width of the A4 page with the reference's margins (21 cm - 2.5 cm - 2.2 cm), twips.
TEXT_WIDTH = 9242
HEADING_SIZES = {1: 18, 2: 14, 3: 12.5, 4: 11, 5: 11, 6: 11}
GREY = "595959"

# styleId -> German display name of pandoc's custom (non built-in) styles.
GERMAN_NAMES = {
    "FirstParagraph": "Erster Absatz",
    "Compact": "Kompakt",
    "Author": "Autor",
    "ImageCaption": "Bildunterschrift",
    "TableCaption": "Tabellenüberschrift",
    "CaptionedFigure": "Abbildung mit Beschriftung",
    "Figure": "Abbildung",
    "Table": "Tabelle",
    "VerbatimChar": "Code (Zeichen)",
    "SourceCode": "Quelltext",
    "Abstract": "Zusammenfassung",
    "Bibliography": "Literatur",
    "Definition": "Definition",
    "DefinitionTerm": "Begriff",
    "BodyTextChar": "Textkörper Zeichen",
    "Bezeichnung": "Bezeichnung",
}


def _fonts(name: str) -> str:
    return (f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}" '
            f'w:cs="{name}"/>')


def _half_points(size: float) -> str:
    return str(round(size * 2))


def _para(style_id: str, name: str, ppr: str = "", rpr: str = "", *, based: str = "Normal",
          next_: str = "", custom: bool = False, extra: str = "") -> str:
    attrs = ' w:customStyle="1"' if custom else ""
    based_on = f'<w:basedOn w:val="{based}"/>' if based else ""
    nxt = f'<w:next w:val="{next_}"/>' if next_ else ""
    return (f'<w:style w:type="paragraph"{attrs} w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f"{based_on}{nxt}{extra}<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr>"
            "</w:style>")


def _char(style_id: str, name: str, rpr: str, *, custom: bool = False) -> str:
    attrs = ' w:customStyle="1"' if custom else ""
    return (f'<w:style w:type="character"{attrs} w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f'<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/>'
            f"<w:rPr>{rpr}</w:rPr></w:style>")


def doc_defaults(design: Design) -> str:
    """``<w:docDefaults>``: the office font, 11 pt, German."""
    return (f"<w:docDefaults><w:rPrDefault><w:rPr>{_fonts(design.schrift_office)}"
            '<w:sz w:val="22"/><w:szCs w:val="22"/>'
            '<w:lang w:val="de-DE" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/>'
            "</w:pPr></w:pPrDefault></w:docDefaults>")


def styles(design: Design) -> list[str]:
    """The style definitions (each replaces a style of the same id)."""
    colour = design.primaer.lstrip("#")
    font = _fonts(design.schrift_office)
    out = [
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        '<w:qFormat/><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr>'
        f'<w:rPr>{font}<w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>',
        _para("BodyText", "Body Text", '<w:spacing w:before="0" w:after="160"/>'),
        _para("FirstParagraph", "First Paragraph", '<w:spacing w:before="0" w:after="160"/>',
              based="BodyText", next_="BodyText", custom=True),
        _para("Compact", "Compact", '<w:spacing w:before="0" w:after="40"/>',
              based="BodyText", custom=True),
    ]
    for level, size in HEADING_SIZES.items():
        breaks = "<w:pageBreakBefore/>" if level == 1 else ""
        before = 360 if level == 1 else 240
        out.append(_para(
            f"Heading{level}", f"heading {level}",
            f'<w:keepNext/><w:keepLines/>{breaks}<w:spacing w:before="{before}" w:after="120"/>'
            f'<w:outlineLvl w:val="{level - 1}"/>',
            f'{font}<w:b/><w:bCs/><w:i w:val="0"/><w:color w:val="{colour}"/>'
            f'<w:sz w:val="{_half_points(size)}"/><w:szCs w:val="{_half_points(size)}"/>',
            next_="BodyText"))
    for style_id, name, size, bold, colour_of, ppr in (
        ("Title", "Title", 30, True, colour, '<w:spacing w:before="2400" w:after="240"/>'),
        ("Subtitle", "Subtitle", 16, False, GREY, '<w:spacing w:after="240"/>'),
        ("Author", "Author", 14, False, GREY, '<w:spacing w:before="480" w:after="120"/>'),
        ("Date", "Date", 12, False, GREY, '<w:spacing w:after="120"/>'),
    ):
        out.append(_para(
            style_id, name, f"<w:keepNext/>{ppr}",
            f'{font}{"<w:b/>" if bold else ""}<w:color w:val="{colour_of}"/>'
            f'<w:sz w:val="{_half_points(size)}"/>', custom=style_id == "Author"))
    caption_rpr = f'<w:color w:val="{GREY}"/><w:sz w:val="20"/><w:szCs w:val="20"/>'
    out += [
        _para("Caption", "caption", '<w:spacing w:before="120" w:after="120"/>', caption_rpr,
              next_="BodyText"),
        _para("TableCaption", "Table Caption", '<w:keepNext/><w:spacing w:before="120"/>',
              caption_rpr, based="Caption", custom=True),
        _para("ImageCaption", "Image Caption", '<w:spacing w:before="60" w:after="200"/>',
              caption_rpr, based="Caption", custom=True),
        _para("CaptionedFigure", "Captioned Figure", "<w:keepNext/>", based="Normal",
              custom=True),
        _para("Figure", "Figure", "<w:keepNext/>", custom=True),
        _para("TOCHeading", "TOC Heading", '<w:pageBreakBefore/><w:numPr><w:ilvl w:val="0"/>'
              '<w:numId w:val="0"/></w:numPr><w:outlineLvl w:val="9"/>',
              based="Heading1", next_="Normal"),
        _para("Verzeichnistitel", "Verzeichnistitel", '<w:keepNext/><w:spacing w:before="360" '
              'w:after="120"/>', f'<w:b/><w:color w:val="{colour}"/><w:sz w:val="28"/>',
              next_="TableofFigures", custom=True),
        _para("Ueberleitung", "Überleitung", '<w:keepNext/><w:spacing w:before="0" '
              'w:after="160"/>', based="BodyText", custom=True),
        _para("TableofFigures", "table of figures", f'<w:tabs><w:tab w:val="right" '
              f'w:leader="dot" w:pos="{TEXT_WIDTH}"/></w:tabs><w:spacing w:after="60"/>'),
        _para("BlockText", "Block Text", '<w:ind w:left="567" w:right="567"/>',
              f'<w:i/><w:color w:val="{GREY}"/>'),
        _para("Header", "header", '<w:tabs><w:tab w:val="clear" w:pos="4680"/>'
              '<w:tab w:val="clear" w:pos="9360"/></w:tabs><w:spacing w:after="0" '
              'w:line="240" w:lineRule="auto"/>', f'<w:color w:val="{GREY}"/><w:sz w:val="18"/>'),
        _para("Footer", "footer", '<w:tabs><w:tab w:val="clear" w:pos="4680"/>'
              '<w:tab w:val="clear" w:pos="9360"/></w:tabs><w:spacing w:after="0" '
              'w:line="240" w:lineRule="auto"/><w:jc w:val="right"/>',
              f'<w:color w:val="{GREY}"/><w:sz w:val="18"/>'),
        _char("Hyperlink", "Hyperlink", f'<w:color w:val="{colour}"/><w:u w:val="single"/>'),
        _char("Bezeichnung", "Bezeichnung", "<w:b/><w:bCs/>", custom=True),
        _char("VerbatimChar", "Verbatim Char", '<w:rFonts w:ascii="Courier New" '
              'w:hAnsi="Courier New" w:cs="Courier New"/><w:sz w:val="20"/>', custom=True),
    ]
    for level in (1, 2, 3, 4):
        indent = (level - 1) * 284
        number_tab = indent + (567 if level == 1 else 851 if level == 2 else 1134)
        weight = "<w:b/>" if level == 1 else ""
        spacing = '<w:spacing w:before="120" w:after="40"/>' if level == 1 else (
            '<w:spacing w:before="0" w:after="40"/>')
        out.append(_para(
            f"TOC{level}", f"toc {level}",
            f'<w:tabs><w:tab w:val="left" w:pos="{number_tab}"/><w:tab w:val="right" '
            f'w:leader="dot" w:pos="{TEXT_WIDTH}"/></w:tabs>{spacing}'
            f'<w:ind w:left="{number_tab}" w:hanging="{number_tab - indent}"/>', weight,
            next_="Normal"))
    return out
