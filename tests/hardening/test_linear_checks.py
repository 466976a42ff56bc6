"""The Markdown checks scan linearly: hostile texts validate about as fast as plain ones."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from integrationskonzept.checks.runner import validate

HOSTILE = ["![", "<a ", "![![a]", "![\\", "![<a ](", "](a", "`{=a", "[^1]: x[^1]\n"]


def seconds(concept, text: str) -> float:
    root = concept(konzept={"kapitel": [{"id": "lang", "titel": "Lang",
                                         "datei": "texte/lang.md"}]},
                   extra={"texte/lang.md": text})
    started = time.perf_counter()
    validate(root)
    return time.perf_counter() - started


@pytest.mark.parametrize("unit", HOSTILE)
def test_hostile_markdown_validates_in_linear_time(concept, unit: str) -> None:
    size = 200_000
    baseline = seconds(concept, ("Ein ganz normaler Satz. " * size)[:size])
    hostile = seconds(concept, (unit * size)[:size])
    # quadratic scanning took minutes here; linear is within a small factor of plain text
    assert hostile < 20 * baseline + 1.0, (hostile, baseline)


def test_two_hundred_kb_of_image_starts_in_well_under_a_second(concept) -> None:
    assert seconds(concept, "![" * 100_000) < 1.0 + 20 * seconds(concept, "ab" * 100_000)


def test_images_with_nested_brackets_are_still_found(concept) -> None:
    root = concept(extra={"bilder/karte.png": b"\x89PNG\r\n"},
                   inhalt={"ausgangslage": "Siehe ![](bilder/karte.png) und "
                                           "![Karte [1] der Stadt](bilder/fehlt.png)"})
    found = sorted(p.message for p in validate(root).problems if p.code == "IK702")
    assert found == ["Bild „bilder/karte.png“ ohne Alternativtext",
                     "Bilddatei „bilder/fehlt.png“ nicht gefunden oder nicht verwendbar"]


def test_many_findings_in_a_long_file_are_located_exactly(concept, tmp_path: Path) -> None:
    text = "".join(f"Zeile {i} <b>fett</b> [x](file:///{i})\n" for i in range(3000))
    root = concept(konzept={"kapitel": [{"id": "lang", "titel": "Lang",
                                         "datei": "texte/lang.md"}]},
                   extra={"texte/lang.md": text})
    links = [p.location.line for p in validate(root).problems
             if p.code == "IK703" and "file:" in p.message]
    assert links == list(range(1, 3001))


@pytest.mark.parametrize(("text", "line"), [
    ("Ein Absatz.\n\n" + "> " * 10_000 + "Zitat\n", 3),
    ("- " * 30 + "Liste\n", 1),
    ("".join(" " * (2 * i) + "- Punkt\n" for i in range(40)), 21),
])
def test_deep_nesting_is_a_located_error(concept, text: str, line: int) -> None:
    root = concept(konzept={"kapitel": [{"id": "k", "titel": "K", "datei": "texte/k.md"}]},
                   extra={"texte/k.md": text})
    found = [(p.location.file, p.location.line) for p in validate(root).problems
             if p.code == "IK705"]
    assert found == [("texte/k.md", line)]


def test_ordinary_lists_and_code_are_not_too_deep(concept) -> None:
    text = ("- a\n  - b\n    - c\n> Zitat\n> - mit Liste\n\n```\n" + " " * 60 + "- tief im Code\n"
            "```\n")
    root = concept(konzept={"kapitel": [{"id": "k", "titel": "K", "datei": "texte/k.md"}]},
                   extra={"texte/k.md": text})
    assert not [p for p in validate(root).problems if p.code == "IK705"]


@pytest.mark.slow
def test_typst_failure_in_generated_source_names_the_text(concept, tmp_path: Path) -> None:
    from integrationskonzept.errors import IkError
    from integrationskonzept.render.build import build

    root = concept(konzept={"pruefungen": {"IK705": "aus"}},
                   inhalt={"ausgangslage": "Lage\n\n" + "> " * 3000 + "Ganz tief unten"})
    with pytest.raises(IkError) as info:
        build(root, ["pdf"], out=tmp_path / "aus")
    message = info.value.message
    # the text came from the Ausgangslage in bildung.yaml: the line that holds its words
    lines = (root / "bildung.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "Ganz tief unten" in text)
    assert f"im Text in bildung.yaml:{line} bei »Ganz tief unten«" in message
    assert "main.typ" not in message


@pytest.mark.slow
def test_typst_failure_names_the_chapter_file(concept, tmp_path: Path) -> None:
    from integrationskonzept.errors import IkError
    from integrationskonzept.render.build import build

    text = "# Vorwort\n\nEinleitung.\n\n" + "> " * 3000 + "Sehr tief zitiert\n"
    root = concept(konzept={"pruefungen": {"IK705": "aus"},
                            "kapitel": [{"id": "k", "titel": "K", "datei": "texte/vorwort.md"}]},
                   extra={"texte/vorwort.md": text})
    with pytest.raises(IkError) as info:
        build(root, ["pdf"], out=tmp_path / "aus")
    assert "im Text in texte/vorwort.md:5 bei »Sehr tief zitiert«" in info.value.message


def test_source_places_of_words() -> None:
    from integrationskonzept.render.fundstelle import fundstellen

    files = {"a.yaml": "titel: X\nbeschreibung: |\n  Das Sprach-Café der\n  Akteur*innen\n",
             "texte/b.md": "# B\n\nNichts davon.\n"}
    assert fundstellen(["Sprach-Café", "der", "Akteur", "innen"], files) == ["a.yaml:3"]
    # a resolved reference changed the later words: the first two still find it
    assert fundstellen(["Das", "Sprach", "M", "3.2"], files) == ["a.yaml:3"]
    assert fundstellen(["Inhaltsverzeichnis"], files) == []
    assert fundstellen([], files) == []
