"""Hostile text in plain and Markdown fields stays text and cannot swallow what follows."""

from __future__ import annotations

import pytest
from doc_helpers import expanded_of, headings, nodes, pandoc_ast, text

from integrationskonzept.document.markdown import escape

# Each class of hostile text, as it may appear in a name or a title.
PLAIN = [
    "Akteur*innen und Migrant*innen",
    "a|b|c",
    "# x",
    "<script>alert(1)</script>",
    "``` python",
    "::: {.quer}",
    "[x](file:///etc/passwd)",
    "![x](/etc/passwd)",
    "@citekey und [@cite]",
    "`#panic()`{=typst}",
    "1. Rang",
    "- Liste",
    "$x$ & &amp; ~a~ ^b^ {#id} \\",
]

# Each class of hostile Markdown (a field that is Markdown on purpose).
MARKDOWN = {
    "fence": "Vorher\n\n```\nnie geschlossen",
    "div": "Vorher\n\n::: {.quer}\nnie geschlossen",
    "html": "<script>alert(1)</script>\n\n<div>roh</div>",
    "link": "[Passwörter](file:///etc/passwd)",
    "bild": "![geheim](/etc/passwd)",
    "cite": "Siehe @citekey und [@cite, S. 3].",
    "typst": "```{=typst}\n#panic(\"x\")\n```\n\n`#panic()`{=typst}",
    "heading": "# Überschrift im Text\n\n#### tief",
    "liste": "- eins\n- zwei\n\n    eingerückt",
    "fussnote": "Text[^1] und noch einer[^2].\n\n[^1]: Erste.\n[^2]: Zweite.",
}


FIELD_NAMES = {"Ziele", "Bedarfe", "Zielgruppen", "Sozialräume", "Federführung",
               "Kooperationspartner", "Zeitraum", "Zeithorizont", "Priorität", "Ressourcen",
               "Kosten", "Finanzierung", "Indikatoren", "Status", "Quelle", "Stelle"}


def test_footnotes_of_two_texts_stay_apart(concept) -> None:  # type: ignore[no-untyped-def]
    note = "Text[^1].\n\n[^1]: Anmerkung {}."
    root = concept(inhalt={"ausgangslage": note.format("A"), "massnahmen": [
        {"id": "m-1", "titel": "X", "beschreibung": note.format("B"), "ziele": ["z-1"],
         "federfuehrung": "gleichstellung", "indikatoren": ["i-1"],
         "zeitraum": {"beginn": "2024", "ende": "2025"}}]})
    notes = [text(n["c"]) for n in nodes(pandoc_ast(expanded_of(root)), "Note")]
    assert notes == ["Anmerkung A.", "Anmerkung B."]


@pytest.mark.parametrize("value", PLAIN)
def test_escape_reads_back_as_the_same_text(value: str) -> None:
    ast = pandoc_ast(f"{escape(value)}\n")
    assert text(ast["blocks"]) == value
    assert [b["t"] for b in ast["blocks"]] == ["Para"]


def _hostile_concept(concept, value: str, md: str):  # type: ignore[no-untyped-def]
    return concept(
        konzept={"kapitel": [{"id": "k-1", "titel": "Vorwort", "datei": "texte/vorwort.md"}]},
        inhalt={
            "ausgangslage": md,
            "akteure": [{"id": "gleichstellung", "name": value, "typ": "Verwaltung"}],
            "massnahmen": [
                {"id": "m-1", "titel": value, "beschreibung": md, "ziele": ["z-1"],
                 "federfuehrung": "gleichstellung", "indikatoren": ["i-1"],
                 "zeitraum": {"beginn": "2024", "ende": "2025"}},
                {"id": "m-2", "titel": "Zweite Maßnahme", "beschreibung": "Siehe [[m-1]].",
                 "ziele": ["z-1"], "federfuehrung": "gleichstellung", "indikatoren": ["i-1"],
                 "zeitraum": {"beginn": "2024", "ende": "2025"}}]},
        extra={"texte/vorwort.md": md})


@pytest.mark.parametrize("kind", sorted(MARKDOWN))
def test_hostile_fields_stay_text_and_swallow_nothing(concept, kind: str) -> None:
    value = PLAIN[len(kind) % len(PLAIN)] + " | " + "Akteur*innen"
    root = _hostile_concept(concept, value, MARKDOWN[kind])
    ast = pandoc_ast(expanded_of(root))
    found = headings(ast)
    titles = [t for _, t in found]
    # every generated chapter is still there, after every hostile field
    for expected in ("Vorwort", "Bildung", "Maßnahmen", "M 2.2 Zweite Maßnahme",
                     "Maßnahmenkatalog", "Umsetzung und Monitoring", "Anhang"):
        assert expected in titles, (expected, titles)
    assert f"M 2.1 {value}" in titles
    # no raw code of any format survives the prosa reader
    assert not nodes(ast, "RawBlock") and not nodes(ast, "RawInline")
    assert not nodes(ast, "Cite")
    # no skipped heading levels
    levels = [lvl for lvl, _ in found]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))
    # a text ending in a list does not merge with the fields of its entry
    for blist in nodes(ast, "BulletList"):
        items = [text(item) for item in blist["c"]]
        if any(i.startswith("Federführung:") for i in items):
            assert all(i.split(":")[0] in FIELD_NAMES for i in items), items
    # the Maßnahmen table still has its two rows, the title in one cell
    table = [t for t in nodes(ast, "Table") if "Maßnahme" in text(t["c"][3])][0]
    rows = table["c"][4][0][3]  # first TableBody: [attr, row-head columns, head, body]
    assert len(rows) == 2
    assert text(rows[0][1][1][4]) == value  # row: [attr, cells]; cell: [..., blocks]


def test_reference_becomes_numbered_link(concept) -> None:
    root = _hostile_concept(concept, "Sprachcafé", "Text")
    ast = pandoc_ast(expanded_of(root))
    links = [(text(link["c"][1]), link["c"][2][0]) for link in nodes(ast, "Link")]
    assert ("M 2.1 Sprachcafé", "#massnahme-m-1") in links


def test_prose_headings_move_below_their_place(concept) -> None:
    root = _hostile_concept(concept, "Sprachcafé", MARKDOWN["heading"])
    found = headings(pandoc_ast(expanded_of(root)))
    # in the Vorwort (level 1) the text's headings become 2 and 3 (no skip from # to ####)
    i = [t for _, t in found].index("Vorwort")
    assert found[i + 1:i + 3] == [(2, "Überschrift im Text"), (3, "tief")]
