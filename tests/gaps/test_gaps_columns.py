"""The analysis works column by column: what it reads and shows is what the objects say.

The offers are read as columns by position (index.OfferColumns), a report's Befunde and
names are made when first read (folgen.Befunde, folgen.Namen), the terminal view
repeats rich's lines for equal matrix cells: each must give exactly what the plain
objects give.
"""

from __future__ import annotations

import dataclasses
import io

import pytest
from gapkit import angebot, bedarf, konzept
from hypothesis import given
from hypothesis import strategies as st
from test_gaps_properties import SETTINGS, _clean, needs, offers

from integrationskonzept.gaps import GEDECKT, UNGEDECKT, find_gaps
from integrationskonzept.gaps.index import build_vokabular, offer_columns, offer_facts
from integrationskonzept.gaps.matrix import build_matrix
from integrationskonzept.gaps.report import LAGEN, URTEILE

STATUS = ["geplant", "entfallen", "laufend"]


@SETTINGS
@given(st.lists(offers, min_size=1, max_size=6), st.booleans())
def test_offer_columns_are_the_facts_of_each_offer(offer_list: list[dict[str, object]],
                                                   mit_stand: bool) -> None:
    k = konzept([angebot(f"a{i}", **_clean(o)) for i, o in enumerate(offer_list)], [])
    vok = build_vokabular(k)
    angebote = list(k.angebote.values())
    stand = k.stand if mit_stand else None
    cols = offer_columns(angebote, vok, stand)
    for pos, a in enumerate(angebote):
        f = offer_facts(pos, a, vok, stand)
        assert (cols.ids[pos], cols.titel[pos], cols.handlungsfelder[pos],
                cols.zielgruppen[pos], cols.raeume[pos], cols.lernsprache[pos],
                cols.kapazitaet[pos], cols.art[pos], cols.beginn[pos], cols.ende[pos],
                cols.aktuell[pos], cols.profile[pos]) == (
            f.id, f.titel, f.handlungsfelder, f.zielgruppen, f.raeume, f.lernsprache,
            f.kapazitaet, f.art, f.beginn, f.ende, f.aktuell, f.profil), a.id


@SETTINGS
@given(st.lists(offers, max_size=6), st.lists(needs, min_size=1, max_size=6), st.data())
def test_befunde_made_when_read_are_the_report_as_a_tuple(
        offer_list: list[dict[str, object]], need_list: list[dict[str, object]],
        data: st.DataObject) -> None:
    bedarfe = [bedarf(f"b{i}", **_clean(n)) for i, n in enumerate(need_list)]
    massnahmen = [{"id": f"m{i}", "titel": f"Maßnahme {i}", "bedarfe": [b["id"]],
                   "status": data.draw(st.sampled_from(STATUS))}
                  for i, b in enumerate(bedarfe) if data.draw(st.booleans())]
    k = konzept([angebot(f"a{i}", **_clean(o)) for i, o in enumerate(offer_list)], bedarfe,
                massnahmen)
    report = find_gaps(k)
    start = data.draw(st.integers(-len(bedarfe), len(bedarfe) - 1))
    assert report.befunde[start] is report.befunde[start]  # made once
    alle = tuple(report.befunde)
    assert [b.bedarf for b in alle] == list(k.bedarfe)
    assert report.befunde == alle and alle == report.befunde
    assert hash(report.befunde) == hash(alle) and repr(report.befunde) == repr(alle)
    assert report.befunde[start] == alle[start]
    assert report.befunde[start:] == alle[start:] and report.befunde[::-2] == alle[::-2]
    assert report.luecken == tuple(b for b in alle if b.urteil != GEDECKT)
    assert report.offene == tuple(b for b in alle if b.offen)
    assert report.zaehlung() == {u: sum(b.urteil == u for b in alle) for u in URTEILE}
    assert report.zaehlung_lage() == {g: sum(b.lage == g for b in alle) for g in LAGEN}
    zuerst = report.luecken_schlimmste_zuerst()
    assert tuple(zuerst) == tuple(sorted(report.luecken, key=lambda b: (
        b.urteil != UNGEDECKT, not b.offen)))
    doppelt = tuple(report.doppelstrukturen)
    assert report.doppelstrukturen == doppelt and report.doppelstrukturen[:1] == doppelt[:1]
    als_tupel = dataclasses.replace(report, befunde=alle, doppelstrukturen=doppelt)
    assert als_tupel == report
    assert tuple(als_tupel.luecken_schlimmste_zuerst()) == tuple(zuerst)
    assert als_tupel.to_dict() == report.to_dict()
    namen = {**build_vokabular(k).namen, "_alle": "alle Zielgruppen",
             "_ohne": "ohne Handlungsfeld"}
    for table in (k.angebote, k.bedarfe, k.massnahmen):
        namen.update((ident, entry.titel) for ident, entry in table.items())
    assert list(report.namen.items()) == list(namen.items())
    assert all(report.namen[i] == report.namen.get(i) == v and i in report.namen
               for i, v in namen.items())
    assert "gibt-es-nicht" not in report.namen and report.namen.get("gibt-es-nicht") is None
    for m in (report.matrix_sozialraum, report.matrix_zielgruppe):
        von = "sozialraeume" if m is report.matrix_sozialraum else "zielgruppen"
        assert build_matrix(m.name, alle, k.handlungsfelder, m.spalten, von,
                            report.gesamtraum) == m


