"""The Landkreis workspace in konzept.yaml: member concepts, distances, Integrationsmanagement.

A Landkreis names its Gemeinden's concepts under ``gemeinden:``; each member stays a
complete concept of its own (see :mod:`integrationskonzept.workspace`).
"""

# Annotations are evaluated here, not kept as text (no ``from __future__ import
# annotations``): pydantic would compile each one back at every start.

from pydantic import Field

from .fielddates import ZeitpunktT
from .fieldnumbers import Number
from .fields import Entry, Id, Markdown, Ref, RefList, Text


class Koordinaten(Entry):
    """Lage eines Ortes in Grad (WGS 84), z. B. für Entfernungen zwischen Gemeinden."""

    breite: Number = Field(description="Geografische Breite, z. B. 52,32")
    laenge: Number = Field(description="Geografische Länge, z. B. 10,23")


class Mitglied(Entry):
    """Das Konzept einer kreisangehörigen Gemeinde im Arbeitsbereich des Landkreises."""

    id: Id = Field(description="Kürzel des Mitglieds; Verweise schreiben „<id>:<ID>“, z. B. "
                   "„peine:m-6-1“")
    name: Text | None = Field(None, description="Name der Gemeinde; Standard: aus ihrer "
                              "konzept.yaml")
    pfad: Text | None = Field(None, description="Ordner des Konzepts, relativ zum Ordner des "
                              "Landkreises (oder zum Git-Repository bei „git“)")
    git: Text | None = Field(None, description="Git-Repository des Mitglieds (Pfad, relativ "
                             "zum Ordner des Landkreises); mit „revision“")
    revision: Text | None = Field(None, description="Git-Tag, Commit oder Branch bei „git“")
    sozialraum: Ref | None = Field(None, description="Sozialraum des Landkreises, der diese "
                                   "Gemeinde ist; Standard: der Sozialraum mit derselben ID")
    koordinaten: Koordinaten | None = Field(None, description="Lage der Gemeinde (für "
                                            "Entfernungen in der Lückenanalyse)")
    dokument: Text | None = Field(None, description="Verweis auf das eigene Dokument der "
                                  "Gemeinde (Adresse oder Dateiname)")


class Entfernung(Entry):
    """Eine Entfernung zwischen zwei Mitgliedern in Kilometern (Entfernungstabelle)."""

    von: Id = Field(description="ID eines Mitglieds")
    nach: Id = Field(description="ID eines Mitglieds")
    km: Number


class Partnerschaft(Entry):
    """Ein Kooperationspartner des Integrationsmanagements und seit wann."""

    akteur: Ref
    seit: ZeitpunktT | None = None
    rolle: Text | None = Field(None, description="z. B. „vertritt die Zivilgesellschaft“")


class Integrationsmanagement(Entry):
    """Struktur des Integrationsmanagements eines Landkreises mit seinen Gemeinden."""

    seit: ZeitpunktT | None = Field(None, description="Beginn, z. B. 2017")
    koordination: Ref | None = Field(None, description="Koordinierende Stelle (Akteur)")
    beratung: Ref | None = Field(None, description="Beratende Organisation (Akteur)")
    beratung_seit: ZeitpunktT | None = None
    steuerungsgruppe: RefList = Field(default_factory=list, description="Mitglieder der "
                                      "Steuerungsgruppe (Akteure)")
    partner: list[Partnerschaft] = Field(default_factory=list)
    struktur: Markdown | None = Field(None, description="Aufbau und Arbeitsweise")
