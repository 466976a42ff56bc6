"""The mirror view: possible Doppelstrukturen.

Two or more current offers (not ended before the Stand) are a possible
Doppelstruktur when they share a Handlungsfeld, a listed Sozialraum, a listed
Zielgruppe (or are both for everyone) and the taught language (Lernsprache), and
their Laufzeiten overlap. Offers of different stated kinds (``art:`` Integrationskurs,
Vorbereitungsklasse …) are no Doppelstruktur; an offer without a kind is compared with
all. Offers that overlap only in a chain (A with B, B with C) form one group.
"""

from __future__ import annotations

from collections import defaultdict
from operator import attrgetter

from .index import OfferFacts
from .report import ALLE_ZIELGRUPPEN, Doppelstruktur


def find_doubles(facts: list[OfferFacts]) -> tuple[Doppelstruktur, ...]:
    groups: dict[tuple[str, str, str, str | None], list[OfferFacts]] = defaultdict(list)
    for f in facts:
        grund = f.laufzeit_grund
        if grund is not None and not grund.startswith("beginnt"):  # not f.aktuell
            continue
        zg = f.zielgruppen
        gruppen = (sorted(zg) if len(zg) > 1 else list(zg)) or [ALLE_ZIELGRUPPEN]
        lern = f.lernsprache
        for hf in f.handlungsfelder:
            for raum in f.raeume:
                for gruppe in gruppen:
                    groups[(hf, raum, gruppe, lern)].append(f)
    # (hf, offers) -> (zielgruppen, sozialraeume), so one pair shows up once.
    merged: dict[tuple[str, tuple[int, ...]], tuple[dict[str, None], dict[str, None]]] = {}
    for (hf, raum, gruppe, _lern), members in groups.items():
        if len(members) < 2:
            continue
        for cluster in (c for group in _same_kind(members) for c in _overlapping(group)):
            key = (hf, tuple(sorted(map(_POS, cluster))))
            seen_groups, seen_places = merged.setdefault(key, ({}, {}))
            seen_groups[gruppe] = None
            seen_places[raum] = None
    by_pos = {f.pos: f for f in facts}
    out = []
    for (hf, positions), (seen_groups, seen_places) in sorted(merged.items(),
                                                               key=lambda kv: kv[0][1]):
        out.append(Doppelstruktur(hf, tuple(by_pos[p].id for p in positions),
                                  tuple(seen_groups), tuple(seen_places)))
    return tuple(out)


_POS = attrgetter("pos")
_BEGINN = attrgetter("beginn")


def _same_kind(members: list[OfferFacts]) -> list[list[OfferFacts]]:
    """Groups of offers that may do the same: one per stated kind, unkinded ones in each."""
    kinds = sorted({f.art for f in members if f.art})
    if len(kinds) < 2:
        return [members]
    unkinded = [f for f in members if not f.art]
    out = []
    for kind in kinds:
        group = [f for f in members if f.art == kind] + unkinded
        if len(group) >= 2:
            out.append(sorted(group, key=_POS))
    return out


def _overlapping(members: list[OfferFacts]) -> list[list[OfferFacts]]:
    """Groups of two or more offers whose Laufzeiten overlap (sweep by start)."""
    # members come by position: a stable sort by start keeps that order among equals
    ordered = sorted(members, key=_BEGINN)
    clusters: list[list[OfferFacts]] = []
    current = [ordered[0]]
    end = ordered[0].ende
    for f in ordered[1:]:
        if f.beginn <= end:
            current.append(f)
            end = max(end, f.ende)
        else:
            if len(current) >= 2:
                clusters.append(current)
            current, end = [f], f.ende
    if len(current) >= 2:
        clusters.append(current)
    return clusters
