"""German help for each command, written from the typer app's own parameters.

typer/click write their help in English (``Usage:``, ``[default: text]``, ``TEXT``);
`ik` writes it itself from the same declarations: option names, help texts, defaults,
and the allowed values from the :class:`~.choices.Choices` on an option.
"""

from __future__ import annotations

import inspect
import textwrap
import typing
from collections.abc import Callable
from typing import Any

from .choices import Choices
from .usage import metavar as placeholder
from .usage import param_choices

WIDTH = 100


def _choices(callback: Callable[..., Any]) -> dict[str, Choices]:
    """The :class:`Choices` attached to the parameters of a command function."""
    try:
        hints = typing.get_type_hints(callback, include_extras=True)
    except NameError:  # annotations that name something typer resolves another way
        return {}
    out = {}
    for name, hint in hints.items():
        for extra in getattr(hint, "__metadata__", ()):
            if isinstance(extra, Choices):
                out[name] = extra
    return out


def _groups() -> dict[str, Any]:
    """Commands with sub-commands (``ik tabelle export``): name -> their typer app."""
    from .commands import app

    return {g.name: g.typer_instance for g in app.registered_groups if g.name}


def _callback(name: str, sub: str | None = None) -> Callable[..., Any]:
    from .commands import app

    registered = _groups()[name].registered_commands if sub else app.registered_commands
    for info in registered:
        if info.callback is not None and (info.name or info.callback.__name__) == (sub or name):
            return info.callback
    raise KeyError(name)


def command_names() -> list[str]:
    from .commands import app

    return [info.name or info.callback.__name__ for info in app.registered_commands
            if info.callback is not None] + list(_groups())


def sub_names(name: str) -> list[str] | None:
    """The sub-commands of ``ik NAME``; None if it has none."""
    group = _groups().get(name)
    if group is None:
        return None
    return [info.name or info.callback.__name__ for info in group.registered_commands
            if info.callback is not None]


def group_help(name: str) -> str:
    """The help of ``ik NAME`` for a command with sub-commands."""
    group = _groups()[name]
    subs = [(sub, inspect.cleandoc(_callback(name, sub).__doc__ or "").splitlines()[0])
            for sub in sub_names(name) or []]
    width = max(len(sub) for sub, _ in subs)
    lines = [f"Aufruf: ik {name} BEFEHL [ARGUMENTE]", "", f"  {group.info.help}", "",
             "Befehle:"]
    for sub, text in subs:
        lines += _block(sub, text, width)
    lines += ["", f"Hilfe zu einem Befehl: ik {name} BEFEHL --help"]
    return "\n".join(lines) + "\n"


def _default(param: Any) -> str:
    default = param.default
    if default is None or isinstance(default, bool) or callable(default):
        return ""
    text = str(getattr(default, "value", default))  # an Enum member by its value
    if text == ".":
        return " Standard: der aktuelle Ordner."
    return f" Standard: {text}." if text else ""


def _block(label: str, text: str, width: int) -> list[str]:
    """``  label  text`` with the text wrapped in a column."""
    column = width + 4
    wrapped = textwrap.wrap(text, WIDTH - column) or [""]
    if len(label) > width:
        return [f"  {label}", *(" " * column + line for line in wrapped)]
    first = f"  {label.ljust(width)}  {wrapped[0]}"
    return [first, *(" " * column + line for line in wrapped[1:])]


def command_help(name: str, sub: str | None = None) -> str:
    """The help of ``ik NAME`` (or ``ik NAME SUB``) in German."""
    from typer.main import get_command

    from .commands import app

    callback = _callback(name, sub)
    choices = _choices(callback)
    command = get_command(app).commands[name]  # type: ignore[attr-defined]
    if sub:
        command = command.commands[sub]
        name = f"{name} {sub}"
    arguments, options = [], []
    usage_args = []
    for param in command.params:
        extra = choices.get(param.name)
        values = extra.values() if extra else param_choices(param)
        allowed = f" Möglich: {', '.join(str(v) for v in values)}." if values else ""
        text = (getattr(param, "help", None) or "") + allowed + _default(param)
        if param.param_type_name == "argument":
            metavar = placeholder(param)
            usage_args.append(metavar if param.required else f"[{metavar}]")
            arguments.append((metavar, text.strip()))
        else:
            label = ", ".join([*sorted(param.opts, key=len), *param.secondary_opts])
            if not param.is_flag:
                label += f" {placeholder(param)}"
            options.append((label, text.strip()))
    options.append(("-h, --help", "Diese Hilfe anzeigen."))
    width = min(max(len(label) for label, _ in arguments + options), 28)
    doc = inspect.cleandoc(callback.__doc__ or "")
    lines = [f"Aufruf: ik {name} [OPTIONEN] {' '.join(usage_args)}".rstrip(), ""]
    for paragraph in doc.split("\n\n"):
        lines += textwrap.wrap(" ".join(paragraph.split()), WIDTH - 2,
                               initial_indent="  ", subsequent_indent="  ")
        lines.append("")
    if arguments:
        lines.append("Argumente:")
        for label, text in arguments:
            lines += _block(label, text, width)
        lines.append("")
    lines.append("Optionen:")
    for label, text in options:
        lines += _block(label, text, width)
    return "\n".join(lines) + "\n"
