"""One need against a few offers: one case per verdict and reason, expectations as data.

Each case: offers, the need, the expected verdict and the expected reason texts (all of
them, in order).
"""

from __future__ import annotations

from typing import Any

import pytest
from gapkit import angebot, bedarf, konzept

from integrationskonzept.gaps import GEDECKT, TEILWEISE, UNGEDECKT, find_gaps

A, B = angebot, bedarf

CASES: dict[str, tuple[list[dict[str, Any]], dict[str, Any], str, list[str]]] = {
    # Handlungsfeld
    "gedeckt stadtweit": ([A("a")], B(sozialraeume=["stederdorf"]), GEDECKT, []),
    "kein Angebot im Handlungsfeld": (
        [A("a")], B(handlungsfeld="arbeit"), UNGEDECKT, ["kein Angebot im Handlungsfeld Arbeit"]),
    "ohne Handlungsfeld": ([A("a")], B(handlungsfeld=None), UNGEDECKT,
                           ["kein Handlungsfeld angegeben"]),
    # Sozialraum
    "anderer Ortsteil": (
        [A("a", sozialraeume=["voehrum"])], B(sozialraeume=["stederdorf"]), UNGEDECKT,
        ["Angebot vorhanden, aber nicht im Ortsteil Stederdorf"]),
    "Kernstadt deckt ihr Quartier": (
        [A("a", sozialraeume=["kernstadt"])], B(sozialraeume=["suedstadt"]), GEDECKT, []),
    "Quartier deckt nicht die Kernstadt": (
        [A("a", sozialraeume=["suedstadt"])], B(sozialraeume=["kernstadt"]), UNGEDECKT,
        ["Angebot vorhanden, aber nicht in der Kernstadt"]),
    "Ortsteil deckt nicht die Stadt": (
        [A("a", sozialraeume=["voehrum"])], B(), UNGEDECKT,
        ["Angebot vorhanden, aber nicht stadtweit"]),
    "zwei Ortsteile, einer gedeckt": (
        [A("a", sozialraeume=["voehrum"])], B(sozialraeume=["voehrum", "stederdorf"]),
        TEILWEISE, ["Angebot vorhanden, aber nicht im Ortsteil Stederdorf"]),
    "zwei Ortsteile, keiner gedeckt": (
        [A("a", sozialraeume=["kernstadt"])], B(sozialraeume=["voehrum", "stederdorf"]),
        UNGEDECKT, ["Angebot vorhanden, aber nicht in den Ortsteilen Vöhrum und Stederdorf"]),
    "zwei Ortsteile, zwei Angebote": (
        [A("a", sozialraeume=["voehrum"]), A("c", sozialraeume=["stederdorf"])],
        B(sozialraeume=["voehrum", "stederdorf"]), GEDECKT, []),
    # Zielgruppe
    "Obergruppe deckt Untergruppe": (
        [A("a", zielgruppen=["zugewanderte"])], B(zielgruppen=["frauen"]), GEDECKT, []),
    "andere Zielgruppe": (
        [A("a", zielgruppen=["jugendliche"])], B(zielgruppen=["frauen"]), UNGEDECKT,
        ["Angebot vorhanden, aber nicht für Frauen mit Kleinkindern"]),
    "Untergruppe deckt nicht die Obergruppe": (
        [A("a", zielgruppen=["jugendliche"])], B(zielgruppen=["zugewanderte"]), UNGEDECKT,
        ["Angebot vorhanden, aber nicht für Zugewanderte"]),
    "zwei Zielgruppen, eine gedeckt": (
        [A("a", zielgruppen=["jugendliche"])], B(zielgruppen=["frauen", "jugendliche"]),
        TEILWEISE, ["Angebot vorhanden, aber nicht für Frauen mit Kleinkindern"]),
    "Angebot für alle": ([A("a")], B(zielgruppen=["frauen", "jugendliche"]), GEDECKT, []),
    # Sprache
    "nur auf Deutsch": ([A("a")], B(sprachen=["ar"]), UNGEDECKT, ["nur auf Deutsch"]),
    "nur auf Deutsch und Ukrainisch": (
        [A("a", sprachen=["uk", "de"])], B(sprachen=["ar"]), UNGEDECKT,
        ["nur auf Deutsch und Ukrainisch"]),
    "viele Sprachen, die gesuchte nicht": (
        [A("a", sprachen=["de", "ar", "uk"])], B(sprachen=["tr"]), UNGEDECKT,
        ["nicht auf Türkisch"]),
    "eine von zwei Sprachen": (
        [A("a", sprachen=["de"])], B(sprachen=["de", "ar"]), TEILWEISE, ["nicht auf Arabisch"]),
    "Sprache angeboten": ([A("a", sprachen=["de", "ar"])], B(sprachen=["ar"]), GEDECKT, []),
    # Lernsprache
    "kein Sprachkurs": ([A("a")], B(lernsprache="de"), UNGEDECKT,
                        ["kein Sprachkurs für Deutsch"]),
    "andere Lernsprache": ([A("a", lernsprache="uk")], B(lernsprache="de"), UNGEDECKT,
                           ["lehrt Ukrainisch, nicht Deutsch"]),
    # Merkmale
    "ohne Kinderbetreuung": ([A("a")], B(merkmale=["kinderbetreuung"]), UNGEDECKT,
                             ["ohne Kinderbetreuung"]),
    "nicht barrierefrei, nicht am Wochenende": (
        [A("a", merkmale=["kostenfrei"])], B(merkmale=["barrierefrei", "wochenende"]),
        UNGEDECKT, ["nicht barrierefrei", "nicht am Wochenende"]),
    "nicht nur für Frauen": ([A("a")], B(merkmale=["nur-frauen"]), UNGEDECKT,
                             ["kein Angebot nur für Frauen"]),
    "mit Kinderbetreuung": ([A("a", merkmale=["kinderbetreuung", "abends"])],
                            B(merkmale=["kinderbetreuung"]), GEDECKT, []),
    # Form
    "nur online": ([A("a", form="online")], B(form="Präsenz"), UNGEDECKT, ["nur online"]),
    "nur in Präsenz": ([A("a")], B(form="online"), UNGEDECKT, ["nur in Präsenz"]),
    "hybrid deckt Präsenz": ([A("a", form="hybrid")], B(form="Präsenz"), GEDECKT, []),
    "hybrid deckt online": ([A("a", form="hybrid")], B(form="online"), GEDECKT, []),
    # Laufzeit
    "ausgelaufen": ([A("a", laufzeit={"beginn": "2019", "ende": "2022"})], B(), UNGEDECKT,
                    ["ausgelaufen am 31. Dezember 2022"]),
    "ausgelaufen Monat": ([A("a", laufzeit={"ende": "2023-06"})], B(), UNGEDECKT,
                          ["ausgelaufen am 30. Juni 2023"]),
    "beginnt später": ([A("a", laufzeit={"beginn": "2025-01"})], B(), UNGEDECKT,
                       ["beginnt erst am 1. Januar 2025"]),
    "läuft": ([A("a", laufzeit={"beginn": "2023", "ende": "2024"})], B(), GEDECKT, []),
    # Kapazität
    "zu wenig Plätze": ([A("a", kapazitaet=18)], B(umfang=40), TEILWEISE,
                        ["18 von 40 Plätzen"]),
    "Plätze addieren sich": ([A("a", kapazitaet=18), A("c", kapazitaet=22)], B(umfang=40),
                             GEDECKT, []),
    "viele Plätze": ([A("a", kapazitaet=900), A("c", kapazitaet=400)], B(umfang=2000),
                     TEILWEISE, ["1.300 von 2.000 Plätzen"]),
    "Kapazität unbekannt": ([A("a", kapazitaet=18), A("c")], B(umfang=40), GEDECKT, []),
    # Several reasons at once: the closest offer's.
    "mehrere Gründe": (
        [A("a", sozialraeume=["voehrum"], form="online")],
        B(sozialraeume=["stederdorf"], merkmale=["kinderbetreuung"]), UNGEDECKT,
        ["Angebot vorhanden, aber nicht im Ortsteil Stederdorf", "ohne Kinderbetreuung"]),
    "Kombination fehlt": (
        [A("a", sozialraeume=["voehrum"], sprachen=["ar"]),
         A("c", sozialraeume=["stederdorf"], sprachen=["uk"])],
        B(sozialraeume=["voehrum", "stederdorf"], sprachen=["ar", "uk"]), TEILWEISE,
        ["kein Angebot im Ortsteil Vöhrum auf Ukrainisch",
         "kein Angebot im Ortsteil Stederdorf auf Arabisch"]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_verdict_and_reasons(name: str) -> None:
    offers, need, urteil, gruende = CASES[name]
    report = find_gaps(konzept(offers, [need]))
    (befund,) = report.befunde
    assert befund.urteil == urteil
    assert [g.text for g in befund.gruende] == gruende


def test_landkreis_offers_cover_gemeinden_and_ortsteile() -> None:
    offers = [A("kreis"), A("ede", handlungsfelder=["bildung"], sozialraeume=["edemissen"])]
    needs = [B("b1", sozialraeume=["wipshausen"]), B("b2", sozialraeume=["ilsede"]),
             B("b3", handlungsfeld="bildung", sozialraeume=["wipshausen"]),
             B("b4", handlungsfeld="bildung", sozialraeume=["ilsede"])]
    report = find_gaps(konzept(offers, needs, kreis=True))
    assert [b.urteil for b in report.befunde] == [GEDECKT, GEDECKT, GEDECKT, UNGEDECKT]
    assert report.befunde[3].gruende[0].text == (
        "Angebot vorhanden, aber nicht in der Gemeinde Ilsede")
    whole = find_gaps(konzept([A("ede", sozialraeume=["edemissen"])], [B()], kreis=True))
    assert whole.befunde[0].gruende[0].text == "Angebot vorhanden, aber nicht kreisweit"


def test_partial_share_and_places() -> None:
    (b,) = find_gaps(konzept([A("a", kapazitaet=18)], [B(umfang=40)])).befunde
    assert b.anteil == pytest.approx(0.45)
    assert (b.plaetze, b.umfang, b.angebote) == (18, 40, ("a",))
    (b,) = find_gaps(konzept([A("a", sozialraeume=["voehrum"])],
                             [B(sozialraeume=["voehrum", "stederdorf"])])).befunde
    assert b.anteil == pytest.approx(0.5)


def test_unknown_capacity_is_noted() -> None:
    offers = [A("a", kapazitaet=18), A("c", titel="Sprachcafé")]
    (b,) = find_gaps(konzept(offers, [B(umfang=40)])).befunde
    assert b.urteil == GEDECKT
    assert b.kapazitaet_unbekannt == ("c",)
    assert b.hinweise == ("Kapazität unbekannt bei „Sprachcafé“",)


def test_closest_offers_ranked_by_fitting_dimensions() -> None:
    offers = [
        A("weit", sozialraeume=["voehrum"], form="online"),  # place and form wrong
        A("nah", sozialraeume=["voehrum"]),  # place wrong
        A("alt", laufzeit={"ende": "2020"}),  # time wrong
    ]
    (b,) = find_gaps(konzept(offers, [B(sozialraeume=["stederdorf"], form="Präsenz")])).befunde
    assert [k.angebot for k in b.naechste] == ["nah", "alt", "weit"]
    assert b.naechste[0].abweichungen == ("nur in Vöhrum",)
    assert (b.naechste[0].passend, b.naechste[0].geprueft) == (3, 4)
    assert b.gruende[0].angebote == ("nah",)


def test_covering_offers_nearest_first() -> None:
    offers = [A("stadt", kapazitaet=5), A("ort", sozialraeume=["voehrum"], kapazitaet=5)]
    (b,) = find_gaps(konzept(offers, [B(sozialraeume=["voehrum"], umfang=10)])).befunde
    assert b.angebote == ("ort", "stadt")


# (offers, need, the nearest offer, the reasons given) — offers failing equally many
# conditions are ranked by what fails: the reasons describe the nearest kind of offer.
NEAREST = [
    ([A("arabisch-frauen", zielgruppen=["frauen"], sprachen=["ar"]),
      A("deutsch-jugend", zielgruppen=["jugendliche"], sprachen=["de"])],
     B(zielgruppen=["jugendliche"], sprachen=["ar"]),
     "deutsch-jugend", ["nur auf Deutsch"]),
    ([A("anderer-ort", sozialraeume=["voehrum"]), A("online", form="online")],
     B(sozialraeume=["stederdorf"], form="Präsenz"),
     "online", ["nur online"]),
]


@pytest.mark.parametrize(("offers", "need", "nearest", "gruende"), NEAREST)
def test_reasons_describe_the_nearest_offer(offers, need, nearest, gruende) -> None:
    (b,) = find_gaps(konzept(offers, [need])).befunde
    assert b.naechste[0].angebot == nearest
    assert [g.text for g in b.gruende] == gruende
