"""Finish a DOCX written by pandoc: landscape sections, header texts, draft mark, and
the body and package fixes of :mod:`.docxbody` and :mod:`.docxstyles`.

- :mod:`quer.lua <.pandoc>` leaves ``<!--IK-QUER-ANFANG-->``/``<!--IK-QUER-ENDE-->``
  around landscape content; they become paragraphs holding a ``<w:sectPr>`` copied
  from the document's last section (so header and footer references carry over):
  portrait for the section that ends before the wide content, landscape after it.
- The placeholders of :mod:`.referencedoc` in headers and footers get the Kommune
  and title; ``{{entwurf}}`` becomes „ENTWURF“ for a draft and disappears otherwise
  (a draft without the placeholder gets an extra header paragraph).
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from . import docxstyles
from .docxbody import finish_body
from .referencedoc import ENTWURF, KOMMUNE, TITEL
from .zipfix import rewrite_zip

_LAST_SECT = re.compile(rb"(<w:sectPr\b.*?</w:sectPr>|<w:sectPr\b[^>]*/>)\s*</w:body>", re.S)
_PART = re.compile(r"^word/(header|footer)\d*\.xml$")


def finish_docx(data: bytes, *, kommune: str, titel: str, draft: bool,
                office_font: str = "Arial", toc_depth: int = 2) -> bytes:
    """Return the finished DOCX bytes (deterministic for deterministic input)."""
    texts = {
        KOMMUNE: escape(kommune).encode(),
        TITEL: escape(titel).encode(),
        ENTWURF: b"ENTWURF",
    }
    parts = _parts(data)
    has_mark = b"{{entwurf}}" in b"".join(v for k, v in parts.items() if _PART.match(k))
    body = finish_body(_landscape(parts["word/document.xml"]), toc_depth=toc_depth)
    numbering, num_id = docxstyles.heading_numbering(
        parts.get("word/numbering.xml", b"<w:numbering></w:numbering>"))
    used = docxstyles.used_styles(
        [body, *(v for k, v in parts.items() if k != "word/styles.xml" and k != "word/document.xml"
                 and k.startswith("word/") and k.endswith(".xml"))])
    fixed = {
        "word/document.xml": body,
        "word/numbering.xml": numbering,
        "word/fontTable.xml": docxstyles.font_table(office_font),
        "docProps/app.xml": docxstyles.app_properties(),
    }

    def change(name: str, content: bytes) -> bytes:
        if name in fixed:
            return fixed[name]
        if name == "word/styles.xml":
            return docxstyles.finish_styles(content, used, num_id)
        if name == "word/settings.xml":
            return docxstyles.finish_settings(content)
        if name.startswith("word/theme/"):
            return docxstyles.theme_fonts(content, office_font)
        if name == "docProps/custom.xml":
            return docxstyles.custom_properties(content)
        match = _PART.match(name)
        if not match:
            return content
        if not draft:
            content = _drop_mark(content)
        for key, value in texts.items():
            content = content.replace(key.encode(), value)
        if draft and not has_mark and match.group(1) == "header":
            content = re.sub(
                rb"(<w:hdr\b[^>]*>)",
                rb"\1<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>ENTWURF</w:t></w:r></w:p>",
                content, count=1,
            )
        return content

    return rewrite_zip(data, change)


def _drop_mark(xml: bytes) -> bytes:
    """Remove the paragraph holding the draft placeholder (or just the text, if alone)."""
    paragraphs = re.findall(rb"<w:p\b(?:(?!</w:p>).)*?</w:p>", xml, re.S)
    # a paragraph right after a table stays (a header must not end with a table)
    marked = [p for p in paragraphs if ENTWURF.encode() in p
              and not re.search(rb"</w:tbl>\s*" + re.escape(p), xml)]
    if marked and len(paragraphs) > len(marked):
        for paragraph in marked:
            xml = xml.replace(paragraph, b"", 1)
    return xml.replace(ENTWURF.encode(), b"")


def _parts(data: bytes) -> dict[str, bytes]:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist() if n.endswith(".xml")}


def _landscape(xml: bytes) -> bytes:
    if b"<!--IK-QUER-" not in xml:
        return xml
    match = _LAST_SECT.search(xml)
    portrait = match.group(1) if match else b"<w:sectPr/>"
    title_section = portrait  # the first section holds the title page
    portrait = re.sub(rb"<w:titlePg\s*/>", b"", portrait)
    landscape = _turn(portrait)

    def para(sect: bytes) -> bytes:
        return b"<w:p><w:pPr>" + sect + b"</w:pPr></w:p>"

    xml = xml.replace(b"<!--IK-QUER-ANFANG-->", para(title_section), 1)
    xml = xml.replace(b"<!--IK-QUER-ANFANG-->", para(portrait))
    return xml.replace(b"<!--IK-QUER-ENDE-->", para(landscape))


def _turn(sect: bytes) -> bytes:
    """A copy of ``sect`` with width and height swapped and landscape orientation."""
    size = re.search(rb"<w:pgSz\b[^>]*/>", sect)
    if size is None:
        new = b'<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
        return sect.replace(b"</w:sectPr>", new + b"</w:sectPr>")
    attrs: dict[bytes, bytes] = dict(re.findall(rb'w:(\w+)="([^"]*)"', size.group(0)))
    width, height = attrs.get(b"w", b"11906"), attrs.get(b"h", b"16838")
    if int(width) < int(height):
        width, height = height, width
    new = b'<w:pgSz w:w="' + width + b'" w:h="' + height + b'" w:orient="landscape"/>'
    return sect[: size.start()] + new + sect[size.end() :]
