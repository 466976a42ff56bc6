"""What a file of a concept folder may hold: ``konzept.yaml`` and the content files."""

# Annotations are evaluated here, not kept as text (no ``from __future__ import
# annotations``): pydantic would compile each one back at every start.

from typing import Any, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from ..problems import SEVERITY_WORDS
from .fielddates import Datum, ZeitpunktT
from .fieldnumbers import AnzahlT, MengeT
from .fields import Bool, Entry, Id, Markdown, Ref, Text, Url
from .items import (
    ANGABE_BESCHREIBUNG,
    ANGABEN,
    Abkuerzung,
    Akteur,
    Angebot,
    Arbeitsgruppe,
    Bedarf,
    Befragung,
    Begriff,
    Beteiligung,
    Indikator,
    Kontakt,
    Leitziel,
    Massnahme,
    Veranstaltung,
    Zeitraum,
    Ziel,
)
from .konflikt import Konfliktanalyse
from .verbund import Entfernung, Integrationsmanagement, Mitglied

KOMMUNE_TYPEN = ("Stadt", "Gemeinde", "Landkreis", "Region")
SOZIALRAUM_ARTEN = ("gesamt", "Kernstadt", "Ortsteil", "Stadtteil", "Gemeinde", "Stadt",
                    "Quartier", "Sonstige")
KAPITEL_TEILE = ("vorne", "hinten", "anhang")


class Kommune(Entry):
    """Die Kommune, deren Konzept es ist."""

    name: Text = Field(description="z. B. „Peine“")
    typ: Literal[KOMMUNE_TYPEN] = Field(  # type: ignore[valid-type]
        description="Art der Kommune")
    bezeichnung: Text | None = Field(None, description="Name, wie er auf dem Titelblatt steht, "
                                     "z. B. „Landeshauptstadt Stuttgart“ oder „Große Kreisstadt "
                                     "Göppingen“; Standard: Art und Name („Stadt Peine“)")
    bundesland: Text | None = Field(None, description="z. B. „Niedersachsen“")
    landkreis: Text | None = Field(None, description="Landkreis oder Region der Kommune")
    web: Url | None = Field(None, description="Webseite der Kommune")

    @property
    def anzeigename(self) -> str:
        """„Landeshauptstadt Stuttgart“ or „Stadt Peine“."""
        return self.bezeichnung or self.art_und_name

    @property
    def art_und_name(self) -> str:
        """„Stadt Peine“; the name alone where it already begins with the kind
        (``name: Landkreis Peine``, not „Landkreis Landkreis Peine“)."""
        if self.name.casefold().startswith(f"{self.typ} ".casefold()):
            return self.name
        return f"{self.typ} {self.name}"


class Herausgeber(Entry):
    """Wer das Dokument herausgibt (Impressum)."""

    name: Text = Field(description="z. B. „Stadt Lehrte, Fachdienst Migration und Teilhabe“")
    anschrift: Text | None = Field(None, description="Postanschrift")
    web: Url | None = Field(None, description="Webseite")


BESCHLUSS_STATUS = ("beschlossen", "in Vorbereitung")


class Beschluss(Entry):
    """Ein Beschluss eines Gremiums über das Konzept: eine Fassung der Versionsgeschichte."""

    gremium: Text = Field(description="z. B. „Rat der Stadt Peine“")
    datum: ZeitpunktT = Field(description="Datum des Beschlusses (oder Monat, Jahr); bei "
                              "„in Vorbereitung“ der geplante Termin")
    status: Literal[BESCHLUSS_STATUS] = Field(  # type: ignore[valid-type]
        "beschlossen", description="beschlossen oder in Vorbereitung (geplanter Beschluss)")
    vorlage: Text | None = Field(None, description="Vorlagen- bzw. Drucksachen-Nummer")
    gegenstand: Text | None = Field(None, description="Was beschlossen wurde, z. B. „erste "
                                    "Fortschreibung des Integrationsplans“")
    geltung: Zeitraum | None = Field(None, description="Geltungsdauer der Fassung, z. B. "
                                     "„2016–2020“")
    version: Text | None = Field(None, description="Beschlossene Version des Konzepts")
    git: Text | None = Field(None, description="Git-Tag oder Commit der beschlossenen Fassung")


