"""Ampel ohne Begründung.

Eine Ampel (grün, gelb, rot) ist ein Urteil der Steuerungsgruppe über die
Zielerreichung; der Rat und die Öffentlichkeit müssen es nachvollziehen können.
Jede Bewertung braucht deshalb eine ``begruendung`` – außer „nicht bewertet“.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept
from ..problems import Severity
from . import CheckContext, Finding
from ._monitoring import ampel_where

CODE = "IK801"
NAME = "ampel-ohne-begruendung"
SEVERITY = Severity.ERROR
EXAMPLE = """\
ziele:
  - id: z-1
    titel: Mehr Eltern erreichen
    ampel: {bericht: bericht-2024, wert: rot}   # begruendung fehlt
"""


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    for art, entries in (("Ziel", konzept.ziele), ("Maßnahme", konzept.massnahmen)):
        for entry in entries.values():
            for i, a in enumerate(entry.ampel):
                if a.begruendung is None and a.ampel != "nicht bewertet":
                    yield Finding(
                        f"{art} „{entry.id}“: Ampel „{a.ampel}“ ohne Begründung",
                        ampel_where(entry, i, "ampel"),
                        "Ergänzen Sie „begruendung:“ mit einem Satz, warum die Ampel so "
                        "steht, und „bewertet_von:“.")
