"""Bedarf ohne Quelle.

Jeder Bedarf nennt, wo er festgestellt wurde (Runder Tisch, Arbeitsgruppe,
Fragebogen …): „quelle: [<beteiligung-id>]“. So bleibt nachvollziehbar, wer ihn sah.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept, where
from ..problems import Severity
from . import CheckContext, Finding

CODE = "IK505"
NAME = "bedarf-ohne-quelle"
SEVERITY = Severity.WARNING
EXAMPLE = """\
bedarfe:
  - id: b-kita
    titel: Kita-Plätze   # ohne „quelle:“
"""


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    for b in konzept.bedarfe.values():
        if not b.quelle:
            yield Finding(f"Bedarf „{b.id}“ nennt keine Quelle", where(b, "id"),
                          "Ergänzen Sie „quelle: [<id einer Veranstaltung, Arbeitsgruppe oder "
                          "Befragung>]“.")
