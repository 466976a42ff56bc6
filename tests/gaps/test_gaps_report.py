"""The report around the verdicts: Maßnahmen, akzeptiert, mirror view, matrices, filters."""

from __future__ import annotations

import json

import pytest
from gapkit import angebot, bedarf, konzept

from integrationskonzept.gaps import GEDECKT, TEILWEISE, UNGEDECKT, filter_report, find_gaps
from integrationskonzept.gaps.report import (
    LAGE_AKZEPTIERT,
    LAGE_GEDECKT,
    LAGE_MASSNAHME,
    LAGE_OFFEN,
)

A, B = angebot, bedarf


def _m(ident: str, status: str, *bedarfe: str) -> dict[str, object]:
    return {"id": ident, "titel": f"Maßnahme {ident}", "status": status, "bedarfe": list(bedarfe)}


# (status of the one Maßnahme for the gap or None, akzeptiert?) -> expected lage
LAGE_CASES = [
    (None, False, LAGE_OFFEN),
    ("geplant", False, LAGE_MASSNAHME),
    ("in Umsetzung", False, LAGE_MASSNAHME),
    ("laufend", False, LAGE_MASSNAHME),
    ("entfallen", False, LAGE_OFFEN),
    ("zurückgestellt", False, LAGE_OFFEN),
    ("umgesetzt", False, LAGE_MASSNAHME),
    (None, True, LAGE_AKZEPTIERT),
    ("geplant", True, LAGE_AKZEPTIERT),
]


@pytest.mark.parametrize(("status", "akzeptiert", "lage"), LAGE_CASES)
def test_gap_traced_to_measures(status: str | None, akzeptiert: bool, lage: str) -> None:
    need = B("b", handlungsfeld="arbeit")
    if akzeptiert:
        need["akzeptiert"] = {"grund": "Zuständig ist der Landkreis", "gremium": "Rat"}
    massnahmen = [_m("m", status, "b")] if status else []
    report = find_gaps(konzept([A("a")], [need], massnahmen))
    (b,) = report.befunde
    assert b.lage == lage
    assert b.offen == (lage == LAGE_OFFEN)
    assert [m.massnahme for m in b.massnahmen] == (["m"] if status else [])
    if akzeptiert:
        assert b.akzeptiert == "Zuständig ist der Landkreis"


def test_covered_need_is_covered_even_if_accepted() -> None:
    need = B("b", akzeptiert={"grund": "egal"})
    (b,) = find_gaps(konzept([A("a")], [need])).befunde
    assert (b.urteil, b.lage) == (GEDECKT, LAGE_GEDECKT)


def test_doppelstrukturen() -> None:
    offers = [
        A("a1", sozialraeume=["voehrum"], zielgruppen=["frauen"]),
        A("a2", sozialraeume=["voehrum"], zielgruppen=["frauen"], laufzeit={"beginn": "2023"}),
        A("a3", sozialraeume=["voehrum"], zielgruppen=["jugendliche"]),  # other group
        A("a4", sozialraeume=["stederdorf"], zielgruppen=["frauen"]),  # other place
        A("a5", sozialraeume=["voehrum"], zielgruppen=["frauen"],
          laufzeit={"beginn": "2018", "ende": "2019"}),  # ended before the Stand
        A("a6", sozialraeume=["voehrum"], zielgruppen=["frauen"], lernsprache="de"),
        A("b1", handlungsfelder=["bildung"]), A("b2", handlungsfelder=["bildung"]),
    ]
    report = find_gaps(konzept(offers, []))
    got = [(d.handlungsfeld, d.angebote, d.zielgruppen, d.sozialraeume)
           for d in report.doppelstrukturen]
    assert got == [("sprache", ("a1", "a2"), ("frauen",), ("voehrum",)),
                   ("bildung", ("b1", "b2"), ("_alle",), ("stadtweit",))]


# (kinds of three offers for the same people in the same place, expected double groups)
KINDS = [
    ((None, None, None), [("k1", "k2", "k3")]),
    (("Integrationskurs", "Vorbereitungsklasse", None), [("k1", "k3"), ("k2", "k3")]),
    (("Integrationskurs", "Vorbereitungsklasse", "Sprachcafé"), []),
    (("Integrationskurs", "Integrationskurs", "Sprachcafé"), [("k1", "k2")]),
]


@pytest.mark.parametrize(("arten", "expected"), KINDS)
def test_offers_of_different_kinds_are_no_doppelstruktur(arten, expected) -> None:
    offers = [A(f"k{i + 1}", **({"art": art} if art else {})) for i, art in enumerate(arten)]
    report = find_gaps(konzept(offers, []))
    assert [d.angebote for d in report.doppelstrukturen] == expected


