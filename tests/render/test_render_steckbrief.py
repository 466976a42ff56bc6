"""Entries as compact profiles: label and value side by side in every format."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from render_helpers import pdf_text, run

MARKDOWN = """# Sprache

### A 1.1 Integrationskurse {.unnumbered}

::: {.ik-felder .ik-steckbrief}
- **Träger:** [Volkshochschule](#vhs)
- **Zielgruppen:** Neuzugewanderte, Geflüchtete
- **Kosten:** kostenfrei
:::

Allgemeine Integrationskurse.

# Anhang

[Volkshochschule]{#vhs}
"""


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return run(MARKDOWN, tmp_path_factory.mktemp("steckbrief"),
               formats=["html", "docx", "odt", "pdf"])


def test_html_description_list(files: dict[str, Path]) -> None:
    html = files["html"].read_text(encoding="utf-8")
    box = re.search(r'<div class="ik-steckbrief">\s*<dl>(.*?)</dl>', html, re.S)
    assert box
    assert re.findall(r"<dt>(.*?)</dt>", box.group(1)) == ["Träger", "Zielgruppen", "Kosten"]
    assert re.search(r'<dd>\s*<a href="#vhs">Volkshochschule</a>\s*</dd>', box.group(1))


def test_docx_two_column_table_with_label_style(files: dict[str, Path]) -> None:
    import docx

    doc = docx.Document(str(files["docx"]))
    [table] = doc.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Träger:", "Volkshochschule"], ["Zielgruppen:", "Neuzugewanderte, Geflüchtete"],
        ["Kosten:", "kostenfrei"]]
    body = zipfile.ZipFile(files["docx"]).read("word/document.xml").decode()
    assert re.search(r'<w:rStyle w:val="Bezeichnung" />(?:(?!</w:r>).)*Träger:', body)
    assert "<w:tblHeader" not in body  # a profile has no header row


def test_odt_table(files: dict[str, Path]) -> None:
    content = zipfile.ZipFile(files["odt"]).read("content.xml").decode()
    assert content.count("<table:table ") == 1
    assert "Zielgruppen:" in content


def test_pdf_label_and_value_on_one_line(files: dict[str, Path]) -> None:
    lines = pdf_text(files["pdf"], "-layout").splitlines()
    assert any(re.search(r"Träger:\s+Volkshochschule", line) for line in lines)
    assert any(re.search(r"Kosten:\s+kostenfrei", line) for line in lines)
