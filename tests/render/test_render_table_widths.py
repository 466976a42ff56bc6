"""Column widths of the document's tables follow their content."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from integrationskonzept.document.markdown import Md
from integrationskonzept.document.parts import Tabelle

ROWS = [[Md(f"[M 6.{i}](#massnahme-{i})"), Md("Ausbau von „Mama lernt Deutsch“ um zwei Kurse"),
         Md("in Umsetzung")] for i in range(1, 8)]
TABLE = Tabelle("tbl-x", "Maßnahmen", ["Nr.", "Maßnahme", "Status"], ROWS)


def test_widths_follow_content() -> None:
    nr, titel, status = TABLE.breiten()
    assert nr < status < titel
    assert nr >= len("M 6.1") + 5 and status >= len("Umsetzung") + 5  # words never split
    assert TABLE.trenner == "|" + "|".join("-" * n for n in (nr, titel, status)) + "|"


def test_docx_columns_are_not_equal(tmp_path: Path) -> None:
    from render_helpers import run

    rows = "\n".join("| " + " | ".join(str(c) for c in row) + " |" for row in ROWS)
    head = "| Nr. | Maßnahme | Status |"
    markdown = f"# Maßnahmen\n\n{head}\n{TABLE.trenner}\n{rows}\n\n: Maßnahmen\n"
    docx = run(markdown, tmp_path, formats=["docx"])["docx"]
    body = zipfile.ZipFile(docx).read("word/document.xml").decode()
    cols = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', body)]
    assert len(cols) == 3 and cols[0] < cols[2] < cols[1]
