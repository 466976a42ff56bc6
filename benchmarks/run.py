"""Benchmark `ik validate` and `ik gaps` on a generated Landkreis against the libyaml floor.

    python benchmarks/run.py [--scale 1] [--repeat 5] [--scale4] [--no-scaling]
                             [--data DIR] [--md benchmarks/RESULTS.md]

All figures come from one run on the same generated files: the floor (reading every
file with ``yaml.load(..., Loader=yaml.CSafeLoader)``, as any program would), the lower
floor (libyaml's event stream only), ``ik validate`` as a library call and as a whole
process, the gap analysis, ``ik --help``, and a scaling series. Medians of repeats,
``time.perf_counter``, garbage collector as the program leaves it. Results go to
``benchmarks/results.json`` (not committed) and, with ``--md``, to a Markdown report.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import measure  # noqa: E402
from generate import generate  # noqa: E402
from measure import (  # noqa: E402
    Figure,
    command_exists,
    env,
    floor_compose,
    floor_load,
    floor_parse,
    machine,
    time_call,
    time_process,
    without_gc,
    yaml_files,
)
from report import issue_ratios, markdown, table  # noqa: E402

from workspace import generate_workspace  # noqa: E402

FLOOR = "floor.load"
COMPOSE = "floor.compose"  # the issue's floor: yaml.compose(CSafeLoader), collector off


def _gaps_function() -> tuple[Any, str]:
    """``integrationskonzept.gaps.find_gaps`` if the package has it yet."""
    try:
        from integrationskonzept.gaps import find_gaps
    except ImportError as exc:
        return None, f"gap analysis not importable yet ({exc})"
    return find_gaps, ""


def _drop_memos(konzept: Any) -> None:
    """Forget what a run memoised on the concept (gap report, reference walk)."""
    cache = getattr(konzept, "cache", None)
    if isinstance(cache, dict):
        cache.clear()
        return
    try:  # older layout: a module-level memo
        from integrationskonzept.gaps.cache import forget
        forget()
    except (ImportError, TypeError):
        pass


def _items(counts: dict[str, int]) -> int:
    return sum(v for k, v in counts.items() if k != "dateien")


class _Cache:
    """A parse-cache folder of ik for the processes (``XDG_CACHE_HOME``/``LOCALAPPDATA``),
    emptied for a cold run, kept for a warm one."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.env = {"XDG_CACHE_HOME": str(base), "LOCALAPPDATA": str(base), "IK_CACHE": "1"}

    def empty(self) -> None:
        shutil.rmtree(self.base, ignore_errors=True)
        self.base.mkdir(parents=True)


def _touch_one(folder: Path) -> Callable[[], None]:
    """Change one file of the concept a little before each warm run (a new comment line)."""
    target = sorted((folder / "gemeinden").rglob("*.yaml"))[0]
    original = target.read_bytes()
    count = [0]

    def change() -> None:
        count[0] += 1
        target.write_bytes(original + f"# geändert {count[0]}\n".encode())
    return change


def process_figures(folder: Path, repeat: int, workspace: Path | None) -> list[Figure]:
    """``ik validate`` and ``ik gaps`` as processes: cold (empty parse cache), warm (cache
    filled by an earlier run, one file changed since), and the workspace case."""
    module = ["-m", "integrationskonzept"]
    figs = []
    with tempfile.TemporaryDirectory(prefix="ik-bench-cache-") as tmp:
        cache = _Cache(Path(tmp) / "c")
        cold = {"extra_env": cache.env, "before": cache.empty}
        figs.append(time_process("proc.validate", "process: ik validate DIR, cold (empty "
                                 "parse cache)", [*module, "validate", str(folder)], repeat,
                                 **cold))
        figs.append(time_process("proc.validate_nocache", "process: ik validate DIR with "
                                 "IK_CACHE=0", [*module, "validate", str(folder)], repeat,
                                 extra_env={"IK_CACHE": "0"}))
        figs.append(time_process("proc.validate_safe", "process: ik validate DIR with "
                                 "IK_CACHE=0 IK_SCHNELLLESER=0 (safe reader only)",
                                 [*module, "validate", str(folder)], repeat,
                                 extra_env={"IK_CACHE": "0", "IK_SCHNELLLESER": "0"}))
        change = _touch_one(folder)
        validate = [sys.executable, *module, "validate", str(folder)]

        def run_untimed() -> None:
            # the environment of the timed runs (env(): the sources measured), the cache on
            subprocess.run(validate, env={**env(), **cache.env}, stdout=subprocess.DEVNULL,
                           check=False)

        def after_a_cold_run() -> None:
            # the second run ever on these contents: it writes the snapshots (see
            # model/snapshot.py), so it pays once what later warm runs save
            cache.empty()
            run_untimed()
            change()
        figs.append(time_process("proc.validate_second", "process: ik validate DIR, the run "
                                 "after a cold run (one file changed; writes the snapshots)",
                                 validate[1:], repeat, extra_env=cache.env,
                                 before=after_a_cold_run))
        # the cache of the last of those runs, filled once more: every warm run below
        # finds the snapshots of the unchanged files
        run_untimed()
        figs.append(time_process("proc.validate_warm", "process: ik validate DIR, warm (cache "
                                 "from the last run, one file changed)",
                                 validate[1:], repeat, extra_env=cache.env, before=change))
        if command_exists("gaps"):
            figs.append(time_process("proc.gaps", "process: ik gaps DIR, cold",
                                     [*module, "gaps", str(folder)], repeat, **cold))
        else:
            figs.append(Figure("proc.gaps", "process: ik gaps DIR",
                               note="command `gaps` not there yet"))
        if workspace is not None:
            figs.append(time_process("proc.workspace", "process: ik validate WORKSPACE, cold "
                                     "(member concepts under gemeinden:)", [*module, "validate",
                                                              str(workspace)], repeat, **cold))
    return figs


