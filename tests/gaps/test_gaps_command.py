"""`ik gaps` as a user runs it (formats, filters, exit codes) and the check IK601."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from ik_testing import ik, ik_streams
from integrationskonzept.checks import CheckContext, offene_luecke
from integrationskonzept.gaps import report_for
from integrationskonzept.gaps.cache import forget
from integrationskonzept.gaps.formats import CSV_COLUMNS
from integrationskonzept.model.loader import load_concept

INHALT = {
    "angebote": [
        {"id": "a-kurs", "titel": "Integrationskurs VHS", "sozialraeume": ["stederdorf"],
         "kapazitaet": 18},
    ],
    "bedarfe": [
        {"id": "b-kurs", "titel": "Integrationskurs Stederdorf", "sozialraeume": ["stederdorf"],
         "umfang": 40, "quelle": []},
        {"id": "b-kita", "titel": "Kita-Plätze", "handlungsfeld": "kita"},
        {"id": "b-ok", "titel": "Kurs", "sozialraeume": ["stederdorf"],
         "akzeptiert": {"grund": "Landkreis zuständig"}, "merkmale": ["abends"]},
    ],
}
KONZEPT = {"handlungsfelder": [{"id": "bildung", "name": "Bildung"},
                               {"id": "kita", "name": "Frühkindliche Bildung"}]}


def _line_of(path: Path, text: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return i
    raise AssertionError(text)


@pytest.fixture
def folder(concept) -> Path:
    return concept(KONZEPT, INHALT)


def test_ik601_message_and_location(folder: Path) -> None:
    konzept = load_concept(folder).konzept
    found = list(offene_luecke.check(konzept, CheckContext()))
    got = [(f.location.file, f.location.line, f.message) for f in found]
    assert got == [
        ("bildung.yaml", _line_of(folder / "bildung.yaml", "id: b-kurs"),
         "Bedarf „b-kurs“ (Integrationskurs Stederdorf) ist teilweise gedeckt: "
         "18 von 40 Plätzen"),
        ("bildung.yaml", _line_of(folder / "bildung.yaml", "id: b-kita"),
         "Bedarf „b-kita“ (Kita-Plätze) ist ungedeckt: kein Angebot im Handlungsfeld "
         "Frühkindliche Bildung"),
    ]
    assert found[0].hint == ("Ordnen Sie eine Maßnahme zu (bedarfe: [b-kurs]) oder vermerken "
                             "Sie akzeptiert: {grund: …}.")


def test_ik601_quiet_with_active_measure(concept) -> None:
    inhalt = dict(INHALT, bedarfe=INHALT["bedarfe"][:1], massnahmen=[
        {"id": "m-1", "titel": "Zweiter Kurs", "bedarfe": ["b-kurs"], "status": "in Umsetzung"},
        {"id": "m-2", "titel": "Alter Plan", "bedarfe": ["b-kurs"], "status": "entfallen"}])
    konzept = load_concept(concept(KONZEPT, inhalt)).konzept
    assert list(offene_luecke.check(konzept, CheckContext())) == []


def test_report_memo_per_concept(folder: Path) -> None:
    konzept = load_concept(folder).konzept
    assert report_for(konzept) is report_for(konzept)
    other = load_concept(folder).konzept
    assert report_for(other) is not report_for(konzept)
    forget(konzept)
    assert "gaps" not in konzept.cache


def gaps_command(folder: Path, fmt: str, handlungsfeld: str | None = None,
                 sozialraum: str | None = None, zielgruppe: str | None = None,
                 fail_on_open: bool = False) -> tuple[str, int]:
    args = ["gaps", str(folder), "--format", fmt]
    for option, value in (("--handlungsfeld", handlungsfeld), ("--sozialraum", sozialraum),
                          ("--zielgruppe", zielgruppe)):
        if value is not None:
            args += [option, value]
    if fail_on_open:
        args.append("--fehler-bei-luecken")
    code, out, _err = ik_streams(*args)
    return out, code


def test_formats(folder: Path) -> None:
    text, code = gaps_command(folder, "json")
    assert code == 0
    data = json.loads(text)
    assert data["zusammenfassung"]["lage"]["offen"] == 2
    text, code = gaps_command(folder, "csv")
    assert text.startswith("\ufeffbedarf;titel;")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == list(CSV_COLUMNS)
    assert [r[0] for r in rows[1:]] == ["b-kurs", "b-kita", "b-ok"]
    assert rows[1][CSV_COLUMNS.index("anteil_prozent")] == "45,0"
    text, code = gaps_command(folder, "markdown")
    assert "### Integrationskurs Stederdorf (b-kurs)" in text
    assert "- Grund: nicht abends" in text
    assert "- Akzeptiert: Landkreis zuständig" in text


def test_table_prints(folder: Path) -> None:
    out, code = gaps_command(folder, "table")
    assert code == 0
    assert "Lückenanalyse:" in out and "18 von 40 Plätzen" in out


EXIT_CASES = [
    ({}, 0),
    ({"fail_on_open": True}, 1),
    ({"fail_on_open": True, "handlungsfeld": "bildung", "sozialraum": "stederdorf"}, 1),
    ({"fail_on_open": True, "zielgruppe": "neuzugewanderte"}, 0),  # no need names it
    ({"fail_on_open": True, "handlungsfeld": "Frühkindliche Bildung"}, 1),  # by name
    ({"handlungsfeld": "bildng"}, 2),
    ({"sozialraum": "nirgendwo"}, 2),
]


@pytest.mark.parametrize(("options", "code"), EXIT_CASES)
def test_exit_codes(folder: Path, options: dict[str, object], code: int) -> None:
    assert gaps_command(folder, "json", **options)[1] == code  # type: ignore[arg-type]


def test_unknown_filter_suggests(folder: Path) -> None:
    code, out = ik("gaps", str(folder), "--handlungsfeld", "bildng")
    assert code == 2
    assert "Fehler: Unbekanntes Handlungsfeld „bildng“. Meinten Sie „bildung“?" in out


def test_load_errors_exit_1(concept) -> None:
    folder = concept({}, {"bedarfe": [{"id": "b", "titel": "X", "umfang": "viele"}]})
    text, code = gaps_command(folder, "json")
    assert code == 1
    assert json.loads(text)["zusammenfassung"]["fehler"] >= 1
    code, out = ik("gaps", str(folder))
    assert code == 1
    assert "Die Lückenanalyse braucht fehlerfreie Quellen" in out


def test_ik601_through_validate(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As registered in checks.MODULES: reported once per open gap, and configurable."""
    from integrationskonzept import checks
    from integrationskonzept.checks.runner import validate

    if "offene_luecke" not in checks.MODULES:
        monkeypatch.setattr(checks, "MODULES", (*checks.MODULES, "offene_luecke"))
    found = [p for p in validate(folder).problems if p.code == "IK601"]
    assert [(p.rule, p.severity.label) for p in found] == [("offene-luecke", "Warnung")] * 2
    konzept_yaml = folder / "konzept.yaml"
    konzept_yaml.write_text(konzept_yaml.read_text(encoding="utf-8")
                            + "pruefungen:\n  offene-luecke: aus\n", encoding="utf-8")
    assert not [p for p in validate(folder).problems if p.code == "IK601"]
