"""The content of a concept: Akteure, Ziele, Maßnahmen, Angebote, Bedarfe, Beteiligung."""

# Annotations are evaluated here, not kept as text (no ``from __future__ import
# annotations``): pydantic would compile each one back at every start.

import re
from typing import Any, Literal

from pydantic import Field, model_validator

from .fielddates import Jahr, ZeitpunktT
from .fieldnumbers import AnzahlT, NonNegInt, Number
from .fields import Bool, Entry, Id, Markdown, QuellenT, Ref, RefList, Text, Url
from .indikator import Indikator, Messwert
from .monitoring import STATUS, AmpelListe, VerlaufListe

AKTEUR_TYPEN = (
    "Verwaltung", "Politik", "Zivilgesellschaft", "Migrant*innenorganisation",
    "Wohlfahrtsverband", "Bildungsträger", "Arbeitsverwaltung", "Religionsgemeinschaft",
    "Wirtschaft", "Beratung", "Wissenschaft", "Sonstige",
)
EBENEN = ("Gemeinde", "Landkreis", "Region", "Land", "Bund", "EU")
BEZIEHUNGEN = ("Kooperation", "Allianz", "Förderung", "Hierarchie", "informell", "Spannung",
               "Konflikt")
PRIORITAETEN = ("hoch", "mittel", "niedrig")
ZEITHORIZONTE = ("kurzfristig", "mittelfristig", "langfristig", "dauerhaft")
FORMEN = ("Präsenz", "online", "hybrid")
# Suggestions only: the type of an event is free text (Konferenz, Fachforum, …).
VERANSTALTUNGSARTEN = (
    "Runder Tisch", "Auftaktveranstaltung", "Forum", "Fachforum", "Konferenz", "Workshop",
    "Netzwerktreffen", "Hintergrundgespräche", "Interviews", "Konfliktanalyse",
    "Beiratssitzung", "Fachtag", "Sonstige",
)
EINFLUSS = ("hoch", "mittel", "gering")
# How sure a fact is: "beispiel" (invented to illustrate), "erschlossen" (inferred).
ANGABEN = ("beispiel", "erschlossen")
ANGABE_BESCHREIBUNG = ("Kennzeichnet eine erfundene („beispiel“) oder erschlossene "
                       "(„erschlossen“) Angabe; das Dokument weist beim Eintrag darauf hin")
QUELLE_BESCHREIBUNG = ("Woher die Angabe stammt: ID einer Beteiligung (Veranstaltung, "
                       "Arbeitsgruppe, Befragung), eine Adresse (https://…) oder ein Dokument "
                       "(Titel mit Leerzeichen)")


class Kontakt(Entry):
    """Eine Kontaktstelle (Funktion, keine Privatperson)."""

    stelle: Text | None = Field(None, description="Funktion oder Stelle, z. B. „Fachkräfte "
                                "Migration und Teilhabe“")
    anschrift: Text | None = Field(None, description="Postanschrift, z. B. „Rathausplatz 1, "
                                   "31275 Lehrte“")
    telefon: Text | None = Field(None, description="Telefonnummer der Stelle")
    email: Text | None = Field(None, description="Funktionsadresse, z. B. mut@lehrte.de")
    web: Url | None = Field(None, description="Webseite (https://…)")
    sprechzeiten: Text | None = Field(None, description="z. B. „Di 9–12 Uhr“")


_SPAN = re.compile(r"^(.+?)\s*(?:–|—|\bbis\b)\s*(.+)$")
_YEAR_SPAN = re.compile(r"^(\d{4})\s*-\s*(\d{4})$")


class Zeitraum(Entry):
    """Beginn und Ende; jeweils als Datum, Monat, Jahr oder Schuljahr. Auch kurz als Text:
    „2016–2020“, „2016 bis 2020“, „ab 2021“ oder ein einzelnes Jahr."""

    beginn: ZeitpunktT | None = Field(None, description="Erster Tag, Monat oder erstes Jahr")
    ende: ZeitpunktT | None = Field(None, description="Letzter Tag, Monat oder letztes Jahr; "
                                    "„2024, vorläufig“ für ein vorläufiges Ende")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return value
        text = value.strip()
        if text.lower().startswith("ab "):
            return {"beginn": text[3:].strip()}
        if text.lower().startswith("bis "):
            return {"ende": text[4:].strip()}
        m = _YEAR_SPAN.match(text) or _SPAN.match(text)
        if m:
            return {"beginn": m[1].strip(), "ende": m[2].strip()}
        return {"beginn": text, "ende": text}


