"""Which needs the offers surely cover, without the facts the report needs (IK601).

IK601 asks only of the needs nobody works on whether the offers cover them; nearly all
are covered. :class:`QuickCover` answers that for a need with one Zielgruppe (or none),
one Sozialraum (or none) and one Sprache (or none) – the shape of almost every need –
from an index that holds no more than the hard-condition bits (:func:`~.index.bit`),
the places and the capacity of each offer. Its answer is the verdict of
:func:`~.analysis._judge` („gedeckt“ or not); any other need, and every need it does
not find covered, goes the full way, so what IK601 reports is made exactly as before.

Covered (as in ``_judge`` for a simple need): some offer of the need's field in an index
bucket of its place or a place above it, for its group, a group including it or for
everyone, meets every hard condition (profile bits), and either the need states no
``umfang``, or one such offer has unknown capacity, or their places add up to the
``umfang`` (each offer counted once).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from operator import attrgetter
from typing import Any

from ..model.concept import Konzept
from ..model.items import Bedarf, Zeitraum
from .index import LAUFZEIT_OK, Vokabular, bit, grenzen, profiles
from .match import pflicht_bits

_OFFER = attrgetter("handlungsfelder", "zielgruppen", "sozialraeume", "sprachen",
                    "lernsprache", "form", "merkmale", "laufzeit", "kapazitaet")
_NEED = attrgetter("handlungsfeld", "zielgruppen", "sozialraeume", "sprachen",
                   "lernsprache", "form", "merkmale", "umfang")
_NONE: tuple[None] = (None,)


def _laeuft(laufzeit: Zeitraum, stand: dt.date) -> bool:
    """The offer runs at the Stand (as offer_facts judges it)."""
    beginn, ende = grenzen(laufzeit)
    return beginn <= stand <= ende


class QuickCover:
    """The offers of a concept by (field, place, group) and by (field, place), with the
    bits of their hard conditions and their places (``kapazitaet``)."""

    def __init__(self, konzept: Konzept, vok: Vokabular) -> None:
        self.vok = vok
        stand = konzept.stand
        gesamt = (vok.gesamt,)
        deutsch = (vok.deutsch,) if vok.deutsch is not None else ()
        by_key: defaultdict[tuple[str, str, str | None], list[int]] = defaultdict(list)
        angebote = list(konzept.angebote.values())
        angebote_cols: list[tuple[Any, ...]] = (
            list(zip(*map(_OFFER, angebote), strict=True)) if angebote else [()] * 9)
        hfs_c, gruppen_c, raeume_c, sprachen_c, lern_c, form_c, merkmale_c, laufzeit_c, \
            plaetze = angebote_cols
        ok_c = [LAUFZEIT_OK if stand is None or laufzeit is None or _laeuft(laufzeit, stand)
                else 0 for laufzeit in laufzeit_c]
        self.profile: list[int] = profiles(
            form_c, lern_c, list(map(tuple, merkmale_c)),
            [key or deutsch for key in map(tuple, sprachen_c)], ok_c)
        for pos, (hfs, raeume, gruppen) in enumerate(zip(hfs_c, raeume_c, gruppen_c, strict=True)):
            for hf in hfs:
                for raum in raeume or gesamt:
                    for gruppe in gruppen or _NONE:
                        by_key[(hf, raum, gruppe)].append(pos)
        self.by_key = dict(by_key)
        self.plaetze: tuple[int | None, ...] = plaetze
        self._by_hf_raum: dict[tuple[str, str], list[list[int]]] | None = None
        self._pflicht: dict[tuple[object, ...], int] = {}
        self._sprache: dict[str, int] = {}
        self._buckets: dict[tuple[object, ...], list[list[int]]] = {}

    def covered(self, bedarf: Bedarf) -> bool:
        """True if the offers cover the need (``_judge`` says gedeckt); False if they do
        not, or if the need is not of the simple shape this index answers for."""
        hf, gruppen, raeume, sprachen, lern, form, merkmale, umfang = _NEED(bedarf)
        if hf is None or len(gruppen) > 1 or len(raeume) > 1 or len(sprachen) > 1:
            return False
        pkey = (form, lern, *merkmale)
        pflicht = self._pflicht.get(pkey)
        if pflicht is None:
            pflicht = self._pflicht[pkey] = pflicht_bits(form, lern, merkmale)
        sprachbits = 0
        if sprachen:
            sprachbits = self._sprache.get(sprachen[0], 0)
            if not sprachbits:
                sprachbits = self._sprache[sprachen[0]] = bit("s", sprachen[0])
        raum = raeume[0] if raeume else self.vok.gesamt
        gruppe = gruppen[0] if gruppen else None
        bkey = (hf, raum, gruppe)
        buckets = self._buckets.get(bkey)
        if buckets is None:
            buckets = self._buckets[bkey] = self._find(hf, raum, gruppe)
        profile, plaetze = self.profile, self.plaetze
        summe = 0
        seen: set[int] = set()
        for bucket in buckets:
            for pos in bucket:
                p = profile[pos]
                if p & pflicht != pflicht or (sprachbits and not p & sprachbits):
                    continue
                if umfang is None:
                    return True
                if pos in seen:
                    continue
                seen.add(pos)
                cap = plaetze[pos]
                if cap is None:
                    return True
                summe += cap
                if summe >= umfang:
                    return True
        return False

    def _find(self, hf: str, raum: str, gruppe: str | None) -> list[list[int]]:
        """The buckets of offers that reach the place and group (in any order)."""
        kette = self.vok.kette(raum)
        if gruppe is None:  # every group's bucket of the field and place
            by_hf_raum = self._by_hf_raum
            if by_hf_raum is None:
                by_hf_raum = self._by_hf_raum = defaultdict(list)
                for (hf_, raum_, _), bucket in self.by_key.items():
                    by_hf_raum[(hf_, raum_)].append(bucket)
            return [b for r in kette for b in by_hf_raum.get((hf, r), ())]
        by_key = self.by_key
        gruppen = (*self.vok.ober(gruppe), None)
        return [b for b in (by_key.get((hf, r, g)) for r in kette for g in gruppen) if b]