class Bericht(Entry):
    """Ein Berichtszeitraum des Monitorings (Umsetzungsbericht)."""

    id: Id
    titel: Text | None = Field(None, description="z. B. „Umsetzungsbericht 2024“")
    zeitraum: Zeitraum = Field(description="Beginn und Ende des Berichtszeitraums")
    stichtag: Datum = Field(description="Stichtag der Daten des Berichts")


class Foerderung(Entry):
    """Eine Förderung des Konzepts oder seiner Umsetzung."""

    programm: Text = Field(description="z. B. „Asyl-, Migrations- und Integrationsfonds (AMIF)“")
    foerdergeber: Text | None = Field(None, description="z. B. „Europäische Union“")
    zeitraum: Zeitraum | None = Field(None, description="Förderzeitraum")
    hinweis: Text | None = Field(None, description="Pflichthinweis der Förderung im Wortlaut")


class Kennzahl(Entry):
    """Eine Bevölkerungszahl mit Stichtag und Quelle."""

    merkmal: Text = Field(description="z. B. „Einwohnerinnen und Einwohner“")
    wert: MengeT = Field(description="Der Wert, z. B. 51086, 21,5 oder „ca. 1.200“")
    einheit: Text | None = Field(None, description="z. B. „%“; leer: Personen")
    stichtag: ZeitpunktT = Field(description="Stichtag, Monat, Jahr oder Schuljahr (2003/04)")
    quelle: Text = Field(description="Statistik oder Dokument, z. B. „Einwohnermeldeamt“ oder "
                         "eine Adresse")
    sozialraum: Ref | None = Field(None, description="Sozialraum der Zahl; leer: das Ganze")
    gruppe: Text | None = Field(None, description="Tabellen-/Diagrammgruppe, z. B. "
                                "„Staatsangehörigkeit“")
    angabe: Literal[ANGABEN] | None = Field(  # type: ignore[valid-type]
        None, description=ANGABE_BESCHREIBUNG)


class Vokabel(Entry):
    """Ein Eintrag eines Vokabulars: ID, Name und Beschreibung."""

    id: Id = Field(description="Eindeutige ID")
    name: Text = Field(description="Name, wie er im Dokument steht")
    beschreibung: Markdown | None = Field(None, description="Erläuterung")
    entspricht: Id | None = Field(None, description="Im Arbeitsbereich eines Landkreises: "
                                  "die ID des Eintrags im Konzept des Landkreises, dem dieser "
                                  "entspricht (z. B. „sprache-bildung“)")


class HandlungsfeldDef(Vokabel):
    """Ein Handlungsfeld des Konzepts."""

    kurz: Text | None = Field(None, description="Kurzname für Tabellen")
    querschnitt: Bool = Field(False, description="Querschnittsthema")


class Zielgruppe(Vokabel):
    """Eine Zielgruppe."""

    umfasst: list[Ref] = Field(default_factory=list,
                               description="Zielgruppen, die diese Gruppe einschließt")


class Sozialraum(Vokabel):
    """Ein Ortsteil, eine Gemeinde oder das Ganze (stadtweit/kreisweit)."""

    art: Literal[SOZIALRAUM_ARTEN] = Field(  # type: ignore[valid-type]
        "Ortsteil", description="„gesamt“ für die ganze Stadt bzw. den ganzen Kreis")
    teil_von: Ref | None = Field(None, description="Übergeordneter Sozialraum; Standard: das "
                                 "Ganze")
    einwohner: AnzahlT | None = Field(None, description="Einwohnerzahl, auch „ca. 4.500“")


