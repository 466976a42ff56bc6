"""Computed indicator assessments on hand-made series (expectations as data)."""

from __future__ import annotations

from typing import Any

import pytest

from integrationskonzept.model.indikator import Indikator
from integrationskonzept.monitoring import berechne, bewerte


def indikator(**extra: Any) -> Indikator:
    return Indikator.model_validate({"id": "i", "name": "Quote", "definition": "d",
                                     "datenquelle": "q", **extra})


BASE = {"basiswert": {"wert": 10, "jahr": 2020}, "zielwert": {"wert": 20, "jahr": 2030}}

CASES = [
    # (name, fields, expected stufe)
    ("reached", {**BASE, "richtung": "steigen", "istwerte": {2022: 15, 2024: 21}}, "erreicht"),
    ("on track", {**BASE, "richtung": "steigen", "istwerte": {2024: 14}}, "auf Kurs"),
    ("on track within 90 %", {**BASE, "richtung": "steigen", "istwerte": {2025: "14,6"}},
     "auf Kurs"),
    ("too slow", {**BASE, "richtung": "steigen", "istwerte": {2025: 12}}, "zu langsam"),
    ("away", {**BASE, "richtung": "steigen", "istwerte": {2022: 11, 2024: 9}},
     "entfernt sich"),
    ("too few values", {**BASE, "richtung": "steigen", "istwerte": {2020: 10}},
     "zu wenige Werte"),
    ("no target", {"richtung": "steigen", "istwerte": {2020: 1, 2021: 2}}, "zu wenige Werte"),
    ("falling target reached", {"basiswert": {"wert": "16,8", "jahr": 2021},
                                "zielwert": {"wert": 12, "jahr": 2030}, "richtung": "sinken",
                                "istwerte": {2023: "11,9"}}, "erreicht"),
    ("falling away", {"basiswert": {"wert": "16,8", "jahr": 2021},
                      "zielwert": {"wert": 12, "jahr": 2030}, "richtung": "sinken",
                      "istwerte": {2022: "17,4"}}, "entfernt sich"),
    ("direction from base and target", {**BASE, "istwerte": {2024: 14}}, "auf Kurs"),
    ("target year passed", {**BASE, "richtung": "steigen", "istwerte": {2031: 19}},
     "zu langsam"),
    ("school years", {"basiswert": {"wert": 8, "jahr": "2019/20"},
                      "zielwert": {"wert": 4, "jahr": "2029/30"}, "richtung": "sinken",
                      "istwerte": {"2022/23": "7,9"}}, "zu langsam"),
    ("breakdown uses gesamt", {**BASE, "richtung": "steigen",
                               "istwerte": {2024: {"gesamt": 14, "weiblich": 9,
                                                   "maennlich": 19}}}, "auf Kurs"),
    ("period key", {**BASE, "richtung": "steigen", "istwerte": {"2021–2024": 8}},
     "entfernt sich"),
]


@pytest.mark.parametrize(("fields", "stufe"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_computed_assessment(fields: dict[str, Any], stufe: str) -> None:
    assert berechne(indikator(**fields)).stufe == stufe


def test_only_values_up_to_the_report_year_count() -> None:
    ind = indikator(**BASE, richtung="steigen", istwerte={2022: 9, 2024: 21})
    assert berechne(ind, bis_jahr=2023).stufe == "entfernt sich"
    assert berechne(ind).stufe == "erreicht"


def test_stated_assessment_wins_and_keeps_its_reason() -> None:
    ind = indikator(**BASE, richtung="steigen", istwerte={2024: 9},
                    einschaetzung={"stufe": "auf Kurs", "begruendung": "Sondereffekt 2024"})
    result = bewerte(ind)
    assert (result.stufe, result.berechnet, result.begruendung, result.berechnete_stufe) == (
        "auf Kurs", False, "Sondereffekt 2024", "entfernt sich")


def test_expected_value_on_the_straight_line() -> None:
    result = berechne(indikator(**BASE, richtung="steigen", istwerte={2025: 12}))
    assert (result.letzter_wert, result.letztes_jahr, result.erwartet) == (12, "2025", 15)
