"""Maßnahmen on a timeline: one bar per Maßnahme, or counts per Handlungsfeld and year.

Up to ``max_bars`` dated Maßnahmen (default 40, about one A4 page) are drawn as bars,
grouped by Handlungsfeld in the concept's order, labelled with their number (``nummer``)
and coloured by status (or by Handlungsfeld); the status is also written next to each
bar. Beyond that a bar chart is unreadable, so the chart switches to a heat map of the
number of running Maßnahmen per Handlungsfeld and year and says so in caption and alt
text. A caller that wants bars for a large concept passes a selection, e.g. only the
Schwerpunktmaßnahmen.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import Any

from ..text.german import datum_kurz, parse_zeitpunkt_text, word_list
from .base import (
    Chart,
    ChartStyle,
    build_source,
    caption,
    colour,
    label_width,
    shorten,
)
from .heatmap import count_heatmap

MAX_BARS = 40
MAX_YEARS = 16
STATUS_COLOURS = {
    "geplant": "#9ECAE1",
    "in Vorbereitung": "#6BAED6",
    "in Umsetzung": "#3182BD",
    "laufend": "#08519C",
    "verzögert": "#E6550D",
    "umgesetzt": "#31A354",
    "verstetigt": "#006D2C",
    "zurückgestellt": "#BDBDBD",
    "entfallen": "#E6E6E6",
}
PALETTE = ["#4E79A7", "#F28E2B", "#59A14F", "#E15759", "#76B7B2", "#EDC948", "#B07AA1",
           "#FF9DA7", "#9C755F", "#BAB0AC", "#86BCB6", "#D4A6C8"]
NO_FIELD = "ohne Handlungsfeld"

def _year_fraction(day: dt.date) -> float:
    start = dt.date(day.year, 1, 1)
    length = (dt.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


def point(value: Any, end: bool = False) -> tuple[float, str] | None:
    """A Zeitpunkt as (fractional year, German text); ``end`` takes the end of the period.

    Accepts dates, years (int or "2024"), months ("2024-03", "03/2024"), days
    ("2024-03-15", "15.03.2024") and objects with ``first``/``last`` dates and ``text``.
    """
    if value is None or isinstance(value, bool):
        return None
    if hasattr(value, "first") and hasattr(value, "last"):
        value = getattr(value, "text", None) or (value.last if end else value.first)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        day = value
        return _year_fraction(day + dt.timedelta(days=1 if end else 0)), datum_kurz(day)
    try:
        parsed = parse_zeitpunkt_text(str(value))
    except ValueError:
        return None
    if parsed is None:
        return None
    first, _last, precision = parsed
    if precision == "tag":
        return point(first, end)
    if precision == "monat":
        year, month = first.year, first.month
        return year + (month - (0 if end else 1)) / 12, f"{month:02d}/{year}"
    return first.year + (1 if end else 0), str(first.year)


def _field(item: Mapping[str, Any], key: str) -> Any:
    if key in item:
        return item[key]
    nested = item.get("zeitraum")
    return nested.get(key) if isinstance(nested, Mapping) else None


def measure_timeline(
    measures: Sequence[Mapping[str, Any]],
    title: str,
    *,
    colour_by: str = "status",
    max_bars: int = MAX_BARS,
    stand: Any = None,
    years: tuple[int, int] | None = None,
    style: ChartStyle | None = None,
) -> Chart:
    """Timeline of Maßnahmen.

    Each measure is a mapping with ``titel``, ``beginn``, ``ende`` (or both inside
    ``zeitraum``), ``handlungsfeld`` (the name to show) and ``status``. A missing
    ``ende`` draws an open, fading bar to the end of the axis; measures without
    ``beginn`` are not drawn (the caption counts them). ``colour_by`` is ``"status"``
    or ``"handlungsfeld"``; ``stand`` (a date) draws a "Stand" line; ``years``
    (first, last) fixes the axis.
    """
    style = style or ChartStyle()
    items: list[dict[str, Any]] = []
    undated = 0
    for m in measures:
        start = point(_field(m, "beginn"))
        if start is None:
            undated += 1
            continue
        end = point(_field(m, "ende"), end=True)
        if end is not None and end[0] < start[0]:
            end = None
        nummer = str(m.get("nummer") or "")
        titel = str(m.get("titel") or m.get("id") or "Maßnahme")
        items.append({"titel": f"{nummer} {titel}" if nummer else titel,
                      "feld": str(m.get("handlungsfeld") or NO_FIELD),
                      "status": str(m.get("status") or "geplant"), "start": start, "end": end})
    notes = []
    if undated:
        notes.append(f"{undated} Maßnahme{'n' if undated != 1 else ''} ohne Beginn nicht "
                     "dargestellt")
    fields = list(dict.fromkeys(i["feld"] for i in items))
    stand_at = point(stand) if stand is not None else None
    if years:
        y0, y1 = int(years[0]), int(years[1])
    elif items:
        y0 = math.floor(min(i["start"][0] for i in items))
        ends = [i["end"][0] for i in items if i["end"]]
        y1 = max([math.ceil(e) - 1 for e in ends] + [math.floor(i["start"][0]) + 1
                                                     for i in items if not i["end"]])
        if stand_at:
            y1 = max(y1, math.floor(stand_at[0]))
    else:
        y0 = y1 = dt.date.today().year if stand_at is None else math.floor(stand_at[0])
    y1 = max(y1, y0)
    if y1 - y0 + 1 > MAX_YEARS:
        notes.append(f"Zeitachse auf {y0} bis {y0 + MAX_YEARS - 1} begrenzt")
        y1 = y0 + MAX_YEARS - 1
    n_years = y1 - y0 + 1
    if len(items) > max_bars:
        return _aggregate(items, fields, y0, y1, title, notes, style)

    def pos(value: float) -> float:
        return min(1.0, max(0.0, (value - y0) / n_years))

    colours = (STATUS_COLOURS if colour_by == "status"
               else {f: PALETTE[i % len(PALETTE)] for i, f in enumerate(fields)})
    rows: list[dict[str, Any]] = []
    alt_parts = []
    for feld in fields:
        group = [i for i in items if i["feld"] == feld]  # in the concept's order
        rows.append({"art": "gruppe", "text": shorten(feld, 90)})
        descr = []
        for i in group:
            key = i["status"] if colour_by == "status" else feld
            fill = colours.get(key, "#969696")
            rows.append({"art": "balken", "text": shorten(i["titel"], 70),
                         "status": i["status"],
                         "von": pos(i["start"][0]),
                         "bis": pos(i["end"][0]) if i["end"] else 1.0,
                         "farbe": colour(fill), "offen-ende": i["end"] is None})
            if not i["end"]:
                span = f"ab {i['start'][1]}, Ende offen"
            elif i["end"][1] == i["start"][1]:
                span = i["start"][1]
            else:
                span = f"{i['start'][1]} bis {i['end'][1]}"
            descr.append(f"{i['titel']} {span} ({i['status']})")
        alt_parts.append(f"{feld}: " + "; ".join(descr))
    legend_keys = ([s for s in STATUS_COLOURS if any(i["status"] == s for i in items)]
                   if colour_by == "status" else fields)
    data = {
        "jahre": [str(y) for y in range(y0, y1 + 1)],
        "jede": 1 if n_years <= 10 else 2,
        "zeilen": rows,
        "stand": pos(stand_at[0]) if stand_at and y0 <= stand_at[0] < y1 + 1 else None,
        "stand-text": f"Stand {stand_at[1]}" if stand_at else "",
        "zeilen-breite": label_width([r["text"] for r in rows if r["art"] == "balken"], 8, 80,
                                     170),
        # the status is written next to each bar too: readable without colour
        "status-breite": label_width([r["status"] for r in rows if r["art"] == "balken"], 8,
                                     30, 70),
        "legende": [{"text": k, "farbe": colour(colours.get(k, "#969696"))}
                    for k in legend_keys],
        "legenden-titel": "Status" if colour_by == "status" else "Handlungsfeld",
    }
    alt = (f"Zeitleiste: {title}; {len(items)} Maßnahmen von {y0} bis {y1}, Balkenfarbe nach "
           f"{'Status' if colour_by == 'status' else 'Handlungsfeld'}. "
           + (" ".join(p + "." for p in alt_parts) if alt_parts else "Keine Maßnahmen."))
    if notes:
        alt += " Hinweis: " + "; ".join(notes) + "."
    table = (("Handlungsfeld", "Maßnahme", "Beginn", "Ende", "Status"),
             tuple((i["feld"], i["titel"], i["start"][1], i["end"][1] if i["end"] else "offen",
                    i["status"]) for i in items))
    return Chart(kind="zeitleiste", typst_source=build_source("zeitleiste.typ", data, style),
                 alt=alt, caption=caption(title, notes), table=table, notes=tuple(notes),
                 style=style)


def _aggregate(items: list[dict[str, Any]], fields: list[str], y0: int, y1: int, title: str,
               notes: list[str], style: ChartStyle) -> Chart:
    counts = {f: [0] * (y1 - y0 + 1) for f in fields}
    for i in items:
        first = math.floor(i["start"][0])
        last = math.ceil(i["end"][0]) - 1 if i["end"] else y1
        for year in range(max(first, y0), min(last, y1) + 1):
            counts[i["feld"]][year - y0] += 1
    notes = [f"{len(items)} Maßnahmen: Anzahl laufender Maßnahmen je Handlungsfeld und Jahr "
             "statt einzelner Balken", *notes]
    chart = count_heatmap(
        fields, [str(y) for y in range(y0, y1 + 1)], [counts[f] for f in fields], title,
        corner="Handlungsfeld / Jahr", row_noun="Handlungsfeldern", col_noun="Jahren",
        scale_title="laufende Maßnahmen", style=style, notes=notes, kind="zeitleiste")
    totals = [f"{y}: {sum(counts[f][y - y0] for f in fields)}" for y in range(y0, y1 + 1)]
    alt = chart.alt.replace("Heatmap: ", "Zeitleiste als Heatmap: ", 1)
    alt += " Laufende Maßnahmen insgesamt je Jahr: " + word_list(totals, 20, last=", ") + "."
    return Chart(kind=chart.kind, typst_source=chart.typst_source, alt=alt,
                 caption=chart.caption, table=chart.table, notes=chart.notes, style=style)
