"""A gap's nearest offers and its reasons in words (worked out when first read).

The offers in reach that do not fit the need are ranked by how many of its conditions
they meet (:func:`~.match.scorer`, counts only), with a bounded sample of the rest of
the field; the closest ones are compared in words (:func:`~.match.evaluate`) and speak
for an uncovered need (:func:`~.reasons.why_not`); a partly covered need names what no
covering offer reaches (:func:`~.reasons.why_partly`).
"""

from __future__ import annotations

from functools import lru_cache
from heapq import nsmallest

from ..text.german import zahl as _zahl
from .index import OfferIndex, Vokabular
from .match import NeedFacts, evaluate, scorer
from .reasons import why_not, why_partly
from .report import Grund, Kandidat

zahl = lru_cache(maxsize=4096)(_zahl)

NAECHSTE = 3  # closest offers shown per gap
NAH = 30  # offers in reach (nearest first) ranked for the closest ones, per need
WEITERE = 15  # offers elsewhere ranked for the closest ones, per need


def elsewhere(need: NeedFacts, index: OfferIndex, vok: Vokabular, seen: set[int]
              ) -> list[int]:
    """A bounded number of other offers of the field, for the closest ones."""
    assert need.hf is not None
    out: list[int] = []
    pools: list[list[int]] = []
    if need.gruppen:
        keys: set[str | None] = {None}
        for g in need.gruppen:
            keys.update(vok.ober(g))
        pools.extend(index.by_hf_gruppe.get((need.hf, k), []) for k in sorted(
            keys, key=lambda k: (k is not None, k or "")))
    pools.append(index.by_hf.get(need.hf, []))
    for pool in pools:
        for pos in pool:
            if pos not in seen:
                seen.add(pos)
                out.append(pos)
                if len(out) >= WEITERE:
                    return out
    return out


def explain_gap(need: NeedFacts, index: OfferIndex, vok: Vokabular, stand_known: bool,
             others: list[int], seen: set[int], ids: tuple[str, ...],
             cells: set[tuple[object, ...]], short_of: int | None
             ) -> tuple[tuple[Grund, ...], tuple[Kandidat, ...]]:
    """The reasons and nearest offers of a gap: rank the other offers (counts only), then
    explain the closest in words. ``others`` are the offers in reach that do not fit,
    nearest first; ``short_of`` the places of the covering offers ``ids`` when they
    fall short of the need's ``umfang``."""
    facts = index.facts
    # the nearest ones, then a sample of the rest of the field (``others`` and ``seen``
    # stay as they are: the same call gives the same answer)
    kandidaten = others[:NAH] + elsewhere(need, index, vok, set(seen))
    key_of = scorer(need, stand_known)
    ranked = nsmallest(NAECHSTE, [facts[p] for p in kandidaten], key=key_of)
    best = [evaluate(need, f, vok, stand_known) for f in ranked]
    naechste = tuple(
        Kandidat(f.offer.id, f.offer.titel, f.passend, f.geprueft,
                 tuple(dict.fromkeys(e.bei_angebot for e in f.fehler)))
        for f in best)
    if not ids:
        return why_not(need, best, vok), naechste
    gruende = why_partly(need, ids, cells, vok)
    if short_of is not None:
        assert need.umfang is not None
        gruende.append(Grund("kapazitaet", f"{zahl(short_of)} von {zahl(need.umfang)} "
                             "Plätzen", ids))
    return tuple(gruende), naechste
