"""A large concept is validated and composed in a forked child: same files, same errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from integrationskonzept.document.templates import TemplateProblem
from integrationskonzept.errors import RenderError
from integrationskonzept.render import forked
from integrationskonzept.render.build import build

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork")


def _noted(message: str) -> None:  # a module function: it may travel to the child
    NOTED.append(message)


NOTED: list[str] = []


def test_a_large_concept_is_built_the_same_through_the_child(concept, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                             monkeypatch) -> None:
    root = concept()
    here = build(root, formats=["md", "html"], out=tmp_path / "hier")
    monkeypatch.setattr(forked, "AB_BYTES", 0)  # every concept counts as large
    monkeypatch.setattr(forked, "_alone", lambda: True)  # threads other tests left idle
    assert forked.worth_a_child(root, _noted, None)
    NOTED.clear()
    there = build(root, formats=["md", "html"], out=tmp_path / "kind", progress=_noted)
    assert here.ok and there.ok
    assert [f.name for f in there.files] == ["integrationskonzept.md", "integrationskonzept.html"]
    for name in ("integrationskonzept.md", "integrationskonzept.html"):
        assert (tmp_path / "kind" / name).read_bytes() == (tmp_path / "hier" / name).read_bytes()
    assert there.quellen == here.quellen and "validate" in there.seconds
    # the steps in the child are heard here too (the child's copy of the list is gone,
    # but the writing steps run here)
    assert "HTML fertig" in " ".join(NOTED)


def test_problems_and_errors_come_back_from_the_child(concept, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      monkeypatch) -> None:
    monkeypatch.setattr(forked, "AB_BYTES", 0)
    monkeypatch.setattr(forked, "_alone", lambda: True)
    broken = concept(inhalt={"massnahmen": [{"id": "m-1", "titel": "X",
                                             "federfuehrung": "fehlt"}]})
    result = build(broken, formats=["md"], out=tmp_path / "out")
    assert not result.ok and not result.files
    assert any(p.code and p.location.line for p in result.problems)
    root = concept(extra={"templates/dokument.md.j2": "{{ dok.gibt_es_nicht }}"})
    with pytest.raises(TemplateProblem, match="Vorlagenfehler"):
        build(root, formats=["md"], out=tmp_path / "out2")
    assert not (tmp_path / "out2").exists()


def test_an_exception_of_the_step_is_raised_here_with_its_attributes() -> None:
    def fails() -> None:
        raise RenderError("Kaputt", "Einzelheiten")

    with pytest.raises(RenderError) as caught:
        forked.in_child(fails)
    assert caught.value.message == "Kaputt" and caught.value.detail == "Einzelheiten"
    assert forked.in_child(lambda: {"a": b"1" * 1_000_000}) == {"a": b"1" * 1_000_000}


def test_small_concepts_and_lambdas_stay_in_this_process(concept, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root = concept()
    monkeypatch.setattr(forked, "_alone", lambda: True)
    assert not forked.worth_a_child(root, None, None)  # far below 2 MB
    monkeypatch.setattr(forked, "AB_BYTES", 0)
    assert not forked.worth_a_child(root, lambda _m: None, None)
    assert forked.worth_a_child(root, None, None)
    monkeypatch.setattr(forked, "_alone", lambda: False)  # the preview's server threads
    assert not forked.worth_a_child(root, None, None)


def test_alone_is_false_while_another_thread_runs() -> None:
    import threading

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not forked._alone()
    finally:
        stop.set()
        other.join()


def test_the_child_runs_without_the_collector_and_leaves_it_here() -> None:
    import gc

    # the child ends right after its step: the collector would only rescan its objects
    assert forked.in_child(gc.isenabled) is False
    assert gc.isenabled()
