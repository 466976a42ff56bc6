"""Export → import without edits changes no byte; edits change only their keys."""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
from pathlib import Path

import openpyxl
import pytest

from ik_testing import EXAMPLES
from integrationskonzept.cli import main


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def _run(*args: str) -> int:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    return int(exc.value.code or 0)


@pytest.mark.parametrize("name", ["peine", "lehrte"])
@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_import_without_edits_changes_no_byte(tmp_path: Path, name: str, fmt: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    folder = shutil.copytree(EXAMPLES / name, tmp_path / name)
    before = _snapshot(folder)
    out = tmp_path / ("t.xlsx" if fmt == "xlsx" else "csv")
    assert _run("tabelle", "export", str(folder), "--out", str(out), "--format", fmt) == 0
    tables = [out] if fmt == "xlsx" else sorted(out.glob("*.csv"))
    assert len(tables) == (1 if fmt == "xlsx" else 6)
    for table in tables:
        assert _run("tabelle", "import", str(table), str(folder)) == 0
        assert "Keine Änderungen" in capsys.readouterr().out
    assert _snapshot(folder) == before


def _edit(path: Path, sheet: str, ident: str, values: dict[str, object]) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    headers = [c.value for c in ws[1]]
    row = next((r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == ident),
               ws.max_row + 1)
    ws.cell(row, 1, ident)
    for header, value in values.items():
        ws.cell(row, headers.index(header) + 1).value = value
    wb.save(path)


def test_edits_touch_only_the_changed_keys(tmp_path: Path) -> None:
    folder = shutil.copytree(EXAMPLES / "lehrte", tmp_path / "lehrte")
    table = tmp_path / "t.xlsx"
    assert _run("tabelle", "export", str(folder), "--out", str(table)) == 0
    source = folder / "handlungsfelder" / "arbeit.yaml"
    old = source.read_text(encoding="utf-8").splitlines()
    _edit(table, "Maßnahmen", "m-arb-mobile-sprechstunde",
          {"Status": "in Umsetzung", "Zeitraum: Ende": dt.datetime(2028, 6, 30)})
    _edit(table, "Maßnahmen", "m-arb-neu", {"Titel": "Neue Sprechstunde",
                                             "Handlungsfeld": "arbeit", "Priorität": "hoch"})
    assert _run("tabelle", "import", str(table), str(folder)) == 0
    new = source.read_text(encoding="utf-8").splitlines()
    delta = list(difflib.unified_diff(old, new, n=0, lineterm=""))[2:]
    removed = [line[1:] for line in delta if line.startswith("-") and line != "-"]
    added = [line[1:] for line in delta if line.startswith("+") and line != "+"]
    assert "\n\n  - id: m-arb-neu\n" in "\n".join(new)
    assert "    prioritaet: hoch\n\nangebote:" in "\n".join(new)
    assert removed == ["      ende: 2027-12", "    status: geplant"]
    assert added == ["      ende: 2028-06-30", "    status: in Umsetzung",
                     "  - id: m-arb-neu", "    titel: Neue Sprechstunde",
                     "    prioritaet: hoch"]
    # every other file is untouched
    for other in (EXAMPLES / "lehrte").rglob("*.yaml"):
        rel = other.relative_to(EXAMPLES / "lehrte")
        if str(rel) != "handlungsfelder/arbeit.yaml":
            assert (folder / rel).read_bytes() == other.read_bytes(), rel


def test_probe_shows_the_changes_in_words_of_diff_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = shutil.copytree(EXAMPLES / "peine", tmp_path / "peine")
    before = _snapshot(folder)
    table = tmp_path / "t.xlsx"
    assert _run("tabelle", "export", str(folder), "--out", str(table)) == 0
    wb = openpyxl.load_workbook(table)
    ident = wb["Maßnahmen"].cell(2, 1).value
    wb.save(table)
    _edit(table, "Maßnahmen", ident, {"Status": "umgesetzt"})
    capsys.readouterr()
    assert _run("tabelle", "import", str(table), str(folder), "--probe") == 0
    out = capsys.readouterr().out
    assert f"({ident}): geändert" in out and "Status: " in out and "→ umgesetzt" in out
    assert "Würde ändern: handlungsfelder/" in out
    assert _snapshot(folder) == before


def test_text_columns_are_formatted_as_text_so_leading_zeros_stay(tmp_path: Path) -> None:
    """Excel and LibreOffice keep "01067" typed into a cell formatted as text ("@"); in a
    cell of the standard format it becomes the number 1067. The workbook formats every
    text, id and list column (also its empty rows) as text, and no number or date column."""
    from integrationskonzept.tables.columns import DATE, INT, NUMBER, SHEETS, YEAR, columns_for
    from integrationskonzept.tables.export import TEXT_KINDS

    folder = shutil.copytree(EXAMPLES / "peine", tmp_path / "peine")
    table = tmp_path / "t.xlsx"
    assert _run("tabelle", "export", str(folder), "--out", str(table)) == 0
    wb = openpyxl.load_workbook(table)
    checked = 0
    for sheet in SHEETS:
        ws = wb[sheet.name]
        headers = [c.value for c in ws[1]]
        for col in columns_for(sheet):
            if col.header not in headers:
                continue
            letter = openpyxl.utils.get_column_letter(headers.index(col.header) + 1)
            fmt = ws.column_dimensions[letter].number_format
            if col.kind in TEXT_KINDS:
                assert fmt == "@", (sheet.name, col.header)
                filled = [c for c in ws[letter][1:] if isinstance(c.value, str)]
                assert all(c.number_format == "@" for c in filled), (sheet.name, col.header)
                checked += 1
            elif col.kind in (DATE, INT, NUMBER, YEAR):
                assert fmt != "@", (sheet.name, col.header)
    assert checked > 30
    # what Excel stores for "01067" typed into such a cell: the text, imported as written
    _edit(table, "Angebote", "a-sb-integrationskurse", {"Ort": "01067"})
    assert _run("tabelle", "import", str(table), str(folder)) == 0
    from integrationskonzept.model.loader import load_concept
    assert load_concept(folder).konzept.angebote["a-sb-integrationskurse"].ort == "01067"