class Beziehung(Entry):
    """Eine Linie der Akteurslandkarte."""

    zu: Ref = Field(description="ID des anderen Akteurs")
    art: Literal[BEZIEHUNGEN] = Field(description="Art der Beziehung")  # type: ignore[valid-type]
    thema: Text | None = Field(None, description="Das Thema an der Linie (z. B. ein Streitpunkt)")


class Akteur(Entry):
    """Eine Organisation oder Stelle, die in der Integrationsarbeit handelt."""

    id: Id = Field(description="Eindeutige ID, z. B. „vhs“")
    name: Text = Field(description="Name der Organisation oder Stelle")
    kurz: Text | None = Field(None, description="Kurzname, z. B. „VHS“")
    typ: Literal[AKTEUR_TYPEN] = Field(  # type: ignore[valid-type]
        description="Art des Akteurs")
    ebene: Literal[EBENEN] = Field(  # type: ignore[valid-type]
        "Gemeinde", description="Staatliche Ebene, auf der der Akteur handelt")
    sozialraum: Ref | None = Field(None, description="Sozialraum des Sitzes (ID)")
    kontakt: Kontakt | None = Field(None, description="Kontaktstelle (Funktion, keine "
                                    "Privatperson)")
    handlungsfelder: RefList = Field(default_factory=list, description="Handlungsfelder, in "
                                     "denen der Akteur tätig ist")
    einfluss: Literal[EINFLUSS] | None = Field(  # type: ignore[valid-type]
        None, description="Einfluss für die Akteurslandkarte (Kreisgröße)")
    beziehungen: list[Beziehung] = Field(default_factory=list, description="Linien der "
                                         "Akteurslandkarte zu anderen Akteuren")
    beschreibung: Markdown | None = Field(None, description="Aufgaben und Angebote in Sätzen")
    quelle: QuellenT = Field(default_factory=list, description=QUELLE_BESCHREIBUNG)
    angabe: Literal[ANGABEN] | None = Field(  # type: ignore[valid-type]
        None, description=ANGABE_BESCHREIBUNG)


class Leitziel(Entry):
    """„Das wollen wir erreichen“: der Zielzustand eines Handlungsfelds, optional mit Zieljahr."""

    id: Id | None = Field(None, description="ID, damit Ziele und Maßnahmen auf das Leitziel "
                          "verweisen können, z. B. „lz-sprache“")
    nummer: Text | None = Field(None, description="Nummer des Plans, z. B. „HZ1“; ersetzt die "
                                "erzeugte Nummer")
    titel: Text | None = Field(None, description="Kurzer Titel für Verweise; Standard: „Leitziel "
                               "<Handlungsfeld>“")
    text: Markdown = Field(description="Der angestrebte Zustand in Sätzen")
    horizont: Jahr | None = Field(None, description="Zieljahr, z. B. 2030; ohne Angabe nennt das "
                                  "Dokument kein Jahr")


