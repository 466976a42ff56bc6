"""The document's figures: chart data from :mod:`..document.figures`, compiled to files.

Each chart is written as SVG with a PNG twin for DOCX.
"""

from __future__ import annotations

from typing import Any

from .. import charts
from ..document.figures import chart_data
from ..document.parts import Abbildung
from ..errors import RenderError
from .charts import render_chart

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
    for key, (func, args, kwargs) in data.items():
        try:
            chart = getattr(charts, func)(*args, style=style, **kwargs)
            svg, notes = render_chart(chart, "svg")
            png, _ = render_chart(chart, "png")
        except (RenderError, ValueError) as exc:
            warnings.append(f"Diagramm „{key}“ ausgelassen: {exc}")
            continue
        warnings.extend(notes)
        name = f"diagramme/{key}"
        assets[f"{name}.svg"] = svg
        assets[f"{name}.png"] = png
        figures[key] = Abbildung(f"fig-{key}", f"{name}.svg", chart.alt, chart.caption)
    return figures, assets