class Sprache(Vokabel):
    """Eine Sprache (von Angeboten, Bedarfen, Befragungen)."""


class Merkmal(Vokabel):
    """Ein Merkmal von Angeboten, z. B. Kinderbetreuung; ergänzt die eingebaute Liste."""


class Unterzeichnung(Entry):
    """Wer einen Text unterzeichnet, z. B. das Vorwort."""

    amt: Text = Field(description="z. B. „Bürgermeister der Stadt Peine“")
    name: Text | None = Field(None, description="Vor- und Nachname")


class Kapitel(Entry):
    """Ein Textkapitel als Markdown-Datei."""

    id: Id = Field(description="Eindeutige ID, z. B. „k-vorwort“")
    titel: Text = Field(description="Überschrift des Kapitels")
    datei: Text = Field(description="Pfad zur Markdown-Datei, relativ zum Konzeptordner")
    teil: Literal[KAPITEL_TEILE] = Field(  # type: ignore[valid-type]
        "vorne", description="vorne: vor den Handlungsfeldern; hinten: danach; anhang; "
        "mit „gliederung:“ bestimmt die Gliederung den Platz")
    unterzeichnung: Unterzeichnung | None = Field(
        None, description="Name und Amt unter dem Text (Unterschriftenblock), z. B. im Vorwort")


class Bild(Entry):
    """Ein Bild, z. B. das Logo."""

    datei: Text = Field(description="Pfad zur Bilddatei, relativ zum Konzeptordner")
    alt: Text | None = Field(None, description="Alternativtext (Barrierefreiheit)")


# The chapters of a Landkreis (Integrationsmanagement, its Gemeinden) and of a
# Konfliktanalyse: placeable too; without „gliederung:“ they follow the Maßnahmenkatalog.
KREISTEILE = ("integrationsmanagement", "konfliktanalyse", "gemeinden")
TEILE = ("bevoelkerung", "beteiligung", "handlungsfelder", "ist-analyse", "ziele",
         "massnahmen", "lueckenanalyse", "massnahmenkatalog", "indikatoren",
         "akteursverzeichnis", "angebotsuebersicht", "glossar", "abkuerzungen", *KREISTEILE)
KATALOG_SPALTEN = ("nummer", "titel", "handlungsfeld", "ziele", "zielgruppen", "federfuehrung",
                   "kooperationspartner", "zeitraum", "prioritaet", "kosten", "finanzierung",
                   "indikatoren", "status")
KATALOG_STANDARD = ("nummer", "titel", "handlungsfeld", "federfuehrung", "zeitraum",
                    "prioritaet", "status")


class Gliederungspunkt(Entry):
    """Ein Punkt der Gliederung: ein Textkapitel, ein erzeugter Teil oder eine Überschrift mit
    Unterpunkten (z. B. „Anhang“). Kurzform: nur der Name eines Teils, z. B. „- glossar“."""

    kapitel: Ref | None = Field(None, description="ID eines Textkapitels (aus „kapitel:“)")
    teil: Literal[TEILE] | None = Field(  # type: ignore[valid-type]
        None, description="Ein erzeugter Teil: " + ", ".join(TEILE))
    titel: Text | None = Field(None, description="Überschrift; ersetzt die des Kapitels oder "
                               "Teils")
    teile: "list[Gliederungspunkt]" = Field(default_factory=list, description="Unterpunkte, die "
                                          "als Abschnitte unter diesem Punkt stehen")
    spalten: list[Literal[KATALOG_SPALTEN]] = Field(  # type: ignore[valid-type]
        default_factory=list, description="Nur beim Maßnahmenkatalog: die Spalten, aus "
        + ", ".join(KATALOG_SPALTEN))
    gruppiert: Literal["handlungsfeld"] | None = Field(
        None, description="Nur beim Maßnahmenkatalog: „handlungsfeld“ teilt ihn in eine "
        "Tabelle je Handlungsfeld")

    @model_validator(mode="before")
    @classmethod
    def _kurzform(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"teil": value}
        return value

    @model_validator(mode="after")
    def _eins(self) -> "Gliederungspunkt":
        if self.kapitel is not None and self.teil is not None:
            raise PydanticCustomError(
                "ik_gliederung", "ein Gliederungspunkt nennt entweder „kapitel“ oder „teil“, "
                "nicht beides", {})
        if self.kapitel is None and self.teil is None and not (self.titel and self.teile):
            raise PydanticCustomError(
                "ik_gliederung", "ein Gliederungspunkt braucht „kapitel: <id>“, „teil: <name>“ "
                "oder „titel“ mit „teile“", {})
        return self


