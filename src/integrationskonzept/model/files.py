"""What a file of a concept folder may hold: ``konzept.yaml`` and the content files."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..problems import SEVERITY_WORDS
from .fields import Bool, Datum, Entry, Id, Markdown, NonNegInt, Number, Ref, Text, Url
from .items import (
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
    name: Text = Field(description="z. B. „Peine“")
    typ: Literal[KOMMUNE_TYPEN]  # type: ignore[valid-type]
    bundesland: Text | None = None
    landkreis: Text | None = Field(None, description="Landkreis oder Region der Kommune")
    web: Url | None = None


class Herausgeber(Entry):
    name: Text
    anschrift: Text | None = None
    web: Url | None = None


class Beschluss(Entry):
    """Ein Beschluss eines Gremiums über das Konzept."""

    gremium: Text = Field(description="z. B. „Rat der Stadt Peine“")
    datum: Datum
    vorlage: Text | None = Field(None, description="Vorlagen- bzw. Drucksachen-Nummer")
    gegenstand: Text | None = None
    version: Text | None = Field(None, description="Beschlossene Version des Konzepts")
    git: Text | None = Field(None, description="Git-Tag oder Commit der beschlossenen Fassung")


class Bericht(Entry):
    """Ein Berichtszeitraum des Monitorings (Umsetzungsbericht)."""

    id: Id
    titel: Text | None = Field(None, description="z. B. „Umsetzungsbericht 2024“")
    zeitraum: Zeitraum = Field(description="Beginn und Ende des Berichtszeitraums")
    stichtag: Datum = Field(description="Stichtag der Daten des Berichts")


class Foerderung(Entry):
    programm: Text = Field(description="z. B. „Asyl-, Migrations- und Integrationsfonds (AMIF)“")
    foerdergeber: Text | None = None
    zeitraum: Zeitraum | None = None
    hinweis: Text | None = Field(None, description="Pflichthinweis der Förderung im Wortlaut")


class Kennzahl(Entry):
    """Eine Bevölkerungszahl mit Stichtag und Quelle."""

    merkmal: Text = Field(description="z. B. „Einwohnerinnen und Einwohner“")
    wert: Number
    einheit: Text | None = Field(None, description="z. B. „%“; leer: Personen")
    stichtag: Datum
    quelle: Text
    sozialraum: Ref | None = None
    gruppe: Text | None = Field(None, description="Tabellen-/Diagrammgruppe, z. B. "
                                "„Staatsangehörigkeit“")


class Vokabel(Entry):
    id: Id
    name: Text
    beschreibung: Markdown | None = None
    entspricht: Id | None = Field(None, description="Im Arbeitsbereich eines Landkreises: "
                                  "die ID des Eintrags im Konzept des Landkreises, dem dieser "
                                  "entspricht (z. B. „sprache-bildung“)")


class HandlungsfeldDef(Vokabel):
    """Ein Handlungsfeld des Konzepts."""

    kurz: Text | None = None
    querschnitt: Bool = Field(False, description="Querschnittsthema")


class Zielgruppe(Vokabel):
    umfasst: list[Ref] = Field(default_factory=list,
                               description="Zielgruppen, die diese Gruppe einschließt")


class Sozialraum(Vokabel):
    """Ein Ortsteil, eine Gemeinde oder das Ganze (stadtweit/kreisweit)."""

    art: Literal[SOZIALRAUM_ARTEN] = "Ortsteil"  # type: ignore[valid-type]
    teil_von: Ref | None = Field(None, description="Übergeordneter Sozialraum; Standard: das "
                                 "Ganze")
    einwohner: NonNegInt | None = None


class Sprache(Vokabel):
    pass


class Merkmal(Vokabel):
    pass


class Unterzeichnung(Entry):
    """Wer einen Text unterzeichnet, z. B. das Vorwort."""

    amt: Text = Field(description="z. B. „Bürgermeister der Stadt Peine“")
    name: Text | None = Field(None, description="Vor- und Nachname")


class Kapitel(Entry):
    """Ein Textkapitel als Markdown-Datei."""

    id: Id
    titel: Text
    datei: Text = Field(description="Pfad zur Markdown-Datei, relativ zum Konzeptordner")
    teil: Literal[KAPITEL_TEILE] = Field(  # type: ignore[valid-type]
        "vorne", description="vorne: vor den Handlungsfeldern; hinten: danach; anhang")
    unterzeichnung: Unterzeichnung | None = Field(
        None, description="Name und Amt unter dem Text (Unterschriftenblock), z. B. im Vorwort")


class Bild(Entry):
    datei: Text
    alt: Text | None = Field(None, description="Alternativtext (Barrierefreiheit)")


class InhaltKopf(Entry):
    """The single-valued keys of a content file."""

    handlungsfeld: Ref | None = Field(
        None, description="Handlungsfeld dieser Datei; Standard für die Einträge darin")
    ausgangslage: Markdown | None = Field(None, description="Ausgangslage des Handlungsfelds")
    ausgangslage_datei: Text | None = Field(None, description="Ausgangslage als Markdown-Datei")
    leitziel: Leitziel | None = None
    steuerung: Markdown | None = Field(None, description="Steuerung und Vernetzung")
    konfliktanalyse: Konfliktanalyse | None = Field(
        None, description="Konfliktlinien und Perspektiven der Akteure")


class Inhalt(InhaltKopf):
    """Eine Inhaltsdatei: beliebig nach Art oder Handlungsfeld aufgeteilt."""

    ziele: list[Ziel] = Field(default_factory=list)
    akteure: list[Akteur] = Field(default_factory=list)
    massnahmen: list[Massnahme] = Field(default_factory=list)
    angebote: list[Angebot] = Field(default_factory=list)
    bedarfe: list[Bedarf] = Field(default_factory=list)
    beteiligung: Beteiligung | None = None
    indikatoren: list[Indikator] = Field(default_factory=list)
    glossar: list[Begriff] = Field(default_factory=list)
    abkuerzungen: list[Abkuerzung] = Field(default_factory=list)


SCHWEREGRADE = SEVERITY_WORDS


class KonzeptKopf(InhaltKopf):
    """The single-valued keys of ``konzept.yaml``."""

    kommune: Kommune
    titel: Text
    untertitel: Text | None = None
    version: Text
    stand: Datum = Field(description="Stand des Dokuments")
    herausgeber: Herausgeber
    federfuehrung: Ref = Field(description="ID des federführenden Akteurs")
    kontakt: Kontakt
    logo: Bild | None = None
    pruefungen: dict[str, Literal[SCHWEREGRADE]] = Field(  # type: ignore[valid-type]
        {}, description="Schweregrad je Prüfung (Code oder Name): Fehler, Warnung, Hinweis, aus")
    gemeinden: list[Mitglied] = Field(
        default_factory=list, description="Landkreis: die Konzepte der kreisangehörigen "
        "Gemeinden (Arbeitsbereich)")
    entfernungen: list[Entfernung] = Field(
        default_factory=list, description="Landkreis: Entfernungen zwischen Gemeinden in km")
    integrationsmanagement: Integrationsmanagement | None = None


class KonzeptDatei(KonzeptKopf, Inhalt):
    """``konzept.yaml``: Metadaten, Vokabulare und Einstellungen des Konzepts."""

    beschluesse: list[Beschluss] = Field(default_factory=list)
    berichte: list[Bericht] = Field(
        default_factory=list, description="Berichtszeiträume des Monitorings (ik bericht)")
    foerderung: list[Foerderung] = Field(default_factory=list)
    bevoelkerung: list[Kennzahl] = Field(default_factory=list)
    handlungsfelder: list[HandlungsfeldDef] = Field(default_factory=list)
    zielgruppen: list[Zielgruppe] = Field(default_factory=list)
    sozialraeume: list[Sozialraum] = Field(min_length=1)
    sprachen: list[Sprache] = Field(default_factory=list)
    merkmale: list[Merkmal] = Field(default_factory=list, description="Leer: die eingebaute Liste")
    kapitel: list[Kapitel] = Field(default_factory=list)


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
