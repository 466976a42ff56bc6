"""The assembled concept: all files of a folder merged into one value.

Every entry remembers where it was read (``where(entry, *path)``), so a check that
spans several files can name both ends of a problem.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..problems import DeferredLocation, Location
from ..source.safeyaml import locate
from .fields import Entry, source_of
from .files import (
    Bericht,
    Beschluss,
    Foerderung,
    HandlungsfeldDef,
    Kapitel,
    Kennzahl,
    KonzeptKopf,
    Merkmal,
    Sozialraum,
    Sprache,
    Zielgruppe,
)
from .items import (
    Abkuerzung,
    Akteur,
    Angebot,
    Arbeitsgruppe,
    Bedarf,
    Befragung,
    Begriff,
    Indikator,
    Leitziel,
    Massnahme,
    Veranstaltung,
    Ziel,
)

if TYPE_CHECKING:
    from ..source.placeholders import Mark
    from .walkfacts import Walked

# The kinds of things that carry an id, with their German names (singular).
KIND_LABELS: dict[str, str] = {
    "handlungsfeld": "Handlungsfeld",
    "zielgruppe": "Zielgruppe",
    "sozialraum": "Sozialraum",
    "sprache": "Sprache",
    "merkmal": "Merkmal",
    "kapitel": "Kapitel",
    "akteur": "Akteur",
    "ziel": "Ziel",
    "leitziel": "Leitziel",
    "massnahme": "Maßnahme",
    "angebot": "Angebot",
    "bedarf": "Bedarf",
    "indikator": "Indikator",
    "veranstaltung": "Veranstaltung",
    "arbeitsgruppe": "Arbeitsgruppe",
    "befragung": "Befragung",
    "bericht": "Berichtszeitraum",
}

# Which kinds a reference field may point to, by the field's name.
REF_TARGETS: dict[str, tuple[str, ...]] = {
    "handlungsfeld": ("handlungsfeld",),
    "handlungsfelder": ("handlungsfeld",),
    "zielgruppen": ("zielgruppe",),
    "umfasst": ("zielgruppe",),
    "sozialraum": ("sozialraum",),
    "sozialraeume": ("sozialraum",),
    "teil_von": ("sozialraum",),
    "sprachen": ("sprache",),
    "lernsprache": ("sprache",),
    "merkmale": ("merkmal",),
    "kapitel": ("kapitel",),
    "federfuehrung": ("akteur",),
    "kooperationspartner": ("akteur",),
    "traeger": ("akteur",),
    "zu": ("akteur",),
    "veranstalter": ("akteur",),
    "leitung": ("akteur",),
    "mitglieder": ("akteur",),
    "ziele": ("ziel", "leitziel"),
    "leitziel": ("leitziel",),
    "bedarfe": ("bedarf",),
    "indikatoren": ("indikator",),
    "quelle": ("veranstaltung", "arbeitsgruppe", "befragung"),
    # Konfliktanalyse and Integrationsmanagement (model/konflikt.py, model/verbund.py).
    "akteure": ("akteur",),
    "akteur": ("akteur",),
    "erstellt_von": ("akteur",),
    "koordination": ("akteur",),
    "beratung": ("akteur",),
    "steuerungsgruppe": ("akteur",),
    "bericht": ("bericht",),
}


def where(entry: Entry, *path: str | int) -> Location:
    """The location of ``entry`` or of a value inside it (key path, list indexes)."""
    src = source_of(entry)
    if src is None:
        return Location("")
    file, node = src
    # Looked up when a message names it: most located values are never reported.
    return DeferredLocation(file, locate, node, path)


@dataclass
class HandlungsfeldInhalt:
    """The text parts of a Handlungsfeld, from the file that sets ``handlungsfeld:``."""

    id: str
    file: str
    ausgangslage: str | None = None
    ausgangslage_datei: str | None = None
    leitziel: Leitziel | None = None
    steuerung: str | None = None


@dataclass
class Konzept:
    """One concept, merged from all files of its folder; dicts keep source order."""

    root: Path
    meta: KonzeptKopf | None = None
    handlungsfelder: dict[str, HandlungsfeldDef] = field(default_factory=dict)
    zielgruppen: dict[str, Zielgruppe] = field(default_factory=dict)
    sozialraeume: dict[str, Sozialraum] = field(default_factory=dict)
    sprachen: dict[str, Sprache] = field(default_factory=dict)
    merkmale: dict[str, Merkmal] = field(default_factory=dict)
    kapitel: dict[str, Kapitel] = field(default_factory=dict)
    beschluesse: list[Beschluss] = field(default_factory=list)
    berichte: dict[str, Bericht] = field(default_factory=dict)
    foerderung: list[Foerderung] = field(default_factory=list)
    bevoelkerung: list[Kennzahl] = field(default_factory=list)
    inhalte: dict[str, HandlungsfeldInhalt] = field(default_factory=dict)
    akteure: dict[str, Akteur] = field(default_factory=dict)
    ziele: dict[str, Ziel] = field(default_factory=dict)
    # Leitziele with an id (from the ``leitziel:`` of a Handlungsfeld's file).
    leitziele: dict[str, Leitziel] = field(default_factory=dict)
    massnahmen: dict[str, Massnahme] = field(default_factory=dict)
    angebote: dict[str, Angebot] = field(default_factory=dict)
    bedarfe: dict[str, Bedarf] = field(default_factory=dict)
    veranstaltungen: dict[str, Veranstaltung] = field(default_factory=dict)
    arbeitsgruppen: dict[str, Arbeitsgruppe] = field(default_factory=dict)
    befragungen: dict[str, Befragung] = field(default_factory=dict)
    indikatoren: dict[str, Indikator] = field(default_factory=dict)
    glossar: list[Begriff] = field(default_factory=list)
    abkuerzungen: list[Abkuerzung] = field(default_factory=list)
    # The single-valued part of every file (``handlungsfeld:``, ``ausgangslage:``, meta).
    heads: list[Entry] = field(default_factory=list)
    # Every id of the concept (also of entries that failed validation): id -> (kind, where).
    ids: dict[str, tuple[str, Location]] = field(default_factory=dict)
    # Every text inside entries that failed validation: lints that ask "is X used?"
    # count these too, so one broken entry does not cause a cascade of warnings.
    ungueltig: set[str] = field(default_factory=set)
    # Files that are not YAML (IK001 …): what they hold is unknown, so lints that report
    # something missing hold back (see model/unreadable.py).
    unlesbar: list[str] = field(default_factory=list)
    # Markdown files read for chapters and Ausgangslagen: relative path -> text.
    texte: dict[str, str] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    # The text of every YAML file read (relative path -> text), read once by the loader.
    quelltexte: dict[str, str] = field(default_factory=dict, repr=False)
    # The placeholders of the YAML files rebuilt from snapshots (relative path -> (line,
    # column, placeholder) of each, see source/placeholders.py), known without a scan.
    platzhalter: dict[str, list[Mark]] = field(
        default_factory=dict, repr=False, compare=False)
    # What the walk over the references finds in the lists rebuilt from snapshots, by the
    # id() of each list's first entry (see model/walkfacts.py; it holds the entries).
    walked: dict[int, Walked] = field(default_factory=dict, repr=False, compare=False)
    # Derived values computed once per concept (references, gap report), by name.
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def stand(self) -> dt.date | None:
        """The day the concept speaks for: a Stand given as month or year counts from its
        first day (nothing is taken as ended that might still run in that month)."""
        return self.meta.stand.first if self.meta else None

    @property
    def gesamtraum(self) -> str | None:
        """The id of the Sozialraum that stands for the whole town or district."""
        for sid, raum in self.sozialraeume.items():
            if raum.art == "gesamt":
                return sid
        return None

    def registry(self, kind: str) -> dict[str, Any]:
        """The dict of entries of one kind (``"massnahme"`` → ``massnahmen``)."""
        return getattr(self, _REGISTRY_ATTR[kind])  # type: ignore[no-any-return]

    def label(self, ident: str) -> str:
        """A readable name for an id: the entry's name or title, else the id."""
        kind = self.ids.get(ident, ("", None))[0]
        if not kind:
            return ident
        entry = self.registry(kind).get(ident)
        if entry is None:
            return ident
        if kind == "leitziel":
            return self.leitziel_titel(ident)
        return str(getattr(entry, "name", None) or getattr(entry, "titel", None) or ident)

    def leitziel_titel(self, ident: str) -> str:
        """„Leitziel Sprache“, or the Leitziel's own title."""
        leitziel = self.leitziele[ident]
        if leitziel.titel:
            return leitziel.titel
        hf = next((i.id for i in self.inhalte.values() if i.leitziel is leitziel), "")
        feld = self.handlungsfelder.get(hf)
        return f"Leitziel {feld.name}" if feld else "Leitziel"


# Which registry each list key of the files feeds, and the kind of its ids.
LIST_KINDS: dict[str, str] = {
    "handlungsfelder": "handlungsfeld", "zielgruppen": "zielgruppe", "sozialraeume": "sozialraum",
    "sprachen": "sprache", "merkmale": "merkmal", "kapitel": "kapitel", "akteure": "akteur",
    "ziele": "ziel", "massnahmen": "massnahme", "angebote": "angebot", "bedarfe": "bedarf",
    "indikatoren": "indikator", "veranstaltungen": "veranstaltung", "leitziele": "leitziel",
    "arbeitsgruppen": "arbeitsgruppe", "befragungen": "befragung", "berichte": "bericht",
}
# The Konzept attribute holding each kind: the list key of the files.
_REGISTRY_ATTR = {kind: key for key, kind in LIST_KINDS.items()}
