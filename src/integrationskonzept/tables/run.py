"""The import as library calls: load the concept, read the table, plan; write or overlay.

Validating the result and describing it in the words of `ik diff` belong to stages
above this one; the command (:mod:`..cli.tabelle`) does both.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError
from ..model.concept import Konzept
from ..model.loader import load_concept
from ..problems import Location, Problem, Severity
from ..source import SKIP_DIRS
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
            out.append(Problem("IK908", Severity.INFO, f"{sheet}: {len(idents)} Einträge ohne "
                               f"Zeile in der Tabelle {verb}: {shown}", Location(f"{sheet}!A1"),
                               rule="tabelle"))
        else:
            out.append(Problem(
                "IK908", Severity.WARNING, f"{sheet}: {len(idents)} Einträge fehlen in der "
                f"Tabelle und bleiben in den Quellen: {shown}", Location(f"{sheet}!A1"),
                "Mit --loeschen werden sie aus den Quellen gelöscht.", "tabelle"))
    return out


@dataclass
class Prepared:
    """An import planned against the loaded concept; ``problems`` include missing rows."""

    konzept: Konzept
    plan: ImportPlan
    problems: list[Problem]


def prepare_import(path: Path, table: Path, probe: bool = False, loeschen: bool = False,
                   datei: str | None = None) -> Prepared:
    """Load the concept at ``path`` and plan the import of ``table`` (nothing is written)."""
    konzept = load_checked(path)
    if datei is not None and not (path / datei).is_file():
        raise SourceError(f"--datei „{datei}“: Datei nicht gefunden im Konzeptordner")
    plan = plan_import(konzept, read_table(table), datei=datei, loeschen=loeschen)
    problems = list(plan.problems)
    if not plan.failed:
        problems += _missing_problems(plan, konzept, loeschen, probe)
    return Prepared(konzept, plan, problems)
