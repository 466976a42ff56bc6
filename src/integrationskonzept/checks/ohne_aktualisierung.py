"""Eintrag im aktuellen Berichtszeitraum nicht aktualisiert.

Sobald konzept.yaml Berichtszeiträume nennt (``berichte:``), erwartet der
Umsetzungsbericht zu jeder laufenden Maßnahme einen Eintrag im ``verlauf`` des
aktuellen Zeitraums (des Zeitraums, in den der Stand fällt) und – wenn das Konzept
Ziele mit Ampeln bewertet – zu jedem Ziel eine Ampel. Ein Hinweis; abschalten oder
verschärfen mit ``pruefungen: {ohne-aktualisierung: aus}`` in konzept.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept, where
from ..monitoring.due import faellig
from ..monitoring.periods import aktuelle_periode
from ..problems import Severity
from . import CheckContext, Finding

CODE = "IK807"
NAME = "ohne-aktualisierung"
SEVERITY = Severity.INFO
EXAMPLE = """\
# konzept.yaml: berichte mit einem Zeitraum 2024, stand: 2024-10-15
massnahmen:
  - id: m-1
    status: in Umsetzung
    verlauf:
      - {datum: 2023-04-01, status: in Umsetzung}   # 2024 kein Eintrag
"""


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    periode = aktuelle_periode(konzept)
    if periode is None:
        return
    due = faellig(konzept, periode)
    for mid in due.ohne_aktualisierung:
        m = konzept.massnahmen[mid]
        yield Finding(
            f"Maßnahme „{mid}“ hat im Berichtszeitraum „{periode.titel}“ keinen "
            "Verlaufseintrag", where(m, "verlauf") if m.verlauf else where(m, "id"),
            "Ergänzen Sie unter „verlauf:“ einen Eintrag mit Datum, Status und einem Satz "
            "zum Stand.")
    if any(z.ampel for z in konzept.ziele.values()):
        for zid in due.ziele_ohne_ampel:
            z = konzept.ziele[zid]
            yield Finding(
                f"Ziel „{zid}“ hat für „{periode.titel}“ keine Ampel",
                where(z, "ampel") if z.ampel else where(z, "id"),
                "Ergänzen Sie unter „ampel:“ eine Bewertung mit „bericht: "
                f"{periode.id or '…'}“ und Begründung.")
