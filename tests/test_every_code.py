"""Codes that no other test produced: each from a concept built of small dicts, asserted
as (file, line, code) like every code must be (see tests/test_codes.py)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from ik_testing import BASE_INHALT, BASE_KONZEPT, write_concept
from integrationskonzept.checks.runner import validate

MASSNAHME = BASE_INHALT["massnahmen"][0]


def inhalt(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE_INHALT)
    data.update(changes)
    return data


def konzept(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE_KONZEPT)
    data.update(changes)
    return data


# (what the concept holds, expected (file, line, code), text in the message)
CASES: dict[str, tuple[dict[str, Any], tuple[str, int, str], str]] = {
    "IK004 zu tief verschachtelt": (
        {"tief.yaml": "akteure:\n" + "".join("  " * i + f"- k{i}:\n" for i in range(1, 70))},
        ("tief.yaml", 33, "IK004"), "Zu tief verschachtelt"),
    "IK102 pflichtfeld": (
        {"bildung.yaml": inhalt(massnahmen=[{"id": "m-1", "ziele": ["z-1"]}])},
        ("bildung.yaml", 21, "IK102"), "„titel“"),
    "IK104 erlaubte werte": (
        {"bildung.yaml": inhalt(massnahmen=[dict(MASSNAHME, status="in umsetzung")])},
        ("bildung.yaml", 31, "IK104"), "„in umsetzung“ ist nicht zulässig"),
    "IK106 handlungsfeld doppelt": (
        {"bildung2.yaml": {"handlungsfeld": "bildung", "ausgangslage": "Noch einmal."}},
        ("bildung2.yaml", 2, "IK106"), "steht schon in „bildung.yaml“"),
    "IK107 unbekannte pruefung": (
        {"konzept.yaml": konzept(pruefungen={"ziel-ohne-massnahm": "aus"})},
        ("konzept.yaml", 28, "IK107"), "unbekannte Prüfung „ziel-ohne-massnahm“"),
    "IK201 doppelte id": (
        {"weitere.yaml": {"akteure": [{"id": "m-1", "name": "Doppelt", "typ": "Verwaltung"}]}},
        ("weitere.yaml", 2, "IK201"), "schon als Maßnahme in bildung.yaml:"),
    "IK202 unbekannter verweis": (
        {"bildung.yaml": inhalt(massnahmen=[dict(MASSNAHME, federfuehrung="vhs")])},
        ("bildung.yaml", 25, "IK202"), "unbekannte Akteur-ID „vhs“"),
    "IK205 keine handlungsfelder": (
        {"konzept.yaml": konzept(handlungsfelder=[]), "bildung.yaml": {"akteure": []}},
        ("konzept.yaml", 1, "IK205"), "Noch keine Handlungsfelder"),
    "IK301 ende vor beginn": (
        {"bildung.yaml": inhalt(massnahmen=[
            dict(MASSNAHME, zeitraum={"beginn": "2025", "ende": "2024"})])},
        ("bildung.yaml", 28, "IK301"), "Ende 2024 liegt vor dem Beginn 2025"),
    "IK401 markdown fehlt": (
        {"konzept.yaml": konzept(kapitel=[{"id": "vorwort", "titel": "Vorwort",
                                           "datei": "texte/vorwort.md"}])},
        ("konzept.yaml", 30, "IK401"), "„texte/vorwort.md“ nicht gefunden"),
    "IK601 offene luecke": (
        {"bildung.yaml": inhalt(bedarfe=[{"id": "b-1", "titel": "Kita-Plätze"}])},
        ("bildung.yaml", 32, "IK601"), "Bedarf „b-1“ (Kita-Plätze) ist ungedeckt"),
}


def _build(tmp_path: Path, files: dict[str, Any]) -> Path:
    base: dict[str, Any] = {"konzept.yaml": konzept(), "bildung.yaml": inhalt()}
    base.update(files)
    return write_concept(tmp_path / "konzept", base)


@pytest.mark.parametrize("name", list(CASES))
def test_code(tmp_path: Path, name: str) -> None:
    files, expected, text = CASES[name]
    root = _build(tmp_path, files)
    found = [((p.location.file, p.location.line, p.code), p.message)
             for p in validate(root).problems]
    hits = [message for where, message in found if where == expected]
    assert hits, found
    assert any(text in message for message in hits), hits
