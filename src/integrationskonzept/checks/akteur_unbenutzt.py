"""Akteur wird nirgends genannt.

Ein Akteur, auf den keine Maßnahme, kein Angebot, keine Arbeitsgruppe und keine
Beziehung verweist, ist vermutlich vergessen oder doppelt angelegt.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..concept import Konzept, where
from ..problems import Severity
from ..references import refs, sources
from . import CheckContext, Finding

CODE = "IK508"
NAME = "akteur-unbenutzt"
SEVERITY = Severity.WARNING

_AKTEUR_FIELDS = frozenset({"federfuehrung", "kooperationspartner", "traeger", "zu",
                            "veranstalter", "leitung", "mitglieder", "[[…]]"})


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    used: set[str] = set()
    for entry in sources(konzept):
        for field, ident, _path in refs(entry):
            if field in _AKTEUR_FIELDS:
                used.add(ident)
    for akteur in konzept.akteure.values():
        if akteur.beziehungen:
            used.add(akteur.id)
    for akteur in konzept.akteure.values():
        if akteur.id not in used and akteur.id not in konzept.ungueltig:
            yield Finding(f"Akteur „{akteur.id}“ ({akteur.name}) wird nirgends genannt",
                          where(akteur, "id"),
                          "Nennen Sie ihn als Federführung, Partner, Träger oder in einer "
                          "Beziehung, oder löschen Sie ihn.")