class Ziel(Entry):
    """Ein Teil- oder Handlungsziel (SMART, mit Indikator)."""

    id: Id = Field(description="Eindeutige ID, z. B. „z-sprache-01“")
    titel: Text = Field(description="Das Ziel in einem Satz")
    nummer: Text | None = Field(None, description="Nummer des Plans, z. B. „HZ1.2“; ersetzt die "
                                "erzeugte Nummer (Z 3.1)")
    beschreibung: Markdown | None = Field(None, description="Erläuterung")
    handlungsfeld: Ref | None = Field(None, description="Standard: das Handlungsfeld der Datei")
    handlungsfelder: RefList = Field(default_factory=list, description="Weitere Handlungsfelder, "
                                     "deren Kapitel auf das Ziel verweisen")
    querschnitt: Bool = Field(False, description="Gilt für alle Handlungsfelder: jedes Kapitel "
                              "verweist darauf")
    leitziel: Ref | None = Field(None, description="ID des Leitziels, zu dem das Ziel beiträgt")
    zielgruppen: RefList = Field(default_factory=list, description="Zielgruppen (IDs)")
    indikatoren: RefList = Field(default_factory=list, description="Indikatoren, an denen das "
                                 "Erreichen gemessen wird")
    zieljahr: Jahr | None = Field(None, description="Jahr, bis zu dem das Ziel erreicht sein soll")
    ampel: AmpelListe = Field(
        default_factory=list, description="Ampel je Berichtszeitraum (Monitoring)")
    quelle: QuellenT = Field(default_factory=list, description=QUELLE_BESCHREIBUNG)
    angabe: Literal[ANGABEN] | None = Field(  # type: ignore[valid-type]
        None, description=ANGABE_BESCHREIBUNG)


class Massnahme(Entry):
    """Eine Zeile des Maßnahmenkatalogs."""

    id: Id = Field(description="Eindeutige ID, z. B. „m-sprache-01“")
    titel: Text = Field(description="Kurzer Titel der Maßnahme")
    nummer: Text | None = Field(None, description="Nummer des Plans, z. B. „M 7.1“; ersetzt die "
                                "erzeugte Nummer")
    beschreibung: Markdown | None = Field(None, description="Was getan wird, in Sätzen")
    handlungsfeld: Ref | None = Field(None, description="Standard: das Handlungsfeld der Datei")
    handlungsfelder: RefList = Field(default_factory=list, description="Weitere Handlungsfelder, "
                                     "deren Kapitel auf die Maßnahme verweisen")
    querschnitt: Bool = Field(False, description="Gilt für alle Handlungsfelder: jedes Kapitel "
                              "verweist darauf")
    ziele: RefList = Field(default_factory=list, description="Ziele oder Leitziele (IDs), zu "
                           "denen die Maßnahme beiträgt")
    zielgruppen: RefList = Field(default_factory=list, description="Zielgruppen (IDs)")
    sozialraeume: RefList = Field(default_factory=list, description="Sozialräume (IDs); leer: "
                                  "stadt- bzw. kreisweit")
    federfuehrung: Ref | None = Field(None, description="ID des federführenden Akteurs")
    kooperationspartner: RefList = Field(default_factory=list, description="IDs der beteiligten "
                                         "Akteure")
    zeitraum: Zeitraum | None = Field(None, description="Beginn und Ende, z. B. „2024–2026“")
    zeithorizont: Literal[ZEITHORIZONTE] | None = Field(  # type: ignore[valid-type]
        None, description="Wenn kein Zeitraum feststeht")
    prioritaet: Literal[PRIORITAETEN] | None = Field(  # type: ignore[valid-type]
        None, description="Priorität der Maßnahme")
    schwerpunkt: Bool = Field(False, description="Schwerpunktmaßnahme")
    ressourcen: Text | None = Field(None, description="Personal, Sachmittel, Kosten")
    kosten: Text | None = Field(None, description="z. B. „ca. 12.000 € jährlich“")
    finanzierung: Text | None = Field(None, description="Haushalt, Förderprogramm (z. B. AMIF)")
    indikatoren: RefList = Field(default_factory=list, description="Indikatoren (IDs)")
    status: Literal[STATUS] = Field(  # type: ignore[valid-type]
        "geplant", description="Status ohne Datum; mit „verlauf“ gilt dessen jüngster Eintrag")
    verlauf: VerlaufListe = Field(
        default_factory=list, description="Datierte Stände (Status, Fortschritt, Text)")
    ampel: AmpelListe = Field(
        default_factory=list, description="Ampel je Berichtszeitraum (Monitoring)")
    gewicht: Number | None = Field(
        None, description="Gewicht beim Zusammenfassen des Fortschritts eines Ziels "
        "(Standard: alle gleich)")
    bedarfe: RefList = Field(default_factory=list,
                             description="Bedarfe, die die Maßnahme schließen soll")
    quelle: QuellenT = Field(default_factory=list, description=QUELLE_BESCHREIBUNG)
    angabe: Literal[ANGABEN] | None = Field(  # type: ignore[valid-type]
        None, description=ANGABE_BESCHREIBUNG)


