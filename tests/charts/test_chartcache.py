"""Charts compiled before come from ik's cache: the same bytes, no typst child."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from chart_cases import SMALL

from integrationskonzept.charts import Chart
from integrationskonzept.errors import RenderError
from integrationskonzept.render import charts as rendering
from integrationskonzept.render.charts import Gesetzt, compile_charts


def _children(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many charts each typst child compiles from now on."""
    started: list[int] = []
    compile_in_child = rendering._compile

    def counted(charts: list[Chart], *args: object) -> list[Gesetzt | RenderError]:
        started.append(len(charts))
        return compile_in_child(charts, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(rendering, "_compile", counted)
    return started


def _entries(cache_home: Path) -> list[Path]:
    folder = cache_home / "ik" / "diagramme"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def _bytes(results: list[Gesetzt | RenderError]) -> list[dict[str, bytes]]:
    assert all(isinstance(r, Gesetzt) for r in results)
    return [r.data for r in results if isinstance(r, Gesetzt)]


def test_charts_compiled_before_need_no_child(cache_home: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    charts = [SMALL["balken"](), SMALL["heatmap"]()]
    first = _bytes(compile_charts(charts))
    assert first[0]["svg"].startswith(b"<svg") and len(_entries(cache_home)) == 2
    children = _children(monkeypatch)
    again = _bytes(compile_charts([SMALL["balken"](), SMALL["heatmap"]()]))
    assert again == first and children == []


def test_a_changed_chart_alone_is_compiled(cache_home: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    balken = SMALL["balken"]()
    compile_charts([balken, SMALL["heatmap"]()])
    children = _children(monkeypatch)
    other = dataclasses.replace(
        balken, typst_source=balken.typst_source.replace("Vöhrum", "Voehrum-Ost"))
    results = _bytes(compile_charts([other, SMALL["heatmap"]()]))
    assert children == [1] and results[0]["svg"] != _bytes(compile_charts([balken]))[0]["svg"]
    relabelled = dataclasses.replace(balken, alt="Andere Beschreibung")
    assert b"Andere Beschreibung" in _bytes(compile_charts([relabelled]))[0]["svg"]
    assert children == [1, 1]


def test_what_the_cache_gives_is_what_typst_compiles(cache_home: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    charts = [SMALL[name]() for name in sorted(SMALL)]
    compile_charts(charts[::2])
    mixed = _bytes(compile_charts(charts))
    monkeypatch.setenv("IK_CACHE", "0")
    assert mixed == _bytes(compile_charts(charts))


def test_errors_are_not_kept(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = Chart("test", "#let x = (", "alt", "Kaputt")
    for _ in range(2):
        (result,) = compile_charts([broken])
        assert isinstance(result, RenderError)
        assert "Das Diagramm „Kaputt“ konnte nicht gesetzt werden" in result.message
    assert _entries(cache_home) == []


def test_a_damaged_entry_is_compiled_anew(cache_home: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    first = _bytes(compile_charts([SMALL["balken"]()]))
    (entry,) = _entries(cache_home)
    blob = entry.read_bytes()
    entry.write_bytes(blob[:-5] + b"\x00" * 5)
    children = _children(monkeypatch)
    assert _bytes(compile_charts([SMALL["balken"]()])) == first and children == [1]


def test_without_cache_nothing_is_kept(cache_home: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IK_CACHE", "0")
    children = _children(monkeypatch)
    compile_charts([SMALL["balken"]()])
    compile_charts([SMALL["balken"]()])
    assert children == [1, 1] and _entries(cache_home) == []
