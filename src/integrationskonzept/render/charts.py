"""Charts compiled by typst: SVG for HTML and PDF, PNG for DOCX.

:mod:`..charts` turns plain data into a :class:`~..charts.base.Chart` (typst source,
alt text, caption); this module is the only place that compiles one.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from ..charts.base import TEMPLATES_DIR, Chart
from ..errors import RenderError
from ..source import processes
from .chartcache import ChartCache
from .limits import limits_for
from .pandoc import LIMIT_HINT
from .typesetter import CHILD_START, _offline_env, font_paths, german_warning

FORMATS = ("svg", "png", "pdf")

# Runs in the child: JSON job on stdin; per chart ``<i>.<format>`` files and ``<i>.json``
# (warnings or typst's error) in the job's folder, written as each chart is done.
_WORKER = CHILD_START + r"""
try:
    import typst
except (ImportError, MemoryError) as exc:
    json.dump({"import": str(exc)}, sys.stdout)
    sys.exit(0)
out = job["out"]
for i, chart in enumerate(job["charts"]):
    result = {"warnings": [], "error": None, "detail": ""}
    try:
        for fmt in job["formats"]:
            data, warnings = typst.compile_with_warnings(
                chart.encode("utf-8"), format=fmt, ppi=job["ppi"] if fmt == "png" else None,
                root=job["root"], font_paths=job["fonts"], ignore_system_fonts=True,
                timestamp=0)
            if isinstance(data, list):  # one page per entry; charts have one page
                data = data[0]
            with open(os.path.join(out, f"{i}.{fmt}"), "wb") as handle:
                handle.write(data)
            if fmt == job["formats"][0]:
                result["warnings"] = [str(getattr(w, "message", w)) for w in warnings]
    except typst.TypstError as exc:
        result["error"] = str(getattr(exc, "message", exc))
        result["detail"] = str(getattr(exc, "diagnostic", ""))
    with open(os.path.join(out, f"{i}.json"), "w", encoding="utf-8") as handle:
        json.dump(result, handle)
