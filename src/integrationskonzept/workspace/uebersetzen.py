"""Offers of one concept of a Landkreis workspace in the vocabulary of another.

A Gemeinde's gap analysis counts offers of the Kreis and of other Gemeinden; they are
translated into its vocabulary (via ``entspricht`` or equal ids) and keep a prefixed id
(„kreis:a-1“, „peine:a-sb-2“). Offers only probed (elsewhere in the Kreis, for the
nearest offer of a gap) are not copied as models: the matcher gets their facts, made
once per member where the vocabularies agree.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any, cast

from ..gaps.index import Buckets, OfferFacts, Vokabular, buckets_of, offer_facts
from ..model.concept import Konzept
from ..model.items import Angebot
from .loader import KREIS
from .vocab import kanon, lokal

# An offer out of reach of a Gemeinde (elsewhere in the Kreis), not yet translated:
# (offer, its concept, prefix, the member it is in or None for an offer of the Kreis).
Fremd = tuple[Angebot, Konzept, str, str | None]


class Uebersetzer:
    """Offers of other concepts in the vocabulary of ``nach``, with prefixed ids.

    The translated ids are kept per (concept, table, id): a Landkreis has tens of
    thousands of offers but only a few dozen distinct vocabulary ids.
    """

    def __init__(self, nach: Konzept, kreis_ist_ziel: bool) -> None:
        self.nach = nach
        self.kreis_ist_ziel = kreis_ist_ziel
        self.memo: dict[tuple[int, str, str], str] = {}
        # per (concept, table): the ids that translate to themselves
        self.same: dict[tuple[int, str], set[str]] = {}

    def one(self, von: Konzept, prefix: str, attr: str, ident: str) -> str:
        key = (id(von), attr, ident)
        done = self.memo.get(key)
        if done is not None:
            return done
        canon = kanon(von, attr, ident)
        if self.kreis_ist_ziel:
            done = canon if canon in getattr(self.nach, attr) else f"{prefix}:{ident}"
        else:
            done = lokal(self.nach, attr, canon) or f"{KREIS}:{canon}"
        self.memo[key] = done
        return done

    def many(self, von: Konzept, prefix: str, attr: str, idents: list[str]) -> list[str]:
        if not idents:
            return []
        same = self.same.get((id(von), attr))
        if same is None:
            same = self.same[(id(von), attr)] = set()
        if same.issuperset(idents):
            return list(idents)
        out = [self.one(von, prefix, attr, i) for i in idents]
        same.update(i for i, t in zip(idents, out, strict=True) if i == t)
        return out

    def angebot(self, angebot: Angebot, von: Konzept, prefix: str,
                raeume: list[str]) -> Angebot:
        """``angebot`` of concept ``von`` in the vocabulary of ``nach``."""
        many = self.many
        return angebot.model_copy(update={
            "id": f"{prefix}:{angebot.id}",
            "handlungsfelder": many(von, prefix, "handlungsfelder", angebot.handlungsfelder),
            "zielgruppen": many(von, prefix, "zielgruppen", angebot.zielgruppen),
            "sprachen": many(von, prefix, "sprachen", angebot.sprachen),
            "lernsprache": self.one(von, prefix, "sprachen", angebot.lernsprache)
            if angebot.lernsprache else None,
            "merkmale": many(von, prefix, "merkmale", angebot.merkmale),
            "sozialraeume": raeume,
        })

    def gleich(self, von: Konzept, prefix: str, angebote: list[Angebot]) -> bool:
        """Whether every vocabulary id the offers use translates to itself."""
        used = benutzt(von, angebote)
        return all(self.one(von, prefix, attr, i) == i for attr, ids in used for i in ids)

    def fakten(self, angebot: Angebot, von: Konzept, prefix: str) -> Angebot:
        """What the matcher reads of :meth:`angebot` (held everywhere: no Sozialraum),
        without copying the model: for the many offers only probed, never reported."""
        many = self.many
        return cast(Angebot, Fakten(
            f"{prefix}:{angebot.id}", angebot.titel,
            many(von, prefix, "handlungsfelder", angebot.handlungsfelder),
            many(von, prefix, "zielgruppen", angebot.zielgruppen),
            many(von, prefix, "sprachen", angebot.sprachen),
            self.one(von, prefix, "sprachen", angebot.lernsprache)
            if angebot.lernsprache else None,
            angebot.form, many(von, prefix, "merkmale", angebot.merkmale),
            angebot.kapazitaet, angebot.art, angebot.laufzeit))


def benutzt(von: Konzept, angebote: list[Angebot]) -> tuple[tuple[str, set[str]], ...]:
    """The vocabulary ids the offers use, per table (kept on the concept)."""
    memo: dict[int, Any] = von.cache.setdefault("wsbenutzt", {})
    key = len(angebote)
    got = memo.get(key)
    if got is None or got[0] is not angebote[0]:
        felder: set[str] = set()
        gruppen: set[str] = set()
        sprachen: set[str] = set()
        merkmale: set[str] = set()
        for a in angebote:
            felder.update(a.handlungsfelder)
            gruppen.update(a.zielgruppen)
            sprachen.update(a.sprachen)
            if a.lernsprache:
                sprachen.add(a.lernsprache)
            merkmale.update(a.merkmale)
        got = memo[key] = (angebote[0], (("handlungsfelder", felder), ("zielgruppen", gruppen),
                                         ("sprachen", sprachen), ("merkmale", merkmale)))
    return got[1]


class Fakten:
    """The fields of an offer the matcher reads (see :func:`~..gaps.index.offer_facts`)."""

    __slots__ = ("id", "titel", "handlungsfelder", "zielgruppen", "sprachen", "lernsprache",
                 "form", "merkmale", "kapazitaet", "art", "laufzeit", "sozialraeume")

    def __init__(self, id: str, titel: str, handlungsfelder: list[str],  # noqa: A002
                 zielgruppen: list[str], sprachen: list[str], lernsprache: str | None,
                 form: str, merkmale: list[str], kapazitaet: int | None, art: str | None,
                 laufzeit: Any) -> None:
        self.id = id
        self.titel = titel
        self.handlungsfelder = handlungsfelder
        self.zielgruppen = zielgruppen
        self.sprachen = sprachen
        self.lernsprache = lernsprache
        self.form = form
        self.merkmale = merkmale
        self.kapazitaet = kapazitaet
        self.art = art
        self.laufzeit = laufzeit
        self.sozialraeume: list[str] = []


# Facts of a member's offers as probed from other members, shared between the members
# whose vocabulary takes them over unchanged: by the concept, prefix, first and last
# offer, number of offers, and the whole, German and Stand of the Gemeinde.
Geteilt = dict[tuple[int, str, int, int, int, str, str | None, Any],
               tuple[list[OfferFacts], Buckets]]


def fremde_fakten(fremde: list[Fremd], uebersetzer: Uebersetzer, vok: Vokabular,
                  nach: Konzept, geteilt: Geteilt) -> list[tuple[list[OfferFacts], Buckets]]:
    """The facts of the offers elsewhere, in order, as the matcher of ``nach`` sees them,
    in blocks with their index buckets.

    The offers of one member come as one block. When every id they use means the same
    in ``nach`` (the usual case: shared vocabularies), the block is the same for every
    Gemeinde with the same whole, German and Stand, and is made once.
    """
    stand = nach.stand
    out: list[tuple[list[OfferFacts], Buckets]] = []
    for (_von, prefix), group in groupby(fremde, key=lambda f: (id(f[1]), f[2])):
        members = list(group)
        von, home = members[0][1], members[0][3]
        block = [f[0] for f in members]
        key = (id(von), prefix, id(block[0]), id(block[-1]), len(block), vok.gesamt,
               vok.deutsch, stand)
        shared = home is not None and uebersetzer.gleich(von, prefix, block)
        got = geteilt.get(key) if shared else None
        if got is None:
            facts = [offer_facts(i, uebersetzer.fakten(a, von, prefix), vok, stand)
                     for i, a in enumerate(block)]
            got = (facts, buckets_of(facts))
            if shared:
                geteilt[key] = got
        out.append(got)
    return out
