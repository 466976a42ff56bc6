"""Properties: more offers never make a need worse off; fewer never close a gap."""

from __future__ import annotations

from gapkit import angebot, bedarf, konzept
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from integrationskonzept.gaps import URTEILE, find_gaps
from integrationskonzept.gaps.index import build_index, build_vokabular
from integrationskonzept.gaps.match import evaluate, fits, need_facts, score

RAEUME = ["stadtweit", "kernstadt", "suedstadt", "stederdorf", "voehrum"]
GRUPPEN = ["zugewanderte", "frauen", "jugendliche"]
SPRACHEN = ["de", "ar", "uk"]
MERKMALE = ["kinderbetreuung", "barrierefrei", "abends"]
LAUFZEITEN = [None, {"ende": "2022"}, {"beginn": "2025"}, {"beginn": "2023", "ende": "2026"}]


def _sub(items: list[str], max_size: int = 2) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(items), max_size=max_size, unique=True)


offers = st.builds(
    dict,
    handlungsfelder=st.lists(st.sampled_from(["sprache", "bildung"]), min_size=1, max_size=2,
                             unique=True),
    sozialraeume=_sub(RAEUME), zielgruppen=_sub(GRUPPEN), sprachen=_sub(SPRACHEN),
    merkmale=_sub(MERKMALE), form=st.sampled_from(["Präsenz", "online", "hybrid"]),
    kapazitaet=st.one_of(st.none(), st.integers(0, 30)),
    laufzeit=st.sampled_from(LAUFZEITEN),
    lernsprache=st.sampled_from([None, None, "de"]),
)
needs = st.builds(
    dict,
    handlungsfeld=st.sampled_from(["sprache", "bildung"]),
    sozialraeume=_sub(RAEUME), zielgruppen=_sub(GRUPPEN), sprachen=_sub(SPRACHEN),
    merkmale=_sub(MERKMALE, 1), form=st.sampled_from([None, "Präsenz", "online"]),
    umfang=st.one_of(st.none(), st.integers(0, 40)),
    lernsprache=st.sampled_from([None, None, "de"]),
)


def _clean(d: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in d.items() if v is not None}


def _verdicts(offer_list: list[dict[str, object]], need_list: list[dict[str, object]]
              ) -> list[int]:
    k = konzept([angebot(f"a{i}", **_clean(o)) for i, o in enumerate(offer_list)],
                [bedarf(f"b{i}", **_clean(n)) for i, n in enumerate(need_list)])
    return [URTEILE.index(b.urteil) for b in find_gaps(k).befunde]


SETTINGS = settings(max_examples=100, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(offers, max_size=5), offers, st.lists(needs, min_size=1, max_size=4))
def test_adding_an_offer_never_worsens_a_verdict(base: list[dict[str, object]],
                                                  extra: dict[str, object],
                                                  need_list: list[dict[str, object]]) -> None:
    before = _verdicts(base, need_list)
    after = _verdicts([*base, extra], need_list)
    assert all(a <= b for a, b in zip(after, before, strict=True)), (before, after)


@SETTINGS
@given(st.lists(offers, min_size=1, max_size=6), st.data(),
       st.lists(needs, min_size=1, max_size=4))
def test_removing_an_offer_never_closes_a_gap(base: list[dict[str, object]], data: st.DataObject,
                                              need_list: list[dict[str, object]]) -> None:
    drop = data.draw(st.integers(0, len(base) - 1))
    before = _verdicts(base, need_list)
    after = _verdicts(base[:drop] + base[drop + 1:], need_list)
    assert all(a >= b for a, b in zip(after, before, strict=True)), (before, after)


@SETTINGS
@given(offers, needs)
def test_fast_rank_agrees_with_explained_evaluation(offer: dict[str, object],
                                                    need: dict[str, object]) -> None:
    k = konzept([angebot("a", **_clean(offer))], [bedarf("b", **_clean(need))])
    vok = build_vokabular(k)
    facts = build_index(k, vok).facts[0]
    nf = need_facts(k.bedarfe["b"], vok)
    assert score(nf, facts, vok, True) == evaluate(nf, facts, vok, True).rank()


@SETTINGS
@given(offers, needs, st.sampled_from([None, "Präsenz", "online", "hybrid"]),
       st.sampled_from(["Präsenz", "online", "hybrid"]),
       st.sampled_from([None, "de", "fr"]), _sub([*SPRACHEN, "fr"]), _sub([*MERKMALE, "neu"]))
def test_fast_fit_is_the_rule_of_the_hard_conditions(
        offer: dict[str, object], need: dict[str, object], form: str | None, offer_form: str,
        lern: str | None, sprachen: list[str], merkmale: list[str]) -> None:
    """The bit test that judges offers (fits) is what the rule in words says: the offer
    runs, has the form (hybrid serves Präsenz and online), the Lernsprache, every Merkmal
    and one of the languages of the need; also for values no offer or vocabulary has."""
    need = {**need, "form": form, "lernsprache": lern, "sprachen": sprachen,
            "merkmale": merkmale}
    k = konzept([angebot("a", **_clean({**offer, "form": offer_form}))],
                [bedarf("b", **_clean(need))])
    vok = build_vokabular(k)
    facts = build_index(k, vok).facts[0]
    nf = need_facts(k.bedarfe["b"], vok)
    hard = {"laufzeit", "form", "lernsprache", "merkmal", "sprache"}
    fit = evaluate(nf, facts, vok, stand_known=True, texts=False)
    failed = {e.art for e in fit.fehler} & hard
    # "sprache" fails in part too: an offer with one of the languages fits
    in_part = "sprache" in failed and bool(fit.sprachen - {None})
    assert fits(nf, facts) == (not failed or (failed == {"sprache"} and in_part))