json.dump({}, sys.stdout)
"""


@dataclass(frozen=True)
class Gesetzt:
    """One compiled chart: bytes by format, German warnings."""

    data: dict[str, bytes]
    warnings: tuple[str, ...]


def compile_charts(charts: Sequence[Chart], formats: Sequence[str] = ("svg", "png"),
                   ppi: float = 200.0) -> list[Gesetzt | RenderError]:
    """Compile every chart of a build in one child process, bounded like the document.

    The child gets the time and address-space limits of :func:`.limits.limits_for`
    (sized by the charts' typst sources); one start for all charts costs far less than
    one per chart. Per chart: the compiled bytes (SVG with alt text) or the German
    error. A chart that exhausts the limits fails alone: the charts after it are
    compiled again in a new child. Charts compiled before without a warning come from
    ik's cache (:mod:`.chartcache`); no child starts when all of them do.
    """
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(f"unknown chart format {fmt!r}")
    if not charts:
        return []
    fonts = font_paths(tuple(d for c in charts for d in c.style.font_dirs))
    cache = ChartCache(formats, ppi, fonts)
    results: list[Gesetzt | RenderError | None] = []
    for chart in charts:
        data = cache.known(chart, formats)
        results.append(None if data is None else Gesetzt(data, ()))
    todo = [i for i, result in enumerate(results) if result is None]
    if todo:
        for i, result in zip(todo, _compile([charts[i] for i in todo], formats, ppi, fonts),
                             strict=True):
            results[i] = result
            if isinstance(result, Gesetzt) and not result.warnings:
                cache.keep(charts[i], result.data)
    return [result for result in results if result is not None]


def _compile(charts: Sequence[Chart], formats: Sequence[str], ppi: float,
             fonts: list[str]) -> list[Gesetzt | RenderError]:
    """:func:`compile_charts` in a child, for ``charts`` not in the cache."""
    if not charts:
        return []
    limits = limits_for(sum(len(c.typst_source) for c in charts))
    with tempfile.TemporaryDirectory(prefix="ik-diagramme-") as tmp:
        out = Path(tmp)
        job = {"charts": [c.typst_source for c in charts], "formats": list(formats),
               "ppi": ppi, "root": str(TEMPLATES_DIR), "fonts": fonts, "out": str(out),
               "memory_limit": limits.memory,
               "sys_path": [p for p in sys.path if p and Path(p).is_absolute()]}
        failure: str | None = None
        try:
            proc = processes.run([sys.executable, "-I", "-c", _WORKER],
                                 input=json.dumps(job).encode(), timeout=limits.seconds,
                                 cwd=out, env=_offline_env())
        except subprocess.TimeoutExpired:
            failure = f"nach {limits.seconds:.0f} Sekunden nicht fertig und abgebrochen"
        else:
            status = _status(proc.stdout)
            if "import" in status:
                return [RenderError("typst lässt sich nicht laden. Bitte das Paket »typst« "
                                    "installieren.", str(status["import"]))] * len(charts)
            if proc.returncode != 0 or status != {}:
                failure = "zu groß für den Arbeitsspeicher oder abgestürzt"
        results: list[Gesetzt | RenderError] = []
        for i, chart in enumerate(charts):
            try:
                done = json.loads((out / f"{i}.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                # the chart the child was working on when it stopped; retry the rest
                results.append(RenderError(
                    f"Das Diagramm „{chart.caption}“ konnte nicht gesetzt werden: "
                    f"{failure or 'unbekannter Fehler'}. {LIMIT_HINT}"))
                return results + _compile(charts[i + 1:], formats, ppi, fonts)
            if done["error"]:
                results.append(RenderError(
                    f"Das Diagramm „{chart.caption}“ konnte nicht gesetzt werden: "
                    f"{done['error']}", done["detail"]))
                continue
            data = {fmt: (out / f"{i}.{fmt}").read_bytes() for fmt in formats}
            if "svg" in data:
                data["svg"] = _accessible_svg(data["svg"], chart.alt)
            results.append(Gesetzt(data, tuple(german_warning(w) for w in done["warnings"])))
    return results


def _status(stdout: bytes) -> dict[str, object]:
    try:
        status = json.loads(stdout.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return {"crash": True}
    return status if isinstance(status, dict) else {"crash": True}


def render_chart(chart: Chart, format: str, ppi: float = 200.0) -> tuple[bytes, tuple[str, ...]]:
    """Compile to ``"svg"``, ``"png"`` or ``"pdf"``; returns (bytes, German warnings).

    One child process per call: compile the charts of a build together with
    :func:`compile_charts`.
    """
    result = compile_charts([chart], (format,), ppi)[0]
    if isinstance(result, RenderError):
        raise result
    return result.data[format], result.warnings


def chart_svg(chart: Chart) -> bytes:
    """SVG with ``role="img"``, ``aria-label`` and ``<title>`` carrying the alt text."""
    return render_chart(chart, "svg")[0]


def chart_png(chart: Chart, ppi: float = 200.0) -> bytes:
    """PNG (for DOCX), ``ppi`` pixels per inch; white background."""
    return render_chart(chart, "png", ppi)[0]


def chart_warnings(chart: Chart) -> tuple[str, ...]:
    """Warnings of the SVG compile (e.g. a missing font), German."""
    return render_chart(chart, "svg")[1]


def _accessible_svg(svg: bytes, alt: str) -> bytes:
    """Put the alt text into the SVG as ``aria-label`` and ``<title>``."""
    text = svg.decode("utf-8")
    start = text.find("<svg")
    end = text.find(">", start)
    if start < 0 or end < 0:
        return svg
    head = text[start:end].rstrip("/")
    closing = ">" if text[end - 1] != "/" else "/>"
    head += f' role="img" aria-label={quoteattr(alt)}'
    return (text[:start] + head + closing + f"<title>{escape(alt)}</title>"
            + text[end + 1:]).encode("utf-8")
