"""Benchmark: render a document with one N-row table to each format, one process per format.

Usage: ``PYTHONPATH=src python tests/render/bench_render.py 200 10000``

Prints wall time, the steps' times and the peak resident memory of the child
processes (pandoc reader and writer, typst) for each format.
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FORMATS = ("html", "docx", "odt", "pdf")


def table_document(rows: int) -> str:
    lines = ["| Nr. | Angebot | Träger | Zielgruppe | Sozialraum |", "|---|---|---|---|---|"]
    lines += [
        f"| A{i} | Sprachkurs für Akteur\\*innen Nummer {i} mit längerem Titel "
        f"| Träger {i % 37} e. V. | Geflüchtete Frauen | Nordstadt {i % 5} |"
        for i in range(rows)
    ]
    return "# Einleitung\n\nText.\n\n# Anhang\n\n" + "\n".join(lines) + "\n\n: Angebote\n"


def one(source: Path, fmt: str) -> dict[str, object]:
    """Render ``source`` to ``fmt`` in this process; report time and children's peak memory."""
    from integrationskonzept.render import DocumentMeta, default_design, render

    stats: dict[str, float] = {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        render(source.read_text(encoding="utf-8"), meta=DocumentMeta("Benchmark", "Landkreis"),
               assets={}, formats=[fmt], out_dir=Path(out), design=default_design(),
               timestamp=dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc), stats=stats)
    return {
        "format": fmt,
        "seconds": round(time.perf_counter() - started, 1),
        "peak_child_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
        "steps": stats,
    }


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for rows in sizes:
            source = Path(tmp) / f"t{rows}.md"
            source.write_text(table_document(rows), encoding="utf-8")
            for fmt in FORMATS:
                proc = subprocess.run(
                    [sys.executable, __file__, "--one", str(source), fmt],
                    capture_output=True, check=True, text=True,
                )
                print(rows, proc.stdout.strip(), flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(one(Path(sys.argv[2]), sys.argv[3])))
    else:
        main([int(a) for a in sys.argv[1:]] or [200, 10000])
