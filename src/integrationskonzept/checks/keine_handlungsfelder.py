"""Noch keine Handlungsfelder.

Ein Konzept gliedert sich in Handlungsfelder; solange konzept.yaml keine nennt,
bleibt das Dokument ohne Kapitel zu den Feldern.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept, where
from ..problems import Location, Severity
from . import CheckContext, Finding

CODE = "IK205"
NAME = "keine-handlungsfelder"
SEVERITY = Severity.INFO
EXAMPLE = """\
handlungsfelder: []
"""


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    if konzept.meta is not None and not konzept.handlungsfelder:
        top = where(konzept.meta)
        yield Finding("Noch keine Handlungsfelder definiert", Location(top.file, 1, 1),
                      "Legen Sie unter „handlungsfelder:“ Felder mit id und name an.")
