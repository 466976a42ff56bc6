"""The YAML subset's pattern, kept compiled between runs, is the pattern ``re`` compiles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from integrationskonzept.source import patterncache, yamlsubset


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("IK_CACHE", raising=False)
    return tmp_path / "ik" / "muster"


def _entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_the_stored_program_is_the_one_re_compiles(cache: Path) -> None:
    """Compiled patterns compare equal only with the same flags, text and program."""
    expected = re.compile(yamlsubset.SUBSET)
    first = patterncache.compiled(yamlsubset.SUBSET)
    stored = _entries(cache)
    assert first == expected
    again = patterncache.compiled(yamlsubset.SUBSET)
    assert again == expected
    assert _entries(cache) == stored
    text = "titel: Ein Konzept\nmassnahmen:\n  - id: m-1\n    titel: Sprachkurs\n"
    assert again.fullmatch(text) and expected.fullmatch(text)


def test_a_damaged_entry_is_compiled_anew(cache: Path) -> None:
    patterncache.compiled(yamlsubset.SUBSET)
    if not _entries(cache):
        pytest.skip("this Python compiles its patterns only itself (nothing stored)")
    (entry,) = _entries(cache)
    blob = entry.read_bytes()
    entry.write_bytes(blob[:-7] + b"\x00" * 7)
    assert patterncache.compiled(yamlsubset.SUBSET) == re.compile(yamlsubset.SUBSET)


def test_a_program_the_engine_refuses_is_compiled_by_re(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where Python hands programs to its engine differently, re compiles as before."""
    def refuse(*args: object) -> re.Pattern[str]:
        raise TypeError("another signature")

    monkeypatch.setattr(patterncache, "_engine", refuse)
    assert patterncache.compiled(yamlsubset.SUBSET) == re.compile(yamlsubset.SUBSET)
    assert _entries(cache) == []


def test_without_cache_nothing_is_written(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IK_CACHE", "0")
    assert patterncache.compiled(r"[a-z]+(?P<x>\d)") == re.compile(r"[a-z]+(?P<x>\d)")
    assert not cache.exists()


@pytest.mark.parametrize("pattern", [r"(?P<a>x)(?P<b>y)?(?P=a)", r"(?i)ä+|ß", r"(?m)^\s*$"])
def test_other_patterns_compile_the_same(cache: Path, pattern: str) -> None:
    for _ in range(2):
        found = patterncache.compiled(pattern)
        assert found == re.compile(pattern)
        assert found.groupindex == re.compile(pattern).groupindex
