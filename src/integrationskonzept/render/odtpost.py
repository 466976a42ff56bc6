"""Finish an ODT written by pandoc (``content.xml``), as LibreOffice users need it.

- **Charts sized to the page**: pandoc writes a PNG's pixel count as points (1292 px
  become ``svg:width="1292.0pt"``), so every chart was cropped; frames wider than the
  text are scaled down to it, keeping the aspect ratio.
- **Alternative text**: each frame gets ``svg:title``/``svg:desc`` with the image's
  description (from the document's AST, in document order).
- **Heading numbering**: the outline numbering of the styles (:mod:`.referenceodt`)
  numbers the headings; headings pandoc leaves unnumbered become list headers.
- **A filled table of contents**: pandoc writes only the index's definition, so
  LibreOffice showed an empty „Inhalt“; the entries (number, title, link) are
  written as the index body (LibreOffice adds page numbers on „Verzeichnis aktualisieren“).
- **Table borders**: pandoc's cell styles say ``fo:border="none"``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

TEXT_WIDTH_PT = 16.3 / 2.54 * 72  # A4 minus the reference's margins (2.5 + 2.2 cm)
BORDER = "0.5pt solid #a6a6a6"
_FRAME = re.compile(r'<draw:frame (?P<attrs>[^>]*)>(?P<body>.*?)</draw:frame>', re.S)
_HEADING = re.compile(r'<text:h (?P<attrs>[^>]*text:outline-level="(?P<level>\d)"[^>]*)>'
                      r"(?P<body>.*?)</text:h>", re.S)


@dataclass(frozen=True)
class Outline:
    """What the AST says about the document: image descriptions and headings."""

    alts: list[str]
    unnumbered: set[str]  # ids of headings without a number


def outline_of(ast_json: bytes) -> Outline:
    """Image descriptions (document order) and unnumbered heading ids from pandoc's JSON."""
    alts: list[str] = []
    unnumbered: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            kind = node.get("t")
            content = node.get("c")
            if kind == "Image" and isinstance(content, list):
                alts.append(_text(content[1]))
            elif kind == "Header" and isinstance(content, list):
                ident, classes = content[1][0], content[1][1]
                if "unnumbered" in classes or "-" in classes:
                    unnumbered.add(ident)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(ast_json).get("blocks", []))
    return Outline(alts, unnumbered)


def _text(inlines: object) -> str:
    out: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("t") == "Str":
                out.append(str(node.get("c", "")))
            elif node.get("t") in ("Space", "SoftBreak", "LineBreak"):
                out.append(" ")
            else:
                walk(node.get("c"))
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(inlines)
    return "".join(out).strip()


def finish_content(xml: str, outline: Outline, toc_depth: int) -> str:
    """Apply everything of this module to ``content.xml``."""
    xml = _frames(xml, iter(outline.alts))
    xml, entries = _headings(xml, outline.unnumbered)
    xml = _toc(xml, entries, toc_depth)
    return _borders(xml)


def _frames(xml: str, alts: Iterable[str]) -> str:
    it = iter(alts)

    def change(match: re.Match[str]) -> str:
        attrs, body = match.group("attrs"), match.group("body")
        width = re.search(r'svg:width="([\d.]+)pt"', attrs)
        height = re.search(r'svg:height="([\d.]+)pt"', attrs)
        if width and height and float(width.group(1)) > TEXT_WIDTH_PT:
            scale = TEXT_WIDTH_PT / float(width.group(1))
            attrs = attrs.replace(width.group(0), f'svg:width="{TEXT_WIDTH_PT:.1f}pt"').replace(
                height.group(0), f'svg:height="{float(height.group(1)) * scale:.1f}pt"')
        alt = next(it, "")
        if alt and "<svg:desc" not in body:
            body += f"<svg:title>{escape(alt[:120])}</svg:title><svg:desc>{escape(alt)}</svg:desc>"
        return f"<draw:frame {attrs}>{body}</draw:frame>"

    return _FRAME.sub(change, xml)


def _headings(xml: str, unnumbered: set[str]) -> tuple[str, list[tuple[int, str, str, str]]]:
    """Mark unnumbered headings; list (level, number, title, bookmark) of every heading."""
    counters = [0] * 10
    entries: list[tuple[int, str, str, str]] = []

    def change(match: re.Match[str]) -> str:
        level = int(match.group("level"))
        body = match.group("body")
        mark = re.search(r'<text:bookmark-start text:name="([^"]*)"', body)
        ident = mark.group(1) if mark else ""
        title = re.sub(r"<[^>]+>", "", body)
        attrs = match.group("attrs")
        number = ""
        if ident in unnumbered:
            attrs += ' text:is-list-header="true"'
        else:
            counters[level - 1] += 1
            counters[level:] = [0] * (len(counters) - level)
            number = ".".join(str(n) for n in counters[:level])
        entries.append((level, number, title, ident))
        return f"<text:h {attrs}>{body}</text:h>"

    return _HEADING.sub(change, xml), entries


def _toc(xml: str, entries: list[tuple[int, str, str, str]], depth: int) -> str:
    end = xml.find("</text:table-of-content-source>")
    if end < 0 or "<text:index-body>" in xml:
        return xml
    end += len("</text:table-of-content-source>")
    paragraphs = ['<text:index-title text:name="Inhalt"><text:p '
                  'text:style-name="Contents_20_Heading">Inhalt</text:p></text:index-title>']
    for level, number, title, ident in entries:
        if level > depth or not title:
            continue
        text = (f"{escape(number)} " if number else "") + title
        link = f"#{ident}" if ident else ""
        inner = (f'<text:a xlink:type="simple" xlink:href={quoteattr(link)}>{text}</text:a>'
                 if link else text)
        paragraphs.append(f'<text:p text:style-name="Contents_20_{level}">{inner}</text:p>')
    body = "<text:index-body>" + "".join(paragraphs) + "</text:index-body>"
    return xml[:end] + body + xml[end:]


def _borders(xml: str) -> str:
    return re.sub(
        r'(<style:style style:name="Table(?:Header)?RowCell" style:family="table-cell">\s*'
        r'<style:table-cell-properties )fo:border="none"',
        rf'\1fo:border="{BORDER}" fo:padding="0.08cm"', xml)
