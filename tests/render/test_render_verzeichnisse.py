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


def test_pdf_lists_only_what_the_document_has(tmp_path: Path) -> None:
    # ik tells the theme whether there are figures and tables (no search by typst)
    only_table = "# Kapitel\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n: Eine Tabelle\n"
    pages = pdf_text(run(only_table, tmp_path / "t", formats=["pdf"])["pdf"]).split("\f")
    assert not any("Abbildungen" in page for page in pages)
    assert any(re.search(r"Tabelle 1\s+Eine Tabelle", page) for page in pages)
    text = pdf_text(run("# Kapitel\n\nNur Text.\n", tmp_path / "n", formats=["pdf"])["pdf"])
    assert "Abbildungen" not in text and "Tabellen" not in text


def test_figure_kinds_from_pandocs_typst() -> None:
    from integrationskonzept.render.typstdoc import figure_kinds

    image = '#figure([#box(image("diagramme/a.svg", alt: "A"))],\n  caption: [\n    A\n  ]\n)\n'
    table = "#figure(\n  align(center)[#table(\n    columns: 2,\n  )]\n  , kind: table\n  )\n"
    words = "Im Text steht kind: table und \\#figure(\\[\\#box(image( als Wörter.\n"
    assert figure_kinds(image + table) == {"abbildungen": "true", "tabellen": "true"}
    assert figure_kinds(words) == {"abbildungen": "false", "tabellen": "false"}
