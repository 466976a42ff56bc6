"""Kreis-wide gap analysis: every Gemeinde's Bedarfe against the offers within reach.

Pure (workspace in, :class:`KreisLuecken` out). The matcher is the one of
:mod:`integrationskonzept.gaps`: per member a candidate offer set is built and
:func:`~integrationskonzept.gaps.find_gaps` runs on the member with that set.

Within reach of a Gemeinde are its own offers, the Kreis's offers (kreisweit or for
this Gemeinde's Sozialraum of the Kreis) and the offers of other Gemeinden marked
``offen_fuer_nachbarn: true``. Foreign offers are translated into the Gemeinde's
vocabulary (via ``entspricht`` or equal ids) and keep a prefixed id („kreis:a-1“,
„peine:a-sb-2“). For a need that stays a gap, the offers elsewhere that would cover it
but for the place are found with a second run that counts them as within reach; the
nearest of them is reported with its distance where the Kreis gives coordinates or a
distance table (``entfernungen``).

The Kreis's own Bedarfe are matched against its offers and the Gemeinden's offers,
each placed in its Gemeinde's Sozialraum of the Kreis.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..gaps import GEDECKT, TEILWEISE, GapReport, find_gaps, open_gaps
from ..gaps.analysis import covering
from ..gaps.report import LAGE_OFFEN, Befund, Matrix, Zelle
from ..model.concept import Konzept
from ..model.items import Angebot
from .loader import KREIS, Arbeitsbereich
from .uebersetzen import Fremd, Geteilt, Uebersetzer, fremde_fakten
from .vocab import kanon, lokal

EARTH_KM = 6371.0


@dataclass(frozen=True)
class Fundort:
    """An offer elsewhere in the Kreis that would cover a need but for the place."""

    angebot: str  # prefixed id
    titel: str
    mitglied: str  # member id, or "kreis"
    ort: str  # „Stadt Peine – Kernstadt“
    km: float | None = None

    @property
    def text(self) -> str:
        """„nur in Stadt Peine – Kernstadt, 12 km“."""
        weg = f", {_km(self.km)} km" if self.km is not None else ""
        return f"nur in {self.ort}{weg}"

    def to_dict(self) -> dict[str, Any]:
        return {"angebot": self.angebot, "titel": self.titel, "mitglied": self.mitglied,
                "ort": self.ort, "km": self.km, "text": self.text}


@dataclass(frozen=True)
class GemeindeLuecken:
    """The gap report of one concept of the workspace (a Gemeinde, or the Kreis)."""

    mitglied: str  # member id, or "kreis"
    name: str
    anzeige: str
    report: GapReport
    naechste: Mapping[str, Fundort]  # need id -> nearest offer elsewhere

    def herkunft(self, angebot: str) -> str:
        """Whose offer: ``kreis``, a member id, or empty for the concept's own."""
        return angebot.split(":", 1)[0] if ":" in angebot else ""


@dataclass(frozen=True)
class KreisLuecken:
    """The workspace's gap reports and the Gemeinde × Handlungsfeld matrix."""

    name: str
    gemeinden: tuple[GemeindeLuecken, ...]
    matrix: Matrix
    namen: Mapping[str, str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "landkreis": self.name,
            "matrix": self.matrix.to_dict(),
            "gemeinden": [{
                "mitglied": g.mitglied, "name": g.name, "ordner": g.anzeige,
                "zaehlung": g.report.zaehlung(),
                "befunde": [dict(b.to_dict(), naechstes_angebot=(
                    g.naechste[b.bedarf].to_dict() if b.bedarf in g.naechste else None))
                    for b in g.report.befunde],
            } for g in self.gemeinden]}


def _km(value: float) -> str:
    """„12“, „9“, „4,5“: whole kilometres from 10 on or when whole."""
    if value >= 10 or round(value, 1) == round(value):
        return f"{value:.0f}"
    return f"{value:.1f}".replace(".", ",")


def entfernung(bereich: Arbeitsbereich, a: str, b: str) -> float | None:
    """Distance in km between two members: the table first, else the coordinates."""
    if a == b:
        return 0.0
    meta = bereich.kreis.meta
    if meta is None:
        return None
    for e in meta.entfernungen:
        if {e.von, e.nach} == {a, b}:
            return float(e.km)
    ka = _eintrag(bereich, a)
    kb = _eintrag(bereich, b)
    if ka is None or kb is None:
        return None
    p1, l1, p2, l2 = map(math.radians, (ka.breite, ka.laenge, kb.breite, kb.laenge))
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin((l2 - l1) / 2) ** 2)
    return 2 * EARTH_KM * math.asin(math.sqrt(h))


