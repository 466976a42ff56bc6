"""Finish the package parts of a DOCX written by pandoc: styles, numbering, settings,
fonts and properties.

- ``styles.xml``: Heading 1–6 linked to one multilevel list (:func:`heading_numbering`),
  pandoc's custom styles with German names (:data:`.wordstyles.GERMAN_NAMES`), every
  style nobody uses removed (the ~180 table and list styles of Word's blank document),
  a few a press office needs kept (:data:`KEEP`).
- ``settings.xml``: Word 2013+ mode (no compatibility mode), fields updated on opening
  (the table of contents gets its page numbers), German decimal and list separators.
- ``fontTable.xml``, the theme's fonts: only the design's office font.
- ``docProps``: no template name, application or version of the blank document
  python-docx started from; no pandoc-internal properties.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from .wordstyles import GERMAN_NAMES

KEEP = frozenset({
    "Normal", "DefaultParagraphFont", "TableNormal", "NoList", "BodyText", "FirstParagraph",
    "Compact", "Title", "Subtitle", "Heading1", "Heading2", "Heading3", "Heading4", "Heading5",
    "Heading6", "TOC1",
    "TOC2", "TOC3", "TOC4", "TOCHeading", "Caption", "TableofFigures", "Hyperlink",
    "Bezeichnung", "Verzeichnistitel", "Header", "Footer", "Table", "BlockText", "ImageCaption",
    "TableCaption",
})
_STYLE = re.compile(rb"<w:style\b[^>]*>.*?</w:style>", re.S)
_STYLE_ID = re.compile(rb'w:styleId="([^"]+)"')
_USED = re.compile(rb'<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"')
_REFS = re.compile(rb'<w:(?:basedOn|link|next) w:val="([^"]+)"')
_HEADING_LEVELS = 6


def used_styles(parts: Iterable[bytes]) -> set[bytes]:
    """The style ids the document's parts (body, headers, footers, notes) name."""
    used: set[bytes] = set()
    for part in parts:
        used.update(_USED.findall(part))
    return used


def finish_styles(xml: bytes, used: set[bytes], num_id: int) -> bytes:
    """Drop unused styles, link the headings to list ``num_id``, German names."""
    styles = {m.group(0): _STYLE_ID.search(m.group(0)) for m in _STYLE.finditer(xml)}
    by_id = {match.group(1): style for style, match in styles.items() if match}
    keep = set(used) | {k.encode() for k in KEEP}
    keep |= {sid for sid, style in by_id.items() if b'w:default="1"' in style[:200]}
    todo = list(keep)
    while todo:  # what the kept styles are based on, linked to or followed by
        style = by_id.get(todo.pop())
        for ref in _REFS.findall(style or b""):
            if ref not in keep:
                keep.add(ref)
                todo.append(ref)

    def change(match: re.Match[bytes]) -> bytes:
        style = match.group(0)
        found = _STYLE_ID.search(style)
        sid = found.group(1) if found else b""
        if sid not in keep:
            return b""
        heading = re.fullmatch(rb"Heading([1-9])", sid)
        if heading and int(heading.group(1)) <= _HEADING_LEVELS:
            style = _link_numbering(style, int(heading.group(1)) - 1, num_id)
        german = GERMAN_NAMES.get(sid.decode())
        if german:
            style = re.sub(rb'<w:name w:val="[^"]*"\s*/>',
                           f"<w:name w:val={quoteattr(german)}/>".encode(), style, count=1)
        return style

    return _STYLE.sub(change, xml)


def _link_numbering(style: bytes, level: int, num_id: int) -> bytes:
    numpr = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'.encode()
    style = re.sub(rb"<w:numPr>.*?</w:numPr>", b"", style, flags=re.S)
    if re.search(rb"<w:pPr\s*/>", style):
        return re.sub(rb"<w:pPr\s*/>", b"<w:pPr>" + numpr + b"</w:pPr>", style, count=1)
    if b"<w:pPr>" in style:
        # numPr comes after keepNext/keepLines/pageBreakBefore/framePr/widowControl
        return re.sub(rb"(<w:pPr>(?:<w:(?:pStyle|keepNext|keepLines|pageBreakBefore|framePr|"
                      rb"widowControl)\b[^>]*/>)*)", lambda m: m.group(1) + numpr, style,
                      count=1)
    return style.replace(b"</w:style>", b"<w:pPr>" + numpr + b"</w:pPr></w:style>")


