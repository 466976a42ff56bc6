"""Bar charts: population figures and other Kennzahlen with German numbers."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from ..text.german import word_list
from .base import (
    NBSP,
    Chart,
    ChartStyle,
    build_source,
    caption,
    colour,
    label_width,
    shorten,
    zahl,
)

MAX_BARS = 30
_BAR_SPAN = 0.84  # share of the bar area the longest bar takes; the rest holds its number


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float | None],
    title: str,
    *,
    unit: str = "",
    digits: int | None = None,
    axis_label: str = "",
    sort: bool = False,
    max_bars: int = MAX_BARS,
    colour_hex: str | None = None,
    colours: Sequence[str | None] | None = None,
    style: ChartStyle | None = None,
) -> Chart:
    """Horizontal bars, one per label, the German number at the bar's end.

    ``unit`` follows the number ("%", "Personen"); ``digits`` defaults to 0 for whole
    numbers and 1 otherwise. ``colours`` (hex, per label; None: the default) colours
    single bars, e.g. an Ampel's green, yellow and red. ``sort`` orders by value, largest
    first. Missing values
    (None, NaN) are listed as "keine Angabe" and drawn without a bar. At most
    ``max_bars`` bars are drawn; the caption says how many were left out.
    """
    style = style or ChartStyle()
    pairs = []
    by_label = {str(label): c for label, c in zip(labels, colours or (), strict=False) if c}
    for label, value in zip(labels, values, strict=False):
        number = None
        if value is not None and not isinstance(value, bool):
            try:
                number = float(value)
            except (TypeError, ValueError):
                number = None
        pairs.append((str(label), number if number is not None and math.isfinite(number)
                      else None))
    if sort:
        pairs.sort(key=lambda p: (p[1] is None, -(p[1] or 0.0)))
    known = [v for _, v in pairs if v is not None]
    if digits is None:
        digits = 0 if all(v.is_integer() for v in known) else 1
    suffix = f"{NBSP}{unit}" if unit else ""

    def fmt(value: float | None) -> str:
        return "keine Angabe" if value is None else zahl(value, digits) + suffix

    notes = []
    if len(pairs) > max_bars:
        which = "die größten" if sort else "die ersten"
        notes.append(f"{which} {max_bars} von {len(pairs)} Werten dargestellt")
    shown = pairs[:max_bars]
    drawn = [v for _, v in shown if v is not None]
    low, high = min(0.0, *drawn) if drawn else 0.0, max(0.0, *drawn) if drawn else 0.0
    span = (high - low) or 1.0
    left_room = 0.14 if low < 0 else 0.0
    scale = (_BAR_SPAN - left_room) / span
    zero = left_room + (-low) * scale
    bars: list[dict[str, Any]] = []
    for label, value in shown:
        pos = zero + (value or 0.0) * scale
        bars.append({"text": shorten(label, 60), "von": min(zero, pos), "bis": max(zero, pos),
                     "zahl": fmt(value), "negativ": value is not None and value < 0,
                     "farbe": colour(by_label[label]) if label in by_label else None})
    data = {
        "balken": bars,
        "null": zero if low < 0 else 0.0,
        "zeilen-breite": label_width([b["text"] for b in bars], 7.5, 50, 150),
        "farbe": colour(colour_hex) if colour_hex else None,
        "achse": axis_label,
    }
    alt = f"Balkendiagramm: {title}; " + (
        word_list([f"{label} {fmt(value)}" for label, value in pairs], 40, last=", ") if pairs
        else "keine Daten")
    if notes:
        alt += ". Hinweis: " + "; ".join(notes)
    alt += "."
    table = (("", axis_label or title), tuple((label, fmt(value)) for label, value in pairs))
    return Chart(kind="balken", typst_source=build_source("balken.typ", data, style), alt=alt,
                 caption=caption(title, notes), table=table, notes=tuple(notes), style=style)