def main_figures(folder: Path, repeat: int, workspace: Path | None = None) -> list[Figure]:
    """Every figure on one concept folder."""
    from integrationskonzept.checks.runner import validate
    from integrationskonzept.model.loader import load_concept
    from integrationskonzept.source.safeyaml import parse_yaml_text, read_yaml

    files = yaml_files(folder)
    rels = [(str(p), p.relative_to(folder).as_posix()) for p in files]
    figs = [
        time_call(COMPOSE, "issue floor: yaml.compose(CSafeLoader), collector off",
                  without_gc(lambda: floor_compose(files)), repeat),
        time_call(FLOOR, "libyaml floor: yaml.load(CSafeLoader) of every file",
                  lambda: floor_load(files), repeat),
        time_call("floor.load_nogc", "libyaml floor, garbage collector off during the load",
                  without_gc(lambda: floor_load(files)), repeat),
        time_call("floor.parse", "lower floor: libyaml events only (yaml.parse)",
                  lambda: floor_parse(files), repeat),
        time_call("ik.read", "ik: YAML reading (safeyaml.read_yaml, fast path where it "
                  "applies)", lambda: [read_yaml(p, r) for p, r in rels], repeat),
        time_call("ik.read_safe", "ik: safe positioned reader alone (parse_yaml_text)",
                  lambda: [parse_yaml_text(Path(p).read_text(encoding="utf-8-sig"), r)
                           for p, r in rels], repeat),
    ]
    first = time_call("ik.validate_first", "ik: validate(path), first call in the process",
                      lambda: validate(folder), 1)
    figs += [
        time_call("ik.load", "ik: load_concept(path) (read + model)",
                  lambda: load_concept(folder), repeat),
        time_call("ik.validate", "ik: validate(path) as a library call",
                  lambda: validate(folder), repeat),
        first,
    ]
    loaded = load_concept(folder).konzept

    def checks_only() -> Any:
        _drop_memos(loaded)  # memos would make every run after the first (nearly) free
        return validate(folder, konzept=loaded)
    figs.append(time_call("ik.checks", "ik: checks only (validate with the loaded concept)",
                          checks_only, repeat))
    find_gaps, why = _gaps_function()
    if find_gaps is not None:
        def gaps_only() -> Any:
            _drop_memos(loaded)
            return find_gaps(loaded)
        try:
            figs.append(time_call("ik.gaps", "ik: find_gaps(konzept)", gaps_only, repeat,
                                  warmup=1))
        except Exception as exc:  # the gap analysis is new: report, do not stop the benchmark
            figs.append(Figure("ik.gaps", "ik: find_gaps(konzept)",
                               note=f"failed: {type(exc).__name__}: {exc}"))
    else:
        figs.append(Figure("ik.gaps", "ik: find_gaps(konzept)", note=why))
    figs += process_figures(folder, repeat, workspace)
    module = ["-m", "integrationskonzept"]
    figs += [
        time_process("proc.help", "process: python -m integrationskonzept --help",
                     [*module, "--help"], 10, ok_codes=(0,)),
        time_process("proc.version", "process: python -m integrationskonzept --version",
                     [*module, "--version"], 10, ok_codes=(0,)),
        time_process("proc.pass", "process: python -c pass (interpreter start-up)",
                     ["-c", "pass"], 10, ok_codes=(0,)),
    ]
    return figs


