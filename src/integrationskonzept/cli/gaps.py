"""`ik gaps` without typer: the command's work, and the plain calls that skip the parser.

As for `ik validate` (:mod:`.validate`): the plain forms (a folder, ``--format X``,
``--handlungsfeld X``, ``--sozialraum X``, ``--zielgruppe X``, ``--mitglied X``,
``--fehler-bei-luecken``) are read by :func:`plain_args` and run by :func:`run_gaps`
without loading typer; help and every other form go to typer, whose command calls
:func:`run_gaps` too.
"""

from __future__ import annotations

from ..errors import EXIT_OK, EXIT_PROBLEMS
from .choices import GAPS_FORMAT
from .output import echo, print_problems, show
from .paths import folder, shown
from .plain import plain_options, run_plainly
from .runtime import keep

_FLAGS = {"--fehler-bei-luecken": "fehler_bei_luecken"}
_VALUED = {"--format": "fmt", "--handlungsfeld": "handlungsfeld",
           "--sozialraum": "sozialraum", "--zielgruppe": "zielgruppe",
           "--mitglied": "mitglied"}
_SHORT = {"-f": "fmt"}

GapsArgs = tuple[str, str, "str | None", "str | None", "str | None", bool, "str | None"]


def plain_args(options: list[str]) -> GapsArgs | None:
    """(folder, format, handlungsfeld, sozialraum, zielgruppe, fehler_bei_luecken,
    mitglied) of ``ik gaps OPTIONS``, or None if typer reads them."""
    read = plain_options(options, _FLAGS, _VALUED, _SHORT)
    if read is None:
        return None
    path, values = read

    def text(name: str) -> str | None:
        value = values.get(name)
        return value if isinstance(value, str) else None

    return (path, str(values.get("fmt", "table")), text("handlungsfeld"), text("sozialraum"),
            text("zielgruppe"), values.get("fehler_bei_luecken") is True, text("mitglied"))


def run_plain(options: list[str]) -> int | None:
    """Run ``ik gaps OPTIONS`` if :func:`plain_args` reads them, else None."""
    args = plain_args(options)
    if args is None:
        return None
    return run_plainly("gaps", lambda: run_gaps(*args))


def run_gaps(path: str, fmt: str, handlungsfeld: str | None, sozialraum: str | None,
             zielgruppe: str | None, fehler_bei_luecken: bool, mitglied: str | None) -> int:
    """`ik gaps`: analyse the folder (or workspace), print the report, return the exit code."""
    fmt = GAPS_FORMAT.check(fmt, "--format")
    root = folder(path)
    from .verbund import names_members

    if mitglied is not None or names_members(root):
        from .verbund import gaps_command

        return gaps_command(root, fmt, mitglied, fehler_bei_luecken, handlungsfeld,
                            sozialraum, zielgruppe)
    from ..gaps.folder import gaps_for_folder

    result = gaps_for_folder(root, handlungsfeld, sozialraum, zielgruppe)
    keep(result)
    if result.report is None:
        if fmt == "json":
            from ..problems.output import format_json

            echo(format_json(result.errors, result.files))
        else:
            print_problems(result.errors, result.files, shown(path))
            echo("Die Lückenanalyse braucht fehlerfreie Quellen: beheben Sie zuerst die "
                 "Fehler (`ik validate`).", err=True)
        return EXIT_PROBLEMS
    report = result.report
    if fmt == "table":
        from ..gaps.table import table_view

        show(table_view(report))
    else:
        from ..gaps.formats import render

        echo(render(report, fmt), raw=fmt == "csv")
    if fehler_bei_luecken and report.offene:
        if fmt == "table":
            echo(f"{len(report.offene)} offene Lücke(n) ohne Maßnahme.", err=True)
        return EXIT_PROBLEMS
    return EXIT_OK
