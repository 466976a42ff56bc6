"""Timing helpers of the benchmark: medians of repeats, processes, the libyaml floor."""

from __future__ import annotations

import gc
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"


@dataclass
class Figure:
    """One measured figure: every run in seconds, plus its median and minimum."""

    key: str
    label: str
    runs: list[float] = field(default_factory=list)
    note: str = ""
    cpu_runs: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.runs) if self.runs else float("nan")

    @property
    def cpu(self) -> float:
        """Median CPU time (user + system) of the runs: steadier than wall time on a busy
        machine."""
        return statistics.median(self.cpu_runs) if self.cpu_runs else float("nan")

    @property
    def cpu_best(self) -> float:
        """Least CPU time of the runs: the steadiest estimate of the intrinsic cost."""
        return min(self.cpu_runs) if self.cpu_runs else float("nan")

    @property
    def best(self) -> float:
        return min(self.runs) if self.runs else float("nan")

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, "median_s": self.median,
                "min_s": self.best, "cpu_median_s": self.cpu, "runs_s": self.runs,
                "cpu_runs_s": self.cpu_runs, "note": self.note}


def time_call(key: str, label: str, fn: Callable[[], Any], repeat: int,
              warmup: int = 0) -> Figure:
    """Median of ``repeat`` calls; GC stays as the program leaves it (enabled by default).

    Garbage from the previous run is collected before each run and the result is
    dropped after it, so runs do not pay for each other.
    """
    fig = Figure(key, label)
    for _ in range(warmup):
        fn()
    for _ in range(repeat):
        gc.collect()
        c0 = time.process_time()
        t0 = time.perf_counter()
        result = fn()
        fig.runs.append(time.perf_counter() - t0)
        fig.cpu_runs.append(time.process_time() - c0)
        del result
    return fig


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(SRC) + (os.pathsep + e["PYTHONPATH"] if e.get("PYTHONPATH") else "")
    return e


def time_process(key: str, label: str, args: list[str], repeat: int,
                 ok_codes: tuple[int, ...] = (0, 1), extra_env: dict[str, str] | None = None,
                 before: Callable[[], Any] | None = None) -> Figure:
    """Median wall time of a whole ``python ...`` process (start-up and imports included).

    ``before`` runs ahead of every timed run, untimed (e.g. empty the parse cache or
    change one file); ``extra_env`` is added to the environment of the process.
    """
    fig = Figure(key, label)
    cmd = [sys.executable, *args]
    environ = env()
    environ.update(extra_env or {})
    for _ in range(repeat):
        if before is not None:
            before()
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, env=environ, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, check=False)
        fig.runs.append(time.perf_counter() - t0)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        fig.cpu_runs.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
        if proc.returncode not in ok_codes:
            fig.note = f"exit {proc.returncode}: {proc.stderr.decode(errors='replace')[-300:]}"
            break
    return fig


def command_exists(name: str) -> bool:
    """Whether ``ik <name> --help`` works in this checkout."""
    proc = subprocess.run([sys.executable, "-m", "integrationskonzept", name, "--help"],
                          env=env(), capture_output=True, check=False)
    return proc.returncode == 0


def yaml_files(root: Path) -> list[Path]:
    """Every YAML file of the concept, the same set ``ik`` reads."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        out += [Path(dirpath) / f for f in sorted(filenames) if f.endswith((".yaml", ".yml"))]
    return out


def floor_load(files: list[Path]) -> list[Any]:
    """The floor: read each file and ``yaml.load`` it with libyaml, as any reader would."""
    return [yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) for p in files]


def floor_compose(files: list[Path]) -> list[Any]:
    """The issue's floor: ``yaml.compose`` with libyaml (nodes with positions, no Python
    objects for the values), run with the collector off (see :func:`without_gc`)."""
    return [yaml.compose(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
            for p in files]


def floor_parse(files: list[Path]) -> int:
    """The lower floor: libyaml's event stream only, no objects built."""
    n = 0
    for p in files:
        for _ in yaml.parse(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader):
            n += 1
    return n


def without_gc(fn: Callable[[], Any]) -> Callable[[], Any]:
    """``fn`` with the collector off during the call (what ik's loader does)."""
    def run() -> Any:
        was = gc.isenabled()
        gc.disable()
        try:
            return fn()
        finally:
            if was:
                gc.enable()
    return run


def revision(src: Path) -> str:
    """The git commit of the measured sources (``+dirty`` with local changes), if known."""
    marker = src / ".ik-commit"
    if marker.is_file():
        return marker.read_text().strip()
    try:
        head = subprocess.run(["git", "-C", str(src), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(src), "status", "--porcelain", "--", "."],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    import platform

    import pydantic
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {"cpu": cpu or platform.processor(), "cores": os.cpu_count(),
            "python": platform.python_version(), "system": platform.platform(),
            "pyyaml": yaml.__version__, "libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
            "pydantic": pydantic.VERSION, "loadavg_start": [round(x, 2) for x in load],
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "ik_commit": revision(SRC)}
