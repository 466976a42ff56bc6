"""Vokabulare unvollständig oder widersprüchlich.

konzept.yaml braucht genau einen Sozialraum mit
„art: gesamt“ (stadtweit bzw. kreisweit), der für das Ganze steht. Sozialräume
dürfen nicht im Kreis Teil voneinander sein.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept, where
from ..model.fields import source_of
from ..problems import Location, Severity
from . import CheckContext, Finding

CODE = "IK204"
NAME = "vokabular"
SEVERITY = Severity.ERROR
EXAMPLE = """\
sozialraeume:
  - id: nord   # kein Sozialraum mit „art: gesamt“
"""


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    if konzept.meta is None:
        return
    src = source_of(konzept.meta)  # the file only: no position is read on the happy path
    konzept_loc = Location(src[0] if src is not None else "", 1, 1)
    gesamt = [s for s in konzept.sozialraeume.values() if s.art == "gesamt"]
    if not gesamt:
        yield Finding("Kein Sozialraum mit „art: gesamt“ für die ganze Kommune", konzept_loc,
                      "Ergänzen Sie z. B. „- {id: stadtweit, name: Stadt …, art: gesamt}“.")
    for extra in gesamt[1:]:
        yield Finding(f"Mehr als ein Sozialraum mit „art: gesamt“ („{extra.id}“)",
                      where(extra, "art"), f"Nur „{gesamt[0].id}“ steht für das Ganze.")
    for raum in konzept.sozialraeume.values():
        seen = {raum.id}
        cur = raum.teil_von
        while cur is not None and cur in konzept.sozialraeume:
            if cur in seen:
                yield Finding(f"Sozialraum „{raum.id}“ ist über „teil_von“ Teil von sich selbst",
                              where(raum, "teil_von"), "Lösen Sie den Kreis in „teil_von“ auf.")
                break
            seen.add(cur)
            cur = konzept.sozialraeume[cur].teil_von
