"""Presenting benchmark results: a plain table for the terminal, Markdown for RESULTS.md."""

from __future__ import annotations

import math
from typing import Any

TARGETS = (
    "Targets (issue 15), all against the compose floor of the same run, least CPU time of "
    "the runs: `ik validate` cold ≤ 1.3×, warm (one file changed) ≤ 0.8×; `ik gaps` ≤ 10 % "
    "on top of validate; the workspace ≤ 1.2× the single folder; linear from 0.5× to 4×; "
    "`ik --help` and `ik --version` under 60 ms wall."
)

# (key, what, target or None, how the value is shown)
ISSUE: tuple[tuple[str, str, float | None, str], ...] = (
    ("validate_cold", "ik validate (process, empty parse cache) ÷ compose floor", 1.3, "×"),
    ("validate_nocache", "ik validate (process, IK_CACHE=0) ÷ compose floor", 1.3, "×"),
    ("validate_warm", "ik validate (process, one file changed since the last run) ÷ compose "
     "floor", 0.8, "×"),
    ("validate_second", "ik validate (process, the run after a cold run: writes the "
     "snapshots; no target) ÷ compose floor", None, "×"),
    ("gaps_extra", "ik gaps on top of ik validate (process, cold)", 0.10, "%"),
    ("gaps_on_load", "gap analysis (find_gaps) on top of the load (load_concept)", 0.10, "%"),
    ("workspace", "workspace (member concepts) ÷ single folder, CPU per entry", 1.2, "×"),
    ("help_ms", "ik --help, median wall", 60, "ms"),
    ("version_ms", "ik --version, median wall", 60, "ms"),
)


def issue_ratios(result: dict[str, Any]) -> dict[str, float]:
    """The issue's ratios from least CPU times (noise on a shared machine only adds)."""
    best = {f["key"]: min(f["cpu_runs_s"]) for f in result["figures"] if f["cpu_runs_s"]}
    wall = {f["key"]: f["median_s"] for f in result["figures"] if f["runs_s"]}
    floor = best.get("floor.compose", float("nan"))
    out: dict[str, float] = {"floor_cpu_s": floor}
    for key, fig in (("validate_cold", "proc.validate"), ("validate_nocache",
                     "proc.validate_nocache"), ("validate_warm", "proc.validate_warm"),
                     ("validate_second", "proc.validate_second")):
        if fig in best:
            out[key] = best[fig] / floor
    if "proc.gaps" in best and "proc.validate" in best:
        out["gaps_extra"] = best["proc.gaps"] / best["proc.validate"] - 1
    if "ik.gaps" in best and "ik.load" in best:
        out["gaps_on_load"] = best["ik.gaps"] / best["ik.load"]
    if "proc.workspace" in best and "proc.validate" in best:
        out["workspace"] = ((best["proc.workspace"] / result["workspace_items"])
                            / (best["proc.validate"] / result["items"]))
    for key, fig in (("help_ms", "proc.help"), ("version_ms", "proc.version")):
        if fig in wall:
            out[key] = wall[fig] * 1000
    return out


