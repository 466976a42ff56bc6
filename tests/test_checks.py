"""Every check of `ik validate`: what it reports, where, and that it can be configured.

Each case: changes to the base concept → expected (file, line, code) and words.
"""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from ik_testing import BASE_INHALT
from integrationskonzept.checks import CheckContext, all_checks
from integrationskonzept.checks.runner import validate

M = BASE_INHALT["massnahmen"][0]

CASES = {
    "IK501 ziel-ohne-massnahme": (
        {}, {"massnahmen": [dict(M, ziele=[])]},
        ("bildung.yaml", 11, "IK501"), "Ziel „z-1“ (Mehr Kursplätze) wird von keiner Maßnahme"),
    "IK502 massnahme-ohne-federfuehrung": (
        {}, {"massnahmen": [{k: v for k, v in M.items() if k != "federfuehrung"}],
             "akteure": [dict(BASE_INHALT["akteure"][0])]},
        ("bildung.yaml", 21, "IK502"), "Maßnahme „m-1“ hat keine Federführung"),
    "IK503 massnahme-ohne-zeitraum": (
        {}, {"massnahmen": [{k: v for k, v in M.items() if k != "zeitraum"}]},
        ("bildung.yaml", 21, "IK503"), "weder Zeitraum noch Zeithorizont"),
    "IK504 massnahme-ohne-indikator": (
        {}, {"massnahmen": [dict(M, indikatoren=[])]},
        ("bildung.yaml", 21, "IK504"), "Maßnahme „m-1“ hat keinen Indikator"),
    "IK505 bedarf-ohne-quelle": (
        {}, {"bedarfe": [{"id": "b-1", "titel": "Kita-Plätze"}]},
        ("bildung.yaml", 32, "IK505"), "Bedarf „b-1“ nennt keine Quelle"),
    "IK506 handlungsfeld-ohne-ziel": (
        {"handlungsfelder": [{"id": "bildung", "name": "Bildung"},
                             {"id": "sport", "name": "Sport"}]}, {},
        ("konzept.yaml", 15, "IK506"), "Handlungsfeld „sport“ (Sport) hat kein Ziel"),
    "IK507 massnahme-abgelaufen": (
        {}, {"massnahmen": [dict(M, zeitraum={"beginn": "2022", "ende": "2023-06"},
                                 status="in Umsetzung")]},
        ("bildung.yaml", 31, "IK507"), "endete 2023-06, ist zum Stand 1. März 2024 aber noch"),
    "IK508 akteur-unbenutzt": (
        {}, {"akteure": [dict(BASE_INHALT["akteure"][0]),
                         {"id": "vhs", "name": "VHS Peine", "typ": "Bildungsträger"}]},
        ("bildung.yaml", 10, "IK508"), "Akteur „vhs“ (VHS Peine) wird nirgends genannt"),
    "IK302 stand-in-zukunft": (
        {"stand": "2099-01-01"}, {},
        ("konzept.yaml", 6, "IK302"), "Stand 1. Januar 2099 liegt in der Zukunft"),
    "IK204 vokabular": (
        {"sozialraeume": [{"id": "stederdorf", "name": "Stederdorf"}]}, {},
        ("konzept.yaml", 1, "IK204"), "Kein Sozialraum mit „art: gesamt“"),
    "IK701 logo-ohne-alternativtext": (
        {"logo": {"datei": "design/wappen.png"}}, {},
        ("konzept.yaml", 28, "IK701"), "Logo ohne Alternativtext"),
    "IK702 bild-in-text": (
        {}, {"ausgangslage": "Karte: ![](karte.png)"},
        ("bildung.yaml", 2, "IK702"), "Bild „karte.png“ ohne Alternativtext"),
    "IK703 text-ohne-wirkung": (
        {}, {"ausgangslage": "Siehe <b>hier</b> und [Akte](file:///etc/passwd)."},
        ("bildung.yaml", 2, "IK703"), "HTML-Code „<b>“ (und 1 weitere) wird nicht übernommen"),
    "IK509 kapitel-fast-leer": (
        {"handlungsfelder": [{"id": "bildung", "name": "Bildung"},
                             {"id": "sport", "name": "Sport"}]}, {},
        ("konzept.yaml", 15, "IK509"), "Das Kapitel „Sport“ enthält nichts"),
    "IK510 nummer-doppelt": (
        {}, {"massnahmen": [dict(copy.deepcopy(M), nummer="M 7.1"),
                            dict(copy.deepcopy(M), id="m-2", nummer="M  7.1",
                                 titel="Elterncafé")]},
        ("bildung.yaml", 42, "IK510"), "Nummer „M  7.1“ trägt schon Maßnahme „m-1“"),
    "IK704 fussnote-im-kreis": (
        {}, {"ausgangslage": "Lage[^1].\n\n[^1]: Fußnote[^1]"},
        ("bildung.yaml", 2, "IK704"), "Fußnote „[^1]“ verweist (über ihren Text) auf sich selbst"),
    "IK705 zu-tief-verschachtelt": (
        {}, {"ausgangslage": "Lage\n\n" + "> " * 500 + "tief"},
        ("bildung.yaml", 2, "IK705"), "mehr als 20 Ebenen tief verschachtelt"),
    "IK590 platzhalter": (
        {}, {"ausgangslage": "‹bitte ergänzen› Lage"},
        ("bildung.yaml", 2, "IK590"), "Platzhalter „‹bitte ergänzen›“"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_check_reports_at_location(concept, name: str) -> None:
    konzept_changes, inhalt_changes, expected, words = CASES[name]
    root = concept(konzept=konzept_changes, inhalt=inhalt_changes)
    problems = validate(root, CheckContext(heute=dt.date(2024, 6, 1))).problems
    found = [p for p in problems if p.code == expected[2]]
    assert found, problems
    p = found[0]
    assert (p.location.file, p.location.line, p.code) == expected
    assert words in p.message
    assert p.hint


def test_every_check_has_a_case_and_documentation() -> None:
    from monitoring.test_monitoring_checks import CASES as MONITORING

    # IK208, IK206: tests/workspace/test_workspace_refs.py; IK207: test_workspace_document.py.
    tested = {name.split()[0] for name in (*CASES, *MONITORING)} | {
        "IK202", "IK301", "IK205", "IK601", "IK208", "IK206", "IK207"}
    for chk in all_checks():
        assert chk.code in tested, f"{chk.code} has no test case"
        assert len(chk.doc) > 40, f"{chk.code} lacks a docstring"
        assert chk.name and chk.name == chk.name.lower()


@pytest.mark.parametrize(("setting", "expected"), [
    ("aus", None), ("Hinweis", "Hinweis"), ("Fehler", "Fehler")])
def test_severity_is_configurable(concept, setting: str, expected: str | None) -> None:
    for key in ("IK504", "massnahme-ohne-indikator"):
        root = concept(konzept={"pruefungen": {key: setting}},
                       inhalt={"massnahmen": [dict(M, indikatoren=[])]})
        found = [p.severity.label for p in validate(root).problems if p.code == "IK504"]
        assert found == ([expected] if expected else [])


def test_unknown_check_in_configuration(concept) -> None:
    root = concept(konzept={"pruefungen": {"massnahme-ohne-indikatr": "aus"}})
    [p] = validate(root).problems
    assert p.code == "IK107"
    assert p.hint == "Meinten Sie „massnahme-ohne-indikator“?"


def test_strict_fails_on_warnings_only_when_asked(concept) -> None:
    root = concept(inhalt={"massnahmen": [dict(M, indikatoren=[])]})
    report = validate(root)
    assert not report.failed()
    assert report.failed(strict=True)


def test_images_in_chapter_files_are_located_exactly(concept) -> None:
    root = concept(
        konzept={"kapitel": [{"id": "vorwort", "titel": "Vorwort",
                              "datei": "texte/vorwort.md"}]},
        extra={"texte/vorwort.md": "Liebe Leser*innen,\n\n![Karte der Ortsteile](karte.png)\n"
                                   "![](https://example.org/x.png)\n",
               "texte/karte.png": b"\x89PNG\r\n"})
    found = [(p.location.file, p.location.line, p.message) for p in validate(root).problems
             if p.code == "IK702"]
    assert found == [
        ("texte/vorwort.md", 4, "Bild „https://example.org/x.png“ aus dem Internet wird "
                                "nicht übernommen"),
        ("texte/vorwort.md", 4, "Bild „https://example.org/x.png“ ohne Alternativtext"),
    ]
