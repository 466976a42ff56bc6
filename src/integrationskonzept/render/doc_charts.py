"""The charts of the document: their files (SVG + PNG twin) and figure entries.

Adapter to the charts module: until it offers the document's charts, the document
has none (the tables carry the same figures).
"""

from __future__ import annotations

from typing import Any

from .doc_types import Abbildung


def charts_for(konzept: Any, gaps: Any, design: Any, warnings: list[str]
               ) -> tuple[dict[str, Abbildung], dict[str, bytes]]:
    """(figures by key, asset bytes by build path) for ``konzept``."""
    try:
        from . import charts  # type: ignore[attr-defined]
    except ImportError:
        return {}, {}
    make = getattr(charts, "document_charts", None)
    if make is None:
        return {}, {}
    from .chart_base import ChartStyle

    figures: dict[str, Abbildung] = {}
    assets: dict[str, bytes] = {}
    for key, chart in make(konzept, gaps, ChartStyle.from_design(design)).items():
        svg, notes_svg = chart.render("svg")
        png, _ = chart.render("png")
        warnings.extend(notes_svg)
        name = f"diagramme/{key}"
        assets[f"{name}.svg"] = svg
        assets[f"{name}.png"] = png
        figures[key] = Abbildung(f"fig-{key}", f"{name}.svg", chart.alt, chart.caption)
    return figures, assets
