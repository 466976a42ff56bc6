"""One Markdown escaper for the document, `ik gaps --format markdown` and `ik diff`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from doc_helpers import headings, nodes, pandoc_ast, text
from test_hostile import PLAIN

from ik_testing import ik
from integrationskonzept.text.markdown import escape_markdown

HOSTILE = [*PLAIN, "`code` #1 <b>fett</b>", "## Titel", "> Zitat", "|a|b|", "*fett* _kursiv_"]


@pytest.mark.parametrize("value", HOSTILE)
def test_escape_markdown_reads_back_as_the_same_text(value: str) -> None:
    assert text(pandoc_ast(f"{escape_markdown(value)}\n")["blocks"]) == value


@pytest.mark.parametrize("value", HOSTILE)
def test_gaps_markdown_shows_titles_literally(concept, value: str) -> None:
    bedarf = {"id": "b-x", "titel": value, "sozialraeume": ["stederdorf"]}
    code, out = ik("gaps", str(concept(inhalt={"bedarfe": [bedarf]})), "--format", "markdown")
    assert code == 0, out
    ast = pandoc_ast(out)
    assert (3, f"{value} (b-x)") in headings(ast)
    assert not nodes(ast, "RawBlock") and not nodes(ast, "RawInline")
    assert not nodes(ast, "Code") and not nodes(ast, "Link")


def test_diff_markdown_shows_titles_literally(concept, tmp_path: Path) -> None:
    new = concept()
    old = tmp_path / "alt"
    shutil.copytree(new, old)
    value = "`code` #1 <b>fett</b> [x](file:///etc/passwd)"
    yaml = (new / "bildung.yaml").read_text(encoding="utf-8")
    (new / "bildung.yaml").write_text(yaml.replace("titel: Sprachcafé", f"titel: '{value}'"),
                                      encoding="utf-8")
    code, out = ik("diff", str(new), "--from", str(old), "--format", "markdown")
    assert code == 0, out
    ast = pandoc_ast(out)
    assert f"Titel: Sprachcafé → {value}" in text(ast["blocks"])
    assert [c["c"][1] for c in nodes(ast, "Code")] == ["m-1"]  # the id, set as code on purpose
    assert not nodes(ast, "Link") and not nodes(ast, "RawInline")