class InhaltKopf(Entry):
    """The single-valued keys of a content file."""

    handlungsfeld: Ref | None = Field(
        None, description="Handlungsfeld dieser Datei; Standard für die Einträge darin")
    ausgangslage: Markdown | None = Field(None, description="Ausgangslage des Handlungsfelds")
    ausgangslage_datei: Text | None = Field(None, description="Ausgangslage als Markdown-Datei")
    leitziel: Leitziel | None = Field(None, description="Leitziel des Handlungsfelds")
    steuerung: Markdown | None = Field(None, description="Steuerung und Vernetzung")
    konfliktanalyse: Konfliktanalyse | None = Field(
        None, description="Konfliktlinien und Perspektiven der Akteure")


class Inhalt(InhaltKopf):
    """Eine Inhaltsdatei: beliebig nach Art oder Handlungsfeld aufgeteilt."""

    ziele: list[Ziel] = Field(default_factory=list, description="Teil- und Handlungsziele")
    akteure: list[Akteur] = Field(default_factory=list, description="Akteure")
    massnahmen: list[Massnahme] = Field(default_factory=list, description="Maßnahmen")
    angebote: list[Angebot] = Field(default_factory=list, description="Bestehende Angebote")
    bedarfe: list[Bedarf] = Field(default_factory=list, description="Festgestellte Bedarfe")
    beteiligung: Beteiligung | None = Field(None, description="Veranstaltungen, "
                                            "Arbeitsgruppen, Befragungen")
    indikatoren: list[Indikator] = Field(default_factory=list, description="Indikatoren")
    glossar: list[Begriff] = Field(default_factory=list, description="Begriffe des Glossars")
    abkuerzungen: list[Abkuerzung] = Field(default_factory=list, description="Abkürzungen")


SCHWEREGRADE = SEVERITY_WORDS


class KonzeptKopf(InhaltKopf):
    """The single-valued keys of ``konzept.yaml``."""

    kommune: Kommune = Field(description="Die Kommune")
    titel: Text = Field(description="Titel des Dokuments, z. B. „Integrationskonzept“")
    untertitel: Text | None = Field(None, description="Untertitel")
    version: Text = Field(description="Version dieser Fassung, z. B. „2.0“")
    stand: ZeitpunktT = Field(description="Stand des Dokuments: Datum, Monat (2024-03) oder "
                              "Jahr")
    herausgeber: Herausgeber = Field(description="Herausgeber (Impressum)")
    federfuehrung: Ref = Field(description="ID des federführenden Akteurs")
    kontakt: Kontakt = Field(description="Kontaktstelle (Impressum)")
    logo: Bild | None = Field(None, description="Logo für das Titelblatt")
    pruefungen: dict[str, Literal[SCHWEREGRADE]] = Field(  # type: ignore[valid-type]
        {}, description="Schweregrad je Prüfung (Code oder Name): Fehler, Warnung, Hinweis, aus")
    gliederung: list[Gliederungspunkt] = Field(
        default_factory=list, description="Reihenfolge der Kapitel und erzeugten Teile des "
        "Dokuments (siehe „Gliederung“); leer: die Standardgliederung")
    gemeinden: list[Mitglied] = Field(
        default_factory=list, description="Landkreis: die Konzepte der kreisangehörigen "
        "Gemeinden (Arbeitsbereich)")
    entfernungen: list[Entfernung] = Field(
        default_factory=list, description="Landkreis: Entfernungen zwischen Gemeinden in km")
    integrationsmanagement: Integrationsmanagement | None = Field(
        None, description="Landkreis: das Integrationsmanagement (Beratung, Partner)")


