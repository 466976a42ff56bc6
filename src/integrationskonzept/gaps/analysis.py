"""`find_gaps`: every Bedarf against the Angebote, traced forward to the Maßnahmen.

Decisions (documented here because the sources leave them open):

- Several matching offers add up: their places (``kapazitaet``) are summed against the
  need's ``umfang``. Each need is judged on its own; an offer's places count for every
  need it matches (there is no allocation between needs).
- An offer without ``kapazitaet`` has unknown capacity: it is taken to cover the need,
  and the verdict carries the note „Kapazität unbekannt …“ (``Befund.hinweise``,
  ``Befund.kapazitaet_unbekannt``). Missing data is not evidence of a gap.
- A need with several Zielgruppen, Sozialräume or Sprachen is covered when every
  combination of them is covered by some offer; some combinations: teilweise gedeckt.
- Laufzeit is judged at the concept's Stand; without a Stand it is not judged.
- A Maßnahme counts as closing a gap unless its status is entfallen or zurückgestellt
  (geplant, in Umsetzung, laufend and umgesetzt count: an umgesetzt measure whose gap
  remains usually means its new offer is not yet recorded as an Angebot).
- A gap with ``akzeptiert: {grund: …}`` is reported as akzeptiert, not open.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from itertools import product
from typing import Any, Literal

from ..model.concept import Konzept, where
from ..model.items import Bedarf
from ..model.monitoring import letzter_status
from ..source.gcpause import gc_paused
from ..text.german import word_list
from .abbild import Abbild, abbild, titel_von
from .doubles import find_doubles
from .folgen import Namen
from .index import (
    Buckets,
    OfferFacts,
    OfferIndex,
    Vokabular,
    build_index,
    build_vokabular,
)
from .match import NeedFacts, abdeckung, need_facts
from .matrix import build_matrices
from .nearest import explain_gap
from .quick import QuickCover
from .report import (
    ALLE_ZIELGRUPPEN,
    GEDECKT,
    LAGE_AKZEPTIERT,
    LAGE_GEDECKT,
    LAGE_MASSNAHME,
    LAGE_OFFEN,
    OHNE_HANDLUNGSFELD,
    TEILWEISE,
    UNGEDECKT,
    AngebotKurz,
    Befund,
    Befunde,
    GapReport,
    Grund,
    Kandidat,
    MassnahmeBezug,
    befund_value,
)

AKTIVE_STATUS = frozenset({"geplant", "in Vorbereitung", "in Umsetzung", "laufend", "verzögert",
                           "umgesetzt", "verstetigt"})
LATER: Literal["later"] = "later"  # _judge: explain a gap when its reasons are first read
Explanation = Callable[[], tuple[tuple[Grund, ...], tuple[Kandidat, ...]]]
# A need's groups, languages and features as the matcher read them (see _befund)
Teile = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]


@dataclass(slots=True)
class Verdict:
    """What matching says about one need (the Befund without the Maßnahmen)."""

    urteil: str
    anteil: float
    gruende: tuple[Grund, ...] = ()
    hinweise: tuple[str, ...] = ()
    angebote: tuple[str, ...] = ()
    naechste: tuple[Kandidat, ...] = ()
    plaetze: int | None = None
    kapazitaet_unbekannt: tuple[str, ...] = ()
    erklaerung: Explanation | None = None  # gruende and naechste, when asked (LATER)


def find_gaps(konzept: Konzept) -> GapReport:
    """Analyse which Bedarfe the Angebote cover, and why not; pure, no I/O."""
    # The analysis allocates many small acyclic values; with a large concept in memory
    # each collection of the cyclic garbage collector would walk all of it (as in the
    # loader, the collector pauses for the run and is restored after).
    with gc_paused():
        return _find_gaps(konzept)


def covering(konzept: Konzept, bedarfe: Iterable[str],
             mehr: Callable[[Vokabular], list[tuple[list[OfferFacts], Buckets]]] | None = None
             ) -> dict[str, tuple[str, ...]]:
    """The offers that cover each of the given needs (fully or in part), nearest first:
    the ``angebote`` of their Befunde in ``find_gaps(konzept)``, without the rest of the
    report (the workspace asks this of the offers elsewhere in the Kreis). ``mehr``
    gives blocks of further offers (facts and buckets), counted after the concept's own.
    """
    with gc_paused():
        vok = build_vokabular(konzept)
        index = build_index(konzept, vok, mehr(vok) if mehr is not None else None)
        stand_known = konzept.stand is not None
        asked: set[int] = set()
        memo: dict[tuple[object, ...], Any] = {}
        return {b: _judge(need_facts(konzept.bedarfe[b], vok), index, vok, stand_known,
                          asked, memo, explain=False).angebote for b in bedarfe}


def open_gaps(konzept: Konzept) -> tuple[Befund, ...]:
    """The open gaps alone, each as :func:`find_gaps` explains it (what IK601 reports).

    The other needs are only judged, their reasons never worded; the rest of the
    report is not made. Uses what the concept's
    ``cache`` already holds: open gaps judged with more offers (``"offene"``, set by a
    Landkreis workspace) or the full report (:func:`~.cache.report_for`).
    """
    given = konzept.cache.get("offene")  # judged elsewhere (a Landkreis workspace)
    if given is not None:
        return given  # type: ignore[no-any-return]
    report = konzept.cache.get("gaps")
    if report is not None:
        return report.offene  # type: ignore[no-any-return]
    with gc_paused():
        vok = build_vokabular(konzept)
        covered = QuickCover(konzept, vok).covered
        index: OfferIndex | None = None  # the full index, made for the first need not
        stand_known = konzept.stand is not None  # surely covered (quick.py)
        by_need = _massnahmen_of(konzept)
        asked: set[int] = set()
        buckets: dict[tuple[object, ...], Any] = {}
        found: list[tuple[Bedarf, NeedFacts, Verdict, tuple[MassnahmeBezug, ...]]] = []
        for bedarf in konzept.bedarfe.values():
            zu = by_need.get(bedarf.id)
            if _akzeptiert(bedarf) or (zu and any(b.aktiv for b in zu)):
                continue  # accepted or in hand: not open, whatever the offers (_lage)
            if covered(bedarf):
                continue  # gedeckt, as _judge would say
            bezuege = tuple(zu or ())
            if index is None:
                index = build_index(konzept, vok)
            need = need_facts(bedarf, vok)
            verdict = _judge(need, index, vok, stand_known, asked, buckets, explain=LATER)
            if verdict.urteil == GEDECKT:
                continue  # not explained: its reasons are never worded
            found.append((bedarf, need, verdict, bezuege))
        zeigt = abbild(konzept, [f[0] for f in found], [f[1] for f in found])
        return tuple([_befund(zeigt, i, bedarf, (need.gruppen, need.sprachen, need.merkmale),
                              verdict, LAGE_OFFEN, bezuege)
                      for i, (bedarf, need, verdict, bezuege) in enumerate(found)])


def _massnahmen_of(konzept: Konzept) -> dict[str, list[MassnahmeBezug]]:
    """The Maßnahmen meant to close each need (``bedarfe:``), with their current status."""
    by_need: dict[str, list[MassnahmeBezug]] = defaultdict(list)
    for m in konzept.massnahmen.values():
        status = letzter_status(m.status, m.verlauf)
        bezug = MassnahmeBezug(m.id, m.titel, status, status in AKTIVE_STATUS)
        for bid in dict.fromkeys(m.bedarfe):
            by_need[bid].append(bezug)
    return by_need


def _akzeptiert(bedarf: Bedarf) -> str | None:
    return bedarf.akzeptiert.grund if bedarf.akzeptiert else None


def _lage(urteil: str, akzeptiert: bool, bezuege: tuple[MassnahmeBezug, ...]) -> str:
    if urteil == GEDECKT:
        return LAGE_GEDECKT
    if akzeptiert:
        return LAGE_AKZEPTIERT
    if any(b.aktiv for b in bezuege):
        return LAGE_MASSNAHME
    return LAGE_OFFEN


def _befund(zeigt: Abbild, i: int, bedarf: Bedarf, teile: Teile, verdict: Verdict,
            lage: str, bezuege: tuple[MassnahmeBezug, ...]) -> Befund:
    """The Befund of the i-th need of ``zeigt`` (:func:`~.abbild.abbild`); ``teile``: its
    groups, languages and features as the matcher read them (NeedFacts)."""
    gruppen, sprachen, merkmale = teile
    return befund_value(verdict.erklaerung, {  # every field of Befund, in its order
        "bedarf": zeigt.id[i], "titel": zeigt.titel[i], "handlungsfeld": zeigt.handlungsfeld[i],
        "zielgruppen": gruppen, "sozialraeume": zeigt.raeume[i],
        "sprachen": sprachen, "merkmale": merkmale,
        "urteil": verdict.urteil, "anteil": verdict.anteil, "lage": lage,
        "umfang": zeigt.umfang[i], "plaetze": verdict.plaetze,
        "kapazitaet_unbekannt": verdict.kapazitaet_unbekannt,
        "prioritaet": zeigt.prioritaet[i], "gruende": verdict.gruende,
        "hinweise": verdict.hinweise, "angebote": verdict.angebote,
        "naechste": verdict.naechste, "massnahmen": bezuege,
        "akzeptiert": zeigt.akzeptiert[i], "ort": where(bedarf, "id"),
        "quellen": zeigt.quellen[i],
    })


def _find_gaps(konzept: Konzept) -> GapReport:
    vok = build_vokabular(konzept)
    index = build_index(konzept, vok)
    stand_known = konzept.stand is not None
    by_need = _massnahmen_of(konzept)
    asked: set[int] = set()  # ids of the index buckets some need looks into
    buckets: dict[tuple[object, ...], Any] = {}  # by (hf, places, groups)
    # What the counts, the matrices and the lists of gaps read of each need, by position;
    # its Befund is made when first read (report.Befunde).
    bedarfe = list(konzept.bedarfe.values())
    needs: list[NeedFacts] = []
    # A need simply covered (no note on its places) keeps no Verdict: its offers are in
    # ``gedeckt`` (those of the i-th from ``anfang[i]`` to ``anfang[i + 1]``), its places in
    # ``plaetze``; every object less is one the collector need not visit while the report
    # lives (the needs' facts are dropped after the loop, their parts kept as columns).
    verdicts: list[Verdict | None] = []
    gedeckt: list[str] = []
    anfang: list[int] = []
    plaetze: list[int | None] = []
    bezuege: list[tuple[MassnahmeBezug, ...]] = []
    urteile: list[str] = []
    lagen: list[str] = []
    for bedarf in bedarfe:
        need = need_facts(bedarf, vok)
        verdict = _judge(need, index, vok, stand_known, asked, buckets, explain=LATER)
        zu = by_need.get(bedarf.id)
        bezug = tuple(zu) if zu else ()
        needs.append(need)
        anfang.append(len(gedeckt))
        plaetze.append(verdict.plaetze)
        bezuege.append(bezug)
        urteil = verdict.urteil
        urteile.append(urteil)
        if urteil == GEDECKT:
            lagen.append(LAGE_GEDECKT)
            if not verdict.hinweise and not verdict.kapazitaet_unbekannt:
                gedeckt.extend(verdict.angebote)
                verdicts.append(None)
                continue
        else:
            lagen.append(_lage(urteil, bool(_akzeptiert(bedarf)), bezug))
        verdicts.append(verdict)
    anfang.append(len(gedeckt))
    zeigt = abbild(konzept, bedarfe, needs)
    gruppen = [n.gruppen for n in needs]
    sprachen = [n.sprachen for n in needs]
    merkmale = [n.merkmale for n in needs]
    del needs

    def befund(i: int) -> Befund:  # (not the concept: the report does not keep it alive)
        verdict = verdicts[i]
        if verdict is None:  # (the fields of Verdict in order, as _judge makes them)
            verdict = Verdict(GEDECKT, 1.0, (), (), tuple(gedeckt[anfang[i]:anfang[i + 1]]),
                              (), plaetze[i], ())
        return _befund(zeigt, i, bedarfe[i], (gruppen[i], sprachen[i], merkmale[i]),
                       verdict, lagen[i], bezuege[i])

    befunde = Befunde(befund, urteile, lagen, zeigt.handlungsfeld)
    gefragt = {pos for bucket in (*index.by_key.values(), *index.by_hf_raum.values())
               if id(bucket) in asked for pos in bucket}
    # A gap's reasons, worded when first read, look only at the facts and the offers by
    # field and group (nearest.py): the report keeps no more of the index alive.
    index.by_key, index.by_hf_raum = {}, {}
    own = index.own
    # „ohne erfassten Bedarf“ says something only where Bedarfe were collected at all
    erhoben = {b.handlungsfeld for b in konzept.bedarfe.values()}
    hfs, aktuell = own.handlungsfelder, own.aktuell
    ohne = tuple(
        AngebotKurz(own.ids[p], own.titel[p], hfs[p], tuple(sorted(own.zielgruppen[p])),
                    tuple(konzept.angebote[own.ids[p]].sozialraeume))
        for p in range(len(hfs)) if p not in gefragt and aktuell[p]
        and erhoben.intersection(hfs[p]))
    doppel = find_doubles(own)
    m_raum, m_gruppe = build_matrices(
        zeigt.handlungsfeld, zeigt.raeume, gruppen, urteile,
        [lage == LAGE_OFFEN for lage in lagen],
        konzept.handlungsfelder, konzept.sozialraeume or (vok.gesamt,),
        konzept.zielgruppen, vok.gesamt)
    namen = dict(vok.namen)
    namen[ALLE_ZIELGRUPPEN] = "alle Zielgruppen"
    namen[OHNE_HANDLUNGSFELD] = "ohne Handlungsfeld"
    return GapReport(
        stand=konzept.stand, befunde=befunde, doppelstrukturen=doppel,
        angebote_ohne_bedarf=ohne, matrix_sozialraum=m_raum, matrix_zielgruppe=m_gruppe,
        # (the titles of the offers and needs as the columns took them: the tables hold
        # each entry under its id)
        namen=Namen(namen, (dict(zip(own.ids, own.titel, strict=True)),
                            dict(zip(zeigt.id, zeigt.titel, strict=True)),
                            titel_von(konzept.massnahmen))),
        raum_eltern=dict(vok.raum_eltern),
        gruppe_umfasst=dict(vok.gruppe_umfasst), gesamtraum=vok.gesamt,
        zahl_angebote=len(own.ids),
        kurz={h: d.kurz for h, d in konzept.handlungsfelder.items() if d.kurz})


def _buckets(need: NeedFacts, index: OfferIndex, vok: Vokabular,
             memo: dict[tuple[object, ...], Any]) -> list[list[int]]:
    """The index buckets whose offers reach the need's places and groups, nearest first.

    Nearest first: the need's own place before the places above it (the whole last), its
    own groups before the groups that include them, "for everyone" last. (The places
    and groups to look at are kept in ``memo`` by the need's places and groups.)
    """
    assert need.hf is not None
    hf = need.hf
    out: list[list[int]] = []
    raeume: list[str] | None = memo.get(("r", need.raeume))
    if raeume is None:
        chains = [vok.kette(r) for r in need.raeume]
        depth = max(len(c) for c in chains)
        raeume = memo[("r", need.raeume)] = list(dict.fromkeys(
            c[i] for i in range(depth) for c in chains if i < len(c)))
    if not need.gruppen:
        by_hf_raum = index.by_hf_raum
        for r in raeume:
            hits = by_hf_raum.get((hf, r))
            if hits:
                out.append(hits)
        return out
    gruppen: list[str | None] | None = memo.get(("g", need.gruppen))
    if gruppen is None:
        namen: list[str] = list(need.gruppen)
        for g in need.gruppen:
            namen.extend(sorted(vok.ober(g) - set(need.gruppen)))
        gruppen = memo[("g", need.gruppen)] = [*dict.fromkeys(namen), None]
    by_key = index.by_key
    for r in raeume:
        for gruppe in gruppen:
            hits = by_key.get((hf, r, gruppe))
            if hits:
                out.append(hits)
    return out


def _judge(need: NeedFacts, index: OfferIndex, vok: Vokabular, stand_known: bool,
           asked: set[int], memo: dict[tuple[object, ...], Any],
           explain: bool | Literal["later"] = True) -> Verdict:
    """The verdict of one need, before it is traced to Maßnahmen; without ``explain``
    only the covering offers are right (no reasons, no nearest offers); with
    :data:`LATER` a gap's reasons and nearest offers are left to ``erklaerung``."""
    if need.hf is None:
        return Verdict(UNGEDECKT, 0.0,
                       gruende=(Grund("handlungsfeld", "kein Handlungsfeld angegeben"),))
    if need.hf not in index.by_hf:
        return Verdict(UNGEDECKT, 0.0, gruende=(Grund(
            "handlungsfeld", f"kein Angebot im Handlungsfeld {vok.name(need.hf)}"),))
    key = (need.hf, need.raeume, need.gruppen)
    buckets = memo.get(key)
    if buckets is None:
        buckets = memo[key] = _buckets(need, index, vok, memo)
        asked.update([id(b) for b in buckets])
    profile, kapazitaet = index.profile, index.kapazitaet
    pflicht, sprachbits = need.pflicht, need.sprachbits
    covering: list[int] = []
    others: list[int] = []
    seen: set[int] = set()
    cells: set[tuple[object, ...]] = set()
    gruppen, raeume, sprachen = need.gruppen, need.raeume, need.sprachen
    total = (len(gruppen) or 1) * len(raeume) * (len(sprachen) or 1)
    einfach = total == 1  # one group, place and language at most: any usable offer covers it
    single: tuple[object, ...] = (gruppen[0] if gruppen else None, raeume[0],
                                  sprachen[0] if sprachen else None) if einfach else ()
    umfang = need.umfang
    plaetze_bisher = 0
    unbekannt_bisher = False
    # Nearest offers first; stop as soon as the need is fully covered, so a well served
    # need costs a few look-ups, not one per offer of its field. (The test is
    # :func:`~.match.fits` on the offers' bits.)
    for bucket in buckets:
        for pos in bucket:
            if pos in seen:
                continue
            seen.add(pos)
            p = profile[pos]
            if p & pflicht != pflicht or (sprachbits and not p & sprachbits):
                others.append(pos)
                continue
            covering.append(pos)
            if einfach:
                cells.add(single)
            else:
                cells.update(product(*abdeckung(need, index.facts[pos], vok)))
            cap = kapazitaet[pos]
            if cap is None:
                unbekannt_bisher = True
            else:
                plaetze_bisher += cap
            if len(cells) >= total and (umfang is None or unbekannt_bisher
                                        or plaetze_bisher >= umfang):
                break
        else:
            continue
        break
    unbekannt = [p for p in covering if kapazitaet[p] is None] if unbekannt_bisher else []
    # the places of the covering offers that state them (None if none does)
    plaetze = plaetze_bisher if len(unbekannt) < len(covering) else None
    cap_short = (umfang is not None and not unbekannt and bool(covering)
                 and (plaetze or 0) < umfang)
    hinweise: tuple[str, ...] = ()
    if umfang is not None and unbekannt and (plaetze or 0) < umfang:
        titel = [f"„{index.titel[p]}“" for p in unbekannt]
        hinweise = ("Kapazität unbekannt bei " + word_list(titel),)
    ids = tuple(map(index.ids.__getitem__, covering))
    ohne = tuple(map(index.ids.__getitem__, unbekannt)) if unbekannt else ()
    if covering and len(cells) >= total and not cap_short:
        # (the fields of Verdict in order: made for most needs)
        return Verdict(GEDECKT, 1.0, (), hinweise, ids, (), plaetze, ohne)
    out = Verdict(UNGEDECKT, 0.0, angebote=ids, plaetze=plaetze, kapazitaet_unbekannt=ohne,
                  hinweise=hinweise)
    if not explain:
        return out
    if covering:
        share = len(cells) / total
        if cap_short:
            assert umfang is not None
            share = min(share, (plaetze or 0) / umfang if umfang else 1.0)
        out.urteil, out.anteil = TEILWEISE, share
    out.erklaerung = partial(explain_gap, need, index, vok, stand_known, others, seen, ids,
                             cells, (plaetze or 0) if cap_short else None)
    if explain is not LATER:
        out.gruende, out.naechste = out.erklaerung()
        out.erklaerung = None
    return out
