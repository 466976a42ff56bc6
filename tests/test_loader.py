"""Loading a concept folder: schema problems as (file, line, code) data."""

from __future__ import annotations

from pathlib import Path

import pytest

from ik_testing import write_concept
from integrationskonzept.checks.runner import validate
from integrationskonzept.model.loader import load_concept


def problems_of(root: Path) -> list[tuple[str, int, str]]:
    return [(p.location.file, p.location.line, p.code) for p in validate(root).problems]


def test_base_concept_is_clean(concept) -> None:
    report = validate(concept())
    assert report.problems == []
    assert not report.failed(strict=True)


MASSNAHME_CASES = [
    # (extra keys for the measure, expected code, words in message, words in hint)
    ({"statu": "geplant"}, "IK101", "Unbekannter Schlüssel „statu“", "Meinten Sie „status“?"),
    ({"federführung": "gleichstellung"}, "IK101", "„federführung“",
     "ohne Umlaute geschrieben: „federfuehrung“"),
    ({"status": "in umsetzung"}, "IK104", "„in umsetzung“ ist nicht zulässig",
     "Meinten Sie „in Umsetzung“?"),
    ({"zeitraum": {"beginn": "2024", "ende": "31.02.2025"}}, "IK103",
     "„31.02.2025“ ist kein gültiges Datum", ""),
    ({"zeitraum": ["2024", "2025"]}, "IK103", "erwartet einen Eintrag mit Unterschlüsseln",
     ""),
    ({"schwerpunkt": "ja"}, "IK103", "erwartet „true“ oder „false“", ""),
    ({"titel": ""}, "IK103", "darf nicht leer sein", ""),
    ({"federfuehrung": "gleichstelung"}, "IK202", "unbekannte Akteur-ID „gleichstelung“",
     "Meinten Sie „gleichstellung“?"),
    ({"zielgruppen": ["bildung"]}, "IK202", "ist ein Eintrag der Art Handlungsfeld", ""),
    ({"beschreibung": "Siehe [[m-2]]."}, "IK202", "Verweis [[m-2]] im Text", ""),
    ({"zeitraum": {"beginn": "2025-06", "ende": "2024"}}, "IK301", "Ende 2024 liegt vor dem Beginn",
     ""),
]


@pytest.mark.parametrize(("extra", "code", "words", "hint"), MASSNAHME_CASES)
def test_massnahme_problems(concept, extra, code, words, hint) -> None:
    from ik_testing import BASE_INHALT

    m = dict(BASE_INHALT["massnahmen"][0], **extra)
    root = concept(inhalt={"massnahmen": [m]})
    found = [p for p in validate(root).problems if p.code == code]
    assert found, validate(root).problems
    p = found[0]
    assert p.location.file == "bildung.yaml"
    assert p.location.line > 0
    assert words in p.message
    assert hint in p.hint


def test_one_bad_entry_does_not_hide_the_others(concept) -> None:
    root = concept(inhalt={"massnahmen": [
        {"id": "m-1", "titel": "A", "status": "falsch"},
        {"id": "m-2", "titel": "B", "federfuehrung": "niemand"},
    ]})
    codes = {(p.code, p.message.split("„")[1].split("“")[0]) for p in validate(root).problems
             if p.code in {"IK104", "IK202"}}
    assert ("IK104", "m-1") in codes
    assert ("IK202", "federfuehrung") in codes


def test_reference_to_entry_that_failed_validation_is_not_reported_twice(concept) -> None:
    root = concept(inhalt={"akteure": [
        {"id": "gleichstellung", "name": "G", "typ": "Verwaltun"}]})
    codes = [p.code for p in validate(root).problems]
    assert "IK104" in codes
    assert "IK202" not in codes


def test_duplicate_ids_name_both_places(concept) -> None:
    root = concept(extra={"weitere.yaml": {"akteure": [
        {"id": "m-1", "name": "Doppelt", "typ": "Verwaltung"}]}})
    [p] = [p for p in validate(root).problems if p.code == "IK201"]
    assert p.location.file == "weitere.yaml"
    assert "schon als Maßnahme in bildung.yaml:" in p.message
    assert p.related[0].file == "bildung.yaml"


