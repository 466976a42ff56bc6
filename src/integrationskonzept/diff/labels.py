"""German names of the fields and kinds that a comparison talks about."""

from __future__ import annotations

# Field name of the source format -> label in a change description.
FIELD_LABELS: dict[str, str] = {
    "titel": "Titel",
    "name": "Name",
    "kurz": "Kurzname",
    "typ": "Typ",
    "ebene": "Ebene",
    "sozialraum": "Sozialraum",
    "kontakt": "Kontakt",
    "handlungsfeld": "Handlungsfeld",
    "handlungsfelder": "Handlungsfelder",
    "einfluss": "Einfluss",
    "beziehungen": "Beziehungen",
    "beschreibung": "Beschreibung",
    "zielgruppen": "Zielgruppen",
    "indikatoren": "Indikatoren",
    "zieljahr": "Zieljahr",
    "ziele": "Ziele",
    "sozialraeume": "Sozialräume",
    "federfuehrung": "Federführung",
    "kooperationspartner": "Kooperationspartner",
    "zeitraum": "Zeitraum",
    "zeithorizont": "Zeithorizont",
    "prioritaet": "Priorität",
    "schwerpunkt": "Schwerpunktmaßnahme",
    "ressourcen": "Ressourcen",
    "kosten": "Kosten",
    "finanzierung": "Finanzierung",
    "status": "Status",
    "bedarfe": "Bedarfe",
    "quelle": "Quelle",
    "traeger": "Träger",
    "sprachen": "Sprachen",
    "lernsprache": "Lernsprache",
    "ort": "Ort",
    "form": "Form",
    "merkmale": "Merkmale",
    "zeiten": "Zeiten",
    "laufzeit": "Laufzeit",
    "kapazitaet": "Kapazität",
    "web": "Internetseite",
    "stand": "Stand",
    "umfang": "Umfang",
    "akzeptiert": "Akzeptierte Lücke",
    "art": "Art",
    "datum": "Datum",
    "teilnehmende": "Teilnehmende",
    "veranstalter": "Veranstalter",
    "leitung": "Leitung",
    "mitglieder": "Mitglieder",
    "sitzungen": "Sitzungen",
    "instrument": "Instrument",
    "versandt": "Versandt",
    "ruecklauf": "Rücklauf",
    "definition": "Definition",
    "datenquelle": "Datenquelle",
    "einheit": "Einheit",
    "bewertung": "Bewertung",
    "methodik": "Methodik",
    "basiswert": "Basiswert",
    "zielwert": "Zielwert",
    "istwerte": "Ist-Werte",
    "querschnitt": "Querschnittsthema",
    "umfasst": "Umfasst",
    "teil_von": "Teil von",
    "einwohner": "Einwohner",
    "datei": "Datei",
    "teil": "Teil",
    "stelle": "Stelle",
    "anschrift": "Anschrift",
    "telefon": "Telefon",
    "email": "E-Mail",
    "sprechzeiten": "Sprechzeiten",
    "grund": "Grund",
    "gremium": "Gremium",
    "wert": "Wert",
    "jahr": "Jahr",
    "beginn": "Beginn",
    "ende": "Ende",
    "zu": "zu",
    "thema": "Thema",
    "text": "Text",
    "horizont": "Zieljahr",
    # Parts of a Handlungsfeld that live in its content file.
    "ausgangslage": "Ausgangslage",
    "leitziel": "Leitziel",
    "steuerung": "Steuerung und Vernetzung",
    "inhalt": "Text",
}


def field_label(name: str) -> str:
    """The German label of a field; unknown names are shown capitalised."""
    return FIELD_LABELS.get(name, name.replace("_", " ").capitalize())


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
