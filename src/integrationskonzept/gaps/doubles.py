"""The mirror view: possible Doppelstrukturen.

Two or more current offers (not ended before the Stand) are a possible
Doppelstruktur when they share a Handlungsfeld, a listed Sozialraum, a listed
Zielgruppe (or are both for everyone) and the taught language (Lernsprache), and
their Laufzeiten overlap. Offers of different stated kinds (``art:`` Integrationskurs,
Vorbereitungsklasse …) are no Doppelstruktur; an offer without a kind is compared with
all. Offers that overlap only in a chain (A with B, B with C) form one group.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from operator import itemgetter

from .folgen import Folge
from .index import OfferColumns
from .report import ALLE_ZIELGRUPPEN, Doppelstruktur


def find_doubles(offers: OfferColumns) -> Folge[Doppelstruktur]:
    """The possible Doppelstrukturen among the offers (by position, column by column)."""
    groups: dict[tuple[str, str, str, str | None], list[int]] = defaultdict(list)
    sortiert: dict[frozenset[str], list[str]] = {}
    for pos, (aktuell, hfs, raeume, zg, lern) in enumerate(zip(
            offers.aktuell, offers.handlungsfelder, offers.raeume, offers.zielgruppen,
            offers.lernsprache, strict=True)):
        if not aktuell:
            continue
        gruppen = sortiert.get(zg)
        if gruppen is None:
            gruppen = sortiert[zg] = sorted(zg) or [ALLE_ZIELGRUPPEN]
        for hf in hfs:
            for raum in raeume:
                for gruppe in gruppen:
                    groups[(hf, raum, gruppe, lern)].append(pos)
    # (hf, offers) -> (zielgruppen, sozialraeume), so one pair shows up once.
    merged: dict[tuple[str, tuple[int, ...]], tuple[dict[str, None], dict[str, None]]] = {}
    art, beginn, ende = offers.art, offers.beginn, offers.ende
    for (hf, raum, gruppe, _lern), members in groups.items():
        if len(members) < 2:
            continue
        for cluster in (c for group in _same_kind(members, art)
                        for c in _overlapping(group, beginn, ende)):
            key = (hf, tuple(sorted(cluster)))
            seen_groups, seen_places = merged.setdefault(key, ({}, {}))
            seen_groups[gruppe] = None
            seen_places[raum] = None
    ids = offers.ids
    found = sorted(merged, key=itemgetter(1))
    # kept as columns, not as the pairs of tuples of ``merged``: fewer objects for the
    # garbage collector to visit while the report lives (the dicts of texts it skips)
    felder = [hf for hf, _positions in found]
    positionen = [positions for _hf, positions in found]
    zielgruppen = [merged[key][0] for key in found]
    orte = [merged[key][1] for key in found]

    def doppelstruktur(i: int) -> Doppelstruktur:
        return Doppelstruktur(felder[i], tuple([ids[p] for p in positionen[i]]),
                              tuple(zielgruppen[i]), tuple(orte[i]))

    return Folge(doppelstruktur, len(found))  # made when read: views show the first few


def _same_kind(members: list[int], art: list[str | None]) -> list[list[int]]:
    """Groups of offers that may do the same: one per stated kind, unkinded ones in each."""
    kinds = sorted({art[p] for p in members if art[p]})  # type: ignore[type-var]
    if len(kinds) < 2:
        return [members]
    unkinded = [p for p in members if not art[p]]
    out = []
    for kind in kinds:
        group = [p for p in members if art[p] == kind] + unkinded
        if len(group) >= 2:
            out.append(sorted(group))
    return out


def _overlapping(members: list[int], beginn: list[dt.date], ende: list[dt.date]
                 ) -> list[list[int]]:
    """Groups of two or more offers whose Laufzeiten overlap (sweep by start)."""
    # members come by position: a stable sort by start keeps that order among equals
    ordered = sorted(members, key=beginn.__getitem__)
    clusters: list[list[int]] = []
    current = [ordered[0]]
    end = ende[ordered[0]]
    for p in ordered[1:]:
        if beginn[p] <= end:
            current.append(p)
            end = max(end, ende[p])
        else:
            if len(current) >= 2:
                clusters.append(current)
            current, end = [p], ende[p]
    if len(current) >= 2:
        clusters.append(current)
    return clusters
