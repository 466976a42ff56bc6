"""Verlauf nicht in zeitlicher Reihenfolge.

Die Einträge im ``verlauf`` einer Maßnahme stehen vom ältesten zum jüngsten. ik
sortiert sie zwar nach Datum, aber ein Eintrag außer der Reihe ist meist ein
vertipptes Datum – und wer die Datei liest, hält den letzten Eintrag für den
aktuellen Stand.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept, where
from ..problems import Severity
from ..text.german import datum_lang
from . import CheckContext, Finding

CODE = "IK803"
NAME = "verlauf-reihenfolge"
SEVERITY = Severity.WARNING
EXAMPLE = """\
massnahmen:
  - id: m-1
    verlauf:
      - {datum: 2024-06-01, status: in Umsetzung}
      - {datum: 2023-02-01, status: geplant}   # älter als der Eintrag davor
"""


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    for m in konzept.massnahmen.values():
        for i in range(1, len(m.verlauf)):
            prev, cur = m.verlauf[i - 1], m.verlauf[i]
            if cur.datum < prev.datum:
                yield Finding(
                    f"Maßnahme „{m.id}“: Verlaufseintrag vom {datum_lang(cur.datum)} steht nach "
                    f"dem vom {datum_lang(prev.datum)}", where(m, "verlauf", i, "datum"),
                    "Ordnen Sie die Einträge vom ältesten zum jüngsten, oder prüfen Sie das "
                    "Datum.", related=(where(m, "verlauf", i - 1, "datum"),))
