"""Every problem of a table located as Blatt!Zelle, all at once; nothing written on error."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from ik_testing import EXAMPLES
from integrationskonzept.cli import main


def _run(*args: str) -> int:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    return int(exc.value.code or 0)


EDITS = {  # (sheet, id, header) -> value
    ("Maßnahmen", "m-arb-mobile-sprechstunde", "Priorität"): "sehr hoch",
    ("Maßnahmen", "m-arb-mobile-sprechstunde", "Federführung"): "jobcentr",
    ("Maßnahmen", "m-arb-bewerbung-buendeln", "Titel"): None,
    ("Maßnahmen", "m-arb-bewerbung-buendeln", "Zeitraum: Ende"): "Ende 2027",
    ("Angebote", "a-arb-bewerbungscafe", "Kapazität"): "zwölf",
    ("Indikatoren", "i-arb-beratung-ortsteile", "Ist 2024"): "viele",
}
EXPECTED = [  # (location, code, words of the message)
    ("Maßnahmen!D1", "IK901", "Unbekannte Spalte „Beschreibng“"),
    ("Maßnahmen!K2", "IK903", "Spalte „Federführung“: unbekannte ID „jobcentr“"),
    ("Maßnahmen!P2", "IK902", "Spalte „Priorität“: „sehr hoch“ ist nicht erlaubt"),
    ("Maßnahmen!B3", "IK905", "Spalte „Titel“ ist ein Pflichtfeld und leer"),
    ("Maßnahmen!N3", "IK902", "Spalte „Zeitraum: Ende“: erwartet ein Datum"),
    ("Maßnahmen!A4", "IK904", "steht doppelt in der Tabelle"),
]


def test_problems_are_located_by_sheet_and_cell(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    folder = shutil.copytree(EXAMPLES / "lehrte", tmp_path / "lehrte")
    before = {p: p.read_bytes() for p in folder.rglob("*.yaml")}
    table = tmp_path / "t.xlsx"
    assert _run("tabelle", "export", str(folder), "--out", str(table)) == 0
    wb = openpyxl.load_workbook(table)
    ws = wb["Maßnahmen"]
    ws.cell(1, 4, "Beschreibng")
    ws.cell(4, 1, ws.cell(2, 1).value)  # a duplicate id in row 4
    for (sheet, ident, header), value in EDITS.items():
        sh = wb[sheet]
        headers = [c.value for c in sh[1]]
        row = next(r for r in range(2, sh.max_row + 1) if sh.cell(r, 1).value == ident)
        sh.cell(row, headers.index(header) + 1).value = value
    wb.save(table)
    capsys.readouterr()
    assert _run("tabelle", "import", str(table), str(folder)) == 1
    captured = capsys.readouterr()
    for loc, code, words in EXPECTED:
        line = next((x for x in captured.err.splitlines() if x.startswith(f"{loc}: ")), "")
        assert f"Fehler {code}" in line and words in line, (loc, captured.err)
    assert "Angebote!R" in captured.err and "erwartet eine ganze Zahl" in captured.err
    assert "Indikatoren!" in captured.err and "„viele“" in captured.err
    assert "Nichts geschrieben" in captured.out
    assert {p: p.read_bytes() for p in folder.rglob("*.yaml")} == before
