"""Maßnahme ohne Indikator.

Ob eine Maßnahme wirkt, zeigt ein Indikator („indikatoren: [<id>]“); ohne ihn ist
kein Monitoring möglich.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept, where
from ..problems import Severity
from . import CheckContext, Finding

CODE = "IK504"
NAME = "massnahme-ohne-indikator"
SEVERITY = Severity.WARNING
EXAMPLE = """\
massnahmen:
  - id: m-1
    titel: Sprachcafé
    indikatoren: []
"""


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    for m in konzept.massnahmen.values():
        if not m.indikatoren:
            yield Finding(f"Maßnahme „{m.id}“ hat keinen Indikator", where(m, "id"),
                          "Ergänzen Sie „indikatoren: [<indikator-id>]“.")
