"""Long tables in the PDF: split into chunks, every row present, table numbers right."""

from __future__ import annotations

from pathlib import Path

from render_helpers import pdf_text, run


def _table(rows: int, caption: str) -> str:
    lines = ["| Nr. | Angebot | Träger |", "|---|---|---|"]
    lines += [f"| N{i} | Sprachkurs {i} | Träger {i % 7} |" for i in range(rows)]
    return "\n".join(lines) + f"\n\n: {caption}\n"


def test_long_table_is_complete_and_numbered(tmp_path: Path) -> None:
    """260 rows become two typst tables (limit 250); the next table is still number 2."""
    markdown = "# Anhang\n\n" + _table(260, "Angebote") + "\n" + _table(3, "Danach")
    files = run(markdown, tmp_path, formats=["pdf"])
    text = pdf_text(files["pdf"])
    numbers = [word for word in text.split() if word.startswith("N") and word[1:].isdigit()]
    assert len(set(numbers)) == 260 and len(numbers) == 263
    assert "Tabelle 1: Angebote" in text and "Tabelle 2: Danach" in text
    assert text.count("Tabelle 1:") == 1
    assert text.count("Nr.") >= 3  # header row in each chunk and on each page
