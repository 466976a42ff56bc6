"""User templates cannot leave the concept, hang the build or crash it (exit 3)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from integrationskonzept.document import templates
from integrationskonzept.document.context import build_context
from integrationskonzept.document.templates import TemplateProblem, render_markdown
from integrationskonzept.gaps import find_gaps
from integrationskonzept.model.loader import load_concept

SECRET = "ci-token-0815"


def markdown_of(root: Path) -> str:
    konzept = load_concept(root).konzept
    dok, _prosa = build_context(konzept, find_gaps(konzept))
    return render_markdown(dok, root)


def test_templates_linking_out_of_the_concept_are_refused(concept) -> None:
    root = concept(extra={".git/config": f"[http]\n  extraheader = {SECRET}\n",
                          "vorlagen/dokument.md.j2": '{% include ".git/config" %}\n'})
    os.symlink("..", root / "templates")
    with pytest.raises(TemplateProblem, match="templates ist eine Verknüpfung") as info:
        markdown_of(root)
    assert SECRET not in info.value.message


def test_templates_linking_to_the_concept_itself_are_refused(concept) -> None:
    root = concept(extra={".git/config": SECRET, "dokument.md.j2": '{% include ".git/config" %}'})
    os.symlink(".", root / "templates")
    with pytest.raises(TemplateProblem, match="templates ist eine Verknüpfung"):
        markdown_of(root)


def test_a_template_file_linking_out_of_templates_is_not_used(concept) -> None:
    root = concept(extra={".git/config": SECRET})
    (root / "templates").mkdir()
    os.symlink("../.git/config", root / "templates" / "dokument.md.j2")
    markdown = markdown_of(root)
    assert SECRET not in markdown
    assert "# Bildung" in markdown


@pytest.mark.parametrize(("source", "words"), [
    ("Zeile\n{{ 1 / 0 }}\n", "templates/dokument.md.j2:2: Vorlagenfehler: Division durch null"),
    ("{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}\n{{ m(0) }}\n",
     "Vorlagenfehler: zu tiefe Rekursion"),
    ("{% for i in range(10**9) %}x{% endfor %}\n", "range() mit mehr als 1000000 Zahlen"),
    ("{{ 'x' * 10**10 }}\n", "Wiederholung mit „*“ ergibt einen zu langen Wert"),
    ("{{ 2 ** 99999999 }}\n", "Potenz mit zu großem Exponenten"),
    ("{{ 'x' * 100000 * 100000 }}\n", "Wiederholung mit „*“ ergibt einen zu langen Wert"),
    ("{{ lipsum(n=10**6) }}\n", "lipsum"),
    ("{{ [1][5] }}\n", "Vorlagenfehler"),
])
def test_template_faults_are_located_errors(concept, source: str, words: str) -> None:
    root = concept(extra={"templates/dokument.md.j2": source})
    with pytest.raises(TemplateProblem) as info:
        markdown_of(root)
    assert words in info.value.message


def test_endless_loops_end_at_the_deadline(concept, monkeypatch) -> None:
    monkeypatch.setattr(templates, "MAX_SECONDS", 1.0)
    root = concept(extra={"templates/dokument.md.j2": (
        "{% for i in range(100000) %}{% for j in range(100000) %}{% set x = i %}"
        "{% endfor %}{% endfor %}\n")})
    started = time.monotonic()
    with pytest.raises(TemplateProblem, match="länger als 1 Sekunden"):
        markdown_of(root)
    assert time.monotonic() - started < 20


def test_output_is_bounded(concept, monkeypatch) -> None:
    monkeypatch.setattr(templates, "MAX_OUTPUT", 10_000)
    root = concept(extra={"templates/dokument.md.j2": (
        "{% for i in range(100000) %}{{ 'Zeile' }}\n{% endfor %}")})
    with pytest.raises(TemplateProblem, match="erzeugt mehr als"):
        markdown_of(root)
