"""The ODT reference document: pandoc's own, turned into A4 with our font, header and footer.

Pandoc's default reference.odt has US Letter pages, Times New Roman and English
as language; :func:`reference_odt` rewrites its ``styles.xml``.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from .design import Design
from .zipfix import rewrite_zip

_LAYOUT = re.compile(r"<style:page-layout-properties\b[^>]*?(/?)>", re.S)
_MASTER = re.compile(r"<office:master-styles>.*?</office:master-styles>", re.S)


def reference_odt(
    default_odt: bytes, design: Design, *, kommune: str, titel: str, draft: bool
) -> bytes:
    """Rewrite pandoc's default reference.odt (``default_odt``) for one document."""

    def change(name: str, content: bytes) -> bytes:
        if name != "styles.xml":
            return content
        return _styles(content.decode("utf-8"), design, kommune, titel, draft).encode("utf-8")

    return rewrite_zip(default_odt, change, fixed_time=True)


def _styles(xml: str, design: Design, kommune: str, titel: str, draft: bool) -> str:
    font = quoteattr(design.schrift_office)
    xml = xml.replace(
        "<office:font-face-decls>",
        f"<office:font-face-decls><style:font-face style:name={font} "
        f"svg:font-family={quoteattr(repr(design.schrift_office))} "
        'style:font-family-generic="swiss" style:font-pitch="variable"/>',
        1,
    )
    xml = re.sub(r'style:font-name="(Times New Roman|Arial)"', f"style:font-name={font}", xml)
    xml = xml.replace('fo:language="en" fo:country="US"', 'fo:language="de" fo:country="DE"')
    xml = xml.replace('fo:hyphenate="false"', 'fo:hyphenate="true"')
    xml = _LAYOUT.sub(
        lambda m: m.group(0)
        .replace('fo:page-width="8.5in"', 'fo:page-width="21cm"')
        .replace('fo:page-height="11in"', 'fo:page-height="29.7cm"')
        .replace('fo:margin-top="1in"', 'fo:margin-top="2.2cm"')
        .replace('fo:margin-bottom="1in"', 'fo:margin-bottom="2cm"')
        .replace('fo:margin-left="1in"', 'fo:margin-left="2.5cm"')
        .replace('fo:margin-right="1in"', 'fo:margin-right="2.2cm"'),
        xml,
        count=1,
    )
    xml = xml.replace(
        "<style:header-style />",
        '<style:header-style><style:header-footer-properties fo:min-height="0.6cm" '
        'fo:margin-bottom="0.4cm"/></style:header-style>',
    )
    head = f"{escape(kommune)}<text:tab/>{escape(titel)}"
    if draft:
        head = f"ENTWURF · {head}"
    master = (
        '<office:master-styles><style:master-page style:name="Standard" '
        'style:page-layout-name="Mpm1">'
        f'<style:header><text:p text:style-name="MP1">{head}</text:p></style:header>'
        '<style:footer><text:p text:style-name="MP1">Seite '
        '<text:page-number text:select-page="current">1</text:page-number> von '
        "<text:page-count>1</text:page-count></text:p></style:footer>"
        "</style:master-page></office:master-styles>"
    )
    quer = master.replace('style:name="Standard"', 'style:name="Querformat"').replace(
        'style:page-layout-name="Mpm1"', 'style:page-layout-name="IKquer"')
    # the title page: no header, no page number; the next page is an ordinary one
    title = ('<style:master-page style:name="Titelseite" style:page-layout-name="Mpm1" '
             'style:next-style-name="Standard"/>')
    master = (master.replace("</office:master-styles>", "") + title
              + quer[len("<office:master-styles>"):])
    xml = _MASTER.sub(lambda _m: master, xml, count=1)
    xml = _landscape_layout(xml)
    xml = _outline_numbering(xml)
    xml = _contents_styles(xml, design.primaer)
    xml = _title_style(xml, design.primaer)
    return _colour_headings(xml, design.primaer)


