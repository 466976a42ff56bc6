"""Time each chart: build (Python), SVG and PNG (200 ppi) compiles, in-process.

Run: PYTHONPATH=src python tests/charts/bench_charts.py  (not collected by pytest)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from chart_cases import SMALL, actors, measures  # noqa: E402

from integrationskonzept.charts import actor_map, measure_timeline
from integrationskonzept.render.charts import chart_png, chart_svg

CASES = dict(SMALL)
CASES["zeitleiste-40"] = lambda: measure_timeline(measures(40), "40 Maßnahmen")
CASES["zeitleiste-10000"] = lambda: measure_timeline(measures(10000), "10.000 Maßnahmen")
CASES["akteure-40"] = lambda: actor_map(actors(40), "40 Akteure")


def median_ms(action, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    start = time.perf_counter()
    import typst  # noqa: F401

    print(f"import typst: {(time.perf_counter() - start) * 1000:.0f} ms")
    chart_svg(CASES["balken"]())  # warm-up: font loading
    print(f"{'chart':24} {'build':>8} {'svg':>8} {'png200':>8}  svg bytes  png bytes")
    for name, make in CASES.items():
        build = median_ms(make)
        svg = median_ms(lambda make=make: chart_svg(make()))
        png = median_ms(lambda make=make: chart_png(make(), ppi=200))
        chart = make()
        print(f"{name:24} {build:7.1f}  {svg - build:7.1f}  {png - build:7.1f}  "
              f"{len(chart_svg(chart)):9d}  {len(chart_png(chart)):9d}")


if __name__ == "__main__":
    main()
