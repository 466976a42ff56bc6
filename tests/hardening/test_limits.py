"""Hostile Markdown cannot exhaust memory or time: validate refuses it, limits stop the rest."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from integrationskonzept.checks.fussnoten import circular_footnotes
from integrationskonzept.checks.runner import validate
from integrationskonzept.errors import IkError, UsageError
from integrationskonzept.render.build import build
from integrationskonzept.render.limits import limits_for

SELF = "Lage[^1].\n\n[^1]: Fußnote[^1]\n"


@pytest.mark.parametrize(("text", "expected"), [
    (SELF, [("1", 11)]),
    ("T[^a]\n\n[^a]: A[^b]\n\n[^b]: B[^A]\n", [("a", 7), ("b", 20)]),
    ("T[^a]\n\n[^a]: A\n\n    weiter[^a]\n", [("a", 7)]),
    ("T\n\n[^x]: nie zitiert, aber im Kreis[^x]\n", [("x", 3)]),
    ("T[^a]\n\n[^a]: A\n\nNeuer Absatz[^a]\n", []),
    ("T[^1][^2]\n\n[^1]: eins[^2]\n[^2]: zwei\n", []),
])
def test_circular_footnotes_are_found(text: str, expected: list[tuple[str, int]]) -> None:
    assert circular_footnotes(text) == expected


def test_self_referencing_footnote_in_a_chapter_file_is_located(concept) -> None:
    root = concept(konzept={"kapitel": [{"id": "vorwort", "titel": "Vorwort",
                                         "datei": "texte/vorwort.md"}]},
                   extra={"texte/vorwort.md": "# Vorwort\n\n" + SELF})
    found = [(p.location.file, p.location.line, p.code) for p in validate(root).problems
             if p.code == "IK704"]
    assert found == [("texte/vorwort.md", 5, "IK704")]


def test_many_footnotes_are_checked_in_linear_time() -> None:
    chain = "".join(f"[^{i}]: Text[^{i + 1}]\n" for i in range(20000))
    started = time.perf_counter()
    assert circular_footnotes(chain + "[^20000]: Ende[^0]\n")[0] == ("0", 0)
    assert time.perf_counter() - started < 5


def test_limits_grow_with_the_document_and_can_be_set(monkeypatch) -> None:
    small, large = limits_for(10_000), limits_for(5_000_000)
    assert small.seconds < large.seconds and small.memory < large.memory
    monkeypatch.setenv("IK_ZEITLIMIT", "7")
    monkeypatch.setenv("IK_SPEICHERLIMIT", "512")
    assert limits_for(1) == type(small)(7.0, 512 * 2**20)
    monkeypatch.setenv("IK_ZEITLIMIT", "unendlich")
    with pytest.raises(UsageError, match="IK_ZEITLIMIT: »unendlich« ist keine positive Zahl"):
        limits_for(1)


@pytest.mark.slow
def test_build_past_validate_ends_with_a_german_error_in_time(concept, monkeypatch,
                                                               tmp_path: Path) -> None:
    root = concept(konzept={"pruefungen": {"IK704": "aus"}}, inhalt={"ausgangslage": SELF})
    monkeypatch.setenv("IK_ZEITLIMIT", "4")
    monkeypatch.setenv("IK_SPEICHERLIMIT", "300")
    started = time.perf_counter()
    with pytest.raises(IkError) as info:
        build(root, ["html"], out=tmp_path / "out")
    assert time.perf_counter() - started < 60
    message = info.value.message
    assert "Pandoc hat die Textfelder nach 4 Sekunden nicht fertiggestellt" in message \
        or "nicht genug Arbeitsspeicher" in message
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
