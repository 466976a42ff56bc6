"""A Landkreis workspace for the benchmark: the Kreis plus member concepts under ``gemeinden:``.

The single-folder Landkreis (``generate.py``) at scale ``s`` has ``10 s`` Gemeinden in one
concept. Here each of them is its own member concept (a generated concept of one Gemeinde,
its own seed), and the Kreis's konzept.yaml names them under ``gemeinden:``; the Kreis
keeps only its frame (Handlungsfelder, Sozialräume, one Akteur). The members together
hold about as many entries as the single folder, so the two compare per entry.

    python benchmarks/workspace.py OUT_DIR [--scale 1]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import STAND, dump, generate  # noqa: E402
from vocab import HANDLUNGSFELDER  # noqa: E402


def _kreis(members: list[str]) -> dict[str, Any]:
    return {
        "kommune": {"name": "Landkreis Lindenau", "typ": "Landkreis",
                    "bundesland": "Niedersachsen"},
        "titel": "Integrationskonzept des Landkreises Lindenau (Arbeitsbereich)",
        "version": "1.0",
        "stand": STAND,
        "herausgeber": {"name": "Landkreis Lindenau – Der Landrat"},
        "kontakt": {"stelle": "Integration", "email": "integration@lindenau.example"},
        "federfuehrung": "lk-integration",
        "handlungsfelder": [{"id": hid, "name": name, "kurz": kurz}
                            for hid, name, kurz in HANDLUNGSFELDER],
        "sozialraeume": [{"id": "kreisweit", "name": "Landkreis Lindenau", "art": "gesamt"}]
        + [{"id": m, "name": f"Gemeinde {m}", "art": "Gemeinde", "teil_von": "kreisweit"}
           for m in members],
        "gemeinden": [{"id": m, "pfad": f"gemeinden/{m}"} for m in members],
    }


def generate_workspace(out: str | Path, scale: float = 1.0, seed: int = 2024) -> dict[str, int]:
    """Write the workspace into ``out``; returns entry counts summed over the members."""
    out = Path(out)
    n = max(1, round(10 * scale))
    members = [f"g{k:02d}" for k in range(1, n + 1)]
    counts: dict[str, int] = {}
    for k, m in enumerate(members):
        for key, value in generate(out / "gemeinden" / m, 0.1, seed + k).items():
            counts[key] = counts.get(key, 0) + value
    dump(out / "konzept.yaml", _kreis(members), "# Generierter Arbeitsbereich (fiktiv)\n")
    dump(out / "akteure.yaml", {"akteure": [{
        "id": "lk-integration", "name": "Landkreis Lindenau – Integration",
        "typ": "Verwaltung", "ebene": "Landkreis"}]})
    counts["dateien"] = counts.get("dateien", 0) + 2
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--scale", type=float, default=1.0)
    args = ap.parse_args(argv)
    print(generate_workspace(args.out, args.scale))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
