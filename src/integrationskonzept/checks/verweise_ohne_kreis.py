"""Verweis in ein anderes Konzept, das allein nicht geprüft werden kann.

Ein Verweis mit Präfix („kreis:jobcenter“, [[peine:m-6-1]]) zeigt in ein anderes
Konzept eines Landkreises. Wird ein Konzept allein geprüft, kennt `ik` das andere
Konzept nicht: der Verweis bleibt ungeprüft und erscheint im Dokument als ID. Geprüft
wird er, wenn `ik validate` im Ordner des Landkreises läuft, der dieses Konzept unter
„gemeinden:“ nennt (dort meldet ein falscher Verweis IK208).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept, where
from ..model.references import prefixed_refs
from ..problems import Severity
from . import CheckContext, Finding

CODE = "IK206"
NAME = "verweis-ohne-landkreis"
SEVERITY = Severity.INFO
EXAMPLE = """\
# ik validate gemeinden/ilsede (allein, ohne den Landkreis)
massnahmen:
  - id: m-il-1
    federfuehrung: kreis:jobcenter
"""


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    if ctx.arbeitsbereich is not None:
        return
    for entry, field, ident, path in prefixed_refs(konzept):
        if ":" not in ident:
            continue
        prefix = ident.split(":", 1)[0]
        shown = f"[[{ident}]] im Text" if field == "[[…]]" else f"„{field}“: „{ident}“"
        yield Finding(
            f"{shown} zeigt in ein anderes Konzept („{prefix}“); allein geprüft bleibt der "
            "Verweis ungeprüft", where(entry, *path),
            "Prüfen Sie im Ordner des Landkreises, der dieses Konzept unter „gemeinden:“ "
            "nennt: ik validate <Ordner des Landkreises>.")
