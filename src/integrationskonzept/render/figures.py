"""The document's figures: chart data from :mod:`..document.figures`, compiled to files.

Each chart is written as SVG with a PNG twin for DOCX.
"""

from __future__ import annotations

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
    style = charts.ChartStyle.from_design(design)
    figures: dict[str, Abbildung] = {}
    assets: dict[str, bytes] = {}
    if data is None:
        data = chart_data(konzept, gaps)
    built: list[tuple[str, charts.Chart]] = []
    for key, (func, args, kwargs) in data.items():
        try:
            built.append((key, getattr(charts, func)(*args, style=style, **kwargs)))
        except (RenderError, ValueError) as exc:
            warnings.append(f"Diagramm „{key}“ ausgelassen: {exc}")
    compiled = compile_charts([chart for _, chart in built], ("svg", "png"))
    for (key, chart), result in zip(built, compiled, strict=True):
        if isinstance(result, RenderError):
            warnings.append(f"Diagramm „{key}“ ausgelassen: {result}")
            continue
        warnings.extend(result.warnings)
        name = f"diagramme/{key}"
        assets[f"{name}.svg"] = result.data["svg"]
        assets[f"{name}.png"] = result.data["png"]
        figures[key] = Abbildung(f"fig-{key}", f"{name}.svg", chart.alt, chart.caption)
    return figures, assets