def _eintrag(bereich: Arbeitsbereich, ident: str) -> Any:
    member = bereich.mitglieder.get(ident)
    return member.eintrag.koordinaten if member is not None else None


def kreisraum(bereich: Arbeitsbereich, ident: str) -> str | None:
    """The Kreis's Sozialraum that is member ``ident`` (``sozialraum:`` or equal id)."""
    member = bereich.mitglieder.get(ident)
    if member is None:
        return None
    if member.eintrag.sozialraum:
        return member.eintrag.sozialraum
    return ident if ident in bereich.kreis.sozialraeume else None


def _ort(bereich: Arbeitsbereich, home: str, angebot: Angebot, konzept: Konzept) -> str:
    name = bereich.name if home == KREIS else bereich.mitglieder[home].name
    teile = [konzept.sozialraeume[r].name for r in angebot.sozialraeume
             if r in konzept.sozialraeume and konzept.sozialraeume[r].art != "gesamt"]
    return f"{name} – {', '.join(teile)}" if teile else name


def _wo(bereich: Arbeitsbereich, fremd: Fremd) -> tuple[str, str]:
    """(home, place text): the member whose offer it is and where it is held."""
    angebot, von, _prefix, home = fremd
    if home is not None:
        return home, _ort(bereich, home, angebot, von)
    raeume = set(angebot.sozialraeume)
    home = next((m for m in bereich.mitglieder if kreisraum(bereich, m) in raeume), KREIS)
    return home, (_ort(bereich, home, angebot, von) if home == KREIS else
                  bereich.mitglieder[home].name)


# Per member id: its offers open to neighbours (``offen_fuer_nachbarn``), in order.
Offene = dict[str, list[Angebot]]


def _offene(bereich: Arbeitsbereich) -> Offene:
    """Every member's offers open to its neighbours (looked for once, not per member)."""
    return {ident: [a for a in m.konzept.angebote.values() if a.offen_fuer_nachbarn]
            for ident, m in bereich.mitglieder.items()}


def _in_reach(bereich: Arbeitsbereich, ident: str, offene: Offene
              ) -> tuple[dict[str, Angebot], Uebersetzer]:
    """A member's offers within reach (its own, the Kreis's for its places, the
    neighbours' open ones) and the vocabulary translator."""
    konzept = bereich.mitglieder[ident].konzept
    kreis = bereich.kreis
    eigen_raum = kreisraum(bereich, ident)
    gesamt = kreis.gesamtraum
    erreichbar: dict[str, Angebot] = dict(konzept.angebote)
    uebersetzer = Uebersetzer(konzept, False)
    for a in kreis.angebote.values():
        if _for_all(a, gesamt, eigen_raum):
            t = uebersetzer.angebot(a, kreis, KREIS, [])
            erreichbar[t.id] = t
    for other_id, other in bereich.mitglieder.items():
        if other_id == ident:
            continue
        for a in offene[other_id]:
            t = uebersetzer.angebot(a, other.konzept, other_id, [])
            erreichbar[t.id] = t
    return erreichbar, uebersetzer


def _for_all(a: Angebot, gesamt: str | None, eigen_raum: str | None) -> bool:
    """Whether the Kreis's offer ``a`` is held kreisweit or in the member's place."""
    raeume = set(a.sozialraeume)
    return not raeume or (gesamt in raeume) or (eigen_raum in raeume)


def _elsewhere(bereich: Arbeitsbereich, ident: str) -> dict[str, Fremd]:
    """The offers out of reach of member ``ident``, by prefixed id (see :func:`_in_reach`:
    the Kreis's for other places, the other members' not open to neighbours)."""
    kreis = bereich.kreis
    eigen_raum = kreisraum(bereich, ident)
    gesamt = kreis.gesamtraum
    anderswo: dict[str, Fremd] = {}
    for a in kreis.angebote.values():
        if not _for_all(a, gesamt, eigen_raum):
            anderswo[f"{KREIS}:{a.id}"] = (a, kreis, KREIS, None)
    for other_id, other in bereich.mitglieder.items():
        if other_id == ident:
            continue
        for a in other.konzept.angebote.values():
            if not a.offen_fuer_nachbarn:
                anderswo[f"{other_id}:{a.id}"] = (a, other.konzept, other_id, other_id)
    return anderswo


