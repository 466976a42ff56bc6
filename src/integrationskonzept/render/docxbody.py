"""Finish the body (``word/document.xml``) of a DOCX written by pandoc.

What Word, LibreOffice and a press office need that pandoc does not write:

- **Real heading numbering**: pandoc's ``--number-sections`` types „1.2“ plus a tab into
  each heading (style ``SectionNumber``), so nothing renumbers when a chapter moves.
  The typed number is removed; the Heading styles carry a multilevel list
  (:mod:`.docxstyles`), and headings pandoc left unnumbered get ``numId 0``.
- **A filled table of contents**: pandoc writes an empty TOC field. The entries
  (number, title, a PAGEREF to the heading's bookmark) are written as the field's
  cached result, for :data:`Design.inhalt_tiefe <.design.Design>` levels; Word
  refreshes them on opening (``w:updateFields`` in the settings).
- **Lists of figures and tables** after the contents, as ``TOC \\c`` fields with cached
  entries (caption and a PAGEREF to its bookmark), when the document has any.
- Captions count with ``SEQ Abbildung``/``SEQ Tabelle`` (the labels German Word's list
  of figures and „Beschriftung einfügen“ use), each bookmark name occurs once,
  table rows do not split across pages.
- Table columns as wide as the page's text (:mod:`.docxtables`), not pandoc's 5.5 inches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

from .docxtables import fit_table_grids

HEADING_NUM_ID = 9000  # the w:num of the heading list (see docxstyles.heading_numbering)

_HEADING = re.compile(
    rb'(?P<before>(?:<w:bookmarkStart w:id="\d+" w:name="(?P<bm>[^"]*)" />\s*)?)'
    rb'<w:p><w:pPr><w:pStyle w:val="Heading(?P<level>[1-9])" />(?P<ppr>.*?)</w:pPr>'
    rb"(?P<body>.*?)</w:p>", re.S)
_NUMBER = re.compile(
    rb'<w:r><w:rPr><w:rStyle w:val="SectionNumber" /></w:rPr><w:t xml:space="preserve">'
    rb"(?P<num>[^<]*)</w:t></w:r><w:r><w:tab /></w:r>")
_TEXT = re.compile(rb"<w:t(?: [^>]*)?>([^<]*)</w:t>")
_TOC = re.compile(rb"(<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery "
                  rb'w:val="Table of Contents" />.*?<w:sdtContent>)(.*?)(</w:sdtContent></w:sdt>)',
                  re.S)


@dataclass(frozen=True)
class Heading:
    """One heading as the table of contents shows it."""

    level: int
    number: str
    title: str
    bookmark: str


def finish_body(xml: bytes, *, toc_depth: int) -> bytes:
    """Apply everything of this module to ``word/document.xml``."""
    xml, headings = number_headings(xml)
    xml = fill_toc(xml, headings, toc_depth)
    xml = unique_bookmarks(xml)
    xml = figure_lists(xml)
    xml = xml.replace(b'w:instr="SEQ Figure ', b'w:instr="SEQ Abbildung ')
    xml = xml.replace(b'w:instr="SEQ Table ', b'w:instr="SEQ Tabelle ')
    return fit_table_grids(keep_rows_together(xml))


def number_headings(xml: bytes) -> tuple[bytes, list[Heading]]:
    """Drop typed section numbers (the style numbers instead); list the headings."""
    headings: list[Heading] = []

    def change(match: re.Match[bytes]) -> bytes:
        level = int(match.group("level"))
        body, ppr = match.group("body"), match.group("ppr")
        number = _NUMBER.search(body)
        if number is not None:
            body = body[: number.start()] + body[number.end():]
        else:
            ppr = b'<w:numPr><w:ilvl w:val="0" /><w:numId w:val="0" /></w:numPr>' + ppr
        title = b"".join(_TEXT.findall(body)).decode("utf-8")
        headings.append(Heading(level, number.group("num").decode() if number else "",
                                _unescape(title), (match.group("bm") or b"").decode()))
        return (match.group("before") + b'<w:p><w:pPr><w:pStyle w:val="Heading'
                + match.group("level") + b'" />' + ppr + b"</w:pPr>" + body + b"</w:p>")

    return _HEADING.sub(change, xml), headings


def fill_toc(xml: bytes, headings: list[Heading], depth: int) -> bytes:
    """Write the cached entries into pandoc's TOC field (levels 1 to ``depth``)."""
    match = _TOC.search(xml)
    if match is None:
        return xml
    title = re.search(rb'<w:p><w:pPr><w:pStyle w:val="TOCHeading" />.*?</w:p>', match.group(2),
                      re.S)
    wanted = [h for h in headings if h.level <= depth and h.title]
    instr = f' TOC \\o "1-{depth}" \\h \\z \\u '
    begin = ('<w:r><w:fldChar w:fldCharType="begin" w:dirty="true" /></w:r>'
             f'<w:r><w:instrText xml:space="preserve">{instr}</w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate" /></w:r>')
    end = '<w:r><w:fldChar w:fldCharType="end" /></w:r>'
    paragraphs = []
    for index, heading in enumerate(wanted):
        entry = _toc_entry(heading)
        prefix = begin if index == 0 else ""
        suffix = end if index == len(wanted) - 1 else ""
        paragraphs.append(f'<w:p><w:pPr><w:pStyle w:val="TOC{heading.level}" /></w:pPr>'
                          f"{prefix}{entry}{suffix}</w:p>")
    if not paragraphs:
        paragraphs.append(f"<w:p>{begin}{end}</w:p>")
    content = (title.group(0) if title else b"") + "".join(paragraphs).encode("utf-8")
    return xml[: match.start(2)] + content + xml[match.end(2):]


