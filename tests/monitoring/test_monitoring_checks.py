"""The monitoring checks of `ik validate`: (file, line, code) and the words of each."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ik_testing import BASE_INHALT
from integrationskonzept.checks import CheckContext
from integrationskonzept.checks.runner import validate

M = BASE_INHALT["massnahmen"][0]
Z = BASE_INHALT["ziele"][0]
IND = BASE_INHALT["indikatoren"][0]
BERICHTE = {"berichte": [
    {"id": "b-2023", "zeitraum": {"beginn": "2023-01", "ende": "2023-12"},
     "stichtag": "2023-12-31"},
    {"id": "b-2024", "zeitraum": {"beginn": "2024-01", "ende": "2024-12"},
     "stichtag": "2024-02-28"}]}


def verlauf(*entries: tuple[str, str]) -> list[dict[str, Any]]:
    return [{"datum": d, "status": s, "text": "Stand"} for d, s in entries]


# name: (konzept changes, inhalt changes, expected (file, line, code), words in the message)
CASES: dict[str, tuple[dict[str, Any], dict[str, Any], tuple[str, int, str], str]] = {
    "IK801 Ziel": (
        {}, {"ziele": [dict(Z, ampel={"ampel": "rot", "datum": "2024-02-01"})]},
        ("bildung.yaml", 16, "IK801"), "Ziel „z-1“: Ampel „rot“ ohne Begründung"),
    "IK801 Maßnahme list": (
        {}, {"massnahmen": [dict(M, ampel=[
            {"ampel": "grün", "begruendung": "läuft", "datum": "2023-12-01"},
            {"ampel": "gelb", "datum": "2024-02-01"}])]},
        ("bildung.yaml", 35, "IK801"), "Maßnahme „m-1“: Ampel „gelb“ ohne Begründung"),
    "IK802 verlauf": (
        {}, {"massnahmen": [dict(M, verlauf=verlauf(("2024-01-10", "in Umsetzung"),
                                                    ("2024-05-02", "umgesetzt")))]},
        ("bildung.yaml", 35, "IK802"),
        "Verlaufseintrag vom 2. Mai 2024 liegt nach dem Stand (1. März 2024)"),
    "IK802 ampel": (
        {}, {"ziele": [dict(Z, ampel={"ampel": "gelb", "begruendung": "x",
                                      "datum": "2024-04-01"})]},
        ("bildung.yaml", 18, "IK802"), "Ampel vom 1. April 2024 liegt nach dem Stand"),
    "IK803": (
        {}, {"massnahmen": [dict(M, verlauf=verlauf(("2023-06-01", "in Umsetzung"),
                                                    ("2023-02-01", "geplant")))]},
        ("bildung.yaml", 35, "IK803"),
        "Verlaufseintrag vom 1. Februar 2023 steht nach dem vom 1. Juni 2023"),
    "IK804": (
        {}, {"massnahmen": [dict(M, verlauf=verlauf(("2023-06-01", "umgesetzt"),
                                                    ("2024-01-05", "geplant")))]},
        ("bildung.yaml", 36, "IK804"),
        "ist am 5. Januar 2024 wieder „geplant“, war aber am 1. Juni 2023 schon „umgesetzt“"),
    "IK805": (
        BERICHTE, {"indikatoren": [dict(IND, istwerte={2022: 3, 2023: 4, 2025: 9})]},
        ("bildung.yaml", 23, "IK805"), "Ist-Wert für 2025 liegt in keinem Berichtszeitraum"),
    "IK806": (
        {}, {"indikatoren": [dict(IND, basiswert={"wert": 10, "jahr": 2022},
                                  zielwert={"wert": 5, "jahr": 2028})]},
        ("bildung.yaml", 24, "IK806"), "hat einen Zielwert, aber keine Richtung"),
    "IK807": (
        BERICHTE, {"massnahmen": [dict(M, verlauf=verlauf(("2023-06-01", "in Umsetzung")))]},
        ("bildung.yaml", 32, "IK807"),
        "Maßnahme „m-1“ hat im Berichtszeitraum „Umsetzungsbericht 2024“ keinen "
        "Verlaufseintrag"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_check_reports_at_location(concept, name: str) -> None:
    konzept_changes, inhalt_changes, expected, words = CASES[name]
    root = concept(konzept=konzept_changes, inhalt=inhalt_changes)
    problems = validate(root, CheckContext(heute=dt.date(2024, 6, 1))).problems
    found = [p for p in problems if p.code == expected[2]]
    assert len(found) == 1, problems
    p = found[0]
    assert (p.location.file, p.location.line, p.code) == expected, (root / "bildung.yaml"
                                                                     ).read_text()
    assert words in p.message
    assert p.hint


@pytest.mark.parametrize("name", list(CASES))
def test_clean_monitoring_data_reports_nothing(concept, name: str) -> None:
    """The same concept with a valid monitoring record: none of the monitoring codes."""
    root = concept(konzept=BERICHTE, inhalt={
        "ziele": [dict(Z, ampel=[{"ampel": "rot", "begruendung": "Kurs fällt aus",
                                  "bewertet_von": "Steuerungsgruppe", "bericht": "b-2024"}])],
        "massnahmen": [dict(M, verlauf=verlauf(("2023-06-01", "in Umsetzung"),
                                               ("2024-02-01", "umgesetzt")))],
        "indikatoren": [dict(IND, richtung="steigen", basiswert={"wert": 1, "jahr": 2021},
                             zielwert={"wert": 5, "jahr": 2028}, istwerte={2022: 2, 2024: 3})],
    })
    codes = {p.code for p in validate(root, CheckContext(heute=dt.date(2024, 6, 1))).problems}
    assert not codes & {f"IK80{n}" for n in range(1, 8)}, codes


def test_stale_entries_can_be_switched_off(concept) -> None:
    root = concept(konzept={**BERICHTE, "pruefungen": {"ohne-aktualisierung": "aus"}},
                   inhalt={"massnahmen": [dict(M, verlauf=verlauf(("2023-06-01", "geplant")))]})
    assert "IK807" not in {p.code for p in validate(root).problems}