def heading_numbering(xml: bytes) -> tuple[bytes, int]:
    """Add the multilevel list 1 / 1.1 / 1.1.1 … for the Heading styles; its numId."""
    abstract = max((int(x) for x in re.findall(rb'w:abstractNumId="(\d+)"', xml)), default=0) + 1
    num_id = max((int(x) for x in re.findall(rb'w:numId="(\d+)"', xml)), default=0) + 1
    levels = []
    for level in range(9):
        text = ".".join(f"%{i + 1}" for i in range(level + 1))
        indent = (567, 851, 1134, 1134, 1418, 1418)[min(level, 5)]
        style = f'<w:pStyle w:val="Heading{level + 1}"/>' if level < _HEADING_LEVELS else ""
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>{style}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:tabs><w:tab '
            f'w:val="num" w:pos="{indent}"/></w:tabs><w:ind w:left="{indent}" '
            f'w:hanging="{indent}"/></w:pPr></w:lvl>')
    definition = (f'<w:abstractNum w:abstractNumId="{abstract}"><w:multiLevelType '
                  f'w:val="multilevel"/><w:name w:val="Überschriften"/>{"".join(levels)}'
                  "</w:abstractNum>").encode()
    num = f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/></w:num>'.encode()
    # all abstractNum elements come before the first num
    first_num = xml.find(b"<w:num ")
    if first_num < 0:
        first_num = xml.rfind(b"</w:numbering>")
    xml = xml[:first_num] + definition + xml[first_num:]
    end = xml.rfind(b"</w:numbering>")
    return xml[:end] + num + xml[end:], num_id


def finish_settings(xml: bytes) -> bytes:
    """Word 2013+ mode, update fields on opening, German separators."""
    xml = re.sub(rb'(<w:compatSetting w:name="compatibilityMode" [^>]*w:val=")\d+(")',
                 rb"\g<1>15\2", xml)
    xml = re.sub(rb"<w:embedSystemFonts\s*/>", b"", xml)
    xml = re.sub(rb"<w:updateFields\b[^>]*/>", b"", xml)
    # the schema's place: after savePreviewPicture and the XML options, before the header
    # shape defaults, note properties and compat (Word checks the order)
    later = re.search(rb"<w:(?:hdrShapeDefaults|footnotePr|endnotePr|compat|docVars|rsids)\b",
                      xml)
    update = b'<w:updateFields w:val="true" />'
    if later is not None:
        xml = xml[: later.start()] + update + xml[later.start():]
    else:
        xml = xml.replace(b"</w:settings>", update + b"</w:settings>", 1)
    xml = xml.replace(b'<w:decimalSymbol w:val="." />', b'<w:decimalSymbol w:val="," />')
    xml = xml.replace(b'<w:listSeparator w:val="," />', b'<w:listSeparator w:val=";" />')
    return re.sub(rb'<w:themeFontLang\b[^>]*/>', b'<w:themeFontLang w:val="de-DE" />', xml)


def font_table(font: str) -> bytes:
    """``fontTable.xml`` naming only the office font and the code font."""
    entries = "".join(
        f'<w:font w:name={quoteattr(name)}><w:family w:val="{family}"/>'
        f'<w:pitch w:val="{pitch}"/></w:font>'
        for name, family, pitch in ((font, "swiss", "variable"), ("Courier New", "modern",
                                                                   "fixed")))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts '
            'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"{entries}</w:fonts>").encode()


def theme_fonts(xml: bytes, font: str) -> bytes:
    """The theme's heading and body fonts become the office font."""
    return re.sub(rb"(<a:(?:major|minor)Font>\s*<a:latin typeface=)\"[^\"]*\"",
                  lambda m: m.group(1) + quoteattr(font).encode(), xml)


def app_properties() -> bytes:
    """``docProps/app.xml`` without the blank document's template, application, counts."""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns='
            '"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            f"<Application>{escape('ik (Integrationskonzept)')}</Application>"
            "<DocSecurity>0</DocSecurity></Properties>").encode()


def custom_properties(xml: bytes) -> bytes:
    """Drop pandoc's internal ``toc-title`` property."""
    return re.sub(rb'<property [^>]*name="toc-title">.*?</property>', b"", xml, flags=re.S)
