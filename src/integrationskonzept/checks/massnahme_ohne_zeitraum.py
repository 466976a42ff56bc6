"""Maßnahme ohne Zeitraum.

Jede Maßnahme braucht einen Zeitraum (Beginn/Ende) oder wenigstens einen
Zeithorizont (kurzfristig, mittelfristig, langfristig, dauerhaft).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept, where
from ..problems import Severity
from . import CheckContext, Finding

CODE = "IK503"
NAME = "massnahme-ohne-zeitraum"
SEVERITY = Severity.WARNING
EXAMPLE = """\
massnahmen:
  - id: m-1
    titel: Sprachcafé   # ohne „zeitraum:“
"""


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    for m in konzept.massnahmen.values():
        span = m.zeitraum
        if m.zeithorizont is None and (span is None or (span.beginn is None and span.ende is None)):
            yield Finding(f"Maßnahme „{m.id}“ hat weder Zeitraum noch Zeithorizont",
                          where(m, "id"),
                          "Ergänzen Sie „zeitraum: {beginn: 2025, ende: 2026}“ oder "
                          "„zeithorizont: mittelfristig“.")
