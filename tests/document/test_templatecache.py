"""Compiled templates kept between runs render exactly what freshly compiled ones do."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment

from integrationskonzept.document import templates
from integrationskonzept.document.templates import TemplateProblem, environment


def _entries(cache_home: Path) -> list[Path]:
    folder = cache_home / "ik" / "vorlagen"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def _compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names Jinja compiles from source (not loaded from the cache) from now on."""
    names: list[str] = []
    compile_source = Environment.compile

    def counted(self: Environment, source: object, name: str | None = None,
                *args: object, **kwargs: object) -> object:
        names.append(str(name))
        return compile_source(self, source, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Environment, "compile", counted)
    return names


def _own_template(folder: Path, text: str) -> Path:
    (folder / "templates").mkdir(parents=True, exist_ok=True)
    (folder / "templates" / "gruss.md.j2").write_text(text, encoding="utf-8")
    return folder


def test_the_second_run_loads_the_compiled_code(cache_home: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    concept = _own_template(tmp_path / "k", "Hallo {{ name }}!\n")
    first = environment(concept).get_template("gruss.md.j2").render(name="Peine")
    stored = _entries(cache_home)
    assert first == "Hallo Peine!\n" and len(stored) == 1
    compiled = _compiles(monkeypatch)
    again = environment(concept).get_template("gruss.md.j2").render(name="Peine")
    assert again == first and compiled == [] and _entries(cache_home) == stored


def test_a_changed_template_is_compiled_anew(cache_home: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    concept = _own_template(tmp_path / "k", "Hallo {{ name }}!\n")
    environment(concept).get_template("gruss.md.j2")
    _own_template(concept, "Guten Tag, {{ name }}.\n")
    compiled = _compiles(monkeypatch)
    text = environment(concept).get_template("gruss.md.j2").render(name="Lehrte")
    assert text == "Guten Tag, Lehrte.\n" and compiled == ["gruss.md.j2"]


def test_another_concepts_template_of_the_same_name_is_its_own(cache_home: Path,
                                                                tmp_path: Path) -> None:
    eins = _own_template(tmp_path / "eins", "Eins: {{ name }}\n")
    zwei = _own_template(tmp_path / "zwei", "Zwei: {{ name }}\n")
    assert environment(eins).get_template("gruss.md.j2").render(name="x") == "Eins: x\n"
    assert environment(zwei).get_template("gruss.md.j2").render(name="x") == "Zwei: x\n"


def test_a_damaged_entry_is_compiled_anew(cache_home: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    concept = _own_template(tmp_path / "k", "Hallo {{ name }}!\n")
    environment(concept).get_template("gruss.md.j2")
    (entry,) = _entries(cache_home)
    blob = entry.read_bytes()
    entry.write_bytes(blob[:-9] + b"\x00" * 9)
    compiled = _compiles(monkeypatch)
    assert environment(concept).get_template("gruss.md.j2").render(name="x") == "Hallo x!\n"
    assert compiled == ["gruss.md.j2"]


def test_a_syntax_error_is_reported_from_the_cache_too(cache_home: Path, tmp_path: Path) -> None:
    """Nothing is stored of a template that does not compile: the message comes each run."""
    concept = _own_template(tmp_path / "k", "Hallo {{ name }!\n")
    for _ in range(2):
        with pytest.raises(TemplateProblem, match=r"templates/gruss.md.j2:1: Vorlagenfehler"):
            templates.render_markdown(object(), concept, entry="gruss.md.j2")
    assert _entries(cache_home) == []


def test_the_sandbox_holds_for_cached_code(cache_home: Path, tmp_path: Path) -> None:
    concept = _own_template(tmp_path / "k", "{{ dok.__class__.__mro__ }}\n")
    for _ in range(2):  # compiled, then from the cache
        with pytest.raises(TemplateProblem, match="Vorlagenfehler: Zugriff auf „__class__“ "
                           "von „object“ ist in Vorlagen aus Sicherheitsgründen nicht erlaubt"):
            templates.render_markdown(object(), concept, entry="gruss.md.j2")
    assert len(_entries(cache_home)) == 1


def test_without_cache_nothing_is_written(cache_home: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IK_CACHE", "0")
    concept = _own_template(tmp_path / "k", "Hallo {{ name }}!\n")
    assert environment(concept).get_template("gruss.md.j2").render(name="x") == "Hallo x!\n"
    assert _entries(cache_home) == []
