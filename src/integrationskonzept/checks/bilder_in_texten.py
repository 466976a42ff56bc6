"""Bild in einem Text ohne Alternativtext oder ohne Datei.

Ein barrierefreies Dokument (PDF/UA) braucht zu jedem Bild einen Alternativtext:
`![Was das Bild zeigt](bilder/datei.png)`. Bilder müssen als PNG, JPG, SVG oder GIF
im Konzeptordner liegen; Bilder aus dem Internet oder von außerhalb werden beim
Bauen nicht übernommen.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept
from ..model.references import IMAGE_IN_TEXT, image_file, markdown_joined, markdown_texts
from ..problems import Severity
from . import CheckContext, Finding
from .positions import Positions

CODE = "IK702"
NAME = "bild-in-text"
SEVERITY = Severity.ERROR
EXAMPLE = """\
ausgangslage: |
  ![](bilder/karte.png)   # ohne Alternativtext in [ ]
"""


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    if "![" not in markdown_joined(konzept):  # no image anywhere (one look at all texts)
        return
    for text, start, basis in markdown_texts(konzept):
        if "![" not in text:
            continue
        where = Positions(start, text)
        for m in IMAGE_IN_TEXT.finditer(text):
            alt, src = m.group(1).strip(), m.group(2)
            loc = where.at(m.start())
            if not alt:
                yield Finding(f"Bild „{src}“ ohne Alternativtext", loc,
                              "Beschreiben Sie in den eckigen Klammern, was das Bild zeigt: "
                              "![Beschreibung](datei.png).")
            if src.startswith(("http://", "https://", "//")):
                yield Finding(f"Bild „{src}“ aus dem Internet wird nicht übernommen", loc,
                              "Speichern Sie das Bild im Konzeptordner (z. B. bilder/) und "
                              "verweisen Sie darauf.")
                continue
            if image_file(konzept.root, basis, src) is None:
                yield Finding(f"Bilddatei „{src}“ nicht gefunden oder nicht verwendbar", loc,
                              "Legen Sie das Bild als PNG, JPG, SVG oder GIF in den "
                              "Konzeptordner und prüfen Sie den Pfad.")
