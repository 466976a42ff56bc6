"""Word lists for the generated Landkreis: vocabularies, name parts, offer and need templates.

Everything here is invented example material in the style of real Integrationskonzepte
(NAP-I fields, Maßnahmenkataloge of Landkreise); no real organisation is meant.
"""

from __future__ import annotations

HANDLUNGSFELDER = (
    ("fruehe-bildung", "Frühkindliche Bildung", "Kita"),
    ("schule", "Schule und Übergang Schule–Beruf", "Schule"),
    ("sprache", "Sprache", "Sprache"),
    ("arbeit", "Arbeit und Qualifizierung", "Arbeit"),
    ("gesundheit", "Gesundheit und Pflege", "Gesundheit"),
    ("wohnen", "Wohnen und Nachbarschaft", "Wohnen"),
    ("zusammenleben", "Zusammenleben und Ehrenamt", "Zusammenleben"),
    ("kultur-sport", "Kultur, Freizeit und Sport", "Kultur/Sport"),
    ("beratung", "Beratung und Orientierung", "Beratung"),
    ("verwaltung", "Interkulturelle Öffnung der Verwaltung", "Verwaltung"),
)

ZIELGRUPPEN = (
    ("zugewanderte", "Zugewanderte (alle)"),
    ("neuzugewanderte", "Neuzugewanderte"),
    ("gefluechtete", "Geflüchtete"),
    ("eu-zugewanderte", "EU-Zugewanderte"),
    ("laenger-hier", "Länger hier lebende Zugewanderte"),
    ("frauen", "Frauen mit Migrationsgeschichte"),
    ("muetter", "Mütter mit kleinen Kindern"),
    ("kita-kinder", "Kinder im Kita-Alter"),
    ("schulkinder", "Schulkinder"),
    ("jugendliche", "Jugendliche und junge Erwachsene"),
    ("eltern", "Eltern mit Migrationsgeschichte"),
    ("senior-innen", "Senior*innen mit Migrationsgeschichte"),
    ("arbeitsuchende", "Arbeitsuchende Zugewanderte"),
    ("fachkraefte", "Fachkräfte in Beratung und Bildung"),
    ("ehrenamtliche", "Ehrenamtliche"),
    ("mso", "Migrant*innenorganisationen"),
    ("verwaltungsbeschaeftigte", "Beschäftigte der Kreisverwaltung"),
)
ZIELGRUPPEN_UMFASST = ("neuzugewanderte", "gefluechtete", "eu-zugewanderte", "laenger-hier")

SPRACHEN = (
    ("de", "Deutsch"), ("ar", "Arabisch"), ("tr", "Türkisch"), ("ru", "Russisch"),
    ("uk", "Ukrainisch"), ("fa", "Persisch (Farsi/Dari)"), ("ku", "Kurdisch (Kurmandschi)"),
    ("pl", "Polnisch"), ("ro", "Rumänisch"), ("bg", "Bulgarisch"), ("en", "Englisch"),
    ("ti", "Tigrinya"), ("so", "Somali"), ("fr", "Französisch"), ("sq", "Albanisch"),
)

MERKMALE = (
    ("kinderbetreuung", "Kinderbetreuung"), ("barrierefrei", "barrierefrei"),
    ("kostenfrei", "kostenfrei"), ("niedrigschwellig", "niedrigschwellig"),
    ("abends", "abends"), ("wochenende", "am Wochenende"), ("aufsuchend", "aufsuchend"),
    ("nur-frauen", "nur für Frauen"), ("sprachmittlung", "mit Sprachmittlung"),
)

# Syllables for invented place names: deterministic, German-sounding, unique enough.
ORT_ANFANG = ("Alt", "Bern", "Dorn", "Eich", "Fried", "Gern", "Hohen", "Ilse", "Kirch",
              "Linden", "Mühl", "Neu", "Oster", "Rosen", "Sted", "Tann", "Vech", "Wend",
              "Wester", "Zell", "Brock", "Ede", "Hasel", "Lenge", "Söh", "Grün", "Sonnen",
              "Bruch", "Klein", "Groß")
ORT_ENDE = ("dorf", "stedt", "hausen", "büttel", "feld", "burg", "hagen", "beck", "rode",
            "heide", "ingen", "horst", "mühlen", "bergen", "au")

