"""Maßnahme ohne Federführung.

Jede Maßnahme braucht einen verantwortlichen Akteur („federfuehrung: <akteur-id>“),
sonst fühlt sich niemand zuständig.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept, where
from ..problems import Severity
from . import CheckContext, Finding

CODE = "IK502"
NAME = "massnahme-ohne-federfuehrung"
SEVERITY = Severity.WARNING
EXAMPLE = """\
massnahmen:
  - id: m-1
    titel: Sprachcafé   # ohne „federfuehrung:“
"""


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    for m in konzept.massnahmen.values():
        if m.federfuehrung is None:
            yield Finding(f"Maßnahme „{m.id}“ hat keine Federführung", where(m, "id"),
                          "Ergänzen Sie „federfuehrung: <akteur-id>“.")
