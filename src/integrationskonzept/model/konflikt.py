"""The Konfliktanalyse: lines of conflict between actors and the actors' perspectives.

Conflict data can be internal (``vertraulich: true``): public builds leave it out
unless `ik build --intern` is given.
"""

# Annotations are evaluated here, not kept as text (no ``from __future__ import
# annotations``): pydantic would compile each one back at every start.

from typing import Literal

from pydantic import Field

from .fielddates import ZeitpunktT
from .fields import Bool, Entry, Id, Markdown, Ref, RefList, Text

DYNAMIKEN = ("latent", "offen", "deeskalierend")


class KonfliktSeite(Entry):
    """Eine Seite einer Konfliktlinie: die Akteure und ihre Interessen."""

    akteure: RefList = Field(min_length=1, description="Akteure auf dieser Seite")
    position: Text | None = Field(None, description="Die Position in einem Satz")
    interessen: Markdown | None = Field(None, description="Die Interessen hinter der Position")


class Konfliktlinie(Entry):
    """Ein Streitthema zwischen Akteuren mit seiner Dynamik."""

    id: Id
    thema: Text
    seiten: list[KonfliktSeite] = Field(min_length=2, description="Mindestens zwei Seiten")
    dynamik: Literal[DYNAMIKEN] = Field(  # type: ignore[valid-type]
        description="latent, offen oder deeskalierend")
    beschreibung: Markdown | None = None
    vertraulich: Bool = Field(False, description="Nur in internen Fassungen (ik build --intern)")


class Perspektive(Entry):
    """Wie ein Akteur die Lage sieht."""

    akteur: Ref
    sicht: Markdown
    vertraulich: Bool = Field(False, description="Nur in internen Fassungen (ik build --intern)")


class Konfliktanalyse(Entry):
    """Die Konfliktanalyse: Konfliktlinien und Perspektiven der Akteure."""

    titel: Text | None = None
    erstellt: ZeitpunktT | None = Field(None, description="Wann, z. B. 2018")
    erstellt_von: Ref | None = Field(None, description="Wer sie erstellt hat (Akteur)")
    grundlage: Text | None = Field(None, description="z. B. „Gespräche mit 40 Akteur*innen“")
    zusammenfassung: Markdown | None = None
    vertraulich: Bool = Field(False, description="Die ganze Analyse ist intern")
    konfliktlinien: list[Konfliktlinie] = Field(default_factory=list)
    perspektiven: list[Perspektive] = Field(default_factory=list)
