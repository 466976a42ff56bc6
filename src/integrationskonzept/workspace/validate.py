"""`ik validate` on a Landkreis workspace: the Kreis and every member in one run.

Every problem is located relative to the Kreis folder (a member's problems carry the
member's folder, e.g. ``../peine/handlungsfelder/arbeit.yaml``). References with a
prefix are checked against the other concepts (IK208); the open-gap check (IK601) of a
member judges its needs against everything within reach in the Kreis (see
:mod:`.gaps`), not against its own offers alone.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from ..checks import CheckContext, Nachbarkonzept
from ..checks.runner import validate
from ..errors import UsageError
from ..problems import Location, Problem, Severity, sort_problems
from ..source.gcpause import gc_paused
from ..source.schemaerrors import suggest
from .loader import KREIS, Arbeitsbereich, load_workspace


@dataclass
class WorkspaceReport:
    """The outcome of validating a workspace: all problems, located from the Kreis folder."""

    bereich: Arbeitsbereich
    problems: list[Problem] = field(default_factory=list)
    dateien: int = 0

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity == severity)

    def failed(self, strict: bool = False) -> bool:
        worst = Severity.WARNING if strict else Severity.ERROR
        return any(p.severity >= worst for p in self.problems)


def _moved(loc: Location, anzeige: str) -> Location:
    if not anzeige:
        return loc
    return Location(posixpath.normpath(anzeige + (loc.file or ".")), loc.line, loc.column)


def located(p: Problem, anzeige: str) -> Problem:
    """``p`` with its locations relative to the Kreis folder."""
    if not anzeige:
        return p
    return Problem(p.code, p.severity, p.message, _moved(p.location, anzeige), p.hint,
                   p.rule, tuple(_moved(r, anzeige) for r in p.related))


def basis_of(bereich: Arbeitsbereich) -> str:
    """The Kreis folder as an absolute POSIX path (for paths between its concepts)."""
    return bereich.root.resolve().as_posix()


def nachbarn(bereich: Arbeitsbereich) -> dict[str, Nachbarkonzept]:
    """The concepts of the workspace by the prefix that names them in references."""
    out = {KREIS: Nachbarkonzept(bereich.name, "", bereich.kreis)}
    for ident, m in bereich.mitglieder.items():
        out[ident] = Nachbarkonzept(m.name, m.anzeige, m.konzept)
    return out


def check_mitglied(bereich: Arbeitsbereich, mitglied: str | None) -> None:
    """UsageError for a ``--mitglied`` that names no member (with a suggestion)."""
    if mitglied is None or mitglied in bereich.mitglieder:
        return
    meta = bereich.kreis.meta
    known = [g.id for g in meta.gemeinden] if meta else []
    best = suggest(mitglied, known)
    raise UsageError(
        f"Unbekanntes Mitglied „{mitglied}“." + (f" Meinten Sie „{best}“?" if best else "")
        + (f" Mitglieder: {', '.join(known)}." if known else
           " Dieser Landkreis nennt keine Gemeinden."))


def validate_workspace(root: str | Path, ctx: CheckContext | None = None,
                       mitglied: str | None = None,
                       bereich: Arbeitsbereich | None = None) -> WorkspaceReport:
    """Load the workspace at ``root`` and check the Kreis and every member (or only
    ``mitglied``); UsageError for an unknown ``mitglied``."""
    with gc_paused():
        if bereich is None:
            bereich = load_workspace(root)
        check_mitglied(bereich, mitglied)
        base = ctx or CheckContext()
        alle = nachbarn(bereich)
        from .gaps import open_gaps_in_reach

        luecken = open_gaps_in_reach(bereich, mitglied)  # for IK601: the open gaps only
        problems: list[Problem] = []
        dateien = 0
        if mitglied is None:
            problems.extend(bereich.problems)
            kctx = CheckContext(heute=base.heute, arbeitsbereich=alle)
            if KREIS in luecken:
                bereich.kreis.cache["offene"] = luecken[KREIS]
            problems.extend(validate(root, kctx, bereich.kreis).problems)
            dateien += len(bereich.kreis.files)
        else:
            problems.extend(p for p in bereich.problems if _about(bereich, p, mitglied))
        basis = basis_of(bereich)  # (resolved once, not per member)
        for ident, m in bereich.mitglieder.items():
            if mitglied is not None and ident != mitglied:
                continue
            if ident in luecken:
                m.konzept.cache["offene"] = luecken[ident]
            mctx = CheckContext(heute=base.heute, arbeitsbereich=alle, kreis=KREIS,
                                selbst=m.anzeige, basis=basis)
            found = list(m.problems)
            if m.konzept.meta is not None:
                found.extend(validate(m.konzept.root, mctx, m.konzept).problems)
            problems.extend(located(p, m.anzeige) for p in found)
            dateien += len(m.konzept.files)
        return WorkspaceReport(bereich, sort_problems(problems), dateien)


def _about(bereich: Arbeitsbereich, p: Problem, mitglied: str) -> bool:
    """Whether a workspace problem of the Kreis's konzept.yaml concerns ``mitglied``."""
    return f"„{mitglied}“" in p.message
