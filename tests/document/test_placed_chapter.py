"""A chapter written with ``# `` headings, placed deeper in the outline (``gliederung:``)."""

from __future__ import annotations

from integrationskonzept.document.markdown import Md, Prosa, placed

CHAPTER = Md("\n# Integrationsmanagement {#integrationsmanagement}\n\n"
             "## Struktur {#im-struktur}\n" + Prosa("im-struktur", 1).block()
             + "\n| a | b |\n|---|---|\n| # kein Titel | x |\n")


def test_level_one_without_title_is_unchanged() -> None:
    assert placed(CHAPTER, 1) == CHAPTER


def test_deeper_headings_and_texts_and_a_title_of_its_own() -> None:
    out = placed(CHAPTER, 2, "Kreis & *Koordination*")
    assert "\n## Kreis \\& \\*Koordination\\* {#integrationsmanagement}\n" in out
    assert "\n### Struktur {#im-struktur}\n" in out
    assert 'ebene="2"' in out  # the text under „Struktur“ one level deeper too
    assert "| # kein Titel | x |" in out  # only lines that are headings move
