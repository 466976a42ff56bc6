"""Values from the concept enter typst as string literals, never as code."""

from __future__ import annotations

import pytest

from integrationskonzept.render.typstdoc import typst_string


@pytest.mark.parametrize(
    ("text", "literal"),
    [
        ("Stadt Musterstadt", '"Stadt Musterstadt"'),
        ('Titel "mit" Zitat', '"Titel \\"mit\\" Zitat"'),
        ("a\\b", '"a\\\\b"'),
        ('x") #read("/etc/passwd") ("', '"x\\") #read(\\"/etc/passwd\\") (\\""'),
        ("Zeile\nzwei\tdrei\x00", '"Zeile zwei drei "'),
    ],
)
def test_typst_string(text: str, literal: str) -> None:
    assert typst_string(text) == literal
