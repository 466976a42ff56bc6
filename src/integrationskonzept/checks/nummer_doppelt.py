"""Nummer des Plans doppelt vergeben.

Eigene Nummern (`nummer: M 7.1`, `HZ1`) ersetzen im Dokument die erzeugten; tragen zwei
Einträge derselben Art dieselbe Nummer, sind Verweise und Tabellen nicht mehr eindeutig.
Die Meldung nennt beide Einträge.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import KIND_LABELS, Konzept, where
from ..problems import Location, Severity
from . import CheckContext, Finding

CODE = "IK510"
NAME = "nummer-doppelt"
SEVERITY = Severity.WARNING
EXAMPLE = """\
massnahmen:
  - {id: m-1, nummer: M 7.1, titel: Sprachcafé}
  - {id: m-2, nummer: M 7.1, titel: Elterncafé}   # dieselbe Nummer
"""


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    for kind in ("leitziel", "ziel", "massnahme", "angebot", "bedarf"):
        seen: dict[str, tuple[str, Location]] = {}
        for ident, entry in konzept.registry(kind).items():
            nummer = getattr(entry, "nummer", None)
            if not nummer:
                continue
            loc = where(entry, "nummer")
            key = " ".join(nummer.split())
            if key in seen:
                other, other_loc = seen[key]
                yield Finding(
                    f"Nummer „{nummer}“ trägt schon {KIND_LABELS[kind]} „{other}“ ({other_loc}); "
                    f"{KIND_LABELS[kind]} „{ident}“ braucht eine andere",
                    loc, "Vergeben Sie jede Nummer des Plans nur einmal.", related=(other_loc,))
            else:
                seen[key] = (ident, loc)
