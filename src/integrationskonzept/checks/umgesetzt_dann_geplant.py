"""Umgesetzte Maßnahme später wieder „geplant“.

Nach „umgesetzt“ oder „verstetigt“ folgt im ``verlauf`` kein „geplant“ oder „in
Vorbereitung“: eine Maßnahme, die neu aufgelegt wird, ist eine neue Maßnahme (mit
eigener ID), sonst ist der Status vertauscht.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept, where
from ..monitoring.status import ERLEDIGT
from ..problems import Severity
from ..text.german import datum_lang
from . import CheckContext, Finding

CODE = "IK804"
NAME = "umgesetzt-dann-geplant"
SEVERITY = Severity.WARNING
EXAMPLE = """\
massnahmen:
  - id: m-1
    verlauf:
      - {datum: 2023-05-01, status: umgesetzt}
      - {datum: 2024-02-01, status: geplant}
"""
VORHER = frozenset({"geplant", "in Vorbereitung"})


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    for m in konzept.massnahmen.values():
        order = sorted(range(len(m.verlauf)), key=lambda i: m.verlauf[i].datum)
        done = None
        for i in order:
            e = m.verlauf[i]
            if e.status in ERLEDIGT and done is None:
                done = i
            elif e.status in VORHER and done is not None:
                erledigt = m.verlauf[done]
                yield Finding(
                    f"Maßnahme „{m.id}“ ist am {datum_lang(e.datum)} wieder „{e.status}“, war "
                    f"aber am {datum_lang(erledigt.datum)} schon „{erledigt.status}“",
                    where(m, "verlauf", i, "status"),
                    "Legen Sie eine neu aufgelegte Maßnahme mit eigener ID an, oder prüfen Sie "
                    "Status und Datum.", related=(where(m, "verlauf", done, "status"),))
                break
