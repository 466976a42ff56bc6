"""The import as one call: read, plan, show or write, validate, report in words of `ik diff`."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ..errors import EXIT_OK, EXIT_PROBLEMS, SourceError
from ..model.concept import Konzept
from ..model.loader import SKIP_DIRS, load_concept
from ..problems import Location, Problem, Severity
from .importer import ImportPlan, plan_import, write_texts
from .reader import read_table


def load_checked(path: Path) -> Konzept:
    """The concept at ``path``; raises if its sources have errors an import cannot work on."""
    loaded = load_concept(path)
    errors = [p for p in loaded.problems if p.severity == Severity.ERROR]
    if errors or loaded.konzept.meta is None:
        first = errors[0] if errors else None
        where = f" (zuerst: {first.location}: {first.message})" if first else ""
        raise SourceError(f"Die Quellen in „{path}“ haben {len(errors)} Fehler{where}; "
                          "beheben Sie sie zuerst (`ik validate`).")
    return loaded.konzept


def overlay(root: Path, texts: dict[str, str], target: Path) -> Path:
    """A copy of the concept folder with the changed files replaced (for --probe)."""
    shutil.copytree(root, target, ignore=lambda _d, names: [
        n for n in names if n.startswith(".") or n in SKIP_DIRS])
    write_texts(target, texts)
    return target


def _missing_problems(plan: ImportPlan, konzept: Konzept, loeschen: bool,
                      probe: bool) -> list[Problem]:
    out = []
    for sheet, idents in plan.missing.items():
        shown = ", ".join(idents[:10]) + (" …" if len(idents) > 10 else "")
        if loeschen:
            verb = "würden gelöscht" if probe else "gelöscht"
            out.append(Problem("IK808", Severity.INFO, f"{sheet}: {len(idents)} Einträge ohne "
                               f"Zeile in der Tabelle {verb}: {shown}", Location(f"{sheet}!A1"),
                               rule="tabelle"))
        else:
            out.append(Problem(
                "IK808", Severity.WARNING, f"{sheet}: {len(idents)} Einträge fehlen in der "
                f"Tabelle und bleiben in den Quellen: {shown}", Location(f"{sheet}!A1"),
                "Mit --loeschen werden sie aus den Quellen gelöscht.", "tabelle"))
    return out


def run_import(path: Path, table: Path, probe: bool = False, loeschen: bool = False,
               datei: str | None = None) -> tuple[str, list[Problem], int]:
    """Import ``table`` into the concept at ``path``: (text, problems, exit code)."""
    from ..checks.runner import validate
    from ..diff import compare, format_text

    konzept = load_checked(path)
    if datei is not None and not (path / datei).is_file():
        raise SourceError(f"--datei „{datei}“: Datei nicht gefunden im Konzeptordner")
    workbook = read_table(table)
    plan = plan_import(konzept, workbook, datei=datei, loeschen=loeschen)
    problems = list(plan.problems)
    if plan.failed:
        n = sum(1 for p in problems if p.severity == Severity.ERROR)
        return (f"Nichts geschrieben: {n} {'Fehler' if n == 1 else 'Fehler'} in der Tabelle.",
                problems, EXIT_PROBLEMS)
    problems += _missing_problems(plan, konzept, loeschen, probe)
    if not plan.texts:
        return "Keine Änderungen: die Quellen stimmen mit der Tabelle überein.", problems, EXIT_OK
    if probe:
        with tempfile.TemporaryDirectory(prefix="ik-probe-") as tmp:
            report = validate(overlay(path, plan.texts, Path(tmp) / "konzept"))
    else:
        write_texts(path, plan.texts)
        report = validate(path)
    diff = compare(konzept, report.konzept, "Quellen", "Tabelle")
    lines = [format_text(diff).rstrip("\n")]
    files = ", ".join(sorted(plan.texts))
    lines.append(("Würde ändern: " if probe else "Geändert: ") + files)
    errors = [p for p in report.problems if p.severity == Severity.ERROR]
    if errors:
        lines.append(f"Nach dem Import meldet `ik validate` {len(errors)} Fehler (siehe oben).")
    return "\n".join(lines), problems + report.problems, EXIT_PROBLEMS if errors else EXIT_OK
