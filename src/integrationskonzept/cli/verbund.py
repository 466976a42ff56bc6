"""The commands on a Landkreis workspace (a Kreis folder whose konzept.yaml names
``gemeinden:``): validate, gaps, diff. The typer commands in :mod:`.commands` branch here
when the folder is a workspace; the library work is in :mod:`integrationskonzept.workspace`.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import EXIT_OK, EXIT_PROBLEMS
from ..problems import Problem
from ..workspace.loader import names_members

__all__ = ["gaps_command", "names_members", "print_problems", "validate_command"]

def _here(path: Path, problems: list[Problem]) -> list[Problem]:
    """Problems located relative to the current folder (members of sibling folders read
    as ``examples/peine/…``, not ``examples/landkreis-peine/../peine/…``)."""
    from ..workspace.validate import located

    rel = os.path.relpath(path).replace(os.sep, "/")
    prefix = "" if rel == "." else rel.rstrip("/") + "/"
    return [located(p, prefix) for p in problems]


def print_problems(path: Path, problems: list[Problem], files: int) -> None:
    """Print a workspace's problems like `ik validate`, located from the current folder."""
    from ..problems.output import print_text

    print_text(_here(path, problems), files)


def validate_command(path: Path, strict: bool, fmt: str, mitglied: str | None) -> int:
    """`ik validate` on a workspace; prints and returns the exit code."""
    import typer

    from ..problems.output import format_json, print_text
    from ..workspace import validate_workspace

    report = validate_workspace(path, mitglied=mitglied)
    problems = _here(path, report.problems)
    if fmt == "json":
        typer.echo(format_json(problems, report.dateien))
    elif fmt == "github":
        from ..problems.ci import format_github

        text = format_github(problems)
        if text:
            typer.echo(text)
    elif fmt == "sarif":
        from .. import __version__
        from ..problems.ci import format_sarif

        typer.echo(format_sarif(problems, "", __version__))
    else:
        print_text(problems, report.dateien)
    return EXIT_PROBLEMS if report.failed(strict) else EXIT_OK


def gaps_command(path: Path, fmt: str, mitglied: str | None, fail_on_open: bool,
                 handlungsfeld: str | None = None, sozialraum: str | None = None,
                 zielgruppe: str | None = None) -> int:
    """`ik gaps` on a workspace: the Gemeinde × Handlungsfeld matrix and every gap."""
    import typer

    from ..errors import UsageError
    from ..problems import Severity
    from ..problems.output import print_text
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
    check_mitglied(bereich, mitglied)
    errors = [p for p in bereich.problems if p.severity >= Severity.ERROR]
    for m in bereich.mitglieder.values():
        errors.extend(located(p, m.anzeige) for p in m.problems
                      if p.severity >= Severity.ERROR)
    if errors:
        files = len(bereich.kreis.files) + sum(len(m.konzept.files)
                                               for m in bereich.mitglieder.values())
        print_text(_here(path, errors), files)
        typer.echo("Die Lückenanalyse braucht fehlerfreie Quellen: beheben Sie zuerst die "
                   "Fehler (`ik validate`).", err=True)
        return EXIT_PROBLEMS
    luecken = workspace_gaps(bereich, mitglied)
    if handlungsfeld is not None:
        from ..gaps.command import check_filters, resolve
        from ..workspace.gaps import nur_handlungsfeld

        hf = resolve(bereich.kreis.handlungsfelder, handlungsfeld)  # type: ignore[arg-type]
        hf = next((i for i, d in bereich.kreis.handlungsfelder.items()
                   if (d.kurz or "").casefold() == handlungsfeld.casefold()), hf)
        bad = check_filters(bereich.kreis, hf, None, None)
        if bad:
            raise UsageError(bad[0] + " (Handlungsfelder des Landkreises)")
        assert hf is not None
        luecken = nur_handlungsfeld(bereich, luecken, hf)
    render = {"table": format_text, "markdown": format_markdown, "json": format_json}[fmt]
    typer.echo(render(luecken))
    offen = sum(len(g.report.offene) for g in luecken.gemeinden)
    return EXIT_PROBLEMS if fail_on_open and offen else EXIT_OK
