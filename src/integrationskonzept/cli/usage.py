"""Command-line mistakes as German :class:`~integrationskonzept.errors.UsageError`.

typer parses the command line with click, whose errors are English. `ik` runs the app
with ``standalone_mode=False`` so that click raises instead of printing, and turns each
error here into one German sentence, plus where to find help: by the error's class and
fields; the two cases click tells only in its text (a value given to a flag, extra
arguments) by that text, and anything else as a general German message (click's text
stays in ``detail`` for IK_DEBUG). Unknown commands are caught before typer sees them.
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


def _did_you_mean(word: str, possible: list[str]) -> str:
    best = difflib.get_close_matches(word, possible, n=1, cutoff=0.6)
    return f" Meinten Sie „{best[0]}“?" if best else ""


def unknown_command(name: str, known: list[str]) -> UsageError:
    return UsageError(f"Unbekannter Befehl „{name}“.{_did_you_mean(name, known)} "
                      "Alle Befehle: ik --help")


def unknown_option(option: str, known: list[str]) -> UsageError:
    """An option before the command that `ik` does not have (``--version`` stands alone)."""
    if option == "--version":
        return UsageError("„--version“ steht allein: ik --version")
    flags = [flag.strip() for entry in known for flag in entry.split(",")]
    return UsageError(f"Unbekannte Option „{option}“.{_did_you_mean(option, flags)} "
                      "Aufruf: ik BEFEHL [ARGUMENTE]; alle Befehle: ik --help")


def _type(param: Any) -> tuple[bool, list[str]]:
    """(is a path, allowed values) of a click parameter; click keeps them in ``type``,
    newer typer in ``type_descriptor``."""
    kind = getattr(param, "type", None)
    if kind is not None:
        return getattr(kind, "name", "") == "path", list(getattr(kind, "choices", None) or [])
    kind = getattr(param, "type_descriptor", None)
    choices = getattr(kind, "choices", None) or []
    return bool(getattr(kind, "is_path", False)), [getattr(c, "value", c) for c in choices]


def param_choices(param: Any) -> list[str]:
    """The allowed values typer knows for a parameter (an Enum type), if any."""
    return _type(param)[1]


def metavar(param: Any) -> str:
    """The German placeholder of a parameter: its own metavar, else PFAD or WERT."""
    if param.metavar:
        return str(param.metavar)
    return "PFAD" if _type(param)[0] else "WERT"


def _param_label(param: Any) -> str:
    if param is None:
        return "ein Wert"
    if param.param_type_name == "argument":
        return f"das Argument {metavar(param)}"
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
        choices = _type(exc.param)[1] if exc.param is not None else []
        allowed = f" Möglich: {', '.join(str(c) for c in choices)}." if choices else ""
        return UsageError(f"Ungültiger Wert für {_param_label(exc.param)}.{allowed}{helps}")
    extra = re.search(r"unexpected extra argument\S* \((.*)\)", exc.message if isinstance(
        exc, errors.UsageError) else "")
    if extra:
        return UsageError(f"Zu viele Argumente: „{extra.group(1)}“.{helps}")
    return UsageError(f"Falscher Aufruf.{helps}", detail=str(exc))
