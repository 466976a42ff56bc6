"""The concept folder as the user typed it, and how file names are shown relative to it.

Kept free of typer, so that the plain forms of `ik validate` (:mod:`.validate`) run
without loading it; :mod:`.app` offers these to every command.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import SourceError, UsageError


def folder(typed: str) -> Path:
    """The concept folder as typed: a file is a usage error, a missing folder a SourceError."""
    path = Path(typed)
    if path.is_file():
        hint = ""
        if path.name in ("konzept.yaml", "konzept.yml"):
            hint = f" – hier „{os.path.dirname(typed) or '.'}“"
        raise UsageError(f"„{typed}“ ist eine Datei. Geben Sie den Ordner des Konzepts an "
                         f"(den Ordner, in dem konzept.yaml liegt){hint}.")
    if not path.exists():
        raise SourceError(f"Ordner „{typed}“ nicht gefunden. Geben Sie den Ordner des "
                          "Konzepts an (er enthält konzept.yaml).")
    if not path.is_dir():
        raise UsageError(f"„{typed}“ ist kein Ordner.")
    return path


def prefix(path: Path) -> str:
    """File names in CI annotations start with the folder relative to the working directory."""
    rel = os.path.relpath(path)
    return "" if rel == "." else rel.rstrip("/") + "/"


def shown(typed: str) -> str:
    """File names in messages start with the folder as the user typed it."""
    stripped = typed.rstrip("/\\")
    return "" if stripped in ("", ".") else stripped + "/"
