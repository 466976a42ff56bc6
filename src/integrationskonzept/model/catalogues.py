"""Starter catalogues of Handlungsfelder that `ik init` can offer (see DOMAIN.md)."""

from __future__ import annotations

# Nationaler Aktionsplan Integration 2012: the eleven Dialogforen.
NAP = (
    ("fruehkindliche-foerderung", "Frühkindliche Förderung"),
    ("bildung", "Bildung, Ausbildung, Weiterbildung"),
    ("arbeit", "Arbeitsmarkt und Erwerbsleben"),
    ("oeffentlicher-dienst", "Migranten im öffentlichen Dienst"),
    ("gesundheit", "Gesundheit und Pflege"),
    ("integration-vor-ort", "Integration vor Ort"),
    ("sprache", "Sprache – Integrationskurse"),
    ("sport", "Sport"),
    ("engagement", "Bürgerschaftliches Engagement"),
    ("medien", "Medien"),
    ("kultur", "Kultur"),
)

# Stadt Lehrte, from 2022: nine fields.
LEHRTE = (
    ("sprache", "Sprache"),
    ("antidiskriminierung", "Schutz vor Diskriminierung"),
    ("arbeit", "Arbeit und Wirtschaft"),
    ("freizeit", "Freizeit, Kultur und Sport"),
    ("bildung", "Bildung und Erziehung"),
    ("demokratie", "Demokratie und Sicherheit"),
    ("gesundheit", "Gesundheit"),
    ("wohnen", "Wohnen und Leben"),
    ("verwaltung", "Interkulturelle Öffnung der Stadtverwaltung"),
)

# The fields found almost everywhere.
KERN = (
    ("sprache", "Sprache"),
    ("bildung", "Bildung"),
    ("arbeit", "Arbeit"),
    ("wohnen", "Wohnen"),
    ("gesundheit", "Gesundheit"),
    ("zusammenleben", "Zusammenleben und Teilhabe"),
    ("verwaltung", "Interkulturelle Öffnung der Verwaltung"),
)

CATALOGUES: dict[str, tuple[tuple[str, str], ...]] = {
    "nap": NAP, "lehrte": LEHRTE, "kern": KERN, "leer": (),
}