@SETTINGS
@given(st.lists(offers, max_size=5), st.lists(needs, min_size=1, max_size=5), st.data())
def test_open_gaps_alone_are_the_open_gaps_of_the_whole_report(
        offer_list: list[dict[str, object]], need_list: list[dict[str, object]],
        data: st.DataObject) -> None:
    """`ik validate` (IK601) asks only for the open gaps: the same Befunde, explained the
    same, as the full analysis gives – with Maßnahmen (active or not) and accepted gaps."""
    from integrationskonzept.gaps import open_gaps

    bedarfe = [bedarf(f"b{i}", **_clean(n)) for i, n in enumerate(need_list)]
    for b in bedarfe:
        if data.draw(st.booleans()):
            b["akzeptiert"] = {"grund": "Aufgabe des Landes"}
    massnahmen = [{"id": f"m{i}", "titel": f"Maßnahme {i}", "bedarfe": [b["id"]],
                   "status": data.draw(st.sampled_from(["geplant", "entfallen", "laufend"]))}
                  for i, b in enumerate(bedarfe) if data.draw(st.booleans())]
    k = konzept([angebot(f"a{i}", **_clean(o)) for i, o in enumerate(offer_list)], bedarfe,
                massnahmen)
    alone = open_gaps(k)
    whole = find_gaps(k).offene
    assert alone == whole
    assert [str(b.ort) for b in alone] == [str(b.ort) for b in whole]


@SETTINGS
@given(st.lists(offers, max_size=6), st.lists(needs, min_size=1, max_size=5))
def test_quick_cover_says_gedeckt_exactly_when_the_analysis_does(
        offer_list: list[dict[str, object]], need_list: list[dict[str, object]]) -> None:
    """IK601 first asks a lighter index (gaps/quick.py) whether a need is covered: for a
    need with at most one group, place and language its answer is the full verdict; for
    any other need it says no (the full analysis judges it)."""
    from integrationskonzept.gaps import GEDECKT
    from integrationskonzept.gaps.quick import QuickCover

    k = konzept([angebot(f"a{i}", **_clean(o)) for i, o in enumerate(offer_list)],
                [bedarf(f"b{i}", **_clean(n)) for i, n in enumerate(need_list)])
    quick = QuickCover(k, build_vokabular(k))
    for befund in find_gaps(k).befunde:
        b = k.bedarfe[befund.bedarf]
        simple = len(b.zielgruppen) <= 1 and len(b.sozialraeume) <= 1 and len(b.sprachen) <= 1
        assert quick.covered(b) == (simple and befund.urteil == GEDECKT), befund.bedarf


@SETTINGS
@given(st.lists(offers, max_size=6), st.lists(needs, min_size=1, max_size=5), st.data())
def test_reasons_worded_on_first_use_are_those_worded_at_once(
        offer_list: list[dict[str, object]], need_list: list[dict[str, object]],
        data: st.DataObject) -> None:
    """`find_gaps` words a gap's reasons and ranks its nearest offers only when they are
    first read: in any order of reading they are what judging the need at once gives."""
    from integrationskonzept.gaps.analysis import LATER, _judge

    k = konzept([angebot(f"a{i}", **_clean(o)) for i, o in enumerate(offer_list)],
                [bedarf(f"b{i}", **_clean(n)) for i, n in enumerate(need_list)])
    report = find_gaps(k)
    order = data.draw(st.permutations(range(len(report.befunde))))
    vok = build_vokabular(k)
    index = build_index(k, vok)
    for i in order:
        befund = report.befunde[i]
        at_once = _judge(need_facts(k.bedarfe[befund.bedarf], vok), index, vok,
                         k.stand is not None, set(), {})
        assert at_once.erklaerung is None
        assert (befund.naechste, befund.gruende, befund.urteil, befund.anteil) == (
            at_once.naechste, at_once.gruende, at_once.urteil, at_once.anteil)
        later = _judge(need_facts(k.bedarfe[befund.bedarf], vok), index, vok,
                       k.stand is not None, set(), {}, explain=LATER)
        if later.erklaerung is not None:  # a gap: the same answer however often asked
            assert later.erklaerung() == later.erklaerung() == (befund.gruende,
                                                                befund.naechste)
    assert report == find_gaps(k)


def test_befunde_made_directly_are_whole_befunde() -> None:
    """`befund_value` fills a Befund without its __init__: every field, nothing else, and
    equal to one made the ordinary way."""
    import dataclasses

    from integrationskonzept.gaps.report import Befund

    k = konzept([angebot("a1", sozialraeume=["kernstadt"], kapazitaet=3)],
                [bedarf("b1", sozialraeume=["voehrum"]), bedarf("b2", umfang=9),
                 bedarf("b3", handlungsfeld="bildung")])
    names = {f.name for f in dataclasses.fields(Befund)}
    for befund in find_gaps(k).befunde:
        values = {name: getattr(befund, name) for name in names}
        assert set(vars(befund)) == names
        assert Befund(**values) == befund
