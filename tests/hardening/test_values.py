"""Values from other hands: implausible dates, control characters, ids by case."""

from __future__ import annotations

import pytest

from integrationskonzept.checks.runner import validate

M = {"id": "m-1", "titel": "Sprachcafé", "ziele": ["z-1"], "federfuehrung": "gleichstellung",
     "indikatoren": ["i-1"]}


def problems(root):  # type: ignore[no-untyped-def]
    return [(p.location.file, p.location.line, p.code, p.message)
            for p in validate(root).problems if p.severity.label == "Fehler"]


@pytest.mark.parametrize(("zeitraum", "shown"), [
    ({"beginn": "2024", "ende": "9999-12-31"}, "9999-12-31"),
    ({"beginn": "2024", "ende": "9999-12"}, "9999-12"),
    ({"beginn": "0001", "ende": "2025"}, "0001"),
    ({"beginn": "2024", "ende": "31.12.9999"}, "31.12.9999"),
])
def test_implausible_dates_are_located_german_errors(concept, zeitraum, shown) -> None:
    root = concept(inhalt={"massnahmen": [dict(M, zeitraum=zeitraum)]})
    found = problems(root)
    assert [(f, c) for f, _line, c, _m in found] == [("bildung.yaml", "IK103")], found
    message = found[0][3]
    assert f"„{shown}“ liegt nicht zwischen 1900 und 2200" in message
    assert "Value error" not in message and "out of range" not in message


@pytest.mark.slow
def test_extreme_but_valid_values_build_with_charts(concept, tmp_path) -> None:
    from ik_testing import BASE_INHALT
    from integrationskonzept.render.build import build

    big = "9" * 15
    indikator = dict(BASE_INHALT["indikatoren"][0],
                     basiswert={"wert": big, "jahr": 1900}, zielwert={"wert": "-" + big,
                                                                     "jahr": 2200},
                     istwerte={"1900": "0,000000001", "2200": big})
    root = concept(inhalt={
        "massnahmen": [dict(M, zeitraum={"beginn": "1900", "ende": "2200-12-31"})],
        "indikatoren": [indikator],
        "bedarfe": [{"id": "b-1", "titel": "Kita", "umfang": big}],
        "angebote": [{"id": "a-1", "titel": "Kurs", "kapazitaet": big,
                      "laufzeit": {"beginn": "1900", "ende": "2200"}}]})
    assert not validate(root).failed()
    result = build(root, ["html", "pdf"], out=tmp_path / "out")
    assert result.ok, result.problems


@pytest.mark.parametrize(("value", "code_point"), [
    ('"Titel\\e]0;gekapert\\a"', "U+001B"),
    ('"\\0"', "U+0000"),
    ('"a\\x01b"', "U+0001"),
    ('"\\u009b31m"', "U+009B"),
])
def test_control_characters_written_as_escapes_are_refused(concept, value, code_point) -> None:
    root = concept()
    path = root / "bildung.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("ausgangslage: Viele Akteur*innen sind aktiv.",
                                 f"ausgangslage: {value}"), encoding="utf-8")
    found = [p for p in problems(root) if p[2] == "IK003"]
    assert [(f, line, c) for f, line, c, _m in found] == [("bildung.yaml", 2, "IK003")]
    assert f"Steuerzeichen {code_point} im Wert" in found[0][3]


def test_tab_and_newline_escapes_stay_allowed(concept) -> None:
    root = concept()
    path = root / "bildung.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "ausgangslage: Viele Akteur*innen sind aktiv.",
        'ausgangslage: "Erster Absatz.\\n\\nZweiter\\tAbsatz."'), encoding="utf-8")
    assert problems(root) == []


@pytest.mark.skipif(__import__("sys").platform != "linux", reason="byte file names")
def test_file_names_with_control_characters_or_bad_bytes_are_refused(concept) -> None:
    import os

    root = concept()
    (root / "a\x1b]0;x\x07.yaml").write_text("massnahmen: []\n", encoding="utf-8")
    os.close(os.open(os.path.join(os.fsencode(root), b"b\xff.yaml"), os.O_CREAT | os.O_WRONLY))
    found = sorted((f, line, c) for f, line, c, _m in problems(root))
    assert found == [("a%1B]0;x%07.yaml", 0, "IK012"), ("b%FF.yaml", 0, "IK012")]


def test_ids_differing_only_by_case_are_located_errors(concept) -> None:
    root = concept(inhalt={"ziele": [{"id": "z-1", "titel": "Mehr Kursplätze",
                                      "indikatoren": ["i-1"]},
                                     {"id": "Z-1", "titel": "Andere", "indikatoren": ["i-1"]}]})
    found = [(f, line, c) for f, line, c, _m in problems(root) if c == "IK203"]
    assert found == [("bildung.yaml", 15, "IK203")]
    [p] = [p for p in validate(root).problems if p.code == "IK203"]
    assert "„Z-1“ unterscheidet sich von „z-1“" in p.message
    assert p.related and p.related[0].line == 11


@pytest.mark.parametrize(("field", "value", "words"), [
    ("titel", "T" * 1_048_576, "Der Text ist zu lang (1048576 Zeichen; höchstens 5000)"),
    ("beschreibung", "x" * 300_000, "höchstens 200000"),
    ("id", "m-" + "1" * 200, "Die ID ist zu lang"),
])
def test_oversized_fields_are_located_errors(concept, field: str, value: str,
                                             words: str) -> None:
    root = concept(inhalt={"massnahmen": [dict(M, **{field: value})]})
    found = [p for p in validate(root).problems if p.code == "IK103"]
    assert found and found[0].location.file == "bildung.yaml"
    assert words in found[0].message
    assert len(found[0].message) < 300
