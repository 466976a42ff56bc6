"""Konfliktlinie doppelt oder mit demselben Akteur auf zwei Seiten.

Jede Konfliktlinie der Konfliktanalyse hat eine eigene ID (im ganzen Konzept, auch
gegenüber anderen Einträgen), und ein Akteur steht in einer Linie nur auf einer Seite.
Die Meldung nennt beide Stellen.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept, where
from ..problems import Location, Severity
from . import CheckContext, Finding

CODE = "IK207"
NAME = "konfliktlinie"
SEVERITY = Severity.ERROR
EXAMPLE = """\
konfliktanalyse:
  konfliktlinien:
    - id: kl-1
      thema: Wartezeiten
      dynamik: offen
      seiten: [{akteure: [abh]}, {akteure: [initiativen, abh]}]   # abh auf beiden Seiten
"""


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    seen: dict[str, Location] = {}
    for head in konzept.heads:
        analyse = getattr(head, "konfliktanalyse", None)
        if analyse is None:
            continue
        for i, linie in enumerate(analyse.konfliktlinien):
            at = where(head, "konfliktanalyse", "konfliktlinien", i, "id")
            other = seen.get(linie.id) or (konzept.ids[linie.id][1]
                                           if linie.id in konzept.ids else None)
            if other is not None:
                yield Finding(f"Konfliktlinie „{linie.id}“: die ID ist schon vergeben ({other})",
                              at, "Geben Sie jeder Konfliktlinie eine eigene ID.",
                              related=(other,))
            else:
                seen[linie.id] = at
            first: dict[str, int] = {}
            for j, seite in enumerate(linie.seiten):
                for k, akteur in enumerate(seite.akteure):
                    if first.get(akteur, j) != j:
                        yield Finding(
                            f"Konfliktlinie „{linie.id}“: Akteur „{akteur}“ steht auf "
                            f"Seite {first[akteur] + 1} und Seite {j + 1}",
                            where(head, "konfliktanalyse", "konfliktlinien", i, "seiten", j,
                                  "akteure", k),
                            "Ein Akteur steht in einer Konfliktlinie nur auf einer Seite; "
                            "innere Spannungen beschreibt eine eigene Konfliktlinie.",
                            related=(where(head, "konfliktanalyse", "konfliktlinien", i,
                                           "seiten", first[akteur]),))
                    first.setdefault(akteur, j)
