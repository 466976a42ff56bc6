"""German names of the fields and kinds that a comparison talks about."""

from __future__ import annotations

# The German field names live with the format (model.labels); they are used here too.
from ..model.labels import FIELD_LABELS as FIELD_LABELS
from ..model.labels import field_label as field_label

# The kinds a comparison covers, in the order of the report: (registry, singular, plural).
KINDS: tuple[tuple[str, str, str], ...] = (
    ("handlungsfelder", "Handlungsfeld", "Handlungsfelder"),
    ("akteure", "Akteur", "Akteure"),
    ("ziele", "Ziel", "Ziele"),
    ("massnahmen", "Maßnahme", "Maßnahmen"),
    ("angebote", "Angebot", "Angebote"),
    ("bedarfe", "Bedarf", "Bedarfe"),
    ("indikatoren", "Indikator", "Indikatoren"),
    ("veranstaltungen", "Veranstaltung", "Veranstaltungen"),
    ("arbeitsgruppen", "Arbeitsgruppe", "Arbeitsgruppen"),
    ("befragungen", "Befragung", "Befragungen"),
    ("zielgruppen", "Zielgruppe", "Zielgruppen"),
    ("sozialraeume", "Sozialraum", "Sozialräume"),
    ("kapitel", "Kapitel", "Kapitel"),
)
SINGULAR = {k: s for k, s, _ in KINDS}
PLURAL = {k: p for k, _, p in KINDS}

# What happened to an entry, as stored in the Diff (JSON) and shown to people.
NEU, ENTFALLEN, GEAENDERT, VERSCHOBEN = "neu", "entfallen", "geändert", "verschoben"
CHANGE_WORDS = {NEU: "neu", ENTFALLEN: "entfallen", GEAENDERT: "geändert",
                VERSCHOBEN: "verschoben"}