class KonzeptDatei(KonzeptKopf, Inhalt):
    """``konzept.yaml``: Metadaten, Vokabulare und Einstellungen des Konzepts."""

    beschluesse: list[Beschluss] = Field(default_factory=list, description="Beschlüsse über "
                                         "das Konzept (Versionsgeschichte)")
    berichte: list[Bericht] = Field(
        default_factory=list, description="Berichtszeiträume des Monitorings (ik bericht)")
    foerderung: list[Foerderung] = Field(default_factory=list, description="Förderungen")
    bevoelkerung: list[Kennzahl] = Field(default_factory=list, description="Bevölkerungszahlen")
    handlungsfelder: list[HandlungsfeldDef] = Field(default_factory=list,
                                                    description="Die Handlungsfelder, in der "
                                                    "Reihenfolge des Dokuments")
    zielgruppen: list[Zielgruppe] = Field(default_factory=list, description="Zielgruppen")
    sozialraeume: list[Sozialraum] = Field(min_length=1, description="Sozialräume; einer mit "
                                           "„art: gesamt“ steht für das Ganze")
    sprachen: list[Sprache] = Field(default_factory=list, description="Sprachen")
    merkmale: list[Merkmal] = Field(default_factory=list, description="Eigene Merkmale; sie "
                                    "ergänzen die eingebaute Liste (kinderbetreuung, barrierefrei, "
                                    "kostenfrei, niedrigschwellig, abends, wochenende, aufsuchend, "
                                    "nur-frauen)")
    kapitel: list[Kapitel] = Field(default_factory=list, description="Textkapitel als "
                                   "Markdown-Dateien")


CONTENT_LISTS: dict[str, type[Entry]] = {
    "ziele": Ziel, "akteure": Akteur, "massnahmen": Massnahme, "angebote": Angebot,
    "bedarfe": Bedarf, "indikatoren": Indikator, "glossar": Begriff,
    "abkuerzungen": Abkuerzung,
}
BETEILIGUNG_LISTS: dict[str, type[Entry]] = {
    "veranstaltungen": Veranstaltung, "arbeitsgruppen": Arbeitsgruppe, "befragungen": Befragung,
}
META_LISTS: dict[str, type[Entry]] = {
    "beschluesse": Beschluss, "berichte": Bericht, "foerderung": Foerderung,
    "bevoelkerung": Kennzahl,
    "handlungsfelder": HandlungsfeldDef, "zielgruppen": Zielgruppe, "sozialraeume": Sozialraum,
    "sprachen": Sprache, "merkmale": Merkmal, "kapitel": Kapitel,
}


DEFAULT_MERKMALE = (
    ("kinderbetreuung", "Kinderbetreuung"),
    ("barrierefrei", "barrierefrei"),
    ("kostenfrei", "kostenfrei"),
    ("niedrigschwellig", "niedrigschwellig"),
    ("abends", "abends"),
    ("wochenende", "am Wochenende"),
    ("aufsuchend", "aufsuchend"),
    ("nur-frauen", "nur für Frauen"),
)

__all__ = [
    "BETEILIGUNG_LISTS", "CONTENT_LISTS", "DEFAULT_MERKMALE", "META_LISTS", "Bericht",
    "Beschluss", "Bild",
    "Foerderung", "HandlungsfeldDef", "Herausgeber", "Inhalt", "InhaltKopf", "Kapitel",
    "Unterzeichnung",
    "Kennzahl", "Kommune", "KonzeptDatei", "KonzeptKopf", "Merkmal", "Sozialraum", "Sprache",
    "Zielgruppe", "Kontakt", "Zeitraum",
]
