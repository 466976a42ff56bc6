"""Ende vor Beginn.

Zeiträume von Maßnahmen, Laufzeiten von Angeboten, Befragungen, Veranstaltungen
und Förderungen müssen enden, nachdem sie begonnen haben; ebenso liegt ein
Zielwert eines Indikators nicht vor seinem Basiswert.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept, where
from ..model.fields import Entry
from ..problems import Severity
from . import CheckContext, Finding

CODE = "IK301"
NAME = "ende-vor-beginn"
SEVERITY = Severity.ERROR
EXAMPLE = """\
zeitraum:
  beginn: 2025
  ende: 2024
"""


def _spans(konzept: Konzept) -> Iterator[tuple[Entry, str]]:
    for group in (konzept.massnahmen, konzept.veranstaltungen, konzept.befragungen):
        for entry in group.values():
            yield entry, "zeitraum"
    for foerderung in konzept.foerderung:
        yield foerderung, "zeitraum"
    for angebot in konzept.angebote.values():
        yield angebot, "laufzeit"


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    for entry, field in _spans(konzept):
        span = getattr(entry, field)
        if span is None or span.beginn is None or span.ende is None:
            continue
        if span.ende.last < span.beginn.first:
            yield Finding(
                f"„{field}“: Ende {span.ende} liegt vor dem Beginn {span.beginn}",
                where(entry, field, "ende"),
                "Prüfen Sie beide Daten; vertauscht?")
    for entry in konzept.indikatoren.values():
        basis, ziel = entry.basiswert, entry.zielwert
        if basis is not None and ziel is not None and ziel.jahr < basis.jahr:
            yield Finding(
                f"Zielwert-Jahr {ziel.jahr} liegt vor dem Basiswert-Jahr {basis.jahr}",
                where(entry, "zielwert", "jahr"), "Prüfen Sie beide Jahreszahlen.")
