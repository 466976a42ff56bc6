"""Column widths of the document's tables follow their content; numbers and dates never
break inside, in the DOCX as LibreOffice lays it out too."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from integrationskonzept.document.markdown import Md
from integrationskonzept.document.parts import Tabelle

ROWS = [[Md(f"[M 6.{i}](#massnahme-{i})"), Md("Ausbau von „Mama lernt Deutsch“ um zwei Kurse"),
         Md("in Umsetzung")] for i in range(1, 8)]
TABLE = Tabelle("tbl-x", "Maßnahmen", ["Nr.", "Maßnahme", "Status"], ROWS)
# Tabelle 1 of examples/peine: „51.086“ and „31.12.2020“ broke in LibreOffice before
EINWOHNER = Tabelle("tbl-e", "Einwohner", ["Merkmal", "Wert", "Stichtag", "Quelle"], [
    [Md("Einwohnerinnen und Einwohner"), Md("51.086"), Md("31.12.2020"),
     Md("Stadt Peine (Darstellung der Kooperation mit dem forumZFD)")],
    [Md("Einwohnerinnen und Einwohner der 14 Ortsteile"), Md("24.230"), Md("31.12.2020"),
     Md("Einwohnermeldeamt der Stadt Peine (fiktiver Beispielwert)")],
    [Md("Anteil der Einwohner\\*innen mit Migrationsgeschichte"), Md("24,8 %"),
     Md("31.12.2023"), Md("Schätzung auf Basis des Mikrozensus (fiktiver Beispielwert)")],
])


def test_widths_follow_content() -> None:
    nr, titel, status = TABLE.breiten()
    assert nr < status < titel
    assert TABLE.trenner == "|" + "|".join("-" * n for n in (nr, titel, status)) + "|"


def _docx_of(table: Tabelle, tmp_path: Path) -> Path:
    from render_helpers import run

    rows = "\n".join("| " + " | ".join(str(c) for c in row) + " |" for row in table.zeilen)
    head = "| " + " | ".join(table.kopf) + " |"
    markdown = f"# Tabelle\n\n{head}\n{table.trenner}\n{rows}\n\n: {table.titel}\n"
    return Path(run(markdown, tmp_path, formats=["docx"])["docx"])


def test_docx_columns_are_not_equal_and_fill_the_text_width(tmp_path: Path) -> None:
    body = zipfile.ZipFile(_docx_of(TABLE, tmp_path)).read("word/document.xml").decode()
    cols = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', body)]
    assert len(cols) == 3 and cols[0] < cols[2] < cols[1]
    page = re.search(r'<w:pgSz w:h="\d+" w:w="(\d+)"', body)
    margins = re.search(r'<w:pgMar w:bottom="\d+" w:footer="\d+" w:gutter="(\d+)" '
                        r'w:header="\d+" w:left="(\d+)" w:right="(\d+)"', body)
    assert page and margins
    assert sum(cols) == int(page.group(1)) - sum(int(m) for m in margins.groups())


@pytest.mark.slow
def test_libreoffice_keeps_numbers_and_dates_whole(tmp_path: Path) -> None:
    from render_helpers import pdf_text

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice fehlt")
    docx = _docx_of(EINWOHNER, tmp_path)
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(docx)],
                   check=True, capture_output=True, timeout=180)
    text = pdf_text(tmp_path / "pdf" / "integrationskonzept.pdf", "-layout")
    lines = [line for line in text.splitlines()
             if line.lstrip().startswith(("Einwohnerinnen", "Anteil"))]
    assert len(lines) == 3, text
    for line, value in zip(lines, ["51.086", "24.230", "24,8 %"], strict=True):
        assert value in line, text
        assert re.search(r"31\.12\.202[03]", line), text


def test_each_table_gets_the_width_of_its_own_section() -> None:
    from integrationskonzept.render.docxtables import fit_table_grids

    def table(*cols: int, inner: str = "") -> str:
        grid = "".join(f'<w:gridCol w:w="{c}" />' for c in cols)
        return f"<w:tbl><w:tblGrid>{grid}</w:tblGrid><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl>"

    def section(width: int, left: int, right: int) -> str:
        return (f'<w:sectPr><w:pgSz w:h="1" w:w="{width}" /><w:pgMar w:bottom="1" '
                f'w:gutter="0" w:left="{left}" w:right="{right}" w:top="1" /></w:sectPr>')

    portrait, landscape = section(11906, 1417, 1247), section(16838, 1417, 1247)
    xml = ("<w:body>" + table(3960, 3960) + f"<w:p><w:pPr>{portrait}</w:pPr></w:p>"
           + table(1000, 2000, 4920, inner=table(500, 500)) + landscape + "</w:body>")
    out = fit_table_grids(xml.encode()).decode()
    grids = [[int(w) for w in re.findall(r'w:w="(\d+)"', g)]
             for g in re.findall(r"<w:tblGrid>(.*?)</w:tblGrid>", out)]
    assert grids == [[4621, 4621], [1790, 3579, 8805], [500, 500]]  # inner table kept
    assert sum(grids[1]) == 16838 - 1417 - 1247
