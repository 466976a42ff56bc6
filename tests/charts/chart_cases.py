"""Small chart inputs for the chart tests and the benchmark, as plain data."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from integrationskonzept.charts import (
    Chart,
    actor_map,
    bar_chart,
    coverage_heatmap,
    measure_timeline,
)

ORTSTEILE = ["Kernstadt", "Vöhrum", "Stederdorf", "Woltorf", "Essinghausen"]
EINWOHNER = [25600, 6100, 5012, 1875, 1221]


def actors(n: int, seed: int = 7, names: list[str] | None = None) -> list[dict[str, Any]]:
    """``n`` actors with a few relations each, deterministic from ``seed``."""
    r = random.Random(seed)
    types = ["Verwaltung", "Politik", "Zivilgesellschaft", "Migrant*innenorganisation",
             "Bildungsträger", "Arbeitsverwaltung"]
    arts = ["Kooperation", "Allianz", "Förderung", "Hierarchie", "informell", "Spannung",
            "Konflikt"]
    out = []
    for i in range(n):
        name = names[i % len(names)] + f" {i}" if names else f"Akteur {i}"
        out.append({
            "id": f"a{i}", "name": name, "typ": types[i % len(types)],
            "einfluss": ["hoch", "mittel", "gering", None][i % 4],
            "beziehungen": [{"zu": f"a{r.randrange(n)}", "art": r.choice(arts),
                             "thema": r.choice([None, "Raumvergabe"])}
                            for _ in range(r.randrange(3))],
        })
    return out


def measures(n: int, seed: int = 3) -> list[dict[str, Any]]:
    r = random.Random(seed)
    status = ["geplant", "in Umsetzung", "laufend", "umgesetzt", "zurückgestellt"]
    return [{"titel": f"Maßnahme {i}",
             "beginn": f"{2022 + r.randrange(6)}-{r.randrange(1, 13):02d}",
             "ende": str(2026 + r.randrange(4)) if r.random() < 0.7 else None,
             "handlungsfeld": f"Handlungsfeld {r.randrange(8)}", "status": r.choice(status)}
            for i in range(n)]


SMALL: dict[str, Callable[[], Chart]] = {
    "heatmap": lambda: coverage_heatmap(
        ["Sprache und Bildung", "Arbeit", "Wohnen"], ORTSTEILE[:3],
        [[75, 0, None], [100, 33.3, 50], [None, 12, 90]], "Abdeckung der Bedarfe"),
    "zeitleiste": lambda: measure_timeline([
        {"titel": "Sprachcafé", "beginn": "2024", "ende": "2026",
         "handlungsfeld": "Sprache und Bildung", "status": "laufend"},
        {"titel": "Mentoring", "beginn": "2025-03", "handlungsfeld": "Sprache und Bildung",
         "status": "geplant"},
        {"titel": "Jobbörse", "zeitraum": {"beginn": "01.09.2024", "ende": "2025-06"},
         "handlungsfeld": "Arbeit", "status": "in Umsetzung"},
    ], "Maßnahmen im Zeitverlauf", stand=dt.date(2025, 1, 1)),
    "zeitleiste-aggregiert": lambda: measure_timeline(measures(120), "Alle Maßnahmen"),
    "akteure": lambda: actor_map(actors(12), "Akteurslandkarte"),
    "akteure-30": lambda: actor_map(actors(30), "Akteurslandkarte"),
    "balken": lambda: bar_chart(ORTSTEILE, EINWOHNER, "Einwohner je Ortsteil"),
}
