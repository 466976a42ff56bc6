"""Indicators as monitoring uses them: code, group, direction, periods and breakdowns in the
main document; a report period that does not exist is an unknown reference."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from ik_testing import BASE_INHALT, BASE_KONZEPT, write_concept
from integrationskonzept.checks.runner import validate
from integrationskonzept.document.context import build_context
from integrationskonzept.document.templates import render_markdown
from integrationskonzept.model.indikator import parse_periode

IND = {"id": "i-1", "nummer": "A.2.1", "name": "Schulabgänger ohne Abschluss",
       "gruppe": "Bildung", "handlungsfeld": "bildung", "definition": "Anteil",
       "datenquelle": "Schulstatistik", "einheit": "%", "richtung": "sinken",
       "basiswert": {"wert": "14,2", "jahr": "2003/04"}, "zielwert": {"wert": 9, "jahr": 2030},
       "istwerte": {"2004/05": "13,1", "2015–2018": {"gesamt": "12,9", "weiblich": "10,4",
                                                     "maennlich": "15,1"}}}


def test_the_main_document_shows_code_group_direction_and_breakdown(tmp_path: Path) -> None:
    inhalt = {**copy.deepcopy(BASE_INHALT), "indikatoren": [IND]}
    root = write_concept(tmp_path / "k", {"konzept.yaml": BASE_KONZEPT, "inhalt.yaml": inhalt})
    report = validate(root)
    assert not report.failed(), report.problems
    dok, _ = build_context(report.konzept)
    text = render_markdown(dok, root).replace("\u00a0", " ")
    for words in ("A.2.1 Schulabgänger ohne Abschluss", "**Gruppe:** Bildung",
                  "**Richtung:** sinkende Werte sind besser",
                  "**Ist-Werte 2015–2018:** insgesamt 12,9 %, weiblich 10,4 %, männlich 15,1 %",
                  "14,2 % (2003/04)", "Ist 2004/05", "Ist 2015–2018"):
        assert words in text, words


@pytest.mark.parametrize(("text", "von", "bis"), [
    ("2023", 2023, 2023), ("2003/04", 2003, 2004), ("1999/00", 1999, 2000),
    ("2015–2018", 2015, 2018), ("2015-2018", 2015, 2018), ("2019/2020", 2019, 2020)])
def test_periods(text: str, von: int, bis: int) -> None:
    p = parse_periode(text)
    assert (p.von, p.bis, str(p)) == (von, bis, text)


@pytest.mark.parametrize("text", ["2018–2015", "23", "2023/1", "Schuljahr 2003"])
def test_bad_period_is_a_german_message(tmp_path: Path, text: str) -> None:
    inhalt = {**copy.deepcopy(BASE_INHALT),
              "indikatoren": [{**IND, "istwerte": {text: 3}}]}
    root = write_concept(tmp_path / "k", {"konzept.yaml": BASE_KONZEPT, "inhalt.yaml": inhalt})
    problems = [p for p in validate(root).problems if p.severity.label == "Fehler"]
    assert problems and "Schuljahr (2003/04)" in problems[0].message, problems


def test_unknown_report_period_in_an_ampel(tmp_path: Path) -> None:
    inhalt = copy.deepcopy(BASE_INHALT)
    inhalt["ziele"][0]["ampel"] = {"ampel": "gelb", "begruendung": "x", "bericht": "b-2099"}
    root = write_concept(tmp_path / "k", {"konzept.yaml": BASE_KONZEPT, "inhalt.yaml": inhalt})
    found = [(p.location.file, p.code) for p in validate(root).problems if "b-2099" in p.message]
    assert found == [("inhalt.yaml", "IK202")]


def test_short_forms_of_monitoring_entries(tmp_path: Path) -> None:
    """A single history entry may be written without a list; an Ampel as a bare word is
    refused with an example of the right form."""
    inhalt = copy.deepcopy(BASE_INHALT)
    inhalt["massnahmen"][0]["verlauf"] = {"datum": "2024-01-10", "status": "in Umsetzung"}
    inhalt["ziele"][0]["ampel"] = "rot"
    root = write_concept(tmp_path / "k", {"konzept.yaml": BASE_KONZEPT, "inhalt.yaml": inhalt})
    report = validate(root)
    errors = [(p.location.file, p.location.line, p.message) for p in report.problems
              if p.severity.label == "Fehler"]
    assert errors == [("inhalt.yaml", 15, "Ziel „z-1“: „ampel“: eine Ampel braucht Begründung "
                       "und Berichtszeitraum; schreiben Sie z. B. „ampel: {ampel: rot, bericht: "
                       "b-2024, begruendung: …}“")]
    assert report.konzept.massnahmen["m-1"].verlauf[0].status == "in Umsetzung"
