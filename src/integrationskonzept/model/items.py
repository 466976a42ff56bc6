"""The content of a concept: Akteure, Ziele, Maßnahmen, Angebote, Bedarfe, Beteiligung."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .fields import (
    Bool,
    Datum,
    Entry,
    Id,
    Jahr,
    Markdown,
    NonNegInt,
    Number,
    QuellenList,
    Ref,
    RefList,
    Text,
    Url,
    ZeitpunktT,
)
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
VERANSTALTUNGSARTEN = (
    "Runder Tisch", "Auftaktveranstaltung", "Forum", "Workshop", "Hintergrundgespräche",
    "Konfliktanalyse", "Beiratssitzung", "Fachtag", "Sonstige",
)
EINFLUSS = ("hoch", "mittel", "gering")


class Kontakt(Entry):
    """Eine Kontaktstelle (Funktion, keine Privatperson)."""

    stelle: Text | None = Field(None, description="Funktion oder Stelle, z. B. „Fachkräfte "
                                "Migration und Teilhabe“")
    anschrift: Text | None = None
    telefon: Text | None = None
    email: Text | None = Field(None, description="Funktionsadresse, z. B. mut@lehrte.de")
    web: Url | None = None
    sprechzeiten: Text | None = None


class Zeitraum(Entry):
    """Beginn und Ende; jeweils als Datum, Monat oder Jahr."""

    beginn: ZeitpunktT | None = None
    ende: ZeitpunktT | None = None


class Beziehung(Entry):
    """Eine Linie der Akteurslandkarte."""

    zu: Ref = Field(description="ID des anderen Akteurs")
    art: Literal[BEZIEHUNGEN] = Field(description="Art der Beziehung")  # type: ignore[valid-type]
    thema: Text | None = Field(None, description="Das Thema an der Linie (z. B. ein Streitpunkt)")


class Akteur(Entry):
    """Eine Organisation oder Stelle, die in der Integrationsarbeit handelt."""

    id: Id
    name: Text
    kurz: Text | None = Field(None, description="Kurzname, z. B. „VHS“")
    typ: Literal[AKTEUR_TYPEN]  # type: ignore[valid-type]
    ebene: Literal[EBENEN] = "Gemeinde"  # type: ignore[valid-type]
    sozialraum: Ref | None = None
    kontakt: Kontakt | None = None
    handlungsfelder: RefList = Field(default_factory=list)
    einfluss: Literal[EINFLUSS] | None = Field(  # type: ignore[valid-type]
        None, description="Einfluss für die Akteurslandkarte (Kreisgröße)")
    beziehungen: list[Beziehung] = Field(default_factory=list)
    beschreibung: Markdown | None = None


class Leitziel(Entry):
    """„Das wollen wir erreichen“: der Zielzustand mit Zieljahr."""

    text: Markdown
    horizont: Jahr = Field(description="Zieljahr, z. B. 2030")


class Ziel(Entry):
    """Ein Teil- oder Handlungsziel (SMART, mit Indikator)."""

    id: Id
    titel: Text
    beschreibung: Markdown | None = None
    handlungsfeld: Ref | None = Field(None, description="Standard: das Handlungsfeld der Datei")
    zielgruppen: RefList = Field(default_factory=list)
    indikatoren: RefList = Field(default_factory=list)
    zieljahr: Jahr | None = None
    ampel: AmpelListe = Field(
        default_factory=list, description="Ampel je Berichtszeitraum (Monitoring)")


class Massnahme(Entry):
    """Eine Zeile des Maßnahmenkatalogs."""

    id: Id
    titel: Text
    beschreibung: Markdown | None = None
    handlungsfeld: Ref | None = Field(None, description="Standard: das Handlungsfeld der Datei")
    ziele: RefList = Field(default_factory=list)
    zielgruppen: RefList = Field(default_factory=list)
    sozialraeume: RefList = Field(default_factory=list)
    federfuehrung: Ref | None = Field(None, description="ID des federführenden Akteurs")
    kooperationspartner: RefList = Field(default_factory=list)
    zeitraum: Zeitraum | None = None
    zeithorizont: Literal[ZEITHORIZONTE] | None = None  # type: ignore[valid-type]
    prioritaet: Literal[PRIORITAETEN] | None = None  # type: ignore[valid-type]
    schwerpunkt: Bool = Field(False, description="Schwerpunktmaßnahme")
    ressourcen: Text | None = Field(None, description="Personal, Sachmittel, Kosten")
    kosten: Text | None = Field(None, description="z. B. „ca. 12.000 € jährlich“")
    finanzierung: Text | None = Field(None, description="Haushalt, Förderprogramm (z. B. AMIF)")
    indikatoren: RefList = Field(default_factory=list)
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
    quelle: QuellenList = Field(default_factory=list,
                                description="Beteiligung, aus der die Idee stammt")


class Angebot(Entry):
    """Ein bestehendes Angebot (Bestandsaufnahme)."""

    id: Id
    titel: Text
    beschreibung: Markdown | None = None
    traeger: Ref | None = Field(None, description="ID des Trägers (Akteur)")
    handlungsfelder: RefList = Field(default_factory=list,
                                     description="Standard: das Handlungsfeld der Datei")
    zielgruppen: RefList = Field(default_factory=list, description="Leer: für alle")
    sprachen: RefList = Field(default_factory=list,
                              description="Sprachen der Durchführung und Unterstützung")
    lernsprache: Ref | None = Field(None, description="Bei Sprachkursen: die gelehrte Sprache")
    sozialraeume: RefList = Field(default_factory=list, description="Leer: stadt- bzw. kreisweit")
    ort: Text | None = None
    form: Literal[FORMEN] = "Präsenz"  # type: ignore[valid-type]
    merkmale: RefList = Field(default_factory=list,
                              description="z. B. kinderbetreuung, barrierefrei, kostenfrei")
    zeiten: Text | None = None
    laufzeit: Zeitraum | None = None
    kapazitaet: NonNegInt | None = Field(None, description="Plätze oder Personen je Durchgang")
    kosten: Text | None = None
    finanzierung: Text | None = None
    web: Url | None = None
    stand: Datum | None = Field(None, description="Wann zuletzt geprüft")
    quelle: QuellenList = Field(default_factory=list)
    offen_fuer_nachbarn: Bool = Field(False, description="Im Landkreis: steht auch den "
                                      "Menschen der Nachbargemeinden offen")


class Akzeptanz(Entry):
    """Eine bewusst hingenommene Lücke."""

    grund: Text
    datum: Datum | None = None
    gremium: Text | None = None


class Bedarf(Entry):
    """Ein festgestellter Bedarf."""

    id: Id
    titel: Text
    beschreibung: Markdown | None = None
    handlungsfeld: Ref | None = Field(None, description="Standard: das Handlungsfeld der Datei")
    zielgruppen: RefList = Field(default_factory=list)
    sozialraeume: RefList = Field(default_factory=list, description="Leer: stadt- bzw. kreisweit")
    sprachen: RefList = Field(default_factory=list,
                              description="Sprachen, in denen der Bedarf besteht")
    lernsprache: Ref | None = None
    merkmale: RefList = Field(default_factory=list,
                              description="Erforderliche Merkmale, z. B. kinderbetreuung")
    form: Literal[FORMEN] | None = None  # type: ignore[valid-type]
    umfang: NonNegInt | None = Field(None, description="Geschätzte Zahl der Personen/Plätze")
    prioritaet: Literal[PRIORITAETEN] | None = None  # type: ignore[valid-type]
    quelle: QuellenList = Field(
        default_factory=list, description="Beteiligung, in der der Bedarf genannt wurde; bei "
        "einer Befragung auch die Frage: „f-eltern#Q3“")
    akzeptiert: Akzeptanz | None = Field(None, description="Lücke bewusst hingenommen")


class Veranstaltung(Entry):
    """Runder Tisch, Forum, Workshop und andere Beteiligungsformate."""

    id: Id
    titel: Text
    art: Literal[VERANSTALTUNGSARTEN]  # type: ignore[valid-type]
    datum: Datum | None = None
    zeitraum: Zeitraum | None = None
    ort: Text | None = None
    teilnehmende: NonNegInt | None = None
    veranstalter: Ref | None = None
    handlungsfelder: RefList = Field(default_factory=list)
    beschreibung: Markdown | None = None


class Arbeitsgruppe(Entry):
    """Eine Arbeitsgruppe mit Mitgliedern und Sitzungen."""

    id: Id
    titel: Text
    handlungsfelder: RefList = Field(default_factory=list)
    leitung: Ref | None = None
    mitglieder: RefList = Field(default_factory=list)
    sitzungen: list[Datum] = Field(default_factory=list)
    beschreibung: Markdown | None = None


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

    id: Id
    titel: Text
    zeitraum: Zeitraum | None = None
    zielgruppen: RefList = Field(default_factory=list)
    sprachen: RefList = Field(default_factory=list)
    instrument: Text | None = Field(None, description="z. B. „LimeSurvey“, „Papierfragebogen“")
    versandt: NonNegInt | None = None
    ruecklauf: NonNegInt | None = Field(None, description="Zahl der (vollständigen) Antworten")
    unvollstaendig: NonNegInt | None = Field(
        None, description="Abgebrochene Antworten; nicht ausgewertet")
    umfrage: Text | None = Field(None, description="Umfrage-ID in LimeSurvey")
    fragen: list[Frage] = Field(default_factory=list, description="Ergebnisse je Frage "
                                "(`ik befragung import`)")
    beschreibung: Markdown | None = None


class Beteiligung(Entry):
    """Der Beteiligungsprozess."""

    veranstaltungen: list[Veranstaltung] = Field(default_factory=list)
    arbeitsgruppen: list[Arbeitsgruppe] = Field(default_factory=list)
    befragungen: list[Befragung] = Field(default_factory=list)


class Begriff(Entry):
    begriff: Text
    erklaerung: Markdown


class Abkuerzung(Entry):
    kurz: Text
    lang: Text


__all__ = [
    "Abkuerzung", "Akteur", "Akzeptanz", "Angebot", "Arbeitsgruppe", "Bedarf", "Befragung",
    "Begriff", "Beteiligung", "Beziehung", "Frage", "Indikator", "Kontakt", "Leitziel",
    "Massnahme", "Messwert", "Option", "Teilfrage", "Veranstaltung", "Zeitraum", "Ziel",
]
