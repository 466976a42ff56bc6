"""The document's figures: chart data from :mod:`..document.figures`, compiled to files.

Each chart is written as SVG with a PNG twin for DOCX.
"""

from __future__ import annotations

import concurrent.futures
from typing import Any

from .. import charts
from ..document.figures import chart_data
from ..document.parts import Abbildung
from ..errors import RenderError
from .charts import compile_charts

ChartData = dict[str, tuple[str, tuple[Any, ...], dict[str, Any]]]


def charts_for(konzept: Any, gaps: Any, design: Any, warnings: list[str],
               data: ChartData | None = None) -> tuple[dict[str, Abbildung], dict[str, bytes]]:
    """(figures by key, asset bytes by build path) for ``konzept`` (or for ``data``, the
    charts of another document such as the Umsetzungsbericht)."""
    return start_charts(konzept, gaps, design, warnings, data).result()


class Diagramme:
    """Charts being compiled in the background (:func:`start_charts`)."""

    def __init__(self, built: list[tuple[str, charts.Chart]], warnings: list[str]) -> None:
        self._built = built
        self._warnings = warnings
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
        self._compiled = self._pool.submit(
            compile_charts, [chart for _, chart in built], ("svg", "png"))
        self.erwartet = {key: _figure(key, chart) for key, chart in built}
        """The figures if every chart compiles (nearly always): for the text meanwhile."""

    def result(self) -> tuple[dict[str, Abbildung], dict[str, bytes]]:
        """(figures by key, asset bytes by build path); waits for the compiler."""
        try:
            compiled = self._compiled.result()
        finally:
            self._pool.shutdown()
        figures: dict[str, Abbildung] = {}
        assets: dict[str, bytes] = {}
        for (key, chart), result in zip(self._built, compiled, strict=True):
            if isinstance(result, RenderError):
                self._warnings.append(f"Diagramm „{key}“ ausgelassen: {result}")
                continue
            self._warnings.extend(result.warnings)
            name = f"diagramme/{key}"
            assets[f"{name}.svg"] = result.data["svg"]
            assets[f"{name}.png"] = result.data["png"]
            figures[key] = _figure(key, chart)
        return figures, assets


def _figure(key: str, chart: charts.Chart) -> Abbildung:
    return Abbildung(f"fig-{key}", f"diagramme/{key}.svg", chart.alt, chart.caption)


def start_charts(konzept: Any, gaps: Any, design: Any, warnings: list[str],
                 data: ChartData | None = None) -> Diagramme:
    """The charts drawn (typst sources) and their compiler started in the background."""
    style = charts.ChartStyle.from_design(design)
    if data is None:
        data = chart_data(konzept, gaps)
    built: list[tuple[str, charts.Chart]] = []
    for key, (func, args, kwargs) in data.items():
        try:
            built.append((key, getattr(charts, func)(*args, style=style, **kwargs)))
        except (RenderError, ValueError) as exc:
            warnings.append(f"Diagramm „{key}“ ausgelassen: {exc}")
    return Diagramme(built, warnings)
