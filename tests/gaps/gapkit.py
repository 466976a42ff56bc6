"""Tiny concepts for the gap tests, built in memory (fast enough for hypothesis)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from integrationskonzept.model.concept import Konzept
from integrationskonzept.model.files import (
    DEFAULT_MERKMALE,
    HandlungsfeldDef,
    KonzeptKopf,
    Merkmal,
    Sozialraum,
    Sprache,
    Zielgruppe,
)
from integrationskonzept.model.items import Angebot, Bedarf, Massnahme

STADT_RAEUME = [
    {"id": "stadtweit", "name": "Stadt Peine", "art": "gesamt"},
    {"id": "kernstadt", "name": "Kernstadt", "art": "Kernstadt"},
    {"id": "suedstadt", "name": "Südstadt", "art": "Quartier", "teil_von": "kernstadt"},
    {"id": "stederdorf", "name": "Stederdorf"},
    {"id": "voehrum", "name": "Vöhrum"},
]
KREIS_RAEUME = [
    {"id": "kreisweit", "name": "Landkreis Peine", "art": "gesamt"},
    {"id": "edemissen", "name": "Edemissen", "art": "Gemeinde"},
    {"id": "wipshausen", "name": "Wipshausen", "teil_von": "edemissen"},
    {"id": "ilsede", "name": "Ilsede", "art": "Gemeinde"},
]
ZIELGRUPPEN = [
    {"id": "zugewanderte", "name": "Zugewanderte", "umfasst": ["frauen", "jugendliche"]},
    {"id": "frauen", "name": "Frauen mit Kleinkindern"},
    {"id": "jugendliche", "name": "Jugendliche"},
]
SPRACHEN = [{"id": "de", "name": "Deutsch"}, {"id": "ar", "name": "Arabisch"},
            {"id": "uk", "name": "Ukrainisch"}, {"id": "tr", "name": "Türkisch"}]
HANDLUNGSFELDER = [{"id": "sprache", "name": "Sprache"}, {"id": "bildung", "name": "Bildung"},
                   {"id": "arbeit", "name": "Arbeit"}]


def angebot(ident: str, **fields: Any) -> dict[str, Any]:
    return {"id": ident, "titel": fields.pop("titel", f"Angebot {ident}"),
            "handlungsfelder": ["sprache"], **fields}


def bedarf(ident: str = "b", **fields: Any) -> dict[str, Any]:
    return {"id": ident, "titel": fields.pop("titel", f"Bedarf {ident}"),
            "handlungsfeld": "sprache", **fields}


def konzept(angebote: list[dict[str, Any]] = (), bedarfe: list[dict[str, Any]] = (),  # type: ignore[assignment]
            massnahmen: list[dict[str, Any]] = (), stand: str = "2024-03-01",  # type: ignore[assignment]
            kreis: bool = False) -> Konzept:
    """A concept of Stadt Peine (or, with ``kreis``, Landkreis Peine) from dicts."""
    k = Konzept(root=Path("."))
    k.meta = KonzeptKopf.model_validate({
        "kommune": {"name": "Peine", "typ": "Landkreis" if kreis else "Stadt"},
        "titel": "Integrationskonzept", "version": "1", "stand": stand,
        "herausgeber": {"name": "Peine"}, "federfuehrung": "x", "kontakt": {}})
    for d in HANDLUNGSFELDER:
        k.handlungsfelder[d["id"]] = HandlungsfeldDef.model_validate(d)
    for d in ZIELGRUPPEN:
        k.zielgruppen[d["id"]] = Zielgruppe.model_validate(d)
    for d in KREIS_RAEUME if kreis else STADT_RAEUME:
        k.sozialraeume[d["id"]] = Sozialraum.model_validate(d)
    for d in SPRACHEN:
        k.sprachen[d["id"]] = Sprache.model_validate(d)
    for ident, name in DEFAULT_MERKMALE:
        k.merkmale[ident] = Merkmal(id=ident, name=name)
    for d in angebote:
        a = Angebot.model_validate(d)
        k.angebote[a.id] = a
    for d in bedarfe:
        b = Bedarf.model_validate(d)
        k.bedarfe[b.id] = b
    for d in massnahmen:
        m = Massnahme.model_validate(d)
        k.massnahmen[m.id] = m
    return k
