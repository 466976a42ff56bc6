"""Maßnahme nach ihrem Ende noch „in Umsetzung“.

Eine Maßnahme, deren Zeitraum vor dem Stand des Konzepts endete, ist entweder
umgesetzt, verlängert oder zurückgestellt: der Status sollte das sagen.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept, where
from ..monitoring.status import stand_am
from ..problems import Severity
from ..text.german import datum_lang
from . import CheckContext, Finding

CODE = "IK507"
NAME = "massnahme-abgelaufen"
SEVERITY = Severity.WARNING
EXAMPLE = """\
massnahmen:
  - id: m-1
    status: in Umsetzung
    zeitraum: {beginn: 2020, ende: 2021}
"""
OFFEN = frozenset({"geplant", "in Vorbereitung", "in Umsetzung", "verzögert"})


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    stand = konzept.stand
    if stand is None:
        return
    for m in konzept.massnahmen.values():
        ende = m.zeitraum.ende if m.zeitraum else None
        status = stand_am(m, stand).status
        if status in OFFEN and ende is not None and ende.last < stand:
            at = (where(m, "verlauf") if m.verlauf else
                  where(m, "status") if "status" in m.model_fields_set else where(m, "id"))
            yield Finding(
                f"Maßnahme „{m.id}“ endete {ende}, ist zum Stand {datum_lang(stand)} aber noch "
                f"„{status}“", at,
                "Setzen Sie den Status auf „umgesetzt“ oder „zurückgestellt“, oder verlängern "
                "Sie den Zeitraum.")