TRAEGER_MUSTER = (
    # (name pattern, kurz, typ, ebene, handlungsfelder)
    ("Kreisvolkshochschule – Außenstelle {g}", "KVHS", "Bildungsträger", "Landkreis",
     ("sprache", "arbeit")),
    ("AWO Ortsverein {o}", "AWO", "Wohlfahrtsverband", "Gemeinde",
     ("beratung", "zusammenleben")),
    ("Caritasverband – Migrationsberatung {g}", "Caritas", "Wohlfahrtsverband", "Gemeinde",
     ("beratung",)),
    ("DRK-Kita {name} {o}", None, "Bildungsträger", "Gemeinde", ("fruehe-bildung",)),
    ("Grundschule {o}", "GS", "Bildungsträger", "Gemeinde", ("schule",)),
    ("Oberschule {g}", "OBS", "Bildungsträger", "Gemeinde", ("schule",)),
    ("TSV {o} von 1908 e. V.", "TSV", "Zivilgesellschaft", "Gemeinde", ("kultur-sport",)),
    ("Deutsch-Syrischer Kulturverein {g} e. V.", None, "Migrant*innenorganisation", "Gemeinde",
     ("zusammenleben", "kultur-sport")),
    ("Türkisch-Islamische Gemeinde {g}", "DITIB", "Religionsgemeinschaft", "Gemeinde",
     ("zusammenleben",)),
    ("Ev.-luth. Kirchengemeinde {o}", None, "Religionsgemeinschaft", "Gemeinde",
     ("zusammenleben",)),
    ("Jobcenter – Standort {g}", "JC", "Arbeitsverwaltung", "Landkreis", ("arbeit",)),
    ("Agentur für Arbeit – Geschäftsstelle {g}", "AA", "Arbeitsverwaltung", "Region",
     ("arbeit",)),
    ("Hausarztpraxis {name} {o}", None, "Sonstige", "Gemeinde", ("gesundheit",)),
    ("Pflegedienst {name} {g}", None, "Wirtschaft", "Gemeinde", ("gesundheit",)),
    ("Wohnungsbaugenossenschaft {g} eG", "WBG", "Wirtschaft", "Gemeinde", ("wohnen",)),
    ("Nachbarschaftstreff {o}", None, "Zivilgesellschaft", "Gemeinde",
     ("wohnen", "zusammenleben")),
    ("Gemeinde {g} – Fachdienst Soziales", None, "Verwaltung", "Gemeinde",
     ("verwaltung", "beratung")),
    ("Freiwilligenagentur {g}", None, "Zivilgesellschaft", "Gemeinde", ("zusammenleben",)),
    ("Musikschule {g}", None, "Bildungsträger", "Gemeinde", ("kultur-sport",)),
    ("Jugendmigrationsdienst {g}", "JMD", "Beratung", "Gemeinde", ("beratung", "schule")),
    ("Elternverein {name} {o}", None, "Migrant*innenorganisation", "Gemeinde",
     ("fruehe-bildung", "schule")),
    ("Frauennetzwerk {o}", None, "Zivilgesellschaft", "Gemeinde", ("zusammenleben",)),
)
NAMEN = ("Sonnenschein", "Regenbogen", "Löwenzahn", "Kunterbunt", "Pusteblume", "Arche",
         "Brückenbau", "Miteinander", "Weltoffen", "Am Park", "Lindenhof", "Dr. Yılmaz",
         "Dr. Nowak", "Dr. Schröder", "Dr. Haddad", "Wiesengrund", "Eulennest", "Himmelblau")

