"""Everything `ik` prints goes through here: plain text, rich markup, problem lists.

Values from the sources pass :func:`~integrationskonzept.text.terminal.visible` on the
way out (no escape sequence reaches the terminal raw); rich never reads ``[…]`` markup
or ``:emoji:`` codes from values (the views escape them, the console has emoji off).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..text.terminal import visible

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from ..problems import Problem


def echo(text: str, err: bool = False, raw: bool = False) -> None:
    """Write ``text`` and a newline (unless it ends with one), control characters escaped.

    ``raw`` writes a data format exactly (CSV with its BOM and CRLF) whose formatter has
    made the values safe itself.
    """
    stream = sys.stderr if err else sys.stdout
    safe = text if raw else visible(text)
    stream.write(safe if safe.endswith("\n") else safe + "\n")
    stream.flush()


def write_file(path: Path, text: str) -> None:
    """Write a file the user named (``--out``); a German error if that is impossible."""
    from ..errors import UsageError

    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"„{path}“ kann nicht geschrieben werden "
                         f"({exc.strerror or type(exc).__name__}).") from None


def console(err: bool = False) -> Console:
    """A rich console on the current stdout/stderr: no emoji codes, no auto-highlighting."""
    from rich.console import Console

    return Console(file=sys.stderr if err else sys.stdout, highlight=False, soft_wrap=True,
                   emoji=False)


def show(items: Iterable[RenderableType], err: bool = False) -> None:
    """Print rich renderables (markup strings whose values are already escaped, tables)."""
    out = console(err)
    for item in items:
        out.print(item)


def print_problems(problems: list[Problem], files: int, prefix: str = "",
                   err: bool = False) -> None:
    """The problem list of `ik validate` (also used by `ik build` and `ik gaps`)."""
    from ..problems.output import summary_line, text_view

    if not problems:  # one plain line: what rich would print, without loading it
        print(summary_line(problems, files), file=sys.stderr if err else sys.stdout)
        return
    show(text_view(problems, files, prefix), err)
