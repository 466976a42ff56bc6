"""Charts of the Integrationskonzept, drawn in plain typst: SVG for HTML and PDF, PNG for DOCX.

Every function takes plain data (strings, numbers, lists, dicts, dates; no model
objects) and returns a :class:`Chart`. Nothing is compiled until asked for:

- ``chart.svg() -> bytes``: SVG; the alt text is in ``aria-label`` and ``<title>``
  (typst draws glyphs as outlines, so the SVG itself has no searchable text).
- ``chart.png(ppi=200) -> bytes``: PNG on white, for DOCX.
- ``chart.render(format, ppi) -> (bytes, warnings)``: also ``"pdf"``; warnings German.
- ``chart.alt``: German alt text with the key numbers, e.g. "Balkendiagramm: Einwohner je
  Ortsteil; Kernstadt 25.600, Vöhrum 6.100, …"; ``chart.caption``: title plus what was left
  out or aggregated; ``chart.notes``: those remarks alone.
- ``chart.table``: (header, rows) of strings, the data behind the chart for a data table.
- ``chart.typst_source``: the complete, self-contained typst document (no imports).

Functions (``style=ChartStyle.from_design(design)`` takes font and colours of the
concept's design; every function caps what it draws and says so in caption and alt):

``coverage_heatmap(rows, cols, values, title, *, row_label="Handlungsfeld",
col_label="Sozialraum")``
    Coverage matrix. ``values[r][c]``: share of Bedarfe covered in percent (0–100), or
    None where there is no Bedarf (grey "–"). Rows and columns without any Bedarf are
    left out; with more than 16 columns and at most 16 rows the matrix is turned (every
    Sozialraum shown). At most 25 rows and 16 columns.

``measure_timeline(measures, title, *, colour_by="status", max_bars=40, stand=None,
years=None)``
    Maßnahmen in the given order as bars from ``beginn`` to ``ende`` (date, "2024-03",
    "2024", or inside ``zeitraum``), labelled ``nummer titel``, grouped by
    ``handlungsfeld`` (a display name), coloured by ``status`` or Handlungsfeld and the
    status written beside each bar; open ends fade out. Above ``max_bars`` dated
    Maßnahmen (Landkreis size) it shows a heat map of running Maßnahmen per Handlungsfeld
    and year instead; pass only the Schwerpunktmaßnahmen to get bars.

``actor_map(actors, title, *, max_actors=80)``
    Akteurslandkarte. Actors ``{id, name, kurz, typ, einfluss, beziehungen: [{zu, art,
    thema}]}`` on a ring grouped by typ, circle size by einfluss, one line style per art
    (Kooperation, Allianz, Förderung, Hierarchie, informell, Spannung, Konflikt), the
    thema written on the line where it overlaps no label. Beyond ``max_actors`` the best
    connected are drawn.

``bar_chart(labels, values, title, *, unit="", digits=None, axis_label="", sort=False,
max_bars=30, colours=None)``
    Horizontal bars with German numbers (51.086; 21,5 %), e.g. Einwohner je Sozialraum;
    ``colours`` colours single bars (the Ampel of the Umsetzungsbericht).

``indicator_chart(values, title, *, unit="", base=None, target=None, assessment="")``
    An indicator's Ist-Werte (label, year, value) as a line against the Zielwert, with
    the dashed path from the Basiswert to the Zielwert (Umsetzungsbericht).

Each compile takes some 20–100 ms in-process (see tests/charts). User text enters typst
only as escaped string literals; typst's root is the chart template folder, so charts
can read no file and load no package.
"""

from __future__ import annotations

from .actors import actor_map
from .bars import bar_chart
from .base import Chart, ChartStyle, prozent, typst_string, zahl
from .heatmap import count_heatmap, coverage_heatmap
from .series import indicator_chart
from .timeline import measure_timeline

__all__ = [
    "Chart",
    "ChartStyle",
    "actor_map",
    "bar_chart",
    "count_heatmap",
    "coverage_heatmap",
    "indicator_chart",
    "measure_timeline",
    "prozent",
    "typst_string",
    "zahl",
]
