"""Platzhaltertext noch nicht ersetzt.

`ik init` legt Texte mit „‹bitte ergänzen›“ an; diese Prüfung listet, wo sie noch
stehen (auch „TODO“ und „XXX“), damit kein Platzhalter ins Dokument gerät. `ik build`
baut ein Konzept mit Platzhaltern nur als Entwurf (`--entwurf`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model.concept import Konzept
from ..problems import Location, Severity
from . import CheckContext, Finding

CODE = "IK590"
NAME = "platzhalter"
SEVERITY = Severity.WARNING

MARKER = "‹bitte ergänzen›"
_PATTERN = re.compile(r"‹bitte ergänzen›|\bTODO\b|\bXXX\b")


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    for rel in konzept.files:
        yield from _scan(konzept, rel)
    for rel in konzept.texte:
        yield from _scan(konzept, rel)


def _scan(konzept: Konzept, rel: str) -> Iterator[Finding]:
    try:
        text = (konzept.root / rel).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return
    if "‹" not in text and "TODO" not in text and "XXX" not in text:
        return
    for number, line in enumerate(text.splitlines(), 1):
        m = _PATTERN.search(line)
        if m:
            yield Finding(f"Platzhalter „{m.group()}“ noch nicht ersetzt",
                          Location(rel, number, m.start() + 1),
                          "Ersetzen Sie den Platzhalter durch den endgültigen Text.")