FILE_CASES = [
    # (files, expected (file, line, code))
    ({"stray.yaml": {"massnahme": []}}, ("stray.yaml", 1, "IK101")),
    ({"meta.yaml": {"titel": "X"}}, ("meta.yaml", 1, "IK101")),
    ({"leer.yaml": ""}, ("leer.yaml", 1, "IK008")),
    ({"liste.yaml": "- a\n- b\n"}, ("liste.yaml", 1, "IK008")),
    ({"alt.yaml.bak": "x: 1\n"}, ("alt.yaml.bak", 0, "IK009")),
    ({"tab.yaml": "akteure:\n\t- id: x\n"}, ("tab.yaml", 2, "IK003")),
    ({"latin1.yaml": "akteure: [{id: x, name: M\xfcller, typ: Politik}]\n".encode("latin-1")},
     ("latin1.yaml", 1, "IK002")),
    ({"dup.yaml": "akteure: []\nakteure: []\n"}, ("dup.yaml", 2, "IK007")),
    ({"nolist.yaml": "massnahmen: Sprachcafé\n"}, ("nolist.yaml", 1, "IK103")),
    ({"ohnehf.yaml": "leitziel: {text: x, horizont: 2030}\n"}, ("ohnehf.yaml", 1, "IK105")),
]


@pytest.mark.parametrize(("files", "expected"), FILE_CASES)
def test_file_level_problems(concept, files, expected) -> None:
    root = concept(extra=files)
    assert expected in problems_of(root)


def test_missing_konzept_yaml(tmp_path: Path) -> None:
    write_concept(tmp_path, {"akteure.yaml": {"akteure": []}})
    assert ("konzept.yaml", 0, "IK010") in problems_of(tmp_path)


def test_missing_markdown_file_suggests_the_right_one(concept) -> None:
    root = concept(konzept={"kapitel": [{"id": "vorwort", "titel": "Vorwort",
                                         "datei": "texte/vorwrt.md"}]},
                   extra={"texte/vorwort.md": "Liebe Leserinnen und Leser"})
    [p] = [p for p in validate(root).problems if p.code == "IK401"]
    assert p.location.file == "konzept.yaml"
    assert "Meinten Sie „texte/vorwort.md“?" in p.hint


def test_markdown_outside_the_folder_is_refused(concept) -> None:
    root = concept(konzept={"kapitel": [{"id": "x", "titel": "X", "datei": "../geheim.md"}]})
    assert any(p.code == "IK401" and "außerhalb" in p.message for p in validate(root).problems)


def test_inherited_handlungsfeld_and_chapter_text(concept) -> None:
    root = concept(konzept={"kapitel": [{"id": "vorwort", "titel": "Vorwort",
                                         "datei": "texte/vorwort.md"}]},
                   extra={"texte/vorwort.md": "Hallo"})
    k = load_concept(root).konzept
    assert k.massnahmen["m-1"].handlungsfeld == "bildung"
    assert k.inhalte["bildung"].leitziel.horizont == 2030
    assert k.texte == {"texte/vorwort.md": "Hallo"}


def test_german_dates_and_numbers(concept) -> None:
    root = concept(konzept={"stand": "01.03.2024", "bevoelkerung": [
        {"merkmal": "Einwohner", "wert": "51086", "stichtag": "31.12.2020", "quelle": "Stadt"},
        {"merkmal": "Anteil", "wert": "12,5", "einheit": "%", "stichtag": "2020-12-31",
         "quelle": "Stadt"}]})
    k = load_concept(root).konzept
    assert [b.wert for b in k.bevoelkerung] == [51086.0, 12.5]
    assert k.stand.isoformat() == "2024-03-01"


def test_thousands_separator_gets_a_hint(concept) -> None:
    root = concept(konzept={"sozialraeume": [
        {"id": "stadtweit", "name": "Peine", "art": "gesamt", "einwohner": "51.086"}]})
    [p] = [p for p in validate(root).problems if p.code == "IK103"]
    assert "Tausenderpunkte weglassen: 51086" in p.message


def test_broken_entry_causes_no_cascade_of_warnings(concept) -> None:
    from ik_testing import BASE_INHALT

    root = concept(inhalt={"massnahmen": [dict(BASE_INHALT["massnahmen"][0], statu="x")]})
    assert [p.code for p in validate(root).problems] == ["IK101"]


def test_folder_of_concepts_points_to_the_subfolders(tmp_path: Path) -> None:
    from ik_testing import BASE_KONZEPT

    write_concept(tmp_path, {"a/konzept.yaml": BASE_KONZEPT, "b/konzept.yaml": BASE_KONZEPT})
    [p] = validate(tmp_path).problems
    assert p.code == "IK010"
    assert p.hint == ("Dieser Ordner enthält Konzepte in Unterordnern: „a“, „b“. "
                      "Geben Sie einen davon an.")