class Angebot(Entry):
    """Ein bestehendes Angebot (Bestandsaufnahme)."""

    id: Id = Field(description="Eindeutige ID, z. B. „a-sprachcafe“")
    titel: Text = Field(description="Name des Angebots")
    nummer: Text | None = Field(None, description="Nummer des Plans; ersetzt die erzeugte Nummer")
    art: Text | None = Field(None, description="Art des Angebots, z. B. „Integrationskurs“, "
                             "„Vorbereitungsklasse“; Angebote verschiedener Art gelten nicht "
                             "als Doppelstruktur")
    beschreibung: Markdown | None = Field(None, description="Was angeboten wird, in Sätzen")
    traeger: Ref | None = Field(None, description="ID des Trägers (Akteur)")
    handlungsfelder: RefList = Field(default_factory=list,
                                     description="Standard: das Handlungsfeld der Datei")
    zielgruppen: RefList = Field(default_factory=list, description="Leer: für alle")
    sprachen: RefList = Field(default_factory=list,
                              description="Sprachen der Durchführung und Unterstützung")
    lernsprache: Ref | None = Field(None, description="Bei Sprachkursen: die gelehrte Sprache")
    sozialraeume: RefList = Field(default_factory=list,
                                  description="Leer: stadt- bzw. kreisweit")
    ort: Text | None = Field(None, description="Adresse oder Einrichtung")
    form: Literal[FORMEN] = Field(  # type: ignore[valid-type]
        "Präsenz", description="Präsenz, online oder hybrid")
    merkmale: RefList = Field(default_factory=list,
                              description="z. B. kinderbetreuung, barrierefrei, kostenfrei")
    zeiten: Text | None = Field(None, description="z. B. „mittwochs 16–18 Uhr“")
    laufzeit: Zeitraum | None = Field(None, description="Beginn und Ende des Angebots")
    kapazitaet: AnzahlT | None = Field(None, description="Plätze oder Personen je Durchgang, "
                                       "auch „ca. 80“; Einheit siehe „einheit“")
    einheit: Text | None = Field(None, description="Einheit der Kapazität, z. B. „Kurse“, "
                                 "„Klassen“, „Einrichtungen“; Standard: Plätze")
    kosten: Text | None = Field(None, description="z. B. „kostenfrei“ oder „5 € je Termin“")
    finanzierung: Text | None = Field(None, description="Haushalt, Förderprogramm")
    web: Url | None = Field(None, description="Webseite des Angebots")
    stand: ZeitpunktT | None = Field(None, description="Wann zuletzt geprüft (Datum, Monat "
                                     "oder Jahr)")
    quelle: QuellenT = Field(default_factory=list, description=QUELLE_BESCHREIBUNG)
    angabe: Literal[ANGABEN] | None = Field(  # type: ignore[valid-type]
        None, description=ANGABE_BESCHREIBUNG)
    offen_fuer_nachbarn: Bool = Field(False, description="Im Landkreis: steht auch den "
                                      "Menschen der Nachbargemeinden offen")


class Akzeptanz(Entry):
    """Eine bewusst hingenommene Lücke."""

    grund: Text = Field(description="Warum die Lücke hingenommen wird")
    datum: ZeitpunktT | None = Field(None, description="Wann entschieden")
    gremium: Text | None = Field(None, description="Wer entschieden hat")


