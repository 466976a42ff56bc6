"""Ende vor Beginn.

Zeiträume von Maßnahmen, Laufzeiten von Angeboten, Befragungen, Veranstaltungen
und Förderungen müssen enden, nachdem sie begonnen haben; ebenso liegt ein
Zielwert eines Indikators nicht vor seinem Basiswert.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..concept import Konzept, where
from ..problems import Severity
from ..references import entries
from . import CheckContext, Finding

CODE = "IK301"
NAME = "ende-vor-beginn"
SEVERITY = Severity.ERROR


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    for entry in entries(konzept):
        for field in ("zeitraum", "laufzeit"):
            span = getattr(entry, field, None)
            if span is None or span.beginn is None or span.ende is None:
                continue
            if span.ende.last < span.beginn.first:
                yield Finding(
                    f"„{field}“: Ende {span.ende} liegt vor dem Beginn {span.beginn}",
                    where(entry, field, "ende"),
                    "Prüfen Sie beide Daten; vertauscht?")
        basis = getattr(entry, "basiswert", None)
        ziel = getattr(entry, "zielwert", None)
        if basis is not None and ziel is not None and ziel.jahr < basis.jahr:
            yield Finding(
                f"Zielwert-Jahr {ziel.jahr} liegt vor dem Basiswert-Jahr {basis.jahr}",
                where(entry, "zielwert", "jahr"), "Prüfen Sie beide Jahreszahlen.")
