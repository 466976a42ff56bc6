"""Shared vocabularies of a Landkreis workspace.

A member that defines no Handlungsfelder (Zielgruppen, Sprachen, Merkmale) uses the
Kreis's; one that defines its own keeps them and maps each to the Kreis's entry with
``entspricht: <id im Landkreis>``, or by using the same id. :func:`kanon` gives the
Kreis's id of a member's entry (the id the workspace compares by).
"""

from __future__ import annotations

from ..model.concept import Konzept, where
from ..problems import Location

# Vocabulary tables a member may inherit: Konzept attribute -> kind of its ids.
GEERBT = {"handlungsfelder": "handlungsfeld", "zielgruppen": "zielgruppe",
          "sprachen": "sprache", "merkmale": "merkmal"}
BUILTIN = "(eingebaut)"


def inherit(kreis: Konzept, member: Konzept, kreis_datei: str) -> list[str]:
    """Give ``member`` the Kreis's entries of every table it does not define itself.

    ``kreis_datei`` is the Kreis's konzept.yaml as a path relative to the member's
    folder (inherited ids are located there). Returns the tables inherited. Merkmale
    count as not defined when the member only has the built-in list.
    """
    done = []
    for attr, kind in GEERBT.items():
        own = getattr(member, attr)
        if attr == "merkmale":
            own_defined = any(member.ids.get(i, ("", Location("")))[1].file != BUILTIN
                              for i in own)
        else:
            own_defined = bool(own)
        theirs = getattr(kreis, attr)
        if own_defined or not theirs:
            continue
        if attr == "merkmale":
            for ident in list(own):
                member.ids.pop(ident, None)
            own.clear()
        for ident, entry in theirs.items():
            if ident in member.ids:
                continue
            own[ident] = entry
            loc = where(entry, "id")
            member.ids[ident] = (kind, Location(kreis_datei, loc.line, loc.column))
        done.append(attr)
    if done:
        member.cache.clear()
    return done


def kanon(konzept: Konzept, attr: str, ident: str) -> str:
    """The Kreis's id for ``ident`` of table ``attr`` of a member (``entspricht`` or
    the id itself)."""
    entry = getattr(konzept, attr).get(ident)
    target = getattr(entry, "entspricht", None) if entry is not None else None
    return target or ident


def lokal(konzept: Konzept, attr: str, kreis_id: str) -> str | None:
    """The member's id for the Kreis's ``kreis_id`` of table ``attr``, if it has one."""
    table = getattr(konzept, attr)
    for ident, entry in table.items():
        if getattr(entry, "entspricht", None) == kreis_id:
            return str(ident)
    return kreis_id if kreis_id in table else None
