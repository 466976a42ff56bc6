"""`ik validate` without typer: the command's work, and the plain calls that skip the parser.

`ik validate` runs on every commit (pre-commit, CI), so its start-up counts. Typer, click
and the pydantic adapters typer builds for each option were about a fifth of it. The
plain forms (a folder, ``--format X``, ``--strict``, ``--mitglied X``) read the same in
every click version; :func:`plain_args` reads them and :func:`run_validate` does the
work. Everything else (help, ``--``, unknown or misspelt options, a missing value) goes
to typer as before, so every message stays the same; the typer command calls
:func:`run_validate` too.
"""

from __future__ import annotations

from ..errors import EXIT_OK, EXIT_PROBLEMS
from .choices import VALIDATE_FORMAT
from .output import echo, print_problems
from .paths import folder, prefix, shown
from .plain import plain_options, run_plainly
from .runtime import keep

_FLAGS = {"--strict": "strict"}
_VALUED = {"--format": "fmt", "--mitglied": "mitglied"}
_SHORT = {"-f": "fmt"}


def plain_args(options: list[str]) -> tuple[str, bool, str, str | None] | None:
    """(folder, strict, format, mitglied) of ``ik validate OPTIONS``, or None if typer reads
    them (see :func:`.plain.plain_options`)."""
    read = plain_options(options, _FLAGS, _VALUED, _SHORT)
    if read is None:
        return None
    path, values = read
    mitglied = values.get("mitglied")
    return (path, values.get("strict") is True, str(values.get("fmt", "text")),
            mitglied if isinstance(mitglied, str) else None)


def run_plain(options: list[str]) -> int | None:
    """Run ``ik validate OPTIONS`` if :func:`plain_args` reads them, else None."""
    args = plain_args(options)
    if args is None:
        return None
    return run_plainly("validate", lambda: run_validate(*args))


def run_validate(path: str, strict: bool, fmt: str, mitglied: str | None) -> int:
    """`ik validate`: check the folder, print the problems, return the exit code."""
    fmt = VALIDATE_FORMAT.check(fmt, "--format")
    root = folder(path)
    from .verbund import names_members

    if mitglied is not None or names_members(root):
        from .verbund import validate_command

        return validate_command(root, strict, fmt, mitglied)
    from ..checks.runner import validate as run

    report = run(root)
    keep(report)
    files = len(report.konzept.files)
    if fmt == "json":
        from ..problems.output import format_json

        echo(format_json(report.problems, files))
    elif fmt == "github":
        from ..problems.ci import format_github

        text = format_github(report.problems, prefix(root))
        if text:
            echo(text)
    elif fmt == "sarif":
        from .. import __version__
        from ..checks import all_codes
        from ..problems.ci import format_sarif

        echo(format_sarif(report.problems, prefix(root), __version__, all_codes()))
    else:
        print_problems(report.problems, files, shown(path))
    return EXIT_PROBLEMS if report.failed(strict) else EXIT_OK
