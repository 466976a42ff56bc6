"""An indicator's series against its target: a line chart with base, target and path.

The Ist-Werte are drawn as a line with points and their numbers; the Zielwert as a
marked point with its label, and the straight path from the Basiswert to the Zielwert
as a dashed line, so a reader sees at once whether the series runs above or below it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .base import NBSP, Chart, ChartStyle, build_source, caption, pt, zahl

WIDTH = 453.0
HEIGHT = 130.0
LEFT = 44.0
RIGHT = 70.0
MAX_POINTS = 30


def _fmt(value: float, unit: str, digits: int) -> str:
    text = zahl(value, digits)
    return f"{text}{NBSP}{unit}" if unit else text


def _nice_step(span: float) -> float:
    raw = span / 4 or 1.0
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= raw:
            return float(factor * power)
    return 10.0 * power


def indicator_chart(
    values: Sequence[tuple[str, float, float]],
    title: str,
    *,
    unit: str = "",
    base: tuple[str, float, float] | None = None,
    target: tuple[str, float, float] | None = None,
    assessment: str = "",
    style: ChartStyle | None = None,
) -> Chart:
    """Line chart of ``values`` as (label, year as number, value), e.g. ("2003/04", 2004, 5.1).

    ``base`` and ``target`` have the same form (Basiswert, Zielwert). ``assessment``
    (e.g. "auf Kurs") goes into the alt text. At most :data:`MAX_POINTS` values (the
    latest) are drawn; the caption says so.
    """
    style = style or ChartStyle()
    pts = sorted((v for v in values if math.isfinite(v[2])), key=lambda v: v[1])
    notes = []
    if len(pts) > MAX_POINTS:
        notes.append(f"die letzten {MAX_POINTS} von {len(pts)} Werten dargestellt")
        pts = pts[-MAX_POINTS:]
    marks = [p for p in (base, target) if p is not None]
    every = pts + marks
    if not every:
        raise ValueError("keine Werte für das Diagramm")
    numbers = [v for _, _, v in every]
    digits = 0 if all(float(n).is_integer() for n in numbers) else 1
    x_lo, x_hi = min(x for _, x, _ in every), max(x for _, x, _ in every)
    if x_hi == x_lo:
        x_lo, x_hi = x_lo - 1, x_hi + 1
    y_lo, y_hi = min(0.0, *numbers), max(numbers)
    step = _nice_step(y_hi - y_lo)
    y_hi = math.ceil(y_hi / step) * step if y_hi > 0 else step
    y_lo = math.floor(y_lo / step) * step
    area = WIDTH - LEFT - RIGHT

    def xy(x: float, y: float) -> tuple[float, float]:
        return ((x - x_lo) / (x_hi - x_lo) * area, HEIGHT - (y - y_lo) / (y_hi - y_lo) * HEIGHT)

    punkte = []
    for _label, x, v in pts:
        px, py = xy(x, v)
        punkte.append({"x": pt(px), "y": pt(py), "wert": _fmt(v, unit, digits)})
    segmente = [{"von": (a["x"], a["y"]), "bis": (b["x"], b["y"])}
                for a, b in zip(punkte, punkte[1:], strict=False)]
    years = sorted({(x, label) for label, x, _ in every})
    shown_years = years if len(years) <= 12 else years[:: math.ceil(len(years) / 12)]
    x_ticks = [{"x": pt(xy(x, y_lo)[0]), "text": label} for x, label in shown_years]
    y_ticks = []
    tick = y_lo
    while tick <= y_hi + step / 2:
        y_ticks.append({"y": pt(xy(x_lo, tick)[1]), "text": _fmt(tick, unit, digits if
                                                                  step < 1 else 0)})
        tick += step
    pfad = None
    ziel = None
    if target is not None:
        tx, ty = xy(target[1], target[2])
        ziel = {"x": pt(tx), "y": pt(ty),
                "text": f"Ziel {target[0]}: {_fmt(target[2], unit, digits)}"}
        if base is not None:
            bx, by = xy(base[1], base[2])
            pfad = {"von": (pt(bx), pt(by)), "bis": (pt(tx), pt(ty))}
    basis = None
    if base is not None:
        bx, by = xy(base[1], base[2])
        basis = {"x": pt(bx), "y": pt(by), "text": f"Basis {base[0]}: "
                 f"{_fmt(base[2], unit, digits)}"}
    data = {"breite": pt(WIDTH), "hoehe": pt(HEIGHT), "links": pt(LEFT), "flaeche": pt(area),
            "punkte": punkte, "segmente": segmente, "x-ticks": x_ticks, "y-ticks": y_ticks,
            "pfad": pfad, "ziel": ziel, "basis": basis}
    parts = []
    if base is not None:
        parts.append(f"Basiswert {base[0]} {_fmt(base[2], unit, digits)}")
    parts += [f"{label} {_fmt(v, unit, digits)}" for label, _, v in pts]
    if target is not None:
        parts.append(f"Zielwert {target[0]} {_fmt(target[2], unit, digits)}")
    alt = f"Liniendiagramm: {title}; " + ", ".join(parts) + (
        f". Bewertung: {assessment}" if assessment else "") + "."
    if notes:
        alt += " Hinweis: " + "; ".join(notes) + "."
    table = (("Jahr", title), tuple((label, _fmt(v, unit, digits)) for label, _, v in pts))
    return Chart(kind="reihe", typst_source=build_source("reihe.typ", data, style), alt=alt,
                 caption=caption(title, notes), table=table, notes=tuple(notes), style=style)
