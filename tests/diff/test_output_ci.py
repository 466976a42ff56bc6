"""`ik validate --format github|sarif`: annotations and SARIF 2.1.0 from problem values."""

from __future__ import annotations

import json

import pytest

from integrationskonzept.checks import all_checks, all_codes
from integrationskonzept.problems import Location, Problem, Severity
from integrationskonzept.problems.ci import (
    escape_data,
    escape_property,
    format_github,
    format_sarif,
)

PROBLEMS = [
    Problem("IK202", Severity.ERROR, "Verweis auf unbekannte ID „vhs2“",
            Location("handlungsfelder/sprache.yaml", 12, 20), "Meinten Sie „vhs“?", "verweise",
            (Location("akteure.yaml", 3, 7),)),
    Problem("IK504", Severity.WARNING, "Maßnahme „m-1“ hat keinen Indikator",
            Location("a,b:c.yaml", 4, 0), "", "massnahme-ohne-indikator"),
    Problem("IK590", Severity.INFO, "100 % fertig\r\nnoch offen", Location("texte/x.md"),
            rule="platzhalter"),
    Problem("IK010", Severity.ERROR, "konzept.yaml fehlt", Location("")),
]


@pytest.mark.parametrize(("text", "data", "prop"), [
    ("a%b", "a%25b", "a%25b"),
    ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
    ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
])
def test_escaping(text: str, data: str, prop: str) -> None:
    assert (escape_data(text), escape_property(text)) == (data, prop)


def test_github_annotations() -> None:
    assert format_github(PROBLEMS, "konzept/").splitlines() == [
        "::error file=konzept/handlungsfelder/sprache.yaml,line=12,col=20,title=IK202::"
        "Verweis auf unbekannte ID „vhs2“%0AHinweis: Meinten Sie „vhs“?",
        "::warning file=konzept/a%2Cb%3Ac.yaml,line=4,title=IK504::"
        "Maßnahme „m-1“ hat keinen Indikator",
        "::notice file=konzept/texte/x.md,title=IK590::100 %25 fertig%0D%0Anoch offen",
        "::error title=IK010::konzept.yaml fehlt",
    ]
    assert format_github([]) == ""


def test_sarif() -> None:
    log = json.loads(format_sarif(PROBLEMS, "konzept/", "0.1.0", all_codes()))
    assert log["version"] == "2.1.0" and "sarif-2.1.0" in log["$schema"]
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("ik", "0.1.0")
    rules = driver["rules"]
    ids = [r["id"] for r in rules]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    assert ids == [c.code for c in all_codes()]
    for check in all_checks():
        rule = rules[ids.index(check.code)]
        assert rule["name"] == check.name
        assert rule["fullDescription"]["text"] == check.doc
        assert rule["shortDescription"]["text"] == check.doc.splitlines()[0]
    first, second, third, fourth = run["results"]
    assert first["ruleId"] == "IK202" and rules[first["ruleIndex"]]["id"] == "IK202"
    assert first["level"] == "error"
    assert first["message"]["text"] == (
        "Verweis auf unbekannte ID „vhs2“\nHinweis: Meinten Sie „vhs“?")
    assert first["locations"] == [{"physicalLocation": {
        "artifactLocation": {"uri": "konzept/handlungsfelder/sprache.yaml"},
        "region": {"startLine": 12, "startColumn": 20}}}]
    assert first["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "konzept/akteure.yaml"
    assert second["level"] == "warning"
    assert second["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "konzept/a%2Cb%3Ac.yaml"}, "region": {"startLine": 4}}
    assert third["level"] == "note"
    assert "region" not in third["locations"][0]["physicalLocation"]
    assert "locations" not in fourth


def test_sarif_unknown_code_gets_a_rule() -> None:
    problem = Problem("IK999", Severity.WARNING, "Neu", Location("x.yaml", 1, 1), rule="neu")
    run = json.loads(format_sarif([problem]))["runs"][0]
    rule = run["tool"]["driver"]["rules"][run["results"][0]["ruleIndex"]]
    assert (rule["id"], rule["name"]) == ("IK999", "neu")
    assert "version" not in run["tool"]["driver"]