def scaling(scales: list[float], repeat: int, base: Path) -> list[dict[str, Any]]:
    """validate, gaps and the floor per scale: least CPU time of the runs (noise on a shared
    machine only adds), per entry, relative to scale 1."""
    from integrationskonzept.checks.runner import validate
    from integrationskonzept.model.loader import load_concept

    find_gaps, _why = _gaps_function()
    rows = []
    for scale in scales:
        folder = base / f"scale-{scale:g}"
        counts = generate(folder, scale)
        items = _items(counts)
        files = yaml_files(folder)
        row: dict[str, Any] = {"scale": scale, "items": items, "files": len(files)}
        figs = {"floor": time_call(FLOOR, "", lambda f=files: floor_load(f), repeat),
                "compose": time_call(COMPOSE, "", without_gc(lambda f=files: floor_compose(f)),
                                     repeat),
                "validate": time_call("v", "", lambda d=folder: validate(d), repeat)}
        if find_gaps is not None:
            konzept = load_concept(folder).konzept
            try:
                def gaps_only(k: Any = konzept) -> Any:
                    _drop_memos(k)
                    return find_gaps(k)
                figs["gaps"] = time_call("g", "", gaps_only, repeat, warmup=1)
            except Exception as exc:  # noqa: BLE001 - see main_figures
                row["gaps_error"] = f"{type(exc).__name__}: {exc}"
        for name, fig in figs.items():
            row[f"{name}_s"] = fig.median
            row[f"{name}_cpu_s"] = fig.cpu_best
            row[f"{name}_us_per_item"] = fig.cpu_best / items * 1e6
        rows.append(row)
        # A live concept would make the next scale's floor pay for its GC scans.
        konzept = gaps_only = figs = None  # type: ignore[assignment]
        print(f"  scale {scale:g}: {items} items, validate {row['validate_s']:.3f} s",
              file=sys.stderr)
    ref = next((r for r in rows if r["scale"] == 1), rows[0])
    for r in rows:
        for key in ("floor_us_per_item", "compose_us_per_item", "validate_us_per_item",
                    "gaps_us_per_item"):
            if key in r and key in ref:
                r[key.replace("_us_per_item", "_per_item_vs_scale1")] = r[key] / ref[key]
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="size of the main run (1 = "
                    "10 Gemeinden, ~18,000 entries)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per figure (median)")
    ap.add_argument("--scale4", action="store_true", help="add scale 4 to the scaling series")
    ap.add_argument("--no-scaling", action="store_true", help="skip the scaling series")
    ap.add_argument("--scaling-repeat", type=int, default=3)
    ap.add_argument("--data", type=Path, help="folder for the generated concepts (default: a "
                    "temporary folder)")
    ap.add_argument("--json", type=Path, default=HERE / "results.json")
    ap.add_argument("--md", type=Path, help="also write a Markdown report here")
    ap.add_argument("--src", type=Path, default=measure.SRC, help="the package sources to "
                    "measure (default: src/ of this checkout), e.g. an exported commit")
    args = ap.parse_args(argv)
    # The library figures in this process read every file afresh: without this, the
    # snapshots in the user's cache would make every call after the first a warm one.
    # The processes set IK_CACHE themselves (cold, warm, switched off).
    os.environ["IK_CACHE"] = "0"
    measure.SRC = args.src.resolve()
    sys.path.insert(0, str(measure.SRC))
    # Byte code as an installed package has it (pip compiles at install): without it, and
    # with PYTHONDONTWRITEBYTECODE set, every process would compile ik again (~70 ms), and
    # the dependencies installed in that state too (PyYAML, Jinja, babel: ~30 ms more).
    compileall.compile_dir(str(measure.SRC), quiet=1)
    for folder in sorted({p for p in sys.path if p.endswith("site-packages")}):
        compileall.compile_dir(folder, quiet=1)

    info = machine()
    with tempfile.TemporaryDirectory(prefix="ik-bench-") as tmp:
        base = args.data or Path(tmp)
        folder = base / f"landkreis-{args.scale:g}"
        counts = generate(folder, args.scale)
        print(f"generated {folder}: {counts['dateien']} files, {_items(counts)} entries "
              f"(Akteure {counts.get('akteure')}, Angebote {counts.get('angebote')}, "
              f"Bedarfe {counts.get('bedarfe')}, Maßnahmen {counts.get('massnahmen')})",
              file=sys.stderr)
        ws_counts = generate_workspace(base / f"workspace-{args.scale:g}", args.scale)
        figs = main_figures(folder, args.repeat, base / f"workspace-{args.scale:g}")
        scales = [] if args.no_scaling else [0.5, 1.0, 2.0] + ([4.0] if args.scale4 else [])
        rows = scaling(scales, args.scaling_repeat, base) if scales else []

    floor = next(f for f in figs if f.key == FLOOR)
    result = {"machine": info, "scale": args.scale, "repeat": args.repeat,
              "counts": counts, "items": _items(counts), "floor_key": FLOOR,
              "figures": [dict(f.as_dict(), ratio_to_floor=f.median / floor.median,
                               cpu_ratio_to_floor=f.cpu / floor.cpu) for f in figs],
              "scaling": rows, "workspace_items": _items(ws_counts),
              "workspace_files": ws_counts["dateien"]}
    result["issue"] = issue_ratios(result)
    args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n",
                         encoding="utf-8")
    print(table(result))
    if args.md:
        args.md.write_text(markdown(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
