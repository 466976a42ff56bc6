"""Cells for spreadsheets: text from the sources never becomes a live formula.

A title like ``=HYPERLINK("https://…")`` or ``@SUM(…)`` in a CSV or XLSX cell is
run as a formula by Excel and LibreOffice (CSV/formula injection). Every writer
of CSV or XLSX passes its cells through :func:`safe_cell`: text starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading apostrophe,
which spreadsheets show as plain text (the OWASP recommendation). Numbers and
text that is just a number (``-3``, ``+49 30 …`` is not) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)*$")

T = TypeVar("T")


def safe_cell(value: T) -> T | str:
    """``value`` as a spreadsheet shows it literally (see module docstring)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def safe_row(values: Iterable[object]) -> list[object]:
    """:func:`safe_cell` for every value of a row."""
    return [safe_cell(v) for v in values]
