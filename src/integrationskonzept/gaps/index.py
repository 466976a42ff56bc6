"""Indexes for the gap analysis, so that matching never pairs all needs with all offers.

Offers are looked up by (Handlungsfeld, Sozialraum, Zielgruppe): a need in Ortsteil X
for group G only meets offers listed for X or one of its ancestors (up to the whole)
and for G, a group that includes G, or for everyone. The vocabulary trees are
flattened once: each Sozialraum knows its chain of ancestors, each Zielgruppe the
groups that include it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, TypeVar

from ..model.concept import Konzept
from ..model.items import Angebot, Zeitraum
from ..text.german import datum_lang

# Stands for the whole when the concept defines no Sozialraum with ``art: gesamt``.
GESAMT_ERSATZ = "_gesamt"
DEUTSCH_IDS = ("de", "deutsch", "deu", "ger")
_K = TypeVar("_K")


# Formatting a date with babel is slow; offers share few end dates.
_datum = lru_cache(maxsize=1024)(datum_lang)

# The hard conditions of matching (Laufzeit, Form, Lernsprache, Merkmale, Sprachen) as
# bits of one int per offer (``OfferFacts.profil``) and per need (``NeedFacts.pflicht``,
# ``NeedFacts.sprachbits``): testing an offer against a need is then two int operations
# instead of a call that follows a chain of attributes. Every value gets its bit when
# first seen (per kind: ``("m", "kostenfrei")``), the same in every concept of the
# process, so offers made for one concept can be judged against the needs of another.
_BITS: dict[tuple[str, str], int] = {}
LAUFZEIT_OK = 1  # the offer runs at the Stand (or the Stand is unknown)
# The forms of offers that serve a need's form (hybrid serves Präsenz and online; any
# other form only itself), and the other way round.
FORM_OK = {"Präsenz": ("Präsenz", "hybrid"), "online": ("online", "hybrid"),
           "hybrid": ("hybrid",)}
_FORM_DIENT = {form: tuple(need for need, ok in FORM_OK.items() if form in ok)
               for form in FORM_OK}


def bit(kind: str, value: str) -> int:
    """The bit of one value of one kind of hard condition."""
    got = _BITS.get((kind, value))
    if got is None:
        got = _BITS[(kind, value)] = 1 << (len(_BITS) + 1)
    return got


def bits(kind: str, values: frozenset[str] | tuple[str, ...] | list[str]) -> int:
    out = 0
    for value in values:
        out |= bit(kind, value)
    return out


_form_bits: dict[str, int] = {}
_lern_bits: dict[str, int] = {}
_merkmal_bits: dict[frozenset[str], int] = {}
_sprach_bits: dict[frozenset[str], int] = {}


def _profil(laufzeit_ok: bool, form: str, lernsprache: str | None,
            merkmale: frozenset[str], sprachen: frozenset[str]) -> int:
    """The bits of an offer: what of the hard conditions it meets."""
    p = _form_bits.get(form)
    if p is None:
        p = _form_bits[form] = bits("f", _FORM_DIENT.get(form, (form,)))
    if laufzeit_ok:
        p |= LAUFZEIT_OK
    if lernsprache is not None:
        lb = _lern_bits.get(lernsprache)
        if lb is None:
            lb = _lern_bits[lernsprache] = bit("l", lernsprache)
        p |= lb
    if merkmale:
        mb = _merkmal_bits.get(merkmale)
        if mb is None:
            mb = _merkmal_bits[merkmale] = bits("m", merkmale)
        p |= mb
    if sprachen:
        sb = _sprach_bits.get(sprachen)
        if sb is None:
            sb = _sprach_bits[sprachen] = bits("s", sprachen)
        p |= sb
    return p


@dataclass(frozen=True)
class Vokabular:
    """The flattened vocabulary trees and names the matcher needs."""

    gesamt: str
    raum_kette: dict[str, tuple[str, ...]]  # raum -> (raum, parent, …, gesamt)
    raum_kette_set: dict[str, frozenset[str]]
    raum_eltern: dict[str, str | None]
    raum_art: dict[str, str]
    gruppe_ober: dict[str, frozenset[str]]  # group -> itself and every group including it
    gruppe_umfasst: dict[str, tuple[str, ...]]
    deutsch: str | None
    namen: dict[str, str]
    weit: str  # "stadtweit", "kreisweit", ...
    # One object for every equal list of ids the facts hold (see :meth:`menge`,
    # :meth:`folge`): thousands of offers share a few hundred lists; each object less
    # is one the garbage collector need not visit while the report lives.
    # (memos, not part of the value; ``teile``: what needs with equal values share)
    mengen: dict[tuple[str, ...], frozenset[str]] = field(
        default_factory=dict, compare=False, repr=False)
    folgen: dict[tuple[str, ...], tuple[str, ...]] = field(
        default_factory=dict, compare=False, repr=False)
    teile: dict[tuple[object, ...], Any] = field(default_factory=dict, compare=False, repr=False)

    def menge(self, values: list[str] | tuple[str, ...]) -> frozenset[str]:
        """The set of ``values``, one object for equal lists."""
        key = tuple(values)
        got = self.mengen.get(key)
        if got is None:
            got = self.mengen[key] = frozenset(key)
        return got

    def folge(self, values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
        """``values`` without repeats, in order, one object for equal lists."""
        key = tuple(values)
        got = self.folgen.get(key)
        if got is None:
            got = self.folgen[key] = key if len(key) < 2 else tuple(dict.fromkeys(key))
        return got

    def kette(self, raum: str) -> tuple[str, ...]:
        """``raum`` and its ancestors up to the whole; unknown ids hang under the whole."""
        got = self.raum_kette.get(raum)
        if got is not None:
            return got
        return (raum, self.gesamt) if raum != self.gesamt else (raum,)

    def kette_set(self, raum: str) -> frozenset[str]:
        got = self.raum_kette_set.get(raum)
        return got if got is not None else frozenset(self.kette(raum))

    def ober(self, gruppe: str) -> frozenset[str]:
        return self.gruppe_ober.get(gruppe, frozenset((gruppe,)))

    def name(self, ident: str) -> str:
        return self.namen.get(ident, ident)


def build_vokabular(konzept: Konzept) -> Vokabular:
    gesamt = konzept.gesamtraum or GESAMT_ERSATZ
    eltern: dict[str, str | None] = {}
    for rid, raum in konzept.sozialraeume.items():
        eltern[rid] = None if rid == gesamt else (raum.teil_von or gesamt)
    kette: dict[str, tuple[str, ...]] = {}
    for rid in eltern:
        chain = [rid]
        cur = eltern.get(rid)
        while cur is not None and cur not in chain:
            chain.append(cur)
            cur = eltern.get(cur, gesamt if cur != gesamt else None)
        if gesamt not in chain:
            chain.append(gesamt)
        kette[rid] = tuple(chain)
    if gesamt not in kette:
        kette[gesamt] = (gesamt,)
    # Zielgruppen: who includes whom, transitively (umfasst may form a DAG).
    umfasst = {gid: tuple(g.umfasst) for gid, g in konzept.zielgruppen.items()}
    direct_parents: dict[str, set[str]] = defaultdict(set)
    for gid, subs in umfasst.items():
        for sub in subs:
            direct_parents[sub].add(gid)
    ober: dict[str, frozenset[str]] = {}
    for gid in set(umfasst) | set(direct_parents):
        seen = {gid}
        stack = [gid]
        while stack:
            for parent in direct_parents.get(stack.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    stack.append(parent)
        ober[gid] = frozenset(seen)
    deutsch = next((s for s in DEUTSCH_IDS if s in konzept.sprachen), None)
    if deutsch is None:
        deutsch = next((sid for sid, s in konzept.sprachen.items()
                        if s.name.strip().lower() == "deutsch"), None)
    namen: dict[str, str] = {}
    for table in (konzept.handlungsfelder, konzept.zielgruppen, konzept.sozialraeume,
                  konzept.sprachen, konzept.merkmale):
        for ident, entry in table.items():
            namen[ident] = entry.name
    typ = konzept.meta.kommune.typ if konzept.meta else "Stadt"
    weit = {"Landkreis": "kreisweit", "Region": "regionsweit",
            "Gemeinde": "gemeindeweit"}.get(typ, "stadtweit")
    if gesamt not in namen:
        namen[gesamt] = weit
    return Vokabular(
        gesamt=gesamt, raum_kette=kette, raum_eltern=eltern,
        raum_kette_set={r: frozenset(c) for r, c in kette.items()},
        raum_art={rid: r.art for rid, r in konzept.sozialraeume.items()},
        gruppe_ober=ober, gruppe_umfasst=umfasst, deutsch=deutsch, namen=namen, weit=weit)


@dataclass(slots=True)
class OfferFacts:
    """What matching needs of an offer, computed once."""

    pos: int
    id: str
    titel: str
    handlungsfelder: tuple[str, ...]
    zielgruppen: frozenset[str]  # empty: for everyone
    raeume: tuple[str, ...]  # never empty: the whole if none given
    sprachen: frozenset[str]
    lernsprache: str | None
    form: str
    merkmale: frozenset[str]
    kapazitaet: int | None
    art: str | None  # the kind of offer (Integrationskurs, Vorbereitungsklasse …)
    laufzeit_grund: str | None  # "ausgelaufen am …" / "beginnt erst am …" at the Stand
    beginn: dt.date
    ende: dt.date
    profil: int = 0  # the hard conditions it meets, as bits (see :func:`bit`)

    @property
    def aktuell(self) -> bool:
        """Not ended before the Stand (it may start later)."""
        return self.laufzeit_grund is None or self.laufzeit_grund.startswith("beginnt")


def grenzen(laufzeit: Zeitraum | None) -> tuple[dt.date, dt.date]:
    """The first and the last day an offer runs (``date.min``/``date.max`` if open)."""
    beginn, ende = dt.date.min, dt.date.max
    if laufzeit is not None:
        if laufzeit.beginn is not None:
            beginn = laufzeit.beginn.first
        if laufzeit.ende is not None:
            ende = laufzeit.ende.last
    return beginn, ende


def offer_facts(pos: int, angebot: Angebot, vok: Vokabular, stand: dt.date | None
                ) -> OfferFacts:
    beginn, ende = grenzen(angebot.laufzeit)
    grund = None
    if stand is not None:
        if ende < stand:
            grund = f"ausgelaufen am {_datum(ende)}"
        elif beginn > stand:
            grund = f"beginnt erst am {_datum(beginn)}"
    menge, folge = vok.menge, vok.folge
    listed = angebot.sozialraeume
    raeume = folge(listed) if listed else folge((vok.gesamt,))
    listed = angebot.sprachen
    sprachen = menge(listed) if listed or vok.deutsch is None else menge((vok.deutsch,))
    merkmale = menge(angebot.merkmale)
    lern, form = angebot.lernsprache, angebot.form
    return OfferFacts(
        pos, angebot.id, angebot.titel, folge(angebot.handlungsfelder),
        menge(angebot.zielgruppen), raeume, sprachen,
        lern, form, merkmale, angebot.kapazitaet,
        angebot.art, grund, beginn, ende, _profil(grund is None, form, lern, merkmale, sprachen))


@dataclass
class OfferIndex:
    """Offers by (Handlungsfeld, Sozialraum, Zielgruppe or None) and by Handlungsfeld."""

    facts: list[OfferFacts]
    by_key: dict[tuple[str, str, str | None], list[int]]
    by_hf_gruppe: dict[tuple[str, str | None], list[int]]
    by_hf_raum: dict[tuple[str, str], list[int]]
    by_hf: dict[str, list[int]]
    profile: list[int]  # OfferFacts.profil by position


# The buckets of an index: by (hf, raum, gruppe), (hf, gruppe), (hf, raum) and hf.
Buckets = tuple[dict[tuple[str, str, str | None], list[int]],
                dict[tuple[str, str | None], list[int]], dict[tuple[str, str], list[int]],
                dict[str, list[int]]]


def buckets_of(facts: list[OfferFacts]) -> Buckets:
    """The offers by Handlungsfeld, Sozialraum and Zielgruppe, by place in ``facts``."""
    by_key: dict[tuple[str, str, str | None], list[int]] = defaultdict(list)
    by_hf_gruppe: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    by_hf_raum: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_hf: dict[str, list[int]] = defaultdict(list)
    for pos, f in enumerate(facts):
        gruppen: tuple[str | None, ...] = tuple(f.zielgruppen) or (None,)
        raeume = f.raeume
        for hf in f.handlungsfelder:
            by_hf[hf].append(pos)
            for raum in raeume:
                by_hf_raum[(hf, raum)].append(pos)
            for gruppe in gruppen:
                by_hf_gruppe[(hf, gruppe)].append(pos)
                for raum in raeume:
                    by_key[(hf, raum, gruppe)].append(pos)
    return dict(by_key), dict(by_hf_gruppe), dict(by_hf_raum), dict(by_hf)


def build_index(konzept: Konzept, vok: Vokabular,
                mehr: list[tuple[list[OfferFacts], Buckets]] | None = None) -> OfferIndex:
    """The index of the concept's offers, and of the blocks ``mehr`` after them (facts
    and their buckets made elsewhere, e.g. once for several concepts)."""
    stand = konzept.stand
    facts = [offer_facts(i, a, vok, stand) for i, a in enumerate(konzept.angebote.values())]
    buckets = buckets_of(facts)
    for block, theirs in mehr or ():
        offset = len(facts)
        facts += block
        _merge(buckets[0], theirs[0], offset)
        _merge(buckets[1], theirs[1], offset)
        _merge(buckets[2], theirs[2], offset)
        _merge(buckets[3], theirs[3], offset)
    return OfferIndex(facts, *buckets, [f.profil for f in facts])


def _merge(mine: dict[_K, list[int]], theirs: dict[_K, list[int]], offset: int) -> None:
    """Add the buckets of a block that starts at ``offset`` after the offers in ``mine``."""
    for key, positions in theirs.items():
        shifted = list(map(offset.__add__, positions))
        got = mine.get(key)
        if got is None:
            mine[key] = shifted
        else:
            got.extend(shifted)
