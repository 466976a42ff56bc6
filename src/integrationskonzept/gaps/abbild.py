"""What a gap report shows of the concept's entries, taken when the analysis runs.

A report's Befunde and names are made when first read (:mod:`.folgen`); they show the
concept as it was analysed, even if it changed since, so what they show of each Bedarf
(its fields, its sources as people read them) and the titles of the entries are taken
here, as columns by position, when :func:`~.analysis.find_gaps` runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from operator import attrgetter
from typing import Any

from ..model.concept import Konzept
from ..model.items import Bedarf
from .index import shared
from .match import NeedFacts

# One list per field, by position (a tuple per need would be one more object for the
# collector to visit per need), read from the needs in one pass.
_FELDER = attrgetter("id", "titel", "handlungsfeld", "umfang", "prioritaet", "sozialraeume",
                     "akzeptiert", "quelle")


@dataclass(slots=True)
class Abbild:
    """What the Befunde show of their Bedarfe (one list per field, by position)."""

    id: list[str]
    titel: list[str]
    handlungsfeld: list[str | None]
    umfang: list[int | None]
    prioritaet: list[str | None]
    raeume: list[tuple[str, ...]]  # the places it lists (none: the whole, shown as none)
    akzeptiert: list[str | None]  # the reason it is accepted
    quellen: list[tuple[str, ...]]  # the sources as people read them (quelle_text)


def abbild(konzept: Konzept, bedarfe: list[Bedarf], needs: list[NeedFacts]) -> Abbild:
    """What the Befunde of ``bedarfe`` (with their facts ``needs``) show of them."""
    if not bedarfe:
        return Abbild([], [], [], [], [], [], [], [])
    ident, titel, hf, umfang, prioritaet, listed, akzeptiert, quelle = (
        map(list, zip(*map(_FELDER, bedarfe), strict=True)))
    return Abbild(
        ident, titel, hf, umfang, prioritaet,
        [n.raeume if orte else () for orte, n in zip(listed, needs, strict=True)],
        [a.grund if a else None for a in akzeptiert],
        shared(quelle, partial(_quellen, konzept, {})))  # one per equal list


def _quellen(konzept: Konzept, texte: dict[str, str], quelle: tuple[str, ...]
             ) -> tuple[str, ...]:
    """The sources of a need as people read them (:func:`quelle_text`, each source worded
    once: ``texte``)."""
    out = []
    for q in quelle:
        text = texte.get(q)
        if text is None:
            text = texte[q] = quelle_text(konzept, q)
        out.append(text)
    return tuple(out)


_TITEL = attrgetter("titel")


def titel_von(table: dict[str, Any]) -> dict[str, str]:
    """The titles of a table's entries by id, as they are now."""
    return dict(zip(table, map(_TITEL, table.values()), strict=True))


def quelle_text(konzept: Konzept, quelle: str) -> str:
    """A source as people read it: the Beteiligung's title, for a survey with its question
    (``f-eltern#Q3`` → „Elternbefragung, Frage Q3: Welche Angebote fehlen?“)."""
    ident, _, code = quelle.partition("#")
    name = konzept.label(ident)
    if not code:
        return name
    befragung = konzept.befragungen.get(ident)
    frage = next((f for f in befragung.fragen if f.code == code), None) if befragung else None
    return f"{name}, Frage {code}" + (f": {frage.text}" if frage else "")
