"""Maßnahme nach ihrem Ende noch „in Umsetzung“.

Eine Maßnahme, deren Zeitraum vor dem Stand des Konzepts endete, ist entweder
umgesetzt, verlängert oder zurückgestellt: der Status sollte das sagen.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept, where
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


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    stand = konzept.stand
    if stand is None:
        return
    for m in konzept.massnahmen.values():
        ende = m.zeitraum.ende if m.zeitraum else None
        if m.status in {"in Umsetzung", "geplant"} and ende is not None and ende.last < stand:
            yield Finding(
                f"Maßnahme „{m.id}“ endete {ende}, ist zum Stand {datum_lang(stand)} aber noch "
                f"„{m.status}“", where(m, "status") if m.status != "geplant" else where(m, "id"),
                "Setzen Sie den Status auf „umgesetzt“ oder „zurückgestellt“, oder verlängern "
                "Sie den Zeitraum.")
