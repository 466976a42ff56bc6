"""Benchmark `ik bericht` against `ik build` on the same concept with monitoring data.

Usage (from the repository root; one run per cell, the machine is shared)::

    python benchmarks/bericht_bench.py                 # Peine and Landkreis ×1
    python benchmarks/bericht_bench.py --scale 0.5 --formats md

The Landkreis comes from ``benchmarks/generate.py --monitoring`` (report periods, a
history per Maßnahme, Ampeln per Ziel). Time and peak memory of the whole process tree
are measured as in ``build_bench.py``; the table goes to ``benchmarks/BERICHT.md``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from build_bench import ROOT, machine, measure


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--formats", default="docx,pdf,html")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "BERICHT.md")
    args = ap.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="ik-bericht-bench-") as tmp:
        target = Path(tmp) / "landkreis"
        gen = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"),
                              str(target), "--scale", str(args.scale), "--monitoring"],
                             capture_output=True, text=True, check=True)
        concepts = [("Peine", ROOT / "examples" / "peine"),
                    (f"Landkreis ×{args.scale:g}", target)]
        for label, path in concepts:
            cells = []
            for command in ("build", "bericht"):
                r = measure(path, args.formats, Path(tmp) / "out", command)
                print(f"{label:16} ik {command:8} {r['seconds']:7.1f} s {r['peak_mb']:6} MB"
                      + (f"  FEHLER: {r['error']}" if r["rc"] else ""), flush=True)
                cells.append("Fehler" if r["rc"] else f"{r['seconds']:.0f} s / {r['peak_mb']} MB")
            rows.append(f"| {label} | {cells[0]} | {cells[1]} |")
    text = [
        "# `ik bericht` neben `ik build`: Zeit und Spitzenspeicher", "",
        "Gemessen mit `python benchmarks/bericht_bench.py` (ein Lauf je Zelle, Formate "
        f"`{args.formats}`). Zelle: Laufzeit (Wanduhr) / höchster Arbeitsspeicher (RSS) des "
        "ganzen Prozessbaums (CLI, pandoc, typst).", "",
        f"Rechner: {machine()}", "",
        "| Konzept | `ik build` | `ik bericht` |", "|---|---|---|", *rows, "",
        f"Landkreis: `benchmarks/generate.py --scale {args.scale:g} --monitoring`: "
        + gen.stdout.strip().splitlines()[-1] + "; dazu zwei Berichtszeiträume, ein Verlauf "
        "je begonnener Maßnahme und zwei Ampeln je Ziel.", "",
        "Der Bericht zeigt je Handlungsfeld Ziele, Maßnahmen (als Tabelle) und Indikatoren, "
        "aber keine Angebote und Bedarfe: er ist bei Landkreisgröße viel kürzer als das "
        "Konzept. Zeit und Speicher bleiben deshalb unter denen von `ik build`; beide prüfen "
        "zuerst die Quellen.", "",
    ]
    args.out.write_text("\n".join(text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    raise SystemExit(main())
