"""`ik validate` on hostile Markdown: time against plain text of the same size.

Each row: a chapter file of SIZE bytes made of one repeated unit (``![``, ``<a ``,
nested brackets, footnote cycles …) next to plain German text of the same size.
Linear scanning keeps the factor small and constant as the size grows; a
quadratic scan shows as a factor that doubles with the size.

    python benchmarks/hostile.py                 # 100 KB, 200 KB, 400 KB
    python benchmarks/hostile.py --sizes 2000000 # up to the 2 MiB file limit
"""

from __future__ import annotations

import argparse
import copy
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from ik_testing import BASE_INHALT, BASE_KONZEPT, write_concept  # noqa: E402
from integrationskonzept.checks.runner import validate  # noqa: E402

UNITS = {
    "Klartext": "Ein ganz normaler Satz. ",
    "![": "![",
    "<a ": "<a ",
    "![![a]": "![![a]",
    "![\\": "![\\",
    "](a": "](a",
    "`{=a": "`{=a",
    "Fußnotenkette": "[^a]: x[^b]\n",
    "> verschachtelt": "> ",
}


def seconds(text: str) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        konzept = copy.deepcopy(BASE_KONZEPT)
        konzept["kapitel"] = [{"id": "lang", "titel": "Lang", "datei": "texte/lang.md"}]
        root = write_concept(Path(tmp), {"konzept.yaml": konzept, "bildung.yaml": BASE_INHALT,
                                         "texte/lang.md": text})
        started = time.perf_counter()
        validate(root)
        return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 200_000, 400_000])
    args = parser.parse_args(argv)
    print("| Einheit | " + " | ".join(f"{s // 1000} KB" for s in args.sizes) + " |")
    print("|---|" + "---|" * len(args.sizes))
    for name, unit in UNITS.items():
        cells = []
        for size in args.sizes:
            text = (unit * (size // len(unit) + 1))[:size]
            cells.append(f"{seconds(text):.2f} s")
        print(f"| `{name}` | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
