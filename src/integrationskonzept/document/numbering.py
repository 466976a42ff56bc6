"""Anchors and numbers of the document's entries (M 3.2, Z 3.1, A 3.4, B 3.1).

Ziele, Maßnahmen, Angebote and Bedarfe are numbered per Handlungsfeld: the first
number is the chapter number of the Handlungsfeld in the document, the second counts
within it; an entry with its own ``nummer:`` (the plan's, e.g. „M 7.1“ or „HZ1“) shows
that one instead. Entries without a Handlungsfeld go to the chapter
„Handlungsfeldübergreifend“. Entries marked ``angabe: beispiel`` (or ``erschlossen``)
carry the mark in their title, so every heading, table row and reference shows it.
Every entry that the document shows gets an ASCII anchor, unique in the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..model.concept import Konzept

PREFIX = {"massnahme": "M", "ziel": "Z", "angebot": "A", "bedarf": "B"}
ANCHOR_KIND = {
    "handlungsfeld": "hf", "massnahme": "massnahme", "ziel": "ziel", "angebot": "angebot",
    "bedarf": "bedarf", "akteur": "akteur", "indikator": "indikator", "kapitel": "kap",
    "veranstaltung": "veranstaltung", "arbeitsgruppe": "ag", "befragung": "befragung",
    "leitziel": "leitziel",
}
UEBERGREIFEND = "_uebergreifend"
_TRANS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                        "ß": "ss"})


@dataclass(frozen=True)
class Eintrag:
    """One addressable entry: its anchor, number (may be empty) and title."""

    kind: str
    id: str
    anchor: str
    nummer: str
    titel: str
    # (chapter, counter) for sorting tables in document order, whatever the shown number
    ordnung: tuple[int, int] = (0, 0)

    @property
    def label(self) -> str:
        """„M 3.2 Sprachcafé“, or just the title for entries without a number."""
        return f"{self.nummer} {self.titel}" if self.nummer else self.titel


@dataclass
class Register:
    """Anchors and numbers of all entries of one document."""

    eintraege: dict[str, Eintrag] = field(default_factory=dict)
    # Handlungsfeld id (or UEBERGREIFEND) -> chapter number.
    kapitelnummer: dict[str, int] = field(default_factory=dict)
    _used: set[str] = field(default_factory=set)

    def anchor(self, kind: str, ident: str) -> str:
        base = ANCHOR_KIND.get(kind, kind) + "-" + _slug(ident)
        name, n = base, 2
        while name in self._used:
            name, n = f"{base}-{n}", n + 1
        self._used.add(name)
        return name

    def add(self, kind: str, ident: str, titel: str, nummer: str = "",
            ordnung: tuple[int, int] = (0, 0)) -> Eintrag:
        entry = Eintrag(kind, ident, self.anchor(kind, ident), nummer, titel, ordnung)
        self.eintraege[ident] = entry
        return entry

    def get(self, ident: str | None) -> Eintrag | None:
        return self.eintraege.get(ident) if ident else None


# an id that is already its own slug (most are: „m-sprache-3“)
_PLAIN = re.compile(r"[A-Za-z0-9_]+(?:-+[A-Za-z0-9_]+)*")


def _slug(ident: str) -> str:
    if _PLAIN.fullmatch(ident):
        return ident
    text = ident.translate(_TRANS)
    text = re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")
    return text or "x"


ANGABE_ZUSATZ = {"beispiel": " (Beispiel)", "erschlossen": " (erschlossen)"}


def titel_of(entry: object) -> str:
    """The title with the mark of an invented or inferred entry."""
    titel = str(getattr(entry, "titel", None) or getattr(entry, "name", None) or "")
    return titel + ANGABE_ZUSATZ.get(getattr(entry, "angabe", None) or "", "")


def hf_name(konzept: Konzept, hf: str) -> str:
    """The name of a Handlungsfeld (:func:`hf_of`), „Handlungsfeldübergreifend“ for
    UEBERGREIFEND."""
    definition = konzept.handlungsfelder.get(hf)
    return definition.name if definition else "Handlungsfeldübergreifend"


def hf_of(konzept: Konzept, kind: str, entry: object) -> str:
    """The Handlungsfeld an entry belongs to (first of several), or UEBERGREIFEND."""
    if kind == "angebot":
        felder = [h for h in getattr(entry, "handlungsfelder", []) if h in konzept.handlungsfelder]
        return felder[0] if felder else UEBERGREIFEND
    hf = getattr(entry, "handlungsfeld", None)
    return hf if hf in konzept.handlungsfelder else UEBERGREIFEND


def kapitelnummern(konzept: Konzept, first_chapter: int) -> dict[str, int]:
    """Handlungsfeld id (and UEBERGREIFEND) -> chapter number, from ``first_chapter``."""
    out = {hf_id: first_chapter + offset
           for offset, hf_id in enumerate(konzept.handlungsfelder)}
    out[UEBERGREIFEND] = first_chapter + len(konzept.handlungsfelder)
    return out


def numbered(konzept: Konzept, kind: str, kapitel: dict[str, int]
             ) -> Iterator[tuple[str, Any, str, tuple[int, int]]]:
    """(id, entry, number, order) of each Ziel, Maßnahme, Angebot or Bedarf (``kind``):
    its own ``nummer`` or the chapter's, counted within the Handlungsfeld."""
    counters: dict[str, int] = {}
    for ident, entry in konzept.registry(kind).items():
        hf = hf_of(konzept, kind, entry)
        counters[hf] = counters.get(hf, 0) + 1
        ordnung = (kapitel[hf], counters[hf])
        yield ident, entry, entry.nummer or f"{PREFIX[kind]} {ordnung[0]}.{ordnung[1]}", ordnung


def build_register(konzept: Konzept, first_chapter: int) -> Register:
    """Number and anchor everything; Handlungsfeld chapters start at ``first_chapter``."""
    reg = Register()
    reg.kapitelnummer = kapitelnummern(konzept, first_chapter)
    for hf_id, hf in konzept.handlungsfelder.items():
        reg.add("handlungsfeld", hf_id, hf.name)
    for kind in ("ziel", "massnahme", "angebot", "bedarf"):
        for ident, entry, nummer, ordnung in numbered(konzept, kind, reg.kapitelnummer):
            reg.add(kind, ident, titel_of(entry), nummer, ordnung)
    for ident, leitziel in konzept.leitziele.items():
        reg.add("leitziel", ident, konzept.leitziel_titel(ident), leitziel.nummer or "")
    for ident, kap in konzept.kapitel.items():
        reg.add("kapitel", ident, kap.titel)
    for kind in ("akteur", "indikator", "veranstaltung", "arbeitsgruppe", "befragung"):
        for ident, other in konzept.registry(kind).items():
            reg.add(kind, ident, titel_of(other), getattr(other, "nummer", None) or "")
    return reg


def has_uebergreifend(konzept: Konzept) -> bool:
    """Whether any Ziel, Maßnahme, Angebot or Bedarf has no (known) Handlungsfeld."""
    return any(hf_of(konzept, kind, e) == UEBERGREIFEND
               for kind, reg in (("ziel", konzept.ziele), ("massnahme", konzept.massnahmen),
                                 ("angebot", konzept.angebote), ("bedarf", konzept.bedarfe))
               for e in reg.values())
