"""`ik bericht`: the counts, the words in the report, its DOCX tables and PDF text."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ik_testing import BASE_INHALT, BASE_KONZEPT, EXAMPLES, write_concept
from integrationskonzept import cli
from integrationskonzept.checks.runner import validate
from integrationskonzept.cli.commands import app
from integrationskonzept.monitoring import waehle
from integrationskonzept.monitoring.report import to_dict, umsetzungsbericht

BERICHTE = [
    {"id": "b-2023", "titel": "Umsetzungsbericht 2023",
     "zeitraum": {"beginn": "2023-01", "ende": "2023-12"}, "stichtag": "2023-12-31"},
    {"id": "b-2024", "titel": "Zwischenbericht 2024",
     "zeitraum": {"beginn": "2024-01", "ende": "2024-12"}, "stichtag": "2024-02-28"},
]
SG = "Steuerungsgruppe Integration"


def small(tmp_path: Path) -> Path:
    konzept = {**copy.deepcopy(BASE_KONZEPT), "berichte": BERICHTE}
    inhalt = copy.deepcopy(BASE_INHALT)
    inhalt["ziele"] = [
        {"id": "z-1", "titel": "Mehr Kursplätze", "indikatoren": ["i-1"], "ampel": [
            {"ampel": "grün", "bericht": "b-2023", "begruendung": "Plätze wie geplant",
             "bewertet_von": SG},
            {"ampel": "rot", "bericht": "b-2024", "begruendung": "Kursleitung fehlt seit Januar",
             "bewertet_von": SG}]},
        {"id": "z-2", "titel": "Eltern beteiligen", "indikatoren": ["i-1"]}]
    inhalt["indikatoren"] = [{
        "id": "i-1", "name": "Kursplätze mit Kinderbetreuung", "definition": "Zahl der Plätze",
        "datenquelle": "VHS", "einheit": "Plätze", "richtung": "steigen",
        "basiswert": {"wert": 20, "jahr": 2022}, "zielwert": {"wert": 40, "jahr": 2026},
        "istwerte": {2023: 22, 2024: 18}}]
    m = inhalt["massnahmen"][0]

    def measure(**fields: Any) -> dict[str, Any]:
        return dict(copy.deepcopy(m), **fields)

    inhalt["massnahmen"] = [
        measure(id="m-1", titel="Sprachcafé", zeitraum={"beginn": "2023", "ende": "2025"},
             verlauf=[{"datum": "2023-03-01", "status": "in Umsetzung", "fortschritt": 30},
                      {"datum": "2024-01-20", "status": "verzögert", "fortschritt": 30,
                       "text": "Kursleitung erkrankt"}]),
        measure(id="m-2", titel="Kurs mit Kinderbetreuung",
                zeitraum={"beginn": "2023", "ende": "2023-12"},
             verlauf=[{"datum": "2023-02-01", "status": "in Umsetzung", "fortschritt": 40}]),
        measure(id="m-3", titel="Elternabend", ziele=["z-2"], status="umgesetzt",
             zeitraum={"beginn": "2023", "ende": "2023"})]
    return write_concept(tmp_path / "konzept", {"konzept.yaml": konzept, "inhalt.yaml": inhalt})


def report(root: Path, **option: Any) -> dict[str, Any]:
    k = validate(root).konzept
    periode, vorher = waehle(k, **option)
    return to_dict(umsetzungsbericht(k, periode, vorher))


def test_counts_changes_and_due_entries(tmp_path: Path) -> None:
    data = report(small(tmp_path))
    assert data["periode"]["titel"] == "Zwischenbericht 2024"
    assert data["vorher"]["id"] == "b-2023"
    assert {k: n for k, n in data["status_zaehlung"].items() if n} == {
        "in Umsetzung": 1, "verzögert": 1, "umgesetzt": 1}
    assert data["ampel_zaehlung"] == {"grün": 0, "gelb": 0, "rot": 1, "nicht bewertet": 1}
    assert data["stufen_zaehlung"]["entfernt sich"] == 1
    assert data["aenderungen"] == [
        "1 Maßnahme ist seit „Umsetzungsbericht 2023“ neu „verzögert“: „Sprachcafé“.",
        "Schlechter bewertet als im Vorbericht: „Mehr Kursplätze (grün → rot)“.",
        "Neu bewertete Indikatoren: „Kursplätze mit Kinderbetreuung (zu langsam → entfernt "
        "sich)“."]
    assert data["ueberfaellig"] == ["m-2"]
    assert data["ohne_aktualisierung"] == ["m-2"]
    assert data["ziele_ohne_ampel"] == ["z-2"]
    [feld] = data["felder"]
    ziel = feld["ziele"][0]
    assert (ziel["ampel"], ziel["begruendung"], ziel["fortschritt"]) == (
        "rot", "Kursleitung fehlt seit Januar", 35.0)
    assert feld["fortschritt"] == pytest.approx((35.0 + 100.0) / 2)


def test_earlier_period_by_year(tmp_path: Path) -> None:
    data = report(small(tmp_path), jahr=2023)
    assert data["periode"]["id"] == "b-2023" and data["vorher"] is None
    assert data["ampel_zaehlung"]["grün"] == 1
    assert data["aenderungen"][0].startswith("Dies ist der erste Bericht")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=True)
    code, out = result.exit_code, result.output
    if isinstance(result.exception, cli.IkError):
        code, out = result.exception.exit_code, out + result.exception.message
    return code, out


def test_json_is_the_same_content(tmp_path: Path) -> None:
    root = small(tmp_path)
    code, out = run("bericht", str(root), "--format", "json", "--out", str(tmp_path / "aus"))
    assert code == 0, out
    data = json.loads((tmp_path / "aus" / "umsetzungsbericht.json").read_text("utf-8"))
    assert data == json.loads(json.dumps(report(root)))


@pytest.mark.parametrize(("args", "code", "words"), [
    (("--stichtag", "2024-02-28", "--jahr", "2024"), 2, "schließen sich aus"),
    (("--stichtag", "31.02.2024"), 2, "--stichtag: erwartet ein Datum"),
    (("--format", "xlsx"), 2, "Ungültiger Wert „xlsx“ für --format"),
])
def test_bad_options(tmp_path: Path, args: tuple[str, ...], code: int, words: str) -> None:
    got, out = run("bericht", str(small(tmp_path)), *args)
    assert (got, words in out) == (code, True), out


def test_peine_example_has_monitoring_data() -> None:
    data = report(EXAMPLES / "peine")
    assert data["periode"]["id"] == "b-2024" and data["vorher"]["id"] == "b-2023"
    assert data["ampel_zaehlung"]["rot"] >= 1
    assert data["status_zaehlung"]["verzögert"] >= 1
    stufen = {i["id"]: i["stufe"] for f in data["felder"] for i in f["indikatoren"]}
    assert stufen["i-elternberatungen"] == "entfernt sich"
    teile = {i["id"]: i["aufschluesselung"] for f in data["felder"] for i in f["indikatoren"]}
    assert teile["i-schulabgang-ohne-abschluss"] == [
        ["2023", {"gesamt": 12.9, "weiblich": 10.4, "maennlich": 15.1}]]
    rot = [z for f in data["felder"] for z in f["ziele"] if z["ampel"] == "rot"]
    assert all(z["begruendung"] for z in rot)


@pytest.mark.slow
def test_docx_and_pdf_carry_the_report(tmp_path: Path) -> None:
    import docx

    root = small(tmp_path)
    code, out = run("bericht", str(root), "--format", "docx,pdf", "--out", str(tmp_path / "aus"))
    assert code == 0, out
    doc = docx.Document(str(tmp_path / "aus" / "umsetzungsbericht.docx"))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    assert ["verzögert", "1"] in tables[0]
    assert ["rot", "1"] in tables[1]
    ziele = next(t for t in tables if t[0] == ["Ziel", "Ampel", "Fortschritt", "Begründung"])
    assert ziele[1][:2] == ["Mehr Kursplätze", "● rot"]
    assert "Kursleitung fehlt seit Januar" in ziele[1][3]
    alts = [s._inline.docPr.get("descr") for s in doc.inline_shapes]
    assert any(a.startswith("Liniendiagramm: Kursplätze mit Kinderbetreuung (Plätze); "
                            "Basiswert 2022 20") for a in alts), alts
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) fehlt")
    text = subprocess.run(["pdftotext", str(tmp_path / "aus" / "umsetzungsbericht.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    text = " ".join(text.split())
    for words in ("Zwischenbericht 2024", "Veränderungen seit dem letzten Bericht",
                  "Überfällige Maßnahmen", "Kurs mit Kinderbetreuung", "Bewertung: entfernt sich",
                  "Kursleitung erkrankt", "Eltern beteiligen"):
        assert words in text, words