def _issue_lines(result: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(what, measured, target, met?) for the issue's table."""
    r = result.get("issue", {})
    rows = []
    for key, what, target, unit in ISSUE:
        if key not in r:
            continue
        v = r[key]
        shown = (f"{v * 100:+.0f} %" if unit == "%" else f"{v:.0f} ms" if unit == "ms"
                 else f"{v:.2f}×")
        if target is None:  # shown for what it costs, not judged
            rows.append((what, shown, "–", "–"))
            continue
        goal = f"≤ {target * 100:.0f} %" if unit == "%" else (
            f"< {target} ms" if unit == "ms" else f"≤ {target}×")
        rows.append((what, shown, goal, "yes" if v <= target else "no"))
    return rows


def _fmt(x: float | None, unit: str = "s") -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{x * 1000:.0f} ms" if unit == "ms" else f"{x:.3f}"


def _rows(result: dict[str, Any]) -> list[tuple[str, ...]]:
    """(key, label, median wall, min wall, median CPU, ratio wall, ratio CPU) per figure."""
    out = []
    for f in result["figures"]:
        if not f["runs_s"]:
            out.append((f["key"], f["label"], "–", "–", "–", "–", f["note"] or "not measured"))
            continue
        note = f"  ({f['note']})" if f["note"] else ""
        out.append((f["key"], f["label"], _fmt(f["median_s"]), _fmt(f["min_s"]),
                    _fmt(f["cpu_median_s"]), f"{f['ratio_to_floor']:.2f}×",
                    f"{f['cpu_ratio_to_floor']:.2f}×{note}"))
    return out


def _scaling_cells(r: dict[str, Any]) -> list[str]:
    def g(k: str, fmt: str) -> str:
        v = r.get(k)
        return "–" if v is None or (isinstance(v, float) and math.isnan(v)) else format(v, fmt)
    return [f"{r['scale']:g}", str(r["items"]), g("floor_cpu_s", ".3f"),
            g("compose_cpu_s", ".3f"), g("compose_us_per_item", ".1f"),
            g("compose_per_item_vs_scale1", ".2f"),
            g("validate_cpu_s", ".3f"), g("validate_us_per_item", ".1f"),
            g("validate_per_item_vs_scale1", ".2f"), g("gaps_cpu_s", ".3f"),
            g("gaps_us_per_item", ".1f"), g("gaps_per_item_vs_scale1", ".2f")]


SCALING_HEAD = ["scale", "entries", "load floor CPU s", "compose floor CPU s", "µs/entry",
                "vs 1", "validate CPU s", "µs/entry", "vs 1",
                "gaps CPU s", "µs/entry", "vs 1"]
"""Scaling figures are the least CPU time of the runs; µs per entry of the whole concept."""


def table(result: dict[str, Any]) -> str:
    """The figures as a fixed-width table: medians and ratios to the floor."""
    rows = _rows(result)
    w = max(len(r[1]) for r in rows)
    lines = [f"{result['items']} entries in {result['counts']['dateien']} files "
             f"(scale {result['scale']:g}), median of {result['repeat']} runs",
             f"{'figure':<{w}}  {'wall s':>7}  {'min s':>7}  {'CPU s':>7}  "
             f"{'÷floor':>7}  ÷floor CPU", "-" * (w + 52)]
    lines += [f"{r[1]:<{w}}  {r[2]:>7}  {r[3]:>7}  {r[4]:>7}  {r[5]:>7}  {r[6]}" for r in rows]
    if result.get("issue"):
        floor = result["issue"]["floor_cpu_s"]
        lines += ["", f"issue 15 (compose floor, least CPU: {floor:.3f} s; "
                  f"workspace: {result.get('workspace_items')} entries in "
                  f"{result.get('workspace_files')} files)"]
        lines += [f"  {w:<78} {v:>8}  target {t:<8} met: {m}" for w, v, t, m in
                  _issue_lines(result)]
    if result["scaling"]:
        lines += ["", "scaling: least CPU time of the runs, per entry, relative to scale 1 "
                  "(linear = stays ~1.0)",
                  "  ".join(f"{h:>8}" for h in SCALING_HEAD)]
        lines += ["  ".join(f"{c:>8}" for c in _scaling_cells(r)) for r in result["scaling"]]
    return "\n".join(lines)


def markdown(result: dict[str, Any]) -> str:
    """RESULTS.md: machine, command, figures, scaling, targets."""
    m = result["machine"]
    c = result["counts"]
    lines = [
        "# Benchmark results", "",
        "Generated by `python benchmarks/run.py --md benchmarks/RESULTS.md` "
        "(see `benchmarks/README.md`); one representative run.", "",
        f"- Machine: {m['cpu']}, {m['cores']} cores, {m['system']}",
        f"- Python {m['python']}, PyYAML {m['pyyaml']} (libyaml: {m['libyaml']}), "
        f"pydantic {m['pydantic']}",
        f"- Date: {m['date']}; load average at start: {m['loadavg_start']}; ik sources: "
        f"commit {m.get('ik_commit', 'unknown')}",
        f"- Concept: generated Landkreis at scale {result['scale']:g}: {c['dateien']} files, "
        f"{result['items']} entries (Akteure {c.get('akteure')}, Angebote {c.get('angebote')}, "
        f"Bedarfe {c.get('bedarfe')}, Maßnahmen {c.get('massnahmen')}, Ziele {c.get('ziele')}, "
        f"Indikatoren {c.get('indikatoren')})",
        f"- Median of {result['repeat']} runs (processes: `--help`, `--version` and start-up "
        "10 runs); the ratios in the table are to `yaml.load(text, Loader=yaml.CSafeLoader)` "
        "of every file with the garbage collector on, as any program reading the files would "
        "do; the issue's ratios below are to `yaml.compose(text, Loader=yaml.CSafeLoader)` "
        "with the collector off, from the least CPU time of the runs.", "",
        "## Issue 15", "",
        "Compose floor (least CPU of the runs): "
        f"{result.get('issue', {}).get('floor_cpu_s', float('nan')):.3f} s. "
        f"Workspace: {result.get('workspace_items')} entries in {result.get('workspace_files')} "
        "files, member concepts (one per Gemeinde) under `gemeinden:`.", "",
        "| figure | measured | target | met |", "|---|---:|---:|---|",
        *[f"| {w} | {v} | {t} | {m} |" for w, v, t, m in _issue_lines(result)],
        "", "## All figures", "",
        "| figure | median wall s | min wall s | median CPU s | ÷ floor (wall) "
        "| ÷ floor (CPU) |", "|---|---:|---:|---:|---:|---:|",
    ]
    for _key, label, *cells in _rows(result):
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    if result["scaling"]:
        lines += ["", "## Scaling", "",
                  "Least CPU time (user + system) of the runs, per entry of the concept, "
                  "relative to scale 1: linear growth keeps it near 1.0. (The least time, "
                  "not the median: on a shared machine noise only adds.)", "",
                  "| " + " | ".join(SCALING_HEAD) + " |",
                  "|" + "---:|" * len(SCALING_HEAD)]
        lines += ["| " + " | ".join(_scaling_cells(r)) + " |" for r in result["scaling"]]
    lines += ["", TARGETS, ""]
    return "\n".join(lines)
