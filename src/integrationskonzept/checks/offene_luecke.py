"""Offene Lücke: ein Bedarf ist nicht (ganz) gedeckt, und nichts ist geplant.

Ein Bedarf, den kein Angebot deckt (ungedeckt) oder nur zum Teil (teilweise gedeckt),
braucht eine Maßnahme, die ihn schließen soll (bei der Maßnahme „bedarfe: [<id>]“, mit
einem anderen Status als entfallen oder zurückgestellt), oder die bewusste Entscheidung, die Lücke
hinzunehmen („akzeptiert: {grund: …}“ beim Bedarf). Die Meldung nennt die Gründe aus der
Lückenanalyse (`ik gaps`).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept, where
from ..problems import Severity
from . import CheckContext, Finding

CODE = "IK601"
NAME = "offene-luecke"
SEVERITY = Severity.WARNING
EXAMPLE = """\
bedarfe:
  - id: b-kita   # kein Angebot deckt ihn, keine Maßnahme ist geplant
    titel: Kita-Plätze
"""

MAX_GRUENDE = 3


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    from ..gaps import open_gaps

    for befund in open_gaps(konzept):  # the full report when the concept has one
        bedarf = konzept.bedarfe.get(befund.bedarf)
        if bedarf is None or bedarf.id in konzept.ungueltig:
            continue  # a Maßnahme meant to close it failed validation: reported there
        gruende = [g.text for g in befund.gruende]
        if len(gruende) > MAX_GRUENDE:
            gruende = gruende[:MAX_GRUENDE] + [f"{len(befund.gruende) - MAX_GRUENDE} weitere"]
        warum = f": {'; '.join(gruende)}" if gruende else ""
        nicht_aktiv = [m.massnahme for m in befund.massnahmen]
        hint = (f"Ordnen Sie eine Maßnahme zu (bedarfe: [{bedarf.id}]) oder vermerken Sie "
                "akzeptiert: {grund: …}.")
        if nicht_aktiv:
            hint += (" Zugeordnet, aber nicht aktiv: " + ", ".join(
                f"{m.massnahme} ({m.status})" for m in befund.massnahmen) + ".")
        related = tuple(where(konzept.massnahmen[m], "status")
                        for m in nicht_aktiv if m in konzept.massnahmen)
        yield Finding(
            f"Bedarf „{bedarf.id}“ ({bedarf.titel}) ist {befund.urteil}{warum}",
            where(bedarf, "id"), hint, related)
