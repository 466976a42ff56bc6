"""The typst main file: theme import, title data, then the body pandoc wrote.

Every value from the concept enters typst as an escaped string literal, never as
code; the body comes from pandoc's typst writer after the safety filter.
"""

from __future__ import annotations

import re

from ..charts.base import typst_string as _literal
from .design import Design
from .meta import DocumentMeta

# Definitions pandoc's typst body may call (from pandoc's default typst template).
_PANDOC_PRELUDE = """\
// the compact profile of an entry (steckbrief.lua): label and value in two columns
#let ik-steckbrief(..zellen) = block(width: 100%, inset: (x: 8pt, y: 6pt), radius: 2pt,
  stroke: 0.5pt + luma(190), fill: luma(247), breakable: true, above: 0.8em, below: 1em, {
    set par(justify: false)
    set text(size: 10pt)
    grid(columns: (27%, 1fr), column-gutter: 10pt, row-gutter: 6pt,
      ..zellen.pos())
  })
#let horizontalrule = line(length: 100%, stroke: 0.5pt + luma(170))
#show terms.item: it => block(breakable: false)[
  #text(weight: "bold")[#it.term]
  #block(inset: (left: 1.5em, top: -0.4em))[#it.description]
]
"""


def typst_string(text: str) -> str:
    """``text`` as a one-line typst string literal (see :func:`charts.base.typst_string`)."""
    return _literal(text, one_line=True)


# pandoc's typst writer: a figure of an image, the kind of a table's figure
_IMAGE_FIGURE = re.compile(r"^#figure\(\[#box\(image\(", re.M)
_TABLE_FIGURE = re.compile(r"^\s*, kind: table$", re.M)
# a theme that takes further named arguments (``..weitere``)
_SINK = re.compile(r"^\s*\.\.[\w-]+\s*,", re.M)
# a theme that can set a long PDF in parts (``teil: none``, see theme.typ)
_TEIL = re.compile(r"^\s*teil:\s*none\s*,", re.M)
# the part a file sets comes with the compile (typst's sys.inputs, JSON)
TEIL_EINGABE = "ik-teil"


def sets_parts(theme: str) -> bool:
    """Whether the theme can set a long PDF in parts (:mod:`.pdfparts`)."""
    return _TEIL.search(theme) is not None


def figure_kinds(body: str) -> dict[str, str]:
    """Whether the body has figures of images and of tables, as arguments for the
    theme: its lists of figures then need no query, which would make typst lay out
    every page twice (at Landkreis size 0.5 GB and 40 % of the time)."""
    return {"abbildungen": "true" if _IMAGE_FIGURE.search(body) else "false",
            "tabellen": "true" if _TABLE_FIGURE.search(body) else "false"}


def main_typ(
    body: str, *, meta: DocumentMeta, design: Design, logo: str | None, logo_alt: str,
    draft: bool, kompakt: bool = False, generator: str = "", theme: str = "",
    kinds_of: str | None = None, teil: bool = False,
) -> str:
    """The complete main.typ; ``logo`` is a path relative to the build folder or ``None``.

    ``theme``: the text of theme.typ; when it takes further arguments, it is told
    whether there are figures (:func:`figure_kinds`). ``kompakt`` (long documents):
    ragged right without hyphenation, several times faster for typst than justified text.
    ``generator`` (the toolchain, e.g. ``ik 0.1.0 (Pandoc 3.9, Typst 0.15.1)``) goes into
    the PDF's keywords, whatever the theme sets. ``teil``: the file sets a part of a long
    PDF, which the compile names (:data:`TEIL_EINGABE`); ``kinds_of``: the whole body,
    when ``body`` is only a part of it (for :func:`figure_kinds`).
    """
    args = {
        "titel": typst_string(meta.title),
        "untertitel": typst_string(meta.subtitle),
        "kommune": typst_string(meta.kommune),
        "stand": typst_string(meta.stand_text),
        "version": typst_string(meta.version),
        "logo": typst_string(logo) if logo else "none",
        "logo-alt": typst_string(logo_alt or f"Logo {meta.kommune}"),
        "entwurf": "true" if draft else "false",
        "schrift": typst_string(design.schrift),
        "primaer": f"rgb({typst_string(design.primaer)})",
        "akzent": f"rgb({typst_string(design.akzent)})",
        "inhalt-tiefe": str(design.inhalt_tiefe),
    }
    if _SINK.search(theme):  # a theme of older ik versions may take no more arguments
        args.update(figure_kinds(body if kinds_of is None else kinds_of))
    if teil:
        args["teil"] = f'json(bytes(sys.inputs.at("{TEIL_EINGABE}")))'
    call = ",\n  ".join(f"{key}: {value}" for key, value in args.items())
    keywords = (f"#set document(keywords: ({typst_string('Erzeugt mit ' + generator)},))\n"
                if generator else "")
    return (
        '#import "theme.typ": konzept\n'
        f"{_PANDOC_PRELUDE}{keywords}"
        f"#show: konzept.with(\n  {call},\n)\n\n"
        # the theme asks for hyphenation; ragged text does not need it, and typst's
        # hyphenation costs 40 % of the time at Landkreis size (tables keep theirs)
        + ("#set par(justify: false)\n#set text(hyphenate: false)\n\n" if kompakt else "")
        + f"{body}\n"
    )
