"""Reading a command's plain options without typer (for the commands whose start-up counts).

Typer, click and the adapters typer builds for each option cost about 45 ms at start.
:func:`plain_options` reads the forms that mean the same in every click version: the one
folder, flags, and options with their value (``--format json``, ``-f json``,
``--format=json``; a value never starts with „-“). Anything else (help, ``--``, unknown,
misspelt or repeated-without-value options) is left to typer, so every message stays
the same.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Mapping

from ..errors import EXIT_PROBLEMS


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


def run_plainly(command: str, work: Callable[[], int]) -> int:
    """``work()`` as the CLI runs ``command`` (the collector's policy); a closed pipe
    (``ik validate | head``) ends quietly with 1, as under click."""
    from .runtime import collector_policy

    try:
        with collector_policy(command):
            return work()
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (until exit)
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
        return EXIT_PROBLEMS
