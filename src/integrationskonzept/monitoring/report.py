"""The content of an Umsetzungsbericht as plain values (pure; JSON via :func:`to_dict`).

:func:`umsetzungsbericht` collects for one report period: the counts of Maßnahmen per
status and Ziele per Ampel, the changes since the previous period in words, per
Handlungsfeld the Ziele with Ampel and reason, the Maßnahmen with status, progress and
the period's history, the indicators with their series and assessment, and what is
overdue, stale or unrated. The document (:mod:`..document.bericht`) and the JSON
output are both made from this one value.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..model.concept import Konzept
from ..model.items import Indikator
from ..model.monitoring import AMPELN, STATUS
from .assessment import STUFEN, bewerte
from .due import faellig
from .periods import Berichtsperiode
from .rollup import handlungsfeld_fortschritt, massnahmen_je_ziel, ziel_fortschritt
from .status import ampel_in, eintraege_in, stand_am

OHNE_FELD = ""


@dataclass(frozen=True)
class Eintrag:
    datum: dt.date
    status: str
    fortschritt: float | None
    text: str


@dataclass(frozen=True)
class MassnahmeStand:
    id: str
    titel: str
    status: str
    status_vorher: str | None
    fortschritt: float | None
    ende: str | None
    eintraege: list[Eintrag]
    ampel: str | None = None
    begruendung: str | None = None


@dataclass(frozen=True)
class ZielStand:
    id: str
    titel: str
    ampel: str  # one of AMPELN; "nicht bewertet" when none given
    ampel_vorher: str | None
    begruendung: str | None
    bewertet_von: str | None
    datum: dt.date | None
    fortschritt: float | None
    massnahmen: list[str]


@dataclass(frozen=True)
class IndikatorStand:
    id: str
    nummer: str | None
    name: str
    einheit: str | None
    richtung: str | None
    basis: tuple[str, float] | None
    ziel: tuple[str, float] | None
    werte: list[tuple[str, float]]
    stufe: str
    stufe_vorher: str | None
    berechnet: bool
    berechnete_stufe: str
    begruendung: str
    # values broken down (gesamt, weiblich, a comparison group …) per period, if given
    aufschluesselung: list[tuple[str, dict[str, float]]] = field(default_factory=list)


@dataclass(frozen=True)
class FeldStand:
    id: str  # OHNE_FELD for indicators and entries of no Handlungsfeld
    name: str
    fortschritt: float | None
    ziele: list[ZielStand]
    massnahmen: list[MassnahmeStand]
    indikatoren: list[IndikatorStand]


@dataclass(frozen=True)
class OffeneLuecke:
    bedarf: str
    titel: str
    handlungsfeld: str
    urteil: str


@dataclass
class Umsetzungsbericht:
    periode: Berichtsperiode
    vorher: Berichtsperiode | None
    beschluss: dict[str, str] | None
    status_zaehlung: dict[str, int]
    ampel_zaehlung: dict[str, int]
    stufen_zaehlung: dict[str, int]
    aenderungen: list[str]
    felder: list[FeldStand]
    ueberfaellig: list[str]
    ohne_aktualisierung: list[str]
    ziele_ohne_ampel: list[str]
    offene_luecken: list[OffeneLuecke] = field(default_factory=list)
    namen: dict[str, str] = field(default_factory=dict)
    # Changes of the sources in git since the previous period, in words (see ik bericht --seit)
    git: list[str] = field(default_factory=list)


def _beschluss(konzept: Konzept, bis: dt.date) -> dict[str, str] | None:
    vorher = [(b.datum, i, b) for i, b in enumerate(konzept.beschluesse)
              if b.status == "beschlossen" and b.datum.first <= bis]
    if not vorher:
        return None
    b = max(vorher, key=lambda t: (t[0], t[1]))[2]
    out = {"gremium": b.gremium, "datum": b.datum.first.isoformat()}
    for key in ("vorlage", "gegenstand", "version"):
        if getattr(b, key):
            out[key] = str(getattr(b, key))
    return out


def _indikator(ind: Indikator, periode: Berichtsperiode,
               vorher: Berichtsperiode | None) -> IndikatorStand:
    jahr = periode.stichtag.year
    bew = bewerte(ind, jahr)
    alt = bewerte(ind, vorher.stichtag.year).stufe if vorher is not None else None
    werte = [(p.text, v) for p, v in ind.reihe().items() if p.jahr <= jahr]
    teile = [(p.text, dict(v)) for p, v in sorted(ind.istwerte.items())
             if isinstance(v, dict) and p.jahr <= jahr]
    return IndikatorStand(
        ind.id, ind.nummer, ind.name, ind.einheit, ind.richtung,
        (ind.basiswert.jahr.text, ind.basiswert.wert) if ind.basiswert else None,
        (ind.zielwert.jahr.text, ind.zielwert.wert) if ind.zielwert else None,
        werte, bew.stufe, alt, bew.berechnet, bew.berechnete_stufe, bew.begruendung, teile)


def _feld_der_indikatoren(konzept: Konzept) -> dict[str, str]:
    """Indicator id → Handlungsfeld: its own, else of the first Ziel or Maßnahme naming it."""
    out: dict[str, str] = {}
    for ind in konzept.indikatoren.values():
        if ind.handlungsfeld:
            out[ind.id] = ind.handlungsfeld
    for group in (konzept.ziele, konzept.massnahmen):
        for entry in group.values():
            for i in entry.indikatoren:
                if entry.handlungsfeld:
                    out.setdefault(i, entry.handlungsfeld)
    return out


def umsetzungsbericht(konzept: Konzept, periode: Berichtsperiode,
                      vorher: Berichtsperiode | None = None, gaps: Any = None
                      ) -> Umsetzungsbericht:
    """The report on ``periode`` (``vorher``: the previous period, for the changes)."""
    tag = periode.stichtag
    index = massnahmen_je_ziel(konzept)
    feld_ind = _feld_der_indikatoren(konzept)
    order = [*konzept.handlungsfelder, OHNE_FELD]
    ms: dict[str, list[MassnahmeStand]] = {k: [] for k in order}
    zs: dict[str, list[ZielStand]] = {k: [] for k in order}
    inds: dict[str, list[IndikatorStand]] = {k: [] for k in order}
    status_zaehlung = dict.fromkeys(STATUS, 0)
    for m in konzept.massnahmen.values():
        stand = stand_am(m, tag)
        alt = stand_am(m, vorher.stichtag).status if vorher is not None else None
        ampel = ampel_in(m.ampel, periode)
        status_zaehlung[stand.status] += 1
        ende = m.zeitraum.ende.text if m.zeitraum and m.zeitraum.ende else None
        eintraege = [Eintrag(e.datum, e.status, e.fortschritt, e.text or "")
                     for e in eintraege_in(m, periode)]
        ms[m.handlungsfeld if m.handlungsfeld in ms else OHNE_FELD].append(MassnahmeStand(
            m.id, m.titel, stand.status, alt, stand.fortschritt, ende, eintraege,
            ampel.ampel if ampel else None, ampel.begruendung if ampel else None))
    ampel_zaehlung = dict.fromkeys(AMPELN, 0)
    for z in konzept.ziele.values():
        a = ampel_in(z.ampel, periode)
        alt_a = ampel_in(z.ampel, vorher) if vorher is not None else None
        wort = a.ampel if a else "nicht bewertet"
        ampel_zaehlung[wort] += 1
        f = ziel_fortschritt(konzept, z.id, tag, index)
        zs[z.handlungsfeld if z.handlungsfeld in zs else OHNE_FELD].append(ZielStand(
            z.id, z.titel, wort, alt_a.ampel if alt_a else None, a.begruendung if a else None,
            a.bewertet_von if a else None, a.datum if a else None, f.wert, index.get(z.id, [])))
    stufen_zaehlung = dict.fromkeys(STUFEN, 0)
    for ind in konzept.indikatoren.values():
        stand_i = _indikator(ind, periode, vorher)
        stufen_zaehlung[stand_i.stufe] += 1
        hf = feld_ind.get(ind.id, OHNE_FELD)
        inds[hf if hf in inds else OHNE_FELD].append(stand_i)
    felder = []
    for hf in order:
        if not (ms[hf] or zs[hf] or inds[hf]):
            continue
        name = konzept.handlungsfelder[hf].name if hf else "Übergreifend"
        fort = handlungsfeld_fortschritt(konzept, hf, tag, index).wert if hf else None
        felder.append(FeldStand(hf, name, fort, zs[hf], ms[hf], inds[hf]))
    due = faellig(konzept, periode)
    offene = []
    if gaps is not None:
        for b in gaps.offene:
            offene.append(OffeneLuecke(b.bedarf, b.titel, gaps.name(b.handlungsfeld), b.urteil))
    from .changes import aenderungen

    bericht = Umsetzungsbericht(
        periode, vorher, _beschluss(konzept, tag), status_zaehlung, ampel_zaehlung,
        stufen_zaehlung, [], felder, due.ueberfaellig, due.ohne_aktualisierung,
        due.ziele_ohne_ampel, offene,
        {i: konzept.label(i) for i in (*konzept.massnahmen, *konzept.ziele)})
    bericht.aenderungen = aenderungen(bericht)
    return bericht


def to_dict(bericht: Umsetzungsbericht) -> dict[str, Any]:
    """The report as JSON-ready data (dates ISO, keys German)."""
    def plain(value: Any) -> Any:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        if isinstance(value, dt.date):
            return value.isoformat()
        return value

    data: dict[str, Any] = plain(bericht)
    return data
