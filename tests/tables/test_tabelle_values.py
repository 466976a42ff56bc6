"""Cell values as spreadsheet programs hand them back, per column kind (pure)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from integrationskonzept.cli import main
from integrationskonzept.model.fielddates import parse_zeitpunkt
from integrationskonzept.tables.columns import (
    BOOL,
    CHOICE,
    DATE,
    INT,
    LIST,
    NUMBER,
    PERIOD,
    PERIODE,
    YEAR,
    Column,
)
from integrationskonzept.tables.values import CellError, from_cell, same, to_csv_text

CASES = [  # (kind, cell value, expected value)
    (BOOL, "WAHR", True), (BOOL, "falsch", False), (BOOL, 1.0, True), (BOOL, "ja", True),
    (BOOL, "TRUE()", True),
    (INT, "1.200", 1200), (INT, 12.0, 12), (YEAR, 2030.0, 2030), (YEAR, "2030", 2030),
    (NUMBER, "1.234,5", 1234.5), (NUMBER, "21,5", 21.5), (NUMBER, 3, 3.0),
    (DATE, 45000.0, dt.date(2023, 3, 15)), (DATE, "17.08.2017", dt.date(2017, 8, 17)),
    (DATE, dt.datetime(2024, 1, 2), dt.date(2024, 1, 2)),
    (LIST, "a; b;\nc", ["a", "b", "c"]), (LIST, None, []),
    (CHOICE, "Hoch", "hoch"), (CHOICE, " mittel ", "mittel"),
]
PERIODS = [("2025-03", "2025-03"), (2026.0, "2026"), (2026, "2026"),
           (dt.datetime(2024, 3, 15), "2024-03-15"), (45000.0, "2023-03-15")]
ERRORS = [(BOOL, "vielleicht", "erwartet WAHR oder FALSCH"), (INT, "zwölf", "ganze Zahl"),
          (YEAR, 1800, "Jahreszahl"), (INT, -3, "ab 0"), (NUMBER, "viel", "eine Zahl"),
          (DATE, "gestern", "ein Datum"), (PERIOD, "bald", "einen Monat"),
          (PERIODE, "irgendwann", "Schuljahr"), (CHOICE, "sehr hoch", "erlaubt sind")]


def _col(kind: str) -> Column:
    return Column(("x",), "X", kind, choices=("hoch", "mittel", "niedrig"))


@pytest.mark.parametrize(("kind", "raw", "expected"), CASES)
def test_cells_as_spreadsheets_store_them(kind: str, raw: object, expected: object) -> None:
    assert from_cell(_col(kind), raw) == expected


@pytest.mark.parametrize(("raw", "text"), PERIODS)
def test_periods_keep_their_precision(raw: object, text: str) -> None:
    assert same(from_cell(_col(PERIOD), raw), parse_zeitpunkt(text))


@pytest.mark.parametrize(("kind", "raw", "words"), ERRORS)
def test_a_wrong_cell_says_what_it_expected(kind: str, raw: object, words: str) -> None:
    with pytest.raises(CellError, match=words):
        from_cell(_col(kind), raw)


def test_same_and_csv_text() -> None:
    assert same("Text\r\n", "Text") and same(None, []) and same(3, 3.0)
    assert [to_csv_text(v) for v in (None, True, dt.date(2024, 3, 1), 2.5, 7, "=1", "-3")] == [
        "", "WAHR", "01.03.2024", "2,5", "7", "'=1", "-3"]


def _run(*args: str) -> int:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    return int(exc.value.code or 0)


def test_a_windows_csv_with_commas_is_read(concept, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    folder = concept()
    table = tmp_path / "ziele.csv"
    with table.open("w", encoding="cp1252", newline="") as fh:
        csv.writer(fh, delimiter=",").writerows([["id", "Titel", "Zieljahr"],
                                                 ["z-1", "Mehr Kursplätze", "2030"]])
    assert _run("tabelle", "import", str(table), str(folder)) == 0
    assert "zieljahr: 2030" in (folder / "bildung.yaml").read_text(encoding="utf-8")
    assert "Titel" not in capsys.readouterr().err


def test_an_emptied_cell_removes_the_key(concept, tmp_path: Path) -> None:
    folder = concept()
    table = tmp_path / "massnahmen.csv"
    with table.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows([
            ["id", "Titel", "Zeitraum: Beginn", "Zeitraum: Ende", "Indikatoren"],
            ["m-1", "Sprachcafé", "", "", "i-1"]])
    assert _run("tabelle", "import", str(table), str(folder)) == 0
    text = (folder / "bildung.yaml").read_text(encoding="utf-8")
    assert "zeitraum" not in text and "beginn" not in text and "titel: Sprachcafé" in text
