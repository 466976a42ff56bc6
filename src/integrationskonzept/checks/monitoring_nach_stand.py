"""Verlauf oder Ampel nach dem Stand des Konzepts.

Ein Eintrag im ``verlauf`` oder eine Ampel mit einem Datum nach dem ``stand`` in
konzept.yaml beschreibt etwas, das das Dokument zu seinem Stand nicht wissen kann:
meist ist das Datum vertippt oder der Stand nicht fortgeschrieben.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept, where
from ..problems import Severity
from ..text.german import datum_lang
from . import CheckContext, Finding
from ._monitoring import ampel_where

CODE = "IK802"
NAME = "monitoring-nach-stand"
SEVERITY = Severity.ERROR
EXAMPLE = """\
# konzept.yaml: stand: 2024-10-15
massnahmen:
  - id: m-1
    verlauf:
      - {datum: 2025-03-01, status: umgesetzt}   # nach dem Stand
"""
HINT = ("Prüfen Sie das Datum, oder setzen Sie den Stand in konzept.yaml auf das Datum der "
        "letzten Änderung.")


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    stand = konzept.stand
    if stand is None:
        return
    for m in konzept.massnahmen.values():
        for i, e in enumerate(m.verlauf):
            if e.datum > stand:
                yield Finding(
                    f"Maßnahme „{m.id}“: Verlaufseintrag vom {datum_lang(e.datum)} liegt nach "
                    f"dem Stand ({datum_lang(stand)})", where(m, "verlauf", i, "datum"), HINT)
    for art, entries in (("Ziel", konzept.ziele), ("Maßnahme", konzept.massnahmen)):
        for entry in entries.values():
            for i, a in enumerate(entry.ampel):
                if a.datum is not None and a.datum > stand:
                    yield Finding(
                        f"{art} „{entry.id}“: Ampel vom {datum_lang(a.datum)} liegt nach dem "
                        f"Stand ({datum_lang(stand)})", ampel_where(entry, i, "datum"), HINT)
