"""Why a need is not (fully) covered: reasons in the words a coordinator uses.

For an uncovered need the reasons are the failed dimensions of the closest offers;
for a partly covered one, the groups, places and languages (or combinations of them)
no covering offer reaches.
"""

from __future__ import annotations

from itertools import product

from ..text.german import word_list
from .index import Vokabular
from .match import Fit, NeedFacts, ort, orte
from .report import Grund

MAX_KOMBINATIONEN = 3  # missing combinations named at most


def why_not(need: NeedFacts, best: list[Fit], vok: Vokabular) -> tuple[Grund, ...]:
    """The failed dimensions of the nearest offers, merged by text: ``best`` is ranked
    (fewest failures, then the least important ones), and only the offers that fail
    exactly like the nearest one speak, so the reasons describe one kind of offer, not a
    mix; differing language texts become one „nicht auf …“."""
    if not best:
        return ()

    def failed(fit: Fit) -> frozenset[str]:
        return frozenset(e.art for e in fit.fehler)

    top = [f for f in best if f.passend == best[0].passend and failed(f) == failed(best[0])]
    merged: dict[tuple[str, str], list[str]] = {}
    for fit in top:
        for e in fit.fehler:
            merged.setdefault((e.art, e.beim_bedarf), []).append(fit.offer.id)
    sprache = [key for key in merged if key[0] == "sprache"]
    if len(sprache) > 1:
        covered: set[str | None] = set()
        for fit in top:
            covered |= fit.sprachen
        missing = [s for s in need.sprachen if s not in covered]
        ids = [i for key in sprache for i in merged[key]]
        text = ("nicht auf " + word_list([vok.name(s) for s in missing]) if missing
                else sprache[0][1])
        first = list(merged).index(sprache[0])
        items = [(k, v) for k, v in merged.items() if k[0] != "sprache"]
        items.insert(first, (("sprache", text), ids))
        merged = dict(items)
    return tuple(Grund(art, text, tuple(dict.fromkeys(ids)))
                 for (art, text), ids in merged.items())


def why_partly(need: NeedFacts, ids: tuple[str, ...], cells: set[tuple[object, ...]],
                vok: Vokabular) -> list[Grund]:
    """Which groups, places or languages of the need no covering offer reaches."""
    gruende: list[Grund] = []
    got_g = {c[0] for c in cells}
    got_r = {c[1] for c in cells}
    got_s = {c[2] for c in cells}
    miss_g = [g for g in need.gruppen if g not in got_g]
    miss_r = [r for r in need.raeume if r not in got_r]
    miss_s = [s for s in need.sprachen if s not in got_s]
    if miss_g:
        gruende.append(Grund("zielgruppe", "Angebot vorhanden, aber nicht für "
                             + word_list([vok.name(g) for g in miss_g]), ids))
    if miss_r:
        gruende.append(Grund("sozialraum", "Angebot vorhanden, aber nicht " + orte(miss_r, vok),
                             ids))
    if miss_s:
        gruende.append(Grund("sprache", "nicht auf " + word_list([vok.name(s) for s in miss_s]),
                             ids))
    if not gruende:
        all_cells = product(need.gruppen or (None,), need.raeume, need.sprachen or (None,))
        for g, r, s in all_cells:
            if (g, r, s) in cells:
                continue
            parts = ["kein Angebot"]
            if g is not None:
                parts.append(f"für {vok.name(g)}")
            parts.append(ort(r, vok))
            if s is not None:
                parts.append(f"auf {vok.name(s)}")
            gruende.append(Grund("kombination", " ".join(parts), ids))
            if len(gruende) >= MAX_KOMBINATIONEN:
                break
    return gruende
