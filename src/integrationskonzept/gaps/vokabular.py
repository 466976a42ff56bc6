"""The vocabulary trees of a concept, flattened once for the gap analysis.

Each Sozialraum knows its chain of ancestors (up to the whole), each Zielgruppe the
groups that include it; with the names the reasons are worded in.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..model.concept import Konzept

# Stands for the whole when the concept defines no Sozialraum with ``art: gesamt``.
GESAMT_ERSATZ = "_gesamt"
DEUTSCH_IDS = ("de", "deutsch", "deu", "ger")


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
