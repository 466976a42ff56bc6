"""`ik validate` as a library function: load, run every check, apply the configuration."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model.concept import Konzept, where
from ..model.loader import load_concept
from ..problems import Problem, Severity, sort_problems
from ..source.gcpause import gc_paused
from ..source.schemaerrors import suggest
from . import Check, CheckContext, all_checks


@dataclass
class Report:
    """The outcome of validating one concept."""

    konzept: Konzept
    problems: list[Problem] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity == severity)

    def failed(self, strict: bool = False) -> bool:
        worst = Severity.WARNING if strict else Severity.ERROR
        return any(p.severity >= worst for p in self.problems)


def validate(path: str | Path, ctx: CheckContext | None = None,
             konzept: Konzept | None = None) -> Report:
    """Load the concept at ``path`` and run every check on it."""
    with gc_paused():
        return _validate(path, ctx or CheckContext(), konzept)


def _validate(path: str | Path, ctx: CheckContext, konzept: Konzept | None) -> Report:
    if konzept is None:
        loaded = load_concept(path)
        konzept, problems = loaded.konzept, list(loaded.problems)
    else:
        problems = []
    checks = all_checks()
    levels, config_problems = _configured_levels(konzept, checks)
    problems.extend(config_problems)
    for chk in checks:
        level = levels.get(chk.code, chk.severity)
        if level is None:
            continue
        for f in chk.module.check(konzept, ctx):
            problems.append(Problem(chk.code, level, f.message, f.location, f.hint, chk.name,
                                    f.related))
    return Report(konzept, sort_problems(problems))


def _configured_levels(konzept: Konzept, checks: list[Check]
                       ) -> tuple[dict[str, Severity | None], list[Problem]]:
    """Severity per check code from ``pruefungen:`` in konzept.yaml."""
    meta = konzept.meta
    if meta is None or not meta.pruefungen:
        return {}, []
    by_key = {c.code: c for c in checks} | {c.name: c for c in checks}
    levels: dict[str, Severity | None] = {}
    problems = []
    for key, word in meta.pruefungen.items():
        chk = by_key.get(key)
        if chk is None:
            best = suggest(key, by_key)
            problems.append(Problem(
                "IK107", Severity.ERROR, f"„pruefungen“: unbekannte Prüfung „{key}“",
                where(meta, "pruefungen", key),
                f"Meinten Sie „{best}“?" if best else "`ik pruefungen` listet alle Prüfungen.",
                rule="schema"))
            continue
        levels[chk.code] = Severity.from_label(word)
    return levels, problems
