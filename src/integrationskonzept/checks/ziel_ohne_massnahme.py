"""Ziel ohne Maßnahme.

Jedes Ziel sollte durch mindestens eine Maßnahme verfolgt werden (Maßnahme mit
„ziele: [<id>]“); sonst bleibt offen, wie es erreicht wird.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept, where
from ..problems import Severity
from . import CheckContext, Finding

CODE = "IK501"
NAME = "ziel-ohne-massnahme"
SEVERITY = Severity.WARNING
EXAMPLE = """\
ziele:
  - id: z-1   # keine Maßnahme nennt „z-1“
    titel: Mehr Kursplätze
"""


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    verfolgt = {z for m in konzept.massnahmen.values() for z in m.ziele}
    for ziel in konzept.ziele.values():
        if ziel.id not in verfolgt and ziel.id not in konzept.ungueltig:
            yield Finding(
                f"Ziel „{ziel.id}“ ({ziel.titel}) wird von keiner Maßnahme verfolgt",
                where(ziel, "id"),
                f"Tragen Sie bei einer Maßnahme „ziele: [{ziel.id}]“ ein.")
