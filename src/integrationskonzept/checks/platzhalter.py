"""Platzhaltertext noch nicht ersetzt.

`ik init` legt Texte mit „‹bitte ergänzen›“ an; diese Prüfung listet, wo sie noch
stehen (auch „TODO“ und „XXX“), damit kein Platzhalter ins Dokument gerät. `ik build`
baut ein Konzept mit Platzhaltern nur als Entwurf (`--entwurf`).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept
from ..problems import Location, Severity
from ..source.placeholders import Mark, placeholders
from . import CheckContext, Finding

CODE = "IK590"
NAME = "platzhalter"
SEVERITY = Severity.WARNING
EXAMPLE = """\
ausgangslage: ‹bitte ergänzen›
"""


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    # the texts the loader read (regular files within the size limit, read once); of a
    # file rebuilt from its snapshot the placeholders are known without a scan
    known = konzept.platzhalter
    for rel, text in konzept.quelltexte.items():
        marks = known.get(rel)
        yield from _findings(rel, placeholders(text) if marks is None else marks)
    for rel, text in konzept.texte.items():
        yield from _findings(rel, placeholders(text))


def _findings(rel: str, marks: list[Mark]) -> Iterator[Finding]:
    for line, column, word in marks:
        yield Finding(f"Platzhalter „{word}“ noch nicht ersetzt", Location(rel, line, column),
                      "Ersetzen Sie den Platzhalter durch den endgültigen Text.")
