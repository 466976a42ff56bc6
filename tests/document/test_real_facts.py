"""Real concepts without workarounds: partial facts, plan numbers, versions, references.

Each case is data: sources (small dicts) → words the document must show, or problems
(file, line, code) `ik validate` must report.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from doc_helpers import expanded_of

from ik_testing import BASE_INHALT, BASE_KONZEPT, write_concept
from integrationskonzept.checks.runner import validate
from integrationskonzept.errors import SourceError
from integrationskonzept.render.build import build


def _concept(tmp_path: Path, konzept: dict[str, Any] | None = None,
             inhalt: dict[str, Any] | None = None, extra: dict[str, Any] | None = None) -> Path:
    k = copy.deepcopy(BASE_KONZEPT)
    k.update(konzept or {})
    i = copy.deepcopy(BASE_INHALT)
    i.update(inhalt or {})
    return write_concept(tmp_path / "k", {"konzept.yaml": k, "bildung.yaml": i, **(extra or {})})


# (what the sources say, words the document shows)
SHOWN = [
    ({"konzept": {"stand": "2024-03"}}, ["Stand: März 2024"], ["1. März 2024"]),
    ({"inhalt": {"angebote": [{"id": "a-ik", "titel": "Integrationskurse",
                               "art": "Integrationskurs", "kapazitaet": "ca. 80",
                               "einheit": "Kurse"}]}},
     ["**Kapazität:** ca. 80 Kurse", "**Art:** Integrationskurs"], []),
    ({"konzept": {"bevoelkerung": [{"merkmal": "Ausländische Schüler*innen", "wert": "rund 1.200",
                                    "stichtag": "2003/04", "quelle": "Statistisches Landesamt"}]}},
     ["rund 1.200", "2003/04"], []),
    ({"inhalt": {"leitziel": {"id": "lz-bildung", "nummer": "HZ1", "text": "Bildung für alle"},
                 "ausgangslage": "Siehe [[lz-bildung|unser Leitziel]]."}},
     ["## Leitziel HZ1 {#leitziel-lz-bildung}", "[unser Leitziel](#leitziel-lz-bildung)"],
     ["Das wollen wir bis"]),
    ({"inhalt": {"massnahmen": [dict(BASE_INHALT["massnahmen"][0], nummer="M 7.1",
                                     zeitraum="2024–2026, vorläufig", angabe="beispiel")]}},
     ["### M 7.1 Sprachcafé (Beispiel)", "2024 bis 2026 (vorläufig)"], ["M 1.1"]),
    ({"konzept": {"beschluesse": [
        {"gremium": "Rat der Stadt Peine", "datum": "2016-03", "geltung": "2016–2020",
         "gegenstand": "Integrationsplan", "version": "1.0"},
        {"gremium": "Rat der Stadt Peine", "datum": "2099-06", "status": "in Vorbereitung",
         "version": "2.0"}]}},
     ["Version 1.0, beschlossen vom Rat der Stadt Peine im März 2016, gültig 2016 bis 2020",
      "**Stand:** in Vorbereitung"], []),
    ({"inhalt": {"beteiligung": {"veranstaltungen": [
        {"id": "v-foren", "titel": "Fachforen Integration", "art": "Fachforum",
         "zeitraum": "2019–2020", "anzahl": 5, "teilnehmende": "über 200",
         "turnus": "jährlich", "quelle": ["https://www.example.org/fachforen",
                                          "Integrationsplan 2016, S. 12"]}]}}},
     ["**Art:** Fachforum", "**Anzahl:** 5", "**Teilnehmende:** über 200",
      "**Turnus:** jährlich", "<https://www.example.org/fachforen>",
      "Integrationsplan 2016, S. 12"], []),
]


@pytest.mark.parametrize(("sources", "shown", "absent"), SHOWN)
def test_document_shows_facts_as_written(tmp_path: Path, sources: dict[str, Any],
                                         shown: list[str], absent: list[str]) -> None:
    root = _concept(tmp_path, **sources)
    report = validate(root)
    assert not report.failed(), report.problems
    md = expanded_of(root)
    for words in shown:
        assert words in md, words
    for words in absent:
        assert words not in md, words


# (sources, expected problems (file, line, column, code))
PROBLEMS = [
    ({"extra": {"texte/vorwort.md": "# Vorwort\n\nWir danken [[gleichstelung]] und\n"
                                    "[[m-1|der Maßnahme]] sowie [[m-9|dem Beirat]].\n"},
      "konzept": {"kapitel": [{"id": "vorwort", "titel": "Vorwort",
                               "datei": "texte/vorwort.md"}]}},
     [("texte/vorwort.md", 3, 12, "IK202"), ("texte/vorwort.md", 4, 28, "IK202")]),
    ({"extra": {"bildung.yaml": "handlungsfeld: bildung\nausgangslage: |\n  Erste Zeile.\n"
                                "  Verweis auf [[z-9]] hier.\n"}},
     [("bildung.yaml", 4, 15, "IK202")]),
    ({"konzept": {"beschluesse": [{"gremium": "Rat", "datum": "2099-01-01"}]}},
     [("konzept.yaml", 0, 0, "IK302")]),
]


@pytest.mark.parametrize(("sources", "expected"), PROBLEMS)
def test_problems_at_their_position(tmp_path: Path, sources: dict[str, Any],
                                    expected: list[tuple[str, int, int, str]]) -> None:
    extra = sources.get("extra", {})
    root = _concept(tmp_path, konzept=sources.get("konzept"), extra=extra)
    if "bildung.yaml" in extra:  # the file replaces the base content: keep its entries
        base = copy.deepcopy(BASE_INHALT)
        del base["handlungsfeld"], base["ausgangslage"]
        write_concept(root, {"inhalt.yaml": base})
    found = [(p.location.file, p.location.line, p.location.column, p.code)
             for p in validate(root).problems if p.code in {c for *_x, c in expected}]
    for file, line, column, code in expected:
        if line == 0:
            assert any(f == file and c == code for f, _l, _c, c in found), found
        else:
            assert (file, line, column, code) in found, found


def test_planned_beschluss_may_lie_in_the_future(tmp_path: Path) -> None:
    root = _concept(tmp_path, konzept={"beschluesse": [
        {"gremium": "Rat", "datum": "2099-01-01", "status": "in Vorbereitung"}]})
    assert [p for p in validate(root).problems if p.code == "IK302"] == []


def test_build_refuses_placeholders_unless_draft(tmp_path: Path) -> None:
    root = _concept(tmp_path, inhalt={"ausgangslage": "‹bitte ergänzen›"})
    report = validate(root)
    assert [(p.location.file, p.location.line, p.code) for p in report.problems] == [
        ("bildung.yaml", 2, "IK590")]
    with pytest.raises(SourceError) as refused:
        build(root, formats=["md"], out=tmp_path / "out")
    assert "1 Platzhalter" in str(refused.value) and "--entwurf" in str(refused.value)
    assert not (tmp_path / "out").exists()
    result = build(root, formats=["md"], out=tmp_path / "out", draft=True)
    assert result.ok, result.problems


def test_title_page_names_the_kommune_as_it_calls_itself(tmp_path: Path) -> None:
    root = _concept(tmp_path, konzept={"kommune": {
        "name": "Stuttgart", "typ": "Stadt", "bezeichnung": "Landeshauptstadt Stuttgart"}})
    result = build(root, formats=["html"], out=tmp_path / "out")
    assert result.ok, result.problems
    html = (tmp_path / "out" / "integrationskonzept.html").read_text(encoding="utf-8")
    assert "Landeshauptstadt Stuttgart" in html
    assert "Stadt Landeshauptstadt" not in html and "Stadt Stuttgart" not in html


# (content file changes, code, words in the message or hint, words nowhere in any message)
MESSAGES = [
    ({"leitziel": {"horizont": 2030}}, "IK102",
     "Leitziel des Handlungsfelds „Bildung“: Pflichtfeld „text“ fehlt", "Unbekannte(r)"),
    ({"massnahmen": [dict(BASE_INHALT["massnahmen"][0], statu="geplant")]}, "IK101",
     "Erlaubt sind: id, titel, nummer", "Unbekannte(r)"),
    ({"angebote": [{"id": "a-1", "titel": "Kurs", "kapazitaet": {"maennlich": "2"}}]}, "IK103",
     "gefunden einen Eintrag mit Unterschlüsseln", "{'maennlich'"),
]


@pytest.mark.parametrize(("inhalt", "code", "words", "never"), MESSAGES)
def test_messages_name_the_entry_in_german(tmp_path: Path, inhalt: dict[str, Any], code: str,
                                           words: str, never: str) -> None:
    root = _concept(tmp_path, inhalt=inhalt)
    problems = validate(root).problems
    texts = [f"{p.message} {p.hint}" for p in problems if p.code == code]
    assert any(words in t for t in texts), texts
    assert not any(never in f"{p.message} {p.hint}" for p in problems)


def test_no_follow_up_warning_for_a_need_whose_measure_failed(tmp_path: Path) -> None:
    bedarf = {"id": "b-1", "titel": "Sprachkurs mit Kinderbetreuung",
              "quelle": ["Runder Tisch 2017"]}
    kaputt = dict(copy.deepcopy(BASE_INHALT["massnahmen"][0]), id="m-2", bedarfe=["b-1"],
                  status="bald")
    root = _concept(tmp_path, inhalt={"bedarfe": [bedarf], "massnahmen": [
        copy.deepcopy(BASE_INHALT["massnahmen"][0]), kaputt]})
    codes = [(p.location.file, p.code) for p in validate(root).problems]
    assert ("bildung.yaml", "IK104") in codes
    assert ("bildung.yaml", "IK601") not in codes, codes


def test_built_in_merkmale_stay_known_when_konzept_yaml_has_an_error(tmp_path: Path) -> None:
    angebot = {"id": "a-1", "titel": "Kurs", "merkmale": ["kinderbetreuung"]}
    root = _concept(tmp_path, konzept={"gliederung": ["lueckenanalys"]},
                    inhalt={"angebote": [angebot]})
    codes = [(p.location.file, p.code) for p in validate(root).problems]
    assert ("konzept.yaml", "IK104") in codes
    assert [c for c in codes if c[1] == "IK202"] == []
