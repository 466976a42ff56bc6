"""Ist-Wert in einem Jahr ohne Berichtszeitraum.

Wenn konzept.yaml Berichtszeiträume (``berichte:``) nennt, gehört jeder Ist-Wert
eines Indikators zu einem davon. Werte aus der Zeit vor dem ersten Berichtszeitraum
sind die Ausgangslage und erlaubt; ein Wert nach dem letzten oder in einer Lücke
zwischen zwei Zeiträumen ist meist eine vertippte Jahreszahl oder ein fehlender
Berichtszeitraum.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept, where
from ..monitoring.periods import perioden
from ..problems import Severity
from . import CheckContext, Finding

CODE = "IK805"
NAME = "istwert-ausserhalb-berichte"
SEVERITY = Severity.WARNING
EXAMPLE = """\
# konzept.yaml: berichte: [{id: b-2023, zeitraum: 2023}]
indikatoren:
  - id: i-1
    ist: {2023: 40, 2026: 55}   # 2026 liegt in keinem Berichtszeitraum
"""


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    alle = perioden(konzept)
    if not alle:
        return
    erstes = min(p.beginn.year for p in alle)
    for ind in konzept.indikatoren.values():
        for periode in ind.istwerte:
            jahr = periode.jahr
            if jahr < erstes or any(p.enthaelt_jahr(jahr) for p in alle):
                continue
            yield Finding(
                f"Indikator „{ind.id}“: Ist-Wert für {periode} liegt in keinem "
                "Berichtszeitraum", where(ind, "istwerte", "[key]", str(periode)),
                "Prüfen Sie die Jahreszahl, oder ergänzen Sie den Berichtszeitraum unter "
                "„berichte:“ in konzept.yaml.")