class Bedarf(Entry):
    """Ein festgestellter Bedarf."""

    id: Id = Field(description="Eindeutige ID, z. B. „b-sprachkurs-muetter“")
    titel: Text = Field(description="Was gebraucht wird")
    nummer: Text | None = Field(None, description="Nummer des Plans; ersetzt die erzeugte Nummer")
    beschreibung: Markdown | None = Field(None, description="Erläuterung")
    handlungsfeld: Ref | None = Field(None, description="Standard: das Handlungsfeld der Datei")
    zielgruppen: RefList = Field(default_factory=list, description="Für wen (IDs)")
    sozialraeume: RefList = Field(default_factory=list, description="Leer: stadt- bzw. kreisweit")
    sprachen: RefList = Field(default_factory=list,
                              description="Sprachen, in denen der Bedarf besteht")
    lernsprache: Ref | None = Field(None, description="Bei Sprachkursen: die zu lernende Sprache")
    merkmale: RefList = Field(default_factory=list,
                              description="Erforderliche Merkmale, z. B. kinderbetreuung")
    form: Literal[FORMEN] | None = Field(  # type: ignore[valid-type]
        None, description="Erforderliche Form: Präsenz, online oder hybrid")
    umfang: AnzahlT | None = Field(None, description="Geschätzte Zahl der Personen/Plätze, "
                                   "auch „ca. 40“")
    prioritaet: Literal[PRIORITAETEN] | None = Field(  # type: ignore[valid-type]
        None, description="Dringlichkeit")
    quelle: QuellenT = Field(
        default_factory=list, description="Beteiligung, in der der Bedarf genannt wurde (bei "
        "einer Befragung auch die Frage: „f-eltern#Q3“), oder Dokument/Adresse")
    akzeptiert: Akzeptanz | None = Field(None, description="Lücke bewusst hingenommen")
    angabe: Literal[ANGABEN] | None = Field(  # type: ignore[valid-type]
        None, description=ANGABE_BESCHREIBUNG)


class Veranstaltung(Entry):
    """Runder Tisch, Forum, Workshop und andere Beteiligungsformate, auch Reihen und
    wiederkehrende Formate."""

    id: Id = Field(description="Eindeutige ID, z. B. „v-forum-2023“")
    titel: Text = Field(description="Titel der Veranstaltung oder Reihe")
    art: Text = Field(description="Art, frei wählbar, z. B. "
                      + ", ".join(f"„{a}“" for a in VERANSTALTUNGSARTEN[:9]))
    datum: ZeitpunktT | None = Field(None, description="Datum (oder Monat, Jahr) eines einzelnen "
                                     "Termins")
    zeitraum: Zeitraum | None = Field(None, description="Zeitraum einer Reihe, z. B. „2019–2020“")
    anzahl: AnzahlT | None = Field(None, description="Zahl der Termine einer Reihe oder der "
                                   "geführten Gespräche/Interviews, z. B. 5")
    turnus: Text | None = Field(None, description="Bei wiederkehrenden Formaten, z. B. "
                                "„jährlich“, „zweimal im Jahr“")
    ort: Text | None = Field(None, description="Ort, z. B. „Stadthalle“")
    teilnehmende: AnzahlT | None = Field(None, description="Zahl der Teilnehmenden (bei einer "
                                         "Reihe: insgesamt), auch „ca. 80“")
    veranstalter: Ref | None = Field(None, description="ID des veranstaltenden Akteurs")
    handlungsfelder: RefList = Field(default_factory=list, description="Behandelte "
                                     "Handlungsfelder")
    beschreibung: Markdown | None = Field(None, description="Ablauf und Ergebnisse")
    quelle: QuellenT = Field(default_factory=list, description=QUELLE_BESCHREIBUNG)
    angabe: Literal[ANGABEN] | None = Field(  # type: ignore[valid-type]
        None, description=ANGABE_BESCHREIBUNG)


class Arbeitsgruppe(Entry):
    """Eine Arbeitsgruppe mit Mitgliedern und Sitzungen."""

    id: Id = Field(description="Eindeutige ID, z. B. „ag-gesundheit“")
    titel: Text = Field(description="Name der Arbeitsgruppe")
    handlungsfelder: RefList = Field(default_factory=list, description="Bearbeitete "
                                     "Handlungsfelder")
    leitung: Ref | None = Field(None, description="ID des leitenden Akteurs")
    mitglieder: RefList = Field(default_factory=list, description="IDs der beteiligten Akteure")
    sitzungen: list[ZeitpunktT] = Field(default_factory=list, description="Sitzungstermine "
                                        "(Datum, Monat oder Jahr)")
    beschreibung: Markdown | None = Field(None, description="Auftrag und Ergebnisse")


FRAGETYPEN = ("einfach", "mehrfach", "matrix", "janein", "zahl", "freitext")


