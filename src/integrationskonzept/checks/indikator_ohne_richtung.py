"""Indikator mit Zielwert, aber ohne Richtung.

Ob ein Indikator „auf Kurs“ ist, hängt davon ab, ob steigende oder sinkende Werte
besser sind (``richtung: steigen`` oder ``sinken``). Fehlt die Angabe, schließt ik
sie aus Basis- und Zielwert; ausdrücklich ist sie eindeutig, auch wenn der Zielwert
den Basiswert nur halten soll.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept, where
from ..problems import Severity
from . import CheckContext, Finding

CODE = "IK806"
NAME = "indikator-ohne-richtung"
SEVERITY = Severity.INFO
EXAMPLE = """\
indikatoren:
  - id: i-1
    basis: {jahr: 2020, wert: 40}
    ziel: {jahr: 2028, wert: 40}   # halten? steigen? – richtung fehlt
"""


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    for ind in konzept.indikatoren.values():
        if ind.zielwert is not None and ind.richtung is None:
            guess = ""
            if ind.basiswert is not None and ind.basiswert.wert != ind.zielwert.wert:
                guess = "steigen" if ind.zielwert.wert > ind.basiswert.wert else "sinken"
            yield Finding(
                f"Indikator „{ind.id}“ hat einen Zielwert, aber keine Richtung",
                where(ind, "zielwert"),
                "Ergänzen Sie „richtung: steigen“ (höhere Werte sind besser) oder „richtung: "
                "sinken“" + (f"; aus Basis- und Zielwert folgt „{guess}“." if guess else "."))
