"""Platzhaltertext noch nicht ersetzt.

`ik init` legt Texte mit „‹bitte ergänzen›“ an; diese Prüfung listet, wo sie noch
stehen (auch „TODO“ und „XXX“), damit kein Platzhalter ins Dokument gerät. `ik build`
baut ein Konzept mit Platzhaltern nur als Entwurf (`--entwurf`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model.concept import Konzept
from ..model.scaffold import MARKER
from ..problems import Location, Severity
from . import CheckContext, Finding

CODE = "IK590"
NAME = "platzhalter"
SEVERITY = Severity.WARNING
EXAMPLE = """\
ausgangslage: ‹bitte ergänzen›
"""

_PATTERN = re.compile(re.escape(MARKER) + r"|\bTODO\b|\bXXX\b")


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    # the texts the loader read (regular files within the size limit, read once)
    for rel, text in konzept.quelltexte.items():
        yield from _scan(rel, text)
    for rel, text in konzept.texte.items():
        yield from _scan(rel, text)


def _scan(rel: str, text: str) -> Iterator[Finding]:
    if "‹" not in text and "TODO" not in text and "XXX" not in text:
        return
    for number, line in enumerate(text.splitlines(), 1):
        m = _PATTERN.search(line)
        if m:
            yield Finding(f"Platzhalter „{m.group()}“ noch nicht ersetzt",
                          Location(rel, number, m.start() + 1),
                          "Ersetzen Sie den Platzhalter durch den endgültigen Text.")
