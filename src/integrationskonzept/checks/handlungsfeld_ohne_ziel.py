"""Handlungsfeld ohne Ziel.

Jedes Handlungsfeld (außer Querschnittsthemen) braucht mindestens ein Ziel.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept, where
from ..problems import Severity
from . import CheckContext, Finding

CODE = "IK506"
NAME = "handlungsfeld-ohne-ziel"
SEVERITY = Severity.WARNING
EXAMPLE = """\
handlungsfelder:
  - id: wohnen   # keine Datei nennt ein Ziel in „wohnen“
    name: Wohnen
"""


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    mit_ziel = {z.handlungsfeld for z in konzept.ziele.values()}
    for hf in konzept.handlungsfelder.values():
        # an entry of the field that failed validation may be its Ziel: reported there
        if hf.id not in mit_ziel and not hf.querschnitt and hf.id not in konzept.ungueltig:
            yield Finding(f"Handlungsfeld „{hf.id}“ ({hf.name}) hat kein Ziel", where(hf, "id"),
                          "Legen Sie in der Datei des Handlungsfelds unter „ziele:“ ein Ziel an.")
