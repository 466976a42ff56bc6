"""Akteur wird nirgends genannt.

Ein Akteur, auf den keine Maßnahme, kein Angebot, keine Arbeitsgruppe, keine
Beziehung, keine Konfliktlinie und nicht das Integrationsmanagement verweist und der in
keinem Text mit [[id]] genannt wird, ist vermutlich vergessen oder doppelt angelegt.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import REF_TARGETS, Konzept, where
from ..model.references import ids_by_field, text_refs
from ..problems import Severity
from . import CheckContext, Finding

CODE = "IK508"
NAME = "akteur-unbenutzt"
SEVERITY = Severity.WARNING
EXAMPLE = """\
akteure:
  - id: tafel   # von keiner Maßnahme, keinem Angebot genannt
    name: Tafel
    typ: Verein
"""

# Every field that names an actor (Konfliktanalyse and Integrationsmanagement included).
_AKTEUR_FIELDS = frozenset({f for f, kinds in REF_TARGETS.items() if kinds == ("akteur",)}
                           | {"[[…]]"})


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    used: set[str] = set()
    for field, idents in ids_by_field(konzept).items():
        if field in _AKTEUR_FIELDS:
            used.update(idents)
    used.update(ref[0] for ref in text_refs(konzept))  # also [[id]] in chapter files
    for akteur in konzept.akteure.values():
        if akteur.beziehungen:
            used.add(akteur.id)
    for akteur in konzept.akteure.values():
        if akteur.id not in used and akteur.id not in konzept.ungueltig:
            yield Finding(f"Akteur „{akteur.id}“ ({akteur.name}) wird nirgends genannt",
                          where(akteur, "id"),
                          "Nennen Sie ihn als Federführung, Partner, Träger oder in einer "
                          "Beziehung, oder löschen Sie ihn.")
