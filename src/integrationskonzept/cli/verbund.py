"""The commands on a Landkreis workspace (a Kreis folder whose konzept.yaml names
``gemeinden:``): validate and gaps. The typer commands in :mod:`.commands` branch here
when the folder is a workspace; the library work is in :mod:`integrationskonzept.workspace`.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import EXIT_OK, EXIT_PROBLEMS, UsageError
from ..problems import Problem, Severity
from ..workspace.loader import names_members
from .output import echo, print_problems
from .runtime import keep

__all__ = ["gaps_command", "names_members", "problems_here", "validate_command"]


def problems_here(path: Path, problems: list[Problem]) -> list[Problem]:
    """Problems located relative to the current folder (members of sibling folders read
    as ``examples/peine/…``, not ``examples/landkreis-peine/../peine/…``)."""
    from ..workspace.validate import located

    rel = os.path.relpath(path).replace(os.sep, "/")
    prefix = "" if rel == "." else rel.rstrip("/") + "/"
    return [located(p, prefix) for p in problems]


def validate_command(path: Path, strict: bool, fmt: str, mitglied: str | None) -> int:
    """`ik validate` on a workspace; prints and returns the exit code."""
    from ..workspace import validate_workspace

    report = validate_workspace(path, mitglied=mitglied)
    keep(report)  # not freed object by object when the process ends right after
    problems = problems_here(path, report.problems)
    if fmt == "json":
        from ..problems.output import format_json

        echo(format_json(problems, report.dateien))
    elif fmt == "github":
        from ..problems.ci import format_github

        text = format_github(problems)
        if text:
            echo(text)
    elif fmt == "sarif":
        from .. import __version__
        from ..checks import all_codes
        from ..problems.ci import format_sarif

        echo(format_sarif(problems, "", __version__, all_codes()))
    else:
        print_problems(problems, report.dateien)
    return EXIT_PROBLEMS if report.failed(strict) else EXIT_OK


def gaps_command(path: Path, fmt: str, mitglied: str | None, fail_on_open: bool,
                 handlungsfeld: str | None = None, sozialraum: str | None = None,
                 zielgruppe: str | None = None) -> int:
    """`ik gaps` on a workspace: the Gemeinde × Handlungsfeld matrix and every gap."""
    from ..workspace import load_workspace
    from ..workspace.ausgabe import format_json, format_markdown, format_text
    from ..workspace.gaps import workspace_gaps
    from ..workspace.validate import check_mitglied, located

    if fmt not in ("table", "markdown", "json"):
        raise UsageError(f"Format „{fmt}“ gibt es für einen Landkreis nicht; möglich: "
                         "table, markdown, json.")
    if sozialraum is not None or zielgruppe is not None:
        raise UsageError("Im Ordner eines Landkreises gibt es die Filter --sozialraum und "
                         "--zielgruppe nicht; nutzen Sie --mitglied oder --handlungsfeld, oder "
                         "rufen Sie ik gaps im Ordner der Gemeinde auf.")
    bereich = load_workspace(path)
    keep(bereich)  # (as in validate_command)
    check_mitglied(bereich, mitglied)
    errors = [p for p in bereich.problems if p.severity >= Severity.ERROR]
    for m in bereich.mitglieder.values():
        errors.extend(located(p, m.anzeige) for p in m.problems
                      if p.severity >= Severity.ERROR)
    if errors:
        files = len(bereich.kreis.files) + sum(len(m.konzept.files)
                                               for m in bereich.mitglieder.values())
        print_problems(problems_here(path, errors), files)
        echo("Die Lückenanalyse braucht fehlerfreie Quellen: beheben Sie zuerst die "
             "Fehler (`ik validate`).", err=True)
        return EXIT_PROBLEMS
    luecken = workspace_gaps(bereich, mitglied)
    keep(luecken)
    if handlungsfeld is not None:
        from ..gaps.folder import check_filters, resolve
        from ..workspace.gaps import nur_handlungsfeld

        table = bereich.kreis.handlungsfelder
        hf = next((i for i, d in table.items()
                   if (d.kurz or "").casefold() == handlungsfeld.casefold()),
                  resolve(table, handlungsfeld))
        bad = check_filters(bereich.kreis, hf, None, None)
        if bad or hf is None:
            raise UsageError(bad[0] + " (Handlungsfelder des Landkreises)")
        luecken = nur_handlungsfeld(bereich, luecken, hf)
    render = {"table": format_text, "markdown": format_markdown, "json": format_json}[fmt]
    echo(render(luecken))
    offen = sum(len(g.report.offene) for g in luecken.gemeinden)
    return EXIT_PROBLEMS if fail_on_open and offen else EXIT_OK
