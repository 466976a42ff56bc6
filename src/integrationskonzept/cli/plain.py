"""Reading a command's plain options without typer (for the commands whose start-up counts).

Typer, click and the adapters typer builds for each option cost about 45 ms at start.
:func:`plain_options` reads the forms that mean the same in every click version: the one
folder, flags, and options with their value (``--format json``, ``-f json``,
``--format=json``; a value never starts with „-“). Anything else (help, ``--``, unknown,
misspelt or repeated-without-value options) is left to typer, so every message stays
the same.
"""

from __future__ import annotations

from collections.abc import Mapping


def plain_options(options: list[str], flags: Mapping[str, str], valued: Mapping[str, str],
                  short: Mapping[str, str]) -> tuple[str, dict[str, str | bool]] | None:
    """(folder, values by parameter name) of ``options``, or None if typer must read them.

    ``flags`` and ``valued`` map long option names to parameter names; ``short`` maps
    short names of valued options (``-f``), which take their value only as the next
    token. A later value wins, as in click; the folder defaults to „.“.
    """
    path: str | None = None
    values: dict[str, str | bool] = {}
    i = 0
    while i < len(options):
        token = options[i]
        name, eq, inline = token.partition("=")
        if token in flags:
            values[flags[token]] = True
        elif ((token in valued or token in short) and i + 1 < len(options)
              and not options[i + 1].startswith("-")):
            values[valued.get(token) or short[token]] = options[i + 1]
            i += 1
        elif eq and name in valued:
            values[valued[name]] = inline
        elif not token.startswith("-") and path is None:
            path = token
        else:
            return None
        i += 1
    return ("." if path is None else path), values
