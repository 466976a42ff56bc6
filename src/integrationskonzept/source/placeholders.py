"""Placeholders left in a source text: „‹bitte ergänzen›“ (what `ik init` writes where the
authors still have to write), „TODO“ and „XXX“.

Where they stand is a function of the text alone, so a snapshot of a file keeps it (see
:mod:`integrationskonzept.model.snapshot`) and a run that rebuilds the file from there
does not scan its text again; check IK590 reports them.
"""

from __future__ import annotations

import re

# Texts the authors still have to write (`ik init`).
MARKER = "‹bitte ergänzen›"
_PATTERN = re.compile(re.escape(MARKER) + r"|\bTODO\b|\bXXX\b")

# (line, column, the placeholder), both 1-based
Mark = tuple[int, int, str]


def placeholders(text: str) -> list[Mark]:
    """The first placeholder of every line of ``text`` that holds one."""
    if "‹" not in text and "TODO" not in text and "XXX" not in text:
        return []
    out: list[Mark] = []
    search = _PATTERN.search
    for number, line in enumerate(text.splitlines(), 1):
        m = search(line)
        if m:
            out.append((number, m.start() + 1, m.group()))
    return out
