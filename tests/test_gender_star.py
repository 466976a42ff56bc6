"""Gender forms like Akteur*innen survive Markdown prose in every format."""

from __future__ import annotations

from ik_testing import BASE_INHALT
from integrationskonzept.document.prosa import gender_stars
from integrationskonzept.render.build import build

CASES = [
    ("Akteur*innen und Migrant*innen", r"Akteur\*innen und Migrant\*innen"),
    ("**fett** und *kursiv*", "**fett** und *kursiv*"),
    ("Lehrter*innen, Ärzt*innen", r"Lehrter\*innen, Ärzt\*innen"),
    ("3*4 und a * b", "3*4 und a * b"),
]


def test_gender_star_is_escaped_only_between_letters() -> None:
    for text, expected in CASES:
        assert gender_stars(text) == expected


def test_gender_stars_stay_text_in_html(concept, tmp_path) -> None:
    root = concept(inhalt={"ausgangslage": "Viele Akteur*innen und Migrant*innen, **fett**.",
                           "massnahmen": BASE_INHALT["massnahmen"]})
    result = build(root, formats=["html"], out=tmp_path / "out")
    assert result.ok, result.problems
    html = (tmp_path / "out" / "integrationskonzept.html").read_text(encoding="utf-8")
    assert "Viele Akteur*innen und Migrant*innen, <strong>fett</strong>." in html