class Option(Entry):
    """Eine Antwortmöglichkeit mit der Zahl der Nennungen."""

    code: Text = Field(description="Antwortcode, z. B. „A1“ oder „SQ001“")
    text: Text
    anzahl: NonNegInt = Field(description="Zahl der Nennungen")


class Teilfrage(Entry):
    """Eine Zeile einer Matrixfrage mit den Nennungen je Antwort."""

    code: Text
    text: Text
    gueltig: NonNegInt = Field(description="Zahl der gültigen Antworten")
    optionen: list[Option] = Field(default_factory=list)


class Frage(Entry):
    """Eine ausgewertete Frage einer Befragung (Freitexte nur gezählt, nie übernommen)."""

    code: Text = Field(description="Fragecode, z. B. „Q3“; Bedarfe verweisen mit "
                       "„befragung-id#Q3“")
    text: Text
    typ: Literal[FRAGETYPEN] = Field(  # type: ignore[valid-type]
        description="einfach, mehrfach, matrix, janein, zahl oder freitext")
    gueltig: NonNegInt = Field(description="Zahl der gültigen Antworten (n gültig)")
    gesamt: NonNegInt = Field(description="Zahl der ausgewerteten Antworten (n gesamt)")
    optionen: list[Option] = Field(default_factory=list)
    teilfragen: list[Teilfrage] = Field(default_factory=list, description="Bei Matrixfragen")
    mittelwert: Number | None = Field(None, description="Bei Zahlen")
    median: Number | None = Field(None, description="Bei Zahlen")


class Befragung(Entry):
    """Ein Fragebogen oder eine Umfrage mit Rücklauf."""

    id: Id = Field(description="Eindeutige ID, z. B. „f-bedarfe-2023“")
    titel: Text = Field(description="Titel der Befragung")
    zeitraum: Zeitraum | None = Field(None, description="Feldzeit")
    zielgruppen: RefList = Field(default_factory=list, description="Befragte Gruppen (IDs)")
    sprachen: RefList = Field(default_factory=list, description="Sprachen des Fragebogens")
    instrument: Text | None = Field(None, description="z. B. „LimeSurvey“, „Papierfragebogen“")
    versandt: AnzahlT | None = Field(None, description="Zahl der verteilten Fragebögen")
    ruecklauf: AnzahlT | None = Field(None, description="Zahl der (vollständigen) Antworten")
    unvollstaendig: NonNegInt | None = Field(
        None, description="Abgebrochene Antworten; nicht ausgewertet")
    umfrage: Text | None = Field(None, description="Umfrage-ID in LimeSurvey")
    fragen: list[Frage] = Field(default_factory=list, description="Ergebnisse je Frage "
                                "(`ik befragung import`)")
    beschreibung: Markdown | None = Field(None, description="Fragen und Ergebnisse")


class Beteiligung(Entry):
    """Der Beteiligungsprozess."""

    veranstaltungen: list[Veranstaltung] = Field(default_factory=list, description="Runde "
                                                 "Tische, Foren, Workshops, Gesprächsreihen")
    arbeitsgruppen: list[Arbeitsgruppe] = Field(default_factory=list,
                                                description="Arbeitsgruppen")
    befragungen: list[Befragung] = Field(default_factory=list, description="Fragebögen und "
                                         "Umfragen")


class Begriff(Entry):
    """Ein Eintrag des Glossars."""

    begriff: Text = Field(description="Der erklärte Begriff")
    erklaerung: Markdown = Field(description="Die Erklärung")


class Abkuerzung(Entry):
    """Eine Abkürzung und ihre Bedeutung."""

    kurz: Text = Field(description="Die Abkürzung, z. B. „AMIF“")
    lang: Text = Field(description="Ausgeschrieben")


__all__ = [
    "Abkuerzung", "Akteur", "Akzeptanz", "Angebot", "Arbeitsgruppe", "Bedarf", "Befragung",
    "Begriff", "Beteiligung", "Beziehung", "Frage", "Indikator", "Kontakt", "Leitziel",
    "Massnahme", "Messwert", "Option", "Teilfrage", "Veranstaltung", "Zeitraum", "Ziel",
]