def test_no_doppelstruktur_without_overlap() -> None:
    offers = [A("a1", laufzeit={"beginn": "2023-01", "ende": "2023-12"}),
              A("a2", laufzeit={"beginn": "2024-01", "ende": "2025-12"})]
    assert find_gaps(konzept(offers, [], stand="2023-06-01")).doppelstrukturen == ()


def test_angebote_ohne_bedarf() -> None:
    offers = [A("gefragt", sozialraeume=["voehrum"]), A("stederdorf", sozialraeume=["stederdorf"]),
              A("bildung", handlungsfelder=["bildung"]),
              A("alt", handlungsfelder=["arbeit"], laufzeit={"ende": "2020"})]
    report = find_gaps(konzept(offers, [B(sozialraeume=["voehrum"], sprachen=["ar"])]))
    # „bildung“ is left out: no Bedarf was collected in that field, so "ohne Bedarf" says nothing
    assert [a.angebot for a in report.angebote_ohne_bedarf] == ["stederdorf"]


def _report():
    offers = [A("a", sozialraeume=["voehrum"], zielgruppen=["frauen"], kapazitaet=10),
              A("c", handlungsfelder=["bildung"])]
    needs = [B("b1", sozialraeume=["voehrum"], zielgruppen=["frauen"]),
             B("b2", sozialraeume=["voehrum"], zielgruppen=["frauen"], umfang=20),
             B("b3", sozialraeume=["stederdorf"]),
             B("b4", handlungsfeld="bildung"),
             B("b5", handlungsfeld="bildung", sozialraeume=["suedstadt"],
               zielgruppen=["jugendliche"])]
    return find_gaps(konzept(offers, needs))


def test_matrices() -> None:
    report = _report()
    assert [b.urteil for b in report.befunde] == [GEDECKT, TEILWEISE, UNGEDECKT, GEDECKT, GEDECKT]
    m = report.matrix_sozialraum
    assert m.zeilen == ("sprache", "bildung", "arbeit")
    assert m.spalten == ("stadtweit", "kernstadt", "suedstadt", "stederdorf", "voehrum")
    cell = m.zelle("sprache", "voehrum")
    assert (cell.gedeckt, cell.teilweise, cell.ungedeckt, cell.offen) == (1, 1, 0, 1)
    assert cell.anteil == 0.5
    assert m.zelle("bildung", "stadtweit").gesamt == 1
    assert m.zelle("arbeit", "voehrum") is None
    g = report.matrix_zielgruppe
    assert g.zelle("sprache", "_alle").ungedeckt == 1
    assert g.zelle("sprache", "frauen").gesamt == 2
    assert report.zaehlung() == {GEDECKT: 3, TEILWEISE: 1, UNGEDECKT: 1}


FILTERS = [
    ({"handlungsfeld": "bildung"}, ["b4", "b5"]),
    ({"sozialraum": "voehrum"}, ["b1", "b2"]),
    ({"sozialraum": "kernstadt"}, ["b5"]),
    ({"sozialraum": "stadtweit"}, ["b1", "b2", "b3", "b4", "b5"]),
    ({"zielgruppe": "zugewanderte"}, ["b1", "b2", "b5"]),
    ({"zielgruppe": "frauen", "handlungsfeld": "bildung"}, []),
]


@pytest.mark.parametrize(("filters", "expected"), FILTERS)
def test_filter_report(filters: dict[str, str], expected: list[str]) -> None:
    report = filter_report(_report(), **filters)
    assert [b.bedarf for b in report.befunde] == expected
    total = sum(z.gesamt for z in report.matrix_zielgruppe.zellen)
    assert total >= len(expected)
    if "handlungsfeld" in filters:
        assert report.matrix_sozialraum.zeilen == (filters["handlungsfeld"],)


def test_to_dict_is_json_with_german_keys() -> None:
    data = json.loads(json.dumps(_report().to_dict(), ensure_ascii=False))
    assert list(data) == ["stand", "zusammenfassung", "bedarfe", "matrix_sozialraum",
                          "matrix_zielgruppe", "doppelstrukturen", "angebote_ohne_bedarf",
                          "namen"]
    assert data["zusammenfassung"]["urteile"] == {"gedeckt": 3, "teilweise gedeckt": 1,
                                                  "ungedeckt": 1}
    b2 = data["bedarfe"][1]
    assert b2["gruende"] == [{"art": "kapazitaet", "text": "10 von 20 Plätzen",
                              "angebote": ["a"]}]
    assert data["namen"]["voehrum"] == "Vöhrum"


def test_report_is_frozen() -> None:
    report = _report()
    with pytest.raises(AttributeError):
        report.befunde[0].urteil = "gedeckt"  # type: ignore[misc]