def _toc_entry(heading: Heading) -> str:
    text = escape(heading.title)
    number = (f'<w:r><w:t xml:space="preserve">{escape(heading.number)}</w:t></w:r>'
              "<w:r><w:tab /></w:r>") if heading.number else ""
    runs = f'{number}<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'
    if not heading.bookmark:
        return runs
    mark = escape(heading.bookmark, {'"': "&quot;"})
    page = ("<w:r><w:tab /></w:r>"
            '<w:r><w:fldChar w:fldCharType="begin" /></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> PAGEREF {mark} \\h </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate" /></w:r>'
            '<w:r><w:t></w:t></w:r><w:r><w:fldChar w:fldCharType="end" /></w:r>')
    return f'<w:hyperlink w:anchor="{mark}" w:history="1">{runs}{page}</w:hyperlink>'


_CAPTION = re.compile(
    rb'<w:bookmarkStart w:id="\d+" w:name="(?P<bm>[^"]*)" />\s*'
    rb"(?:<w:p><w:pPr><w:pStyle w:val=\"CaptionedFigure\" />.*?</w:p>\s*)?"
    rb'<w:p><w:pPr><w:pStyle w:val="(?P<style>ImageCaption|TableCaption)" /></w:pPr>'
    rb"(?P<body>.*?)</w:p>", re.S)
_LISTS = (("ImageCaption", "Abbildung", "Abbildungsverzeichnis"),
          ("TableCaption", "Tabelle", "Tabellenverzeichnis"))


def figure_lists(xml: bytes) -> bytes:
    """Lists of figures and tables right after the table of contents."""
    captions: dict[str, list[Heading]] = {"ImageCaption": [], "TableCaption": []}
    for match in _CAPTION.finditer(xml):
        text = _unescape(b"".join(_TEXT.findall(match.group("body"))).decode("utf-8"))
        if text:
            captions[match.group("style").decode()].append(
                Heading(1, "", text, match.group("bm").decode()))
    toc_end = xml.find(b"</w:sdt>")
    if toc_end < 0 or not any(captions.values()):
        return xml
    toc_end += len(b"</w:sdt>")
    parts = []
    first = True
    for style, label, title in _LISTS:
        entries = captions[style]
        if not entries:
            continue
        heading = "TOCHeading" if first else "Verzeichnistitel"
        first = False
        instr = f' TOC \\h \\z \\c "{label}" '
        rows = []
        for index, entry in enumerate(entries):
            begin = ('<w:r><w:fldChar w:fldCharType="begin" w:dirty="true" /></w:r>'
                     f'<w:r><w:instrText xml:space="preserve">{instr}</w:instrText></w:r>'
                     '<w:r><w:fldChar w:fldCharType="separate" /></w:r>') if index == 0 else ""
            end = ('<w:r><w:fldChar w:fldCharType="end" /></w:r>'
                   if index == len(entries) - 1 else "")
            rows.append(f'<w:p><w:pPr><w:pStyle w:val="TableofFigures" /></w:pPr>{begin}'
                        f"{_toc_entry(entry)}{end}</w:p>")
        parts.append(f'<w:p><w:pPr><w:pStyle w:val="{heading}" /></w:pPr><w:r><w:t '
                     f'xml:space="preserve">{title}</w:t></w:r></w:p>' + "".join(rows))
    return xml[:toc_end] + "".join(parts).encode("utf-8") + xml[toc_end:]


def unique_bookmarks(xml: bytes) -> bytes:
    """Remove a bookmark whose name occurred before (pandoc marks a table twice)."""
    seen: set[bytes] = set()
    dropped: set[bytes] = set()

    def start(match: re.Match[bytes]) -> bytes:
        if match.group(2) in seen:
            dropped.add(match.group(1))
            return b""
        seen.add(match.group(2))
        return match.group(0)

    xml = re.sub(rb'<w:bookmarkStart w:id="(\d+)" w:name="([^"]*)" />', start, xml)
    if not dropped:
        return xml
    return re.sub(rb'<w:bookmarkEnd w:id="(\d+)" />',
                  lambda m: b"" if m.group(1) in dropped else m.group(0), xml)


def keep_rows_together(xml: bytes) -> bytes:
    """``w:cantSplit`` on every table row: a row moves to the next page as a whole."""
    xml = xml.replace(b"<w:tr><w:trPr>", b"<w:tr><w:trPr><w:cantSplit />")
    return re.sub(rb"<w:tr>(?!<w:trPr>)", b"<w:tr><w:trPr><w:cantSplit /></w:trPr>", xml)


def _unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))
