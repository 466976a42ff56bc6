"""Lists of figures and tables in the PDF; an introducing paragraph stays with what follows."""

from __future__ import annotations

import re
from pathlib import Path

from render_helpers import SAMPLE, pdf_text, run


def test_pdf_lists_figures_and_tables(tmp_path: Path) -> None:
    pdf = run(SAMPLE, tmp_path, formats=["pdf"])["pdf"]
    pages = pdf_text(pdf).split("\f")
    lists = next(page for page in pages if "Abbildungen" in page)
    assert re.search(r"Abbildung 1\s+Anteil der Angebote je Handlungsfeld", lists)
    assert re.search(r"Tabelle 1\s+Beteiligte Akteur\*innen", lists)


def _filler(count: int) -> str:
    return "\n\n".join(f"Absatz {i} mit etwas Text, der eine Zeile füllt." for i in range(count))


def test_pdf_introducing_paragraph_does_not_end_a_page(tmp_path: Path) -> None:
    # how many one-line paragraphs fit on the first page of the chapter?
    probe = pdf_text(run(f"# Leitziel\n\n{_filler(80)}\n", tmp_path / "probe",
                         formats=["pdf"])["pdf"]).split("\f")
    first = next(page for page in probe if "Absatz 0 " in page)
    fits = max(int(n) for n in re.findall(r"Absatz (\d+) ", first)) + 1
    # the introducing paragraph is the last line that fits: it moves to the next page
    markdown = (f"# Leitziel\n\n{_filler(fits - 1)}\n\nDas wollen wir bis 2030 erreichen:\n\n"
                "Alle sprechen Deutsch.\n")
    pages = pdf_text(run(markdown, tmp_path / "doc", formats=["pdf"])["pdf"]).split("\f")
    [page] = [p for p in pages if "erreichen:" in p]
    assert "Alle sprechen Deutsch." in page
