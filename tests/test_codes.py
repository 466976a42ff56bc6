"""Every problem code is registered, documented and produced by a test.

A code is any ``IKnnn`` in ``src/``. "Produced by a test" means some test asserts it
with its place, in one of the forms the tests use:
``("datei.yaml", 12, "IK101")``, ``("IK007", 3, 1, …)`` (code, line, column) or
``datei.yaml:12:3: Fehler IK101`` (the printed form); a spreadsheet cell is a place too:
``("Maßnahmen!H17", "IK902")`` or ``Maßnahmen!H17: Fehler IK902``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ik_testing import ROOT, ik
from integrationskonzept.checks import all_codes
from integrationskonzept.checks.codesdoc import render

SRC = ROOT / "src" / "integrationskonzept"
CODE = re.compile(r"\bIK\d{3}\b")
REGISTRY = SRC / "problems" / "codes.py"


def _codes_in(files: list[Path]) -> set[str]:
    return {c for f in files for c in CODE.findall(f.read_text(encoding="utf-8"))}


def _sources(*, without_registry: bool = False) -> list[Path]:
    return [f for f in SRC.rglob("*.py") if not (without_registry and f == REGISTRY)]


def _asserted(code: str, tests: str) -> bool:
    forms = (rf'\(\s*"[^"\n]+",\s*\d+,\s*"{code}"\s*\)',
             rf'"{code}",\s*\d+,\s*\d+',
             rf':\d+:\d+: (?:Fehler|Warnung|Hinweis) {code}\b',
             rf'\(\s*"[^"\n]+![A-Z]+\d+",\s*"{code}"',
             rf'![A-Z]+\d+: (?:Fehler|Warnung|Hinweis) {code}\b')
    return any(re.search(form, tests) for form in forms)


def test_every_code_in_the_sources_is_registered() -> None:
    registered = [c.code for c in all_codes()]
    assert len(registered) == len(set(registered))
    assert sorted(_codes_in(_sources()) - set(registered)) == []


def test_every_registered_code_is_reported_somewhere() -> None:
    used = _codes_in(_sources(without_registry=True))
    assert sorted({c.code for c in all_codes()} - used) == []


@pytest.mark.parametrize("code", all_codes(), ids=lambda c: c.code)
def test_entry_is_complete(code) -> None:  # type: ignore[no-untyped-def]
    assert re.fullmatch(r"[a-z0-9-]+", code.name)
    assert code.title and code.title[0].isupper()
    assert code.example.strip()


def test_ik_pruefungen_lists_every_code() -> None:
    status, out = ik("pruefungen")
    assert status == 0
    for code in all_codes():
        assert code.describe() in out
    assert "IK501  ziel-ohne-massnahme  (Warnung)" in out
    assert "IK101  unbekannter-schluessel  (Fehler)\n    Unbekannter Schlüssel." in out


def test_docs_list_every_code_and_are_up_to_date() -> None:
    doc = (ROOT / "docs" / "pruefungen.md").read_text(encoding="utf-8")
    assert doc == render(), (
        "docs/pruefungen.md is stale: "
        "python -m integrationskonzept.checks.codesdoc > docs/pruefungen.md")
    for code in all_codes():
        assert f"## {code.code} {code.name}\n" in doc


def test_every_code_is_produced_by_a_test_with_its_place() -> None:
    tests = "\n".join(f.read_text(encoding="utf-8") for f in (ROOT / "tests").rglob("*.py")
                      if f.name != "test_codes.py")
    missing = [c.code for c in all_codes() if not _asserted(c.code, tests)]
    assert missing == []
