"""A workbook saved by LibreOffice Calc imports the same as one written by ik.

Calc stores dates as serial numbers with a date format, numbers as floats, booleans
as its own cells and formulas with their computed values.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from ik_testing import EXAMPLES
from integrationskonzept.cli import main

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")]


def _run(*args: str) -> int:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    return int(exc.value.code or 0)


def _resave_with_calc(src: Path, tmp: Path) -> Path:
    out = tmp / "calc"
    out.mkdir()
    profile = (tmp / "lo-profile").as_uri()
    subprocess.run([str(SOFFICE), f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(out), str(src)],
                   check=True, capture_output=True, timeout=180)
    return out / src.name


def test_calc_saved_workbook_round_trips_and_formulas_give_values(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = shutil.copytree(EXAMPLES / "lehrte", tmp_path / "lehrte")
    before = {p: p.read_bytes() for p in folder.rglob("*.yaml")}
    table = tmp_path / "t.xlsx"
    assert _run("tabelle", "export", str(folder), "--out", str(table)) == 0
    wb = openpyxl.load_workbook(table)
    ws = wb["Maßnahmen"]
    headers = [c.value for c in ws[1]]
    assert ws.cell(3, 1).value == "m-arb-bewerbung-buendeln"
    ws.cell(3, headers.index("Status") + 1).value = '="in "&"Umsetzung"'
    ws.cell(3, headers.index("Kosten") + 1).value = "=1000*12"
    ws.cell(3, headers.index("Schwerpunktmaßnahme") + 1).value = "=TRUE()"
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)

    plain = _resave_with_calc(table, tmp_path)
    capsys.readouterr()
    assert _run("tabelle", "import", str(plain), str(folder)) == 0
    assert "Keine Änderungen" in capsys.readouterr().out
    assert {p: p.read_bytes() for p in folder.rglob("*.yaml")} == before

    (tmp_path / "calc").rename(tmp_path / "calc-plain")
    calc = _resave_with_calc(edited, tmp_path)
    assert _run("tabelle", "import", str(calc), str(folder)) == 0
    text = (folder / "handlungsfelder" / "arbeit.yaml").read_text(encoding="utf-8")
    entry = text[text.index("- id: m-arb-bewerbung-buendeln"):]
    entry = entry[:entry.index("\n  - id:")]
    assert "status: in Umsetzung" in entry
    assert "schwerpunkt: true" in entry
    assert "kosten: '12000'" in entry or 'kosten: "12000"' in entry
