"""`ik bericht` as a library function: the Umsetzungsbericht of one report period.

The report goes through the same pipeline as the concept (:func:`.build.build` with
``bericht=``): validation first, the concept's design, PDF/UA, tagged tables, charts
with alt text, byte-identical output for the same sources (the date is the period's
Stichtag). ``json`` is a further format: the same content as data
(:func:`..monitoring.report.to_dict`).
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..problems import Problem
from .build import BuildResult, _lap, write_document

BASENAME = "umsetzungsbericht"
FORMATS = ("docx", "pdf", "html", "odt", "md", "json")


@dataclass(frozen=True)
class BerichtAuswahl:
    """Which period to report on (see :func:`..monitoring.periods.waehle`), and ``seit``:
    a git revision or folder to compare the sources with (changes in words)."""

    stichtag: dt.date | None = None
    jahr: int | None = None
    seit: str | None = None


def bericht_daten(root: Path, konzept: Any, auswahl: BerichtAuswahl, gaps: Any = None) -> Any:
    """The :class:`..monitoring.report.Umsetzungsbericht` of the chosen period."""
    from ..monitoring import waehle
    from ..monitoring.report import umsetzungsbericht

    periode, vorher = waehle(konzept, auswahl.stichtag, auswahl.jahr)
    bericht = umsetzungsbericht(konzept, periode, vorher, gaps)
    if auswahl.seit:
        bericht.git = _git_saetze(root, auswahl.seit)
    return bericht


def _git_saetze(root: Path, seit: str) -> list[str]:
    from ..diff import compare_versions
    from ..diff.labels import KINDS
    from ..diff.report import summary_text

    diff = compare_versions(root, seit)
    if diff.empty:
        return [f"In den Quellen hat sich seit {diff.old_label} inhaltlich nichts geändert."]
    out = []
    for kind, _singular, plural in KINDS:
        counts = diff.counts().get(kind)
        if counts:
            out.append(f"{plural} seit {diff.old_label}: {summary_text(counts)} "
                       "(Vergleich der Quellen in git).")
    return out


def render_bericht(root: Path, konzept: Any, problems: list[Problem], formats: list[str],
                   out: str | Path | None, draft: bool, say: Callable[[str], None],
                   warnings: list[str], seconds: dict[str, float], auswahl: BerichtAuswahl,
                   bereich: Any = None) -> BuildResult:
    from ..document.bericht import bericht_charts, bericht_context
    from ..document.templates import BERICHT, BERICHT_ENTRY, render_markdown
    from ..gaps import find_gaps
    from ..monitoring.report import to_dict
    from . import load_design
    from .buildfolder import install
    from .figures import charts_for

    started = time.perf_counter()
    if not konzept.berichte:
        warnings.append("konzept.yaml nennt keine Berichtszeiträume („berichte:“); der Bericht "
                        "umfasst das Kalenderjahr bis zum Stichtag.")
    gaps = find_gaps(konzept)
    gemeinden = None
    if bereich is not None:
        from ..workspace.bericht import mitglieder_berichte
        from ..workspace.gaps import kreis_report, workspace_gaps

        luecken = workspace_gaps(bereich)
        # the Kreis's own needs as `ik gaps` judges them: member offers count too
        gaps = kreis_report(luecken, gaps)
    bericht = bericht_daten(root, konzept, auswahl, gaps)
    if bereich is not None:
        gemeinden = mitglieder_berichte(bereich, bericht.periode, luecken)
    seconds["monitoring"] = _lap(started)
    target = Path(out) if out is not None else root / "build"
    files: list[Path] = []
    if "json" in formats:
        target.mkdir(parents=True, exist_ok=True)
        inhalt = to_dict(bericht)
        if gemeinden is not None:
            inhalt["gemeinden"] = [g.to_dict() for g in gemeinden]
        data = json.dumps(inhalt, ensure_ascii=False, indent=2) + "\n"
        install(data.encode("utf-8"), target / f"{BASENAME}.json")
        files.append(target / f"{BASENAME}.json")
    rest = [f for f in formats if f != "json"]
    if not rest:
        return BuildResult(True, files=files, problems=problems, warnings=warnings,
                           seconds=seconds)
    design = load_design(root)
    started = time.perf_counter()
    say("Diagramme zeichnen …")
    abbildungen, assets = charts_for(konzept, gaps, design, warnings, bericht_charts(bericht))
    seconds["charts"] = _lap(started)
    started = time.perf_counter()
    say("Bericht zusammenstellen …")
    dok = bericht_context(konzept, bericht, abbildungen, gemeinden)
    markdown = render_markdown(dok, root, BERICHT_ENTRY, BERICHT)
    seconds["markdown"] = _lap(started)
    result = write_document(root, konzept, problems, markdown, assets, rest, target, draft, say,
                            warnings, seconds, design=design, titel=dok.titel,
                            subtitle=dok.konzept, basename=BASENAME,
                            stand=bericht.periode.stichtag)
    result.files = files + result.files
    return result
