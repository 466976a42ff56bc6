"""Command-line mistakes as German :class:`~integrationskonzept.errors.UsageError`.

typer parses the command line with click, whose errors are English. `ik` runs the app
with ``standalone_mode=False`` so that click raises instead of printing, and turns each
error here into one German sentence by its class and fields (not by its text), plus
where to find help. Unknown commands are caught before typer sees them.
"""

from __future__ import annotations

import difflib
import re
import sys
from typing import Any

import typer

from ..errors import UsageError


def click_errors() -> Any:
    """The exceptions module of the click typer uses (vendored in newer typer)."""
    return sys.modules[typer.BadParameter.__module__]


def _meinten(word: str, possible: list[str]) -> str:
    best = difflib.get_close_matches(word, possible, n=1, cutoff=0.6)
    return f" Meinten Sie „{best[0]}“?" if best else ""


def unknown_command(name: str, known: list[str]) -> UsageError:
    return UsageError(f"Unbekannter Befehl „{name}“.{_meinten(name, known)} "
                      "Alle Befehle: ik --help")


def _param_label(param: Any) -> str:
    if param is None:
        return "ein Wert"
    if param.param_type_name == "argument":
        return f"das Argument {param.metavar or param.name.upper()}"
    return f"die Option „{max(param.opts, key=len)}“"


def german(exc: Exception, command: str) -> UsageError:
    """The German usage error for a click error raised while parsing ``ik COMMAND …``."""
    errors = click_errors()
    helps = f"\nHilfe: ik {command} --help"
    if isinstance(exc, errors.NoSuchOption):
        possible = list(getattr(exc, "possibilities", None) or [])
        hint = f" Meinten Sie „{possible[0]}“?" if len(possible) == 1 else ""
        return UsageError(f"Unbekannte Option „{exc.option_name}“.{hint}{helps}")
    if isinstance(exc, errors.BadOptionUsage):
        option = exc.option_name
        if "does not take" in exc.message:
            return UsageError(f"Die Option „{option}“ nimmt keinen Wert.{helps}")
        return UsageError(f"Die Option „{option}“ braucht einen Wert.{helps}")
    if isinstance(exc, errors.MissingParameter):
        return UsageError(f"Es fehlt {_param_label(exc.param)}.{helps}")
    if isinstance(exc, errors.BadParameter):
        return UsageError(f"Ungültiger Wert für {_param_label(exc.param)}.{helps}")
    extra = re.search(r"unexpected extra argument\S* \((.*)\)", exc.message if isinstance(
        exc, errors.UsageError) else "")
    if extra:
        return UsageError(f"Zu viele Argumente: „{extra.group(1)}“.{helps}")
    return UsageError(f"Falscher Aufruf.{helps}", detail=str(exc))