def _landscape_layout(xml: str) -> str:
    """Add the landscape page layout and the paragraph styles that switch to it and back.

    ``quer.lua`` puts an empty ``IK_Quer`` paragraph before and an ``IK_Hoch``
    paragraph after landscape content; their styles carry the master page.
    """
    layout = re.search(r'<style:page-layout style:name="Mpm1">.*?</style:page-layout>', xml, re.S)
    if layout is None:
        return xml
    turned = (layout.group(0).replace('style:name="Mpm1"', 'style:name="IKquer"')
              .replace('fo:page-width="21cm"', 'fo:page-width="29.7cm"')
              .replace('fo:page-height="29.7cm"', 'fo:page-height="21cm"')
              .replace('style:print-orientation="portrait"', 'style:print-orientation="landscape"'))
    xml = xml[: layout.end()] + turned + xml[layout.end() :]
    switch = "".join(
        f'<style:style style:name="{name}" style:family="paragraph" '
        f'style:parent-style-name="Standard" style:master-page-name="{page}">'
        '<style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/>'
        '<style:text-properties fo:font-size="1pt"/></style:style>'
        for name, page in (("IK_Quer", "Querformat"), ("IK_Hoch", "Standard"))
    )
    return xml.replace("</office:styles>", switch + "</office:styles>", 1)


def _colour_headings(xml: str, colour: str) -> str:
    """Headings in the design's primary colour; a chapter (level 1) starts a new page."""

    def change(match: re.Match[str]) -> str:
        style = match.group(0)
        level = match.group(1)
        if "<style:text-properties" in style:
            style = style.replace("<style:text-properties", f'<style:text-properties '
                                  f'fo:color="{colour}"', 1)
        else:
            style = style.replace("</style:style>", f'<style:text-properties fo:color='
                                  f'"{colour}"/></style:style>')
        if level == "1":
            keep = 'fo:break-before="page" fo:keep-with-next="always"'
        else:
            keep = 'fo:keep-with-next="always"'
        if "<style:paragraph-properties" in style:
            style = style.replace("<style:paragraph-properties",
                                  f"<style:paragraph-properties {keep}", 1)
        else:
            style = style.replace(">", f"><style:paragraph-properties {keep}/>", 1)
        return style

    return re.sub(r'<style:style [^>]*style:name="Heading_20_(\d)"[^>]*>.*?</style:style>',
                  change, xml, flags=re.S)


def _outline_numbering(xml: str) -> str:
    """Chapter numbers 1, 1.1, 1.1.1 … for the headings (the outline numbering)."""

    def level(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if number > 6:
            return match.group(0)
        return match.group(0).replace(
            'style:num-format=""',
            f'style:num-format="1" text:display-levels="{number}" style:num-suffix=" "')

    return re.sub(r'<text:outline-level-style [^>]*text:level="(\d+)"[^>]*>', level, xml)


def _title_style(xml: str, colour: str) -> str:
    """The title starts the title page (master page „Titelseite“)."""
    xml = re.sub(r'<style:style [^>]*style:name="Title"[^>]*>.*?</style:style>', "", xml,
                 flags=re.S)
    style = ('<style:style style:name="Title" style:family="paragraph" '
             'style:parent-style-name="Heading" style:master-page-name="Titelseite" '
             'style:class="chapter"><style:paragraph-properties fo:margin-top="4cm" '
             'fo:margin-bottom="0.5cm" fo:text-align="start"/><style:text-properties '
             f'fo:font-size="28pt" fo:font-weight="bold" fo:color="{colour}"/></style:style>')
    return xml.replace("</office:styles>", style + "</office:styles>", 1)


def _contents_styles(xml: str, colour: str) -> str:
    """The table of contents on its own page, its levels indented."""
    styles = (
        '<style:style style:name="Contents_20_Heading" style:display-name="Contents Heading" '
        'style:family="paragraph" style:parent-style-name="Heading" style:class="index">'
        '<style:paragraph-properties fo:break-before="page" fo:margin-bottom="0.3cm"/>'
        f'<style:text-properties fo:font-size="18pt" fo:font-weight="bold" fo:color="{colour}"/>'
        "</style:style>")
    for level in range(1, 5):
        weight = ' fo:font-weight="bold"' if level == 1 else ""
        styles += (
            f'<style:style style:name="Contents_20_{level}" style:display-name="Contents {level}" '
            'style:family="paragraph" style:parent-style-name="Standard" style:class="index">'
            f'<style:paragraph-properties fo:margin-left="{(level - 1) * 0.5}cm" '
            'fo:margin-top="0.05cm" fo:margin-bottom="0.05cm"/>'
            f"<style:text-properties{weight}/></style:style>")
    return xml.replace("</office:styles>", styles + "</office:styles>", 1)