# Offer templates per Handlungsfeld: (title, lernsprache, capacity range, typical merkmale,
# typical zielgruppen, form).
ANGEBOTE = {
    "fruehe-bildung": (
        ("Eltern-Kind-Gruppe „Griffbereit“", None, (8, 15), ("kinderbetreuung", "kostenfrei"),
         ("muetter", "eltern"), "Präsenz"),
        ("Sprachkita-Fachberatung", "de", (10, 30), ("kostenfrei",), ("kita-kinder",), "Präsenz"),
        ("Rucksack-Programm in der Kita", None, (10, 16), ("kinderbetreuung",), ("eltern",),
         "Präsenz"),
        ("Vorlesestunde in Herkunftssprachen", None, (10, 25), ("kostenfrei", "wochenende"),
         ("kita-kinder",), "Präsenz"),
    ),
    "schule": (
        ("Hausaufgabenhilfe", None, (10, 25), ("kostenfrei", "niedrigschwellig"),
         ("schulkinder",), "Präsenz"),
        ("Sprachlernklasse", "de", (12, 18), ("kostenfrei",), ("schulkinder", "neuzugewanderte"),
         "Präsenz"),
        ("Bewerbungstraining für Schüler*innen", None, (8, 15), ("kostenfrei",),
         ("jugendliche",), "hybrid"),
        ("Elterncafé an der Schule", None, (10, 20), ("kinderbetreuung", "sprachmittlung"),
         ("eltern",), "Präsenz"),
    ),
    "sprache": (
        ("Integrationskurs", "de", (15, 25), ("kinderbetreuung",), ("neuzugewanderte",),
         "Präsenz"),
        ("Frauenkurs Deutsch A1", "de", (10, 16), ("kinderbetreuung", "nur-frauen"),
         ("frauen", "muetter"), "Präsenz"),
        ("Sprachcafé", "de", (8, 30), ("kostenfrei", "niedrigschwellig", "abends"),
         ("zugewanderte",), "Präsenz"),
        ("Berufssprachkurs B2", "de", (15, 25), ("abends",), ("arbeitsuchende",), "hybrid"),
        ("Alphabetisierungskurs", "de", (8, 14), ("kinderbetreuung",), ("gefluechtete",),
         "Präsenz"),
    ),
    "arbeit": (
        ("Anerkennungsberatung", None, (20, 60), ("kostenfrei", "sprachmittlung"),
         ("arbeitsuchende", "fachkraefte"), "hybrid"),
        ("Jobbörse für Zugewanderte", None, (30, 120), ("kostenfrei",), ("arbeitsuchende",),
         "Präsenz"),
        ("Qualifizierung Pflegehelfer*in", "de", (10, 18), (), ("arbeitsuchende", "frauen"),
         "Präsenz"),
        ("Gründungsberatung", None, (10, 30), ("abends",), ("laenger-hier",), "online"),
    ),
    "gesundheit": (
        ("Gesundheitslotsinnen", None, (20, 60), ("kostenfrei", "aufsuchend", "sprachmittlung"),
         ("zugewanderte",), "Präsenz"),
        ("Psychosoziale Sprechstunde", None, (8, 20), ("kostenfrei", "sprachmittlung"),
         ("gefluechtete",), "Präsenz"),
        ("Kultursensible Pflegeberatung", None, (10, 30), ("aufsuchend",), ("senior-innen",),
         "Präsenz"),
        ("Schwangerenberatung mehrsprachig", None, (10, 30), ("kostenfrei", "nur-frauen"),
         ("frauen",), "Präsenz"),
    ),
    "wohnen": (
        ("Wohnungssuche-Sprechstunde", None, (10, 40), ("kostenfrei",), ("gefluechtete",),
         "Präsenz"),
        ("Mietführerschein", "de", (8, 16), ("kostenfrei", "abends"), ("neuzugewanderte",),
         "Präsenz"),
        ("Nachbarschaftsfest", None, (50, 300), ("kostenfrei", "wochenende", "barrierefrei"),
         (), "Präsenz"),
        ("Quartiersmanagement-Sprechstunde", None, (10, 40), ("niedrigschwellig",), (),
         "Präsenz"),
    ),
    "zusammenleben": (
        ("Begegnungscafé", None, (15, 40), ("kostenfrei", "niedrigschwellig"), (), "Präsenz"),
        ("Patenschaftsprogramm", None, (10, 40), ("kostenfrei",), ("neuzugewanderte",),
         "Präsenz"),
        ("Interkultureller Frauentreff", None, (8, 25), ("kinderbetreuung", "nur-frauen"),
         ("frauen",), "Präsenz"),
        ("Ehrenamtsschulung", None, (10, 25), ("abends",), ("ehrenamtliche",), "hybrid"),
    ),
    "kultur-sport": (
        ("Schwimmkurs für Frauen", None, (8, 12), ("nur-frauen", "kinderbetreuung"),
         ("frauen",), "Präsenz"),
        ("Fußball für alle", None, (15, 40), ("kostenfrei", "wochenende"), ("jugendliche",),
         "Präsenz"),
        ("Interkultureller Chor", None, (10, 30), ("abends",), (), "Präsenz"),
        ("Kreativwerkstatt", None, (8, 15), ("kostenfrei",), ("schulkinder",), "Präsenz"),
    ),
    "beratung": (
        ("Migrationsberatung für Erwachsene (MBE)", None, (30, 90), ("kostenfrei",
         "sprachmittlung"), ("zugewanderte",), "hybrid"),
        ("Asylverfahrensberatung", None, (20, 60), ("kostenfrei", "sprachmittlung"),
         ("gefluechtete",), "Präsenz"),
        ("Offene Sprechstunde", None, (10, 40), ("niedrigschwellig",), (), "Präsenz"),
        ("Online-Beratung mbeon", None, (20, 80), ("kostenfrei",), ("neuzugewanderte",),
         "online"),
    ),
    "verwaltung": (
        ("Fortbildung Interkulturelle Kompetenz", None, (12, 20), (),
         ("verwaltungsbeschaeftigte",), "Präsenz"),
        ("Dolmetscherpool", None, (20, 80), ("sprachmittlung",), ("zugewanderte",), "hybrid"),
        ("Mehrsprachige Bürgerinfo", None, (50, 200), ("kostenfrei", "barrierefrei"),
         ("zugewanderte",), "online"),
    ),
}

MASSNAHMEN_VERBEN = ("Ausbau", "Einrichtung", "Verstetigung", "Qualifizierung", "Vernetzung",
                     "Erweiterung", "Erprobung", "Bündelung")
ZEITEN = ("Mo und Mi 9–11:30 Uhr", "Di 16–18 Uhr", "Do 18–20 Uhr", "Sa 10–13 Uhr",
          "nach Vereinbarung", "Fr 14–16 Uhr", "Mo–Fr 8–12 Uhr")
FINANZIERUNG = ("Haushalt des Landkreises", "Bundesamt für Migration und Flüchtlinge",
                "Landesprogramm „Integration vor Ort“", "AMIF", "Eigenmittel des Trägers",
                "Spenden und Mitgliedsbeiträge", "Gemeindehaushalt")