def _printed(report: object, width: int) -> str:
    from rich.console import Console

    from integrationskonzept.gaps.table import table_view

    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=True, color_system="truecolor",
                      highlight=False, soft_wrap=True, emoji=False)
    for item in table_view(report):  # type: ignore[arg-type]
        console.print(item)
    return out.getvalue()


def test_matrix_cells_print_as_plain_rich_text_at_every_width(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Equal cells are measured and rendered by rich once: the printed bytes are those of
    a table of plain rich Text cells, also when the table is wider than the terminal."""
    from rich.text import Text

    from integrationskonzept.gaps import table

    k = konzept([angebot(f"a{i}", sozialraeume=[r], zielgruppen=[g], kapazitaet=5)
                 for i, (r, g) in enumerate([("kernstadt", "frauen"), ("voehrum", "jugendliche"),
                                             ("stederdorf", "frauen")])],
                [bedarf(f"b{i}", handlungsfeld=hf, sozialraeume=[r], zielgruppen=[g], umfang=u)
                 for i, (hf, r, g, u) in enumerate([
                     ("sprache", "kernstadt", "frauen", 3), ("sprache", "voehrum", "frauen", 3),
                     ("bildung", "kernstadt", "jugendliche", None),
                     ("arbeit", "suedstadt", "frauen", 40), ("sprache", "suedstadt", "frauen", 2),
                     ("sprache", "stederdorf", "frauen", 9)])])
    report = find_gaps(k)
    widths = (12, 20, 31, 45, 60, 80, 200)
    memoised = [_printed(report, w) for w in widths]
    assert "1/1" in memoised[-1] and "…" in memoised[0]  # cells shown; too narrow: cut

    def plain() -> object:
        return lambda text, spans, memo: Text(text, spans=spans)

    monkeypatch.setattr(table, "_wiederholt", plain)
    assert [_printed(report, w) for w in widths] == memoised


def test_a_dropped_report_is_freed_at_once() -> None:
    """What a report makes when read holds no reference cycle: dropping the report frees
    it at once (a notebook or the document build need not wait for the collector)."""
    import gc

    k = konzept([angebot("a1", sozialraeume=["kernstadt"], kapazitaet=3),
                 angebot("a2", sozialraeume=["kernstadt"], kapazitaet=3)],
                [bedarf("b1", sozialraeume=["voehrum"]), bedarf("b2", umfang=9),
                 bedarf("b3", handlungsfeld="bildung"), bedarf("b4")])
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        report = find_gaps(k)
        assert report.to_dict()["zusammenfassung"]["doppelstrukturen"] == 1
        assert [g.text for b in report.luecken for g in b.gruende]
        del report
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()
