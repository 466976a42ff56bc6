"""Indexes for the gap analysis, so that matching never pairs all needs with all offers.

Offers are looked up by (Handlungsfeld, Sozialraum, Zielgruppe): a need in Ortsteil X
for group G only meets offers listed for X or one of its ancestors (up to the whole)
and for G, a group that includes G, or for everyone (the vocabulary trees flattened
by :mod:`.vokabular`). What matching reads of the offers is taken once, as columns by
position (:class:`OfferColumns`), with the hard conditions as bits (:func:`bit`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter, or_
from typing import TypeVar

from ..model.concept import Konzept
from ..model.items import Angebot, Zeitraum
from ..text.german import datum_lang
from .vokabular import GESAMT_ERSATZ as GESAMT_ERSATZ
from .vokabular import Vokabular as Vokabular
from .vokabular import build_vokabular as build_vokabular

_K = TypeVar("_K")
_V = TypeVar("_V")


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


def grenzen(laufzeit: Zeitraum | None) -> tuple[dt.date, dt.date]:
    """The first and the last day an offer runs (``date.min``/``date.max`` if open)."""
    beginn, ende = dt.date.min, dt.date.max
    if laufzeit is not None:
        if laufzeit.beginn is not None:
            beginn = laufzeit.beginn.first
        if laufzeit.ende is not None:
            ende = laufzeit.ende.last
    return beginn, ende


def laufzeit_grund(beginn: dt.date, ende: dt.date, stand: dt.date | None) -> str | None:
    """Why an offer does not run at the Stand („ausgelaufen am …“, „beginnt erst am …“)."""
    if stand is not None:
        if ende < stand:
            return f"ausgelaufen am {_datum(ende)}"
        if beginn > stand:
            return f"beginnt erst am {_datum(beginn)}"
    return None


def offer_facts(pos: int, angebot: Angebot, vok: Vokabular, stand: dt.date | None
                ) -> OfferFacts:
    beginn, ende = grenzen(angebot.laufzeit)
    grund = laufzeit_grund(beginn, ende, stand)
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


_OFFER = attrgetter("id", "titel", "handlungsfelder", "zielgruppen", "sozialraeume",
                    "sprachen", "lernsprache", "form", "merkmale", "laufzeit", "kapazitaet",
                    "art")
_ZEITLOS = (dt.date.min, dt.date.max)


def profiles(form: Sequence[str], lern: Sequence[str | None], merkmale: list[tuple[str, ...]],
             sprachen: list[tuple[str, ...]], ok: Iterable[int]) -> list[int]:
    """The bits of many offers (as :func:`_profil` makes them), column by column: each
    distinct value once, then C-level look-ups. ``sprachen`` as the matcher reads them
    (German where none are listed), ``ok`` :data:`LAUFZEIT_OK` or 0 per offer."""
    teil = {key: _profil(False, key[0], key[1], frozenset(), frozenset())
            for key in set(zip(form, lern, strict=True))}
    m_bits = {key: bits("m", key) for key in set(merkmale)}
    s_bits = {key: bits("s", key) for key in set(sprachen)}
    return list(map(or_, map(or_, map(teil.__getitem__, zip(form, lern, strict=True)),
                             map(m_bits.__getitem__, merkmale)),
                    map(or_, map(s_bits.__getitem__, sprachen), ok)))


def shared(values: Iterable[list[str]], make: Callable[[tuple[str, ...]], _V]) -> list[_V]:
    """``make(tuple(v))`` of each value, made once for equal values."""
    keys = list(map(tuple, values))
    made = {key: make(key) for key in set(keys)}
    return list(map(made.__getitem__, keys))


@dataclass(slots=True)
class OfferColumns:
    """What matching reads of the concept's own offers, one list per fact, by position:
    the same values as the :class:`OfferFacts` of each (made only for the few offers a
    gap's reasons compare, :class:`Facts`)."""

    ids: list[str]
    titel: list[str]
    handlungsfelder: list[tuple[str, ...]]
    zielgruppen: list[frozenset[str]]
    raeume: list[tuple[str, ...]]
    lernsprache: list[str | None]
    kapazitaet: list[int | None]
    art: list[str | None]
    beginn: list[dt.date]
    ende: list[dt.date]
    aktuell: list[bool]  # not ended before the Stand (it may start later)
    profile: list[int]
    # the rest of the facts, as read (for :meth:`facts`)
    sprachen: list[tuple[str, ...]]  # German where none are listed
    form: list[str]
    merkmale: list[tuple[str, ...]]

    def facts(self, pos: int, vok: Vokabular, stand: dt.date | None) -> OfferFacts:
        """The :class:`OfferFacts` of the offer at ``pos`` (as :func:`offer_facts`)."""
        beginn, ende = self.beginn[pos], self.ende[pos]
        return OfferFacts(
            pos, self.ids[pos], self.titel[pos], self.handlungsfelder[pos],
            self.zielgruppen[pos], self.raeume[pos], vok.menge(self.sprachen[pos]),
            self.lernsprache[pos], self.form[pos], vok.menge(self.merkmale[pos]),
            self.kapazitaet[pos], self.art[pos], laufzeit_grund(beginn, ende, stand),
            beginn, ende, self.profile[pos])


def _itself(key: tuple[str, ...]) -> tuple[str, ...]:
    return key


def offer_columns(angebote: list[Angebot], vok: Vokabular, stand: dt.date | None
                  ) -> OfferColumns:
    if not angebote:
        return OfferColumns([], [], [], [], [], [], [], [], [], [], [], [], [], [], [])
    ids, titel, hfs, gruppen, raeume, sprachen, lern, form, merkmale, laufzeit, kap, art = (
        map(list, zip(*map(_OFFER, angebote), strict=True)))
    gesamt = vok.folge((vok.gesamt,))
    deutsch = (vok.deutsch,) if vok.deutsch is not None else ()
    # one tuple for equal lists: the columns live as long as the report, and every
    # object less is one the garbage collector need not visit
    m_keys = shared(merkmale, _itself)
    s_keys = [key or deutsch for key in shared(sprachen, _itself)]
    grenzen_c = [_ZEITLOS if z is None else grenzen(z) for z in laufzeit]
    beginn = [g[0] for g in grenzen_c]
    ende = [g[1] for g in grenzen_c]
    if stand is None:
        ok = [LAUFZEIT_OK] * len(angebote)
        aktuell = [True] * len(angebote)
    else:
        ok = [LAUFZEIT_OK if b <= stand <= e else 0 for b, e in grenzen_c]
        aktuell = [e >= stand for e in ende]
    return OfferColumns(
        ids, titel, shared(hfs, vok.folge), shared(gruppen, vok.menge),
        [r or gesamt for r in shared(raeume, vok.folge)], lern, kap, art, beginn, ende,
        aktuell, profiles(form, lern, m_keys, s_keys, ok), s_keys, form, m_keys)


class Facts:
    """The :class:`OfferFacts` of an index by position, each made when first read (a
    gap's reasons compare a few dozen offers; judging reads the columns) from the
    columns taken when the index was made (not the offers, which may change since),
    then the facts of further blocks (made elsewhere)."""

    __slots__ = ("_own", "_vok", "_stand", "_made")

    def __init__(self, own: OfferColumns, vok: Vokabular, stand: dt.date | None) -> None:
        self._own, self._vok, self._stand = own, vok, stand
        self._made: list[OfferFacts | None] = [None] * len(own.ids)

    def __len__(self) -> int:
        return len(self._made)

    def __getitem__(self, pos: int) -> OfferFacts:
        got = self._made[pos]
        if got is None:
            got = self._made[pos] = self._own.facts(pos, self._vok, self._stand)
        return got

    def __iter__(self) -> Iterator[OfferFacts]:
        return map(self.__getitem__, range(len(self._made)))

    def extend(self, block: list[OfferFacts]) -> None:
        self._made.extend(block)


@dataclass
class OfferIndex:
    """Offers by (Handlungsfeld, Sozialraum, Zielgruppe or None) and by Handlungsfeld,
    with the facts judging reads of each by position (``profile``: OfferFacts.profil)."""

    facts: Facts
    by_key: dict[tuple[str, str, str | None], list[int]]
    by_hf_gruppe: dict[tuple[str, str | None], list[int]]
    by_hf_raum: dict[tuple[str, str], list[int]]
    by_hf: dict[str, list[int]]
    profile: list[int]
    ids: list[str]
    titel: list[str]
    kapazitaet: list[int | None]
    own: OfferColumns  # the concept's own offers (the first ``len(own.ids)``)


# The buckets of an index: by (hf, raum, gruppe), (hf, gruppe), (hf, raum) and hf.
Buckets = tuple[dict[tuple[str, str, str | None], list[int]],
                dict[tuple[str, str | None], list[int]], dict[tuple[str, str], list[int]],
                dict[str, list[int]]]


def buckets_of(facts: list[OfferFacts]) -> Buckets:
    """The offers by Handlungsfeld, Sozialraum and Zielgruppe, by place in ``facts``."""
    return _buckets([f.handlungsfelder for f in facts], [f.zielgruppen for f in facts],
                    [f.raeume for f in facts])


_NIEMAND: tuple[None] = (None,)  # an offer for everyone: its group key


def _buckets(hfs: list[tuple[str, ...]], zielgruppen: list[frozenset[str]],
             raeume: list[tuple[str, ...]]) -> Buckets:
    by_key: dict[tuple[str, str, str | None], list[int]] = defaultdict(list)
    by_hf_gruppe: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    by_hf_raum: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_hf: dict[str, list[int]] = defaultdict(list)
    for pos, (felder, zg, orte) in enumerate(zip(hfs, zielgruppen, raeume, strict=True)):
        gruppen: tuple[str | None, ...] = tuple(zg) or _NIEMAND
        for hf in felder:
            by_hf[hf].append(pos)
            for raum in orte:
                by_hf_raum[(hf, raum)].append(pos)
            for gruppe in gruppen:
                by_hf_gruppe[(hf, gruppe)].append(pos)
                for raum in orte:
                    by_key[(hf, raum, gruppe)].append(pos)
    return dict(by_key), dict(by_hf_gruppe), dict(by_hf_raum), dict(by_hf)


def build_index(konzept: Konzept, vok: Vokabular,
                mehr: list[tuple[list[OfferFacts], Buckets]] | None = None) -> OfferIndex:
    """The index of the concept's offers, and of the blocks ``mehr`` after them (facts
    and their buckets made elsewhere, e.g. once for several concepts)."""
    stand = konzept.stand
    angebote = list(konzept.angebote.values())
    own = offer_columns(angebote, vok, stand)
    buckets = _buckets(own.handlungsfelder, own.zielgruppen, own.raeume)
    facts = Facts(own, vok, stand)
    profile, ids, titel, kap = own.profile, own.ids, own.titel, own.kapazitaet
    if mehr:
        profile, ids, titel, kap = profile[:], ids[:], titel[:], kap[:]
    for block, theirs in mehr or ():
        offset = len(facts)
        facts.extend(block)
        profile += [f.profil for f in block]
        ids += [f.id for f in block]
        titel += [f.titel for f in block]
        kap += [f.kapazitaet for f in block]
        _merge(buckets[0], theirs[0], offset)
        _merge(buckets[1], theirs[1], offset)
        _merge(buckets[2], theirs[2], offset)
        _merge(buckets[3], theirs[3], offset)
    return OfferIndex(facts, *buckets, profile, ids, titel, kap, own)


def _merge(mine: dict[_K, list[int]], theirs: dict[_K, list[int]], offset: int) -> None:
    """Add the buckets of a block that starts at ``offset`` after the offers in ``mine``."""
    for key, positions in theirs.items():
        shifted = list(map(offset.__add__, positions))
        got = mine.get(key)
        if got is None:
            mine[key] = shifted
        else:
            got.extend(shifted)
