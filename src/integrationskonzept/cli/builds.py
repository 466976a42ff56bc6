"""What `ik build` and `ik bericht` share: progress, warnings and the end of a build."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import EXIT_OK, EXIT_PROBLEMS
from .app import shown
from .output import echo, print_problems

if TYPE_CHECKING:
    from ..render.build import BuildResult


def progress(message: str) -> None:
    """A build step, on stderr (stdout keeps the list of written files)."""
    echo(message, err=True)


def warn(message: str) -> None:
    """A build warning as it arises, on stderr."""
    echo(f"Warnung: {message}", err=True)


def finish_build(result: BuildResult, typed: str) -> int:
    """Problems of a build that did not start, or the written files; the exit code."""
    if not result.ok:
        from .verbund import names_members, problems_here

        if names_members(Path(typed)):  # members in sibling folders: examples/peine/…
            print_problems(problems_here(Path(typed), result.problems), result.quellen)
        else:
            print_problems(result.problems, result.quellen, shown(typed))
        echo("Nicht gebaut: Beheben Sie zuerst die Fehler oben.", err=True)
        return EXIT_PROBLEMS
    for file in result.files:
        echo(f"Geschrieben: {os.path.relpath(file)}")
    return EXIT_OK