def _for_member(bereich: Arbeitsbereich, ident: str, offene: Offene,
                geteilt: Geteilt | None = None) -> GemeindeLuecken:
    member = bereich.mitglieder[ident]
    konzept = member.konzept
    geteilt = {} if geteilt is None else geteilt
    erreichbar, uebersetzer = _in_reach(bereich, ident, offene)
    report = find_gaps(dataclasses.replace(konzept, angebote=erreichbar, cache={}))
    naechste: dict[str, Fundort] = {}
    luecken = report.luecken  # (only the gaps' Befunde made)
    anderswo = _elsewhere(bereich, ident) if luecken else {}
    if anderswo:
        # Which offers elsewhere would cover the gaps (counted as within reach).
        bedarfe = [b.bedarf for b in luecken]
        if any(key in erreichbar for key in anderswo):  # a prefixed id that is taken
            alle = dict(erreichbar)
            fakten = uebersetzer.fakten
            for key, (a, von, prefix, _home) in anderswo.items():
                alle[key] = fakten(a, von, prefix)
            probe = covering(dataclasses.replace(konzept, angebote=alle, cache={}), bedarfe)
        else:
            probe = covering(dataclasses.replace(konzept, angebote=erreichbar, cache={}),
                             bedarfe, lambda vok: fremde_fakten(
                                 list(anderswo.values()), uebersetzer, vok, konzept,
                                 geteilt))
        orte: dict[str, tuple[str, str]] = {}
        for b in luecken:
            found = [aid for aid in probe[b.bedarf] if aid in anderswo]
            if not found:
                continue
            for aid in found:
                if aid not in orte:
                    orte[aid] = _wo(bereich, anderswo[aid])
            best = min(found, key=lambda aid: (
                d if (d := entfernung(bereich, ident, orte[aid][0])) is not None
                else math.inf, found.index(aid)))
            home, ort = orte[best]
            naechste[b.bedarf] = Fundort(best, anderswo[best][0].titel, home, ort,
                                         entfernung(bereich, ident, home))
    return GemeindeLuecken(ident, member.name, member.anzeige, report, naechste)


def _kreis_in_reach(bereich: Arbeitsbereich) -> dict[str, Angebot]:
    """The Kreis's own needs against its offers and every member's, each in its places."""
    kreis = bereich.kreis
    erreichbar: dict[str, Angebot] = dict(kreis.angebote)
    uebersetzer = Uebersetzer(kreis, True)
    for ident, member in bereich.mitglieder.items():
        raum = kreisraum(bereich, ident)
        if raum is None:
            continue
        for a in member.konzept.angebote.values():
            t = uebersetzer.angebot(a, member.konzept, ident, [raum])
            erreichbar[t.id] = t
    return erreichbar


def _for_kreis(bereich: Arbeitsbereich) -> GemeindeLuecken:
    report = find_gaps(dataclasses.replace(bereich.kreis, angebote=_kreis_in_reach(bereich),
                                           cache={}))
    return GemeindeLuecken(KREIS, bereich.name, "", report, {})


def open_gaps_in_reach(bereich: Arbeitsbereich, mitglied: str | None = None
                       ) -> dict[str, tuple[Befund, ...]]:
    """The open gaps of the Kreis and every member (or just ``mitglied``), judged as in
    :func:`workspace_gaps` but without the rest of the reports (what IK601 needs)."""
    out: dict[str, tuple[Befund, ...]] = {}
    if mitglied is None and bereich.kreis.bedarfe:
        out[KREIS] = open_gaps(dataclasses.replace(
            bereich.kreis, angebote=_kreis_in_reach(bereich), cache={}))
    offene = _offene(bereich)
    for ident, member in bereich.mitglieder.items():
        if mitglied is None or ident == mitglied:
            erreichbar, _uebersetzer = _in_reach(bereich, ident, offene)
            out[ident] = open_gaps(dataclasses.replace(member.konzept, angebote=erreichbar,
                                                       cache={}))
    return out


