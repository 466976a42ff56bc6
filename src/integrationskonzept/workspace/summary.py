"""The Gemeinden of a Landkreis for the Kreis document: one summary per member (pure)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from ..gaps import GEDECKT
from ..model.concept import Konzept
from ..model.items import Zeitraum
from .gaps import KreisLuecken
from .loader import Arbeitsbereich
from .vocab import kanon

KERN_MAX = 5  # key measures shown per Gemeinde


@dataclass(frozen=True)
class Luecke:
    """An open or partly covered need of a Gemeinde, with the nearest offer elsewhere."""

    titel: str
    handlungsfeld: str
    urteil: str
    lage: str
    naechstes: str = ""


@dataclass(frozen=True)
class Kernmassnahme:
    titel: str
    handlungsfeld: str
    status: str
    zeitraum: Zeitraum | None = None
    zeithorizont: str | None = None


@dataclass(frozen=True)
class GemeindeSumme:
    """What the Kreis document says about one member concept."""

    id: str
    name: str
    titel: str
    status: str
    stand: dt.date | None
    version: str
    handlungsfelder: tuple[tuple[str, str], ...]  # (name, the Kreis's field or "")
    massnahmen: int
    massnahmen_status: tuple[tuple[str, int], ...]
    bedarfe: int
    gedeckt: int
    luecken: tuple[Luecke, ...]
    kern: tuple[Kernmassnahme, ...]
    dokument: str


def _status(konzept: Konzept) -> str:
    beschlossen = [b for b in konzept.beschluesse if b.status == "beschlossen"]
    if not beschlossen:
        return "Entwurf (noch nicht beschlossen)"
    latest = max(beschlossen, key=lambda b: b.datum)
    wann = f"am {latest.datum.lang}" if latest.datum.precision == "tag" else latest.datum.lang
    return f"beschlossen {wann} ({latest.gremium})"


def _hf_name(konzept: Konzept, ident: str | None) -> str:
    if ident is None:
        return "ohne Handlungsfeld"
    hf = konzept.handlungsfelder.get(ident)
    return hf.name if hf else ident


def summaries(bereich: Arbeitsbereich, luecken: KreisLuecken) -> list[GemeindeSumme]:
    """One summary per member, in the order of ``gemeinden:``."""
    reports = {g.mitglied: g for g in luecken.gemeinden}
    kreis_hf = bereich.kreis.handlungsfelder
    out = []
    for ident, m in bereich.mitglieder.items():
        k = m.konzept
        meta = k.meta
        if meta is None:
            continue
        felder = []
        for hid, hf in k.handlungsfelder.items():
            target = kanon(k, "handlungsfelder", hid)
            kreis = kreis_hf[target].name if target in kreis_hf else ""
            felder.append((hf.name, "" if kreis == hf.name else kreis))
        g = reports.get(ident)
        befunde = g.report.befunde if g is not None else ()
        gaps = tuple(
            Luecke(b.titel, _hf_name(k, b.handlungsfeld), b.urteil, b.lage,
                   g.naechste[b.bedarf].text if g is not None and b.bedarf in g.naechste else "")
            for b in befunde if b.urteil != GEDECKT)
        ordered = sorted(k.massnahmen.values(), key=lambda x: (
            not x.schwerpunkt, {"hoch": 0, "mittel": 1, "niedrig": 2}.get(x.prioritaet or "", 3)))
        kern = tuple(Kernmassnahme(x.titel, _hf_name(k, x.handlungsfeld), x.status,
                                   x.zeitraum, x.zeithorizont) for x in ordered[:KERN_MAX])
        status = Counter(x.status for x in k.massnahmen.values())
        out.append(GemeindeSumme(
            id=ident, name=m.name, titel=meta.titel, status=_status(k), stand=k.stand,
            version=meta.version, handlungsfelder=tuple(felder),
            massnahmen=len(k.massnahmen), massnahmen_status=tuple(sorted(status.items())),
            bedarfe=len(befunde), gedeckt=sum(1 for b in befunde if b.urteil == GEDECKT),
            luecken=gaps, kern=kern,
            dokument=m.eintrag.dokument or f"{m.anzeige}build/integrationskonzept.pdf"))
    return out
