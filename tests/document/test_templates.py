"""Templates: concept overrides of files and blocks, the sandbox, located errors."""

from __future__ import annotations

import pytest
from doc_helpers import markdown_of

from integrationskonzept.document.templates import TemplateProblem


def test_concept_overrides_a_single_file(concept) -> None:  # type: ignore[no-untyped-def]
    root = concept(extra={"templates/teile/impressum.md.j2": "# Eigenes Impressum {.unnumbered}\n"})
    markdown, _ = markdown_of(root)
    assert markdown.startswith("# Eigenes Impressum")
    assert "# Bildung {#hf-bildung}" in markdown


def test_concept_extends_the_default_and_replaces_a_block(concept) -> None:  # type: ignore[no-untyped-def]
    root = concept(extra={"templates/dokument.md.j2": (
        '{% extends "standard/dokument.md.j2" %}\n'
        "{% block katalog %}\n# Unser Katalog\n\n{{ dok.titel }} *{{ dok.kommune }}*\n"
        "{% endblock %}\n")})
    markdown, _ = markdown_of(root)
    assert "# Unser Katalog" in markdown and "# Maßnahmenkatalog" not in markdown
    assert "Integrationskonzept der Stadt Peine *Stadt Peine*" in markdown
    assert "# Impressum" in markdown


@pytest.mark.parametrize("source", [
    "{{ dok.__class__.__mro__ }}",
    "{{ dok.titel.__class__.__subclasses__() }}",
    "{{ cycler.__init__.__globals__ }}",
])
def test_user_templates_are_sandboxed(concept, source: str) -> None:  # type: ignore[no-untyped-def]
    root = concept(extra={"templates/dokument.md.j2": source})
    with pytest.raises(TemplateProblem):
        markdown_of(root)


def test_template_errors_name_file_and_line(concept) -> None:  # type: ignore[no-untyped-def]
    root = concept(extra={"templates/dokument.md.j2": "Zeile 1\n{% if %}\n"})
    with pytest.raises(TemplateProblem) as info:
        markdown_of(root)
    assert "templates/dokument.md.j2:2" in info.value.message


def test_undefined_values_are_errors(concept) -> None:  # type: ignore[no-untyped-def]
    root = concept(extra={"templates/dokument.md.j2": "{{ dok.gibtsnicht }}\n"})
    with pytest.raises(TemplateProblem) as info:
        markdown_of(root)
    assert "gibtsnicht" in info.value.message


def test_pandoc_attributes_are_not_jinja_comments(concept) -> None:  # type: ignore[no-untyped-def]
    root = concept(extra={"templates/dokument.md.j2": "# Titel {#mein-anker}\n{## weg ##}\n"})
    markdown, _ = markdown_of(root)
    assert markdown == "# Titel {#mein-anker}\n"