def workspace_gaps(bereich: Arbeitsbereich, mitglied: str | None = None) -> KreisLuecken:
    """The gap reports of the Kreis and every member (or just ``mitglied``)."""
    teile: list[GemeindeLuecken] = []
    if mitglied is None and bereich.kreis.bedarfe:
        teile.append(_for_kreis(bereich))
    geteilt: Geteilt = {}
    offene = _offene(bereich)
    for ident in bereich.mitglieder:
        if mitglied is None or ident == mitglied:
            teile.append(_for_member(bereich, ident, offene, geteilt))
    namen = {hid: hf.kurz or hf.name for hid, hf in bereich.kreis.handlungsfelder.items()}
    for g in teile:
        namen[g.mitglied] = g.name
    return KreisLuecken(bereich.name, tuple(teile), _matrix(bereich, teile, namen), namen)


def _matrix(bereich: Arbeitsbereich, teile: list[GemeindeLuecken],
            namen: dict[str, str]) -> Matrix:
    counts: dict[tuple[str, str], list[int]] = {}
    spalten = list(bereich.kreis.handlungsfelder)
    for g in teile:
        konzept = bereich.kreis if g.mitglied == KREIS else bereich.mitglieder[
            g.mitglied].konzept
        report = g.report  # (its columns: no Befund made)
        for feld, urteil, lage in zip(report.spalte("handlungsfeld"), report.spalte("urteil"),
                                      report.spalte("lage"), strict=True):
            hf = kanon(konzept, "handlungsfelder", feld) if feld else "_ohne"
            if hf not in spalten:
                spalten.append(hf)
                src = konzept.handlungsfelder.get(feld or "")
                namen.setdefault(hf, (src.kurz or src.name) if src else "ohne Handlungsfeld")
            cell = counts.setdefault((g.mitglied, hf), [0, 0, 0, 0])
            cell[0 if urteil == GEDECKT else 1 if urteil == TEILWEISE else 2] += 1
            cell[3] += lage == LAGE_OFFEN
    zeilen = tuple(g.mitglied for g in teile)
    zellen = tuple(Zelle(z, s, *counts[(z, s)]) for z in zeilen for s in spalten
                   if (z, s) in counts)
    return Matrix("Gemeinde × Handlungsfeld", zeilen, tuple(spalten), zellen)


def nur_handlungsfeld(bereich: Arbeitsbereich, luecken: KreisLuecken, kreis_hf: str
                      ) -> KreisLuecken:
    """``luecken`` narrowed to one Handlungsfeld of the Kreis (each member by its own id
    for it: ``entspricht`` or the same id)."""
    from ..gaps import filter_report

    teile = []
    for g in luecken.gemeinden:
        konzept = bereich.kreis if g.mitglied == KREIS else bereich.mitglieder[
            g.mitglied].konzept
        local = kreis_hf if g.mitglied == KREIS else lokal(konzept, "handlungsfelder",
                                                            kreis_hf)
        report = filter_report(g.report, local or f"{KREIS}:{kreis_hf}", None, None)
        keep = {b.bedarf for b in report.befunde}
        teile.append(dataclasses.replace(g, report=report, naechste={
            k: v for k, v in g.naechste.items() if k in keep}))
    m = luecken.matrix
    matrix = Matrix(m.name, m.zeilen, (kreis_hf,),
                    tuple(z for z in m.zellen if z.spalte == kreis_hf))
    return dataclasses.replace(luecken, gemeinden=tuple(teile), matrix=matrix)


def kreis_report(luecken: KreisLuecken, eigene: GapReport) -> GapReport:
    """The Kreis's own gap report as `ik gaps` on the workspace judges its needs (the
    Gemeinden's offers count, each in its Gemeinde); ``eigene`` is the report on the
    Kreis's offers alone, which still gives duplicate structures and offers without a
    need (about the Kreis's own offers). ``eigene`` when the Kreis has no needs."""
    ws = next((g.report for g in luecken.gemeinden if g.mitglied == KREIS), None)
    if ws is None:
        return eigene
    return dataclasses.replace(eigene, befunde=ws.befunde,
                               matrix_sozialraum=ws.matrix_sozialraum,
                               matrix_zielgruppe=ws.matrix_zielgruppe,
                               namen={**ws.namen, **eigene.namen})
