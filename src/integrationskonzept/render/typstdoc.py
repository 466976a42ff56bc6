"""The typst main file: theme import, title data, then the body pandoc wrote.

Every value from the concept enters typst as an escaped string literal, never as
code; the body comes from pandoc's typst writer after the safety filter.
"""

from __future__ import annotations

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


def main_typ(
    body: str, *, meta: DocumentMeta, design: Design, logo: str | None, logo_alt: str,
    draft: bool, kompakt: bool = False, generator: str = "",
) -> str:
    """The complete main.typ; ``logo`` is a path relative to the build folder or ``None``.

    ``kompakt`` (long documents): ragged right without hyphenation, several times
    faster for typst than justified text. ``generator`` (the toolchain, e.g. ``ik 0.1.0
    (Pandoc 3.9, Typst 0.15.1)``) goes into the PDF's keywords, whatever the theme sets.
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
