"""Reading a table back: an xlsx workbook (from ik, Excel or LibreOffice Calc) or a CSV file.

Every cell keeps its address, so a problem can be reported as ``Maßnahmen!H17``.
Formulas are read as the values their program last computed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import SourceError
from .columns import SHEET_BY_KEY, SHEET_BY_NAME, Sheet
from .export import INFO_SHEET, LIST_SHEET
from .values import unneutralise

MAX_TABLE_BYTES = 200 * 1024 * 1024


@dataclass
class TableData:
    """The rows of one sheet: headers and (row number, values) pairs."""

    sheet: Sheet
    label: str  # how locations name the sheet: "Maßnahmen" or "massnahmen.csv"
    headers: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)


@dataclass
class Workbook:
    tables: list[TableData]
    unknown_sheets: list[str]
    info: dict[str, str]


def read_table(path: Path, engine: str = "") -> Workbook:
    """Read ``path`` (.xlsx or .csv); raises :class:`SourceError` for unreadable files.

    ``engine="openpyxl"`` reads a workbook with openpyxl even if python-calamine is there.
    """
    if not path.is_file():
        raise SourceError(f"Tabelle „{path}“ nicht gefunden")
    if path.stat().st_size > MAX_TABLE_BYTES:
        raise SourceError(f"Tabelle „{path.name}“ ist zu groß (mehr als 200 MB)")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, engine)
    if suffix == ".csv":
        return _read_csv(path)
    raise SourceError(f"„{path.name}“: erwartet eine Datei .xlsx oder .csv (aus `ik tabelle "
                      "export`)")


def _read_xlsx(path: Path, engine: str = "") -> Workbook:
    """Read a workbook with python-calamine (fast) or, without it, openpyxl."""
    if engine != "openpyxl":
        try:
            import python_calamine  # noqa: F401
        except ImportError:
            engine = "openpyxl"
    sheets = _calamine_sheets(path) if engine != "openpyxl" else _openpyxl_sheets(path)
    return _collect(sheets)


def _unreadable(path: Path, exc: Exception) -> SourceError:
    return SourceError(f"„{path.name}“ lässt sich nicht als Excel-Arbeitsmappe lesen "
                       f"({type(exc).__name__})")


def _calamine_sheets(path: Path) -> list[tuple[str, Iterator[Sequence[Any]]]]:
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_path(str(path))
        # calamine hands every number over as float and an empty cell as "": the cell
        # parsers cast numbers back (ids, years), "" is read as empty.
        return [(name, iter(wb.get_sheet_by_name(name).to_python(skip_empty_area=False)))
                for name in wb.sheet_names]
    except Exception as exc:  # calamine raises its own error types per format problem
        raise _unreadable(path, exc) from None


def _openpyxl_sheets(path: Path) -> list[tuple[str, Iterator[Sequence[Any]]]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
        sheets = [(ws.title, iter(list(ws.iter_rows(values_only=True)))) for ws in wb.worksheets]
        wb.close()
    except (BadZipFile, OSError, KeyError, ValueError) as exc:
        raise _unreadable(path, exc) from None
    return sheets


def _collect(sheets: list[tuple[str, Iterator[Sequence[Any]]]]) -> Workbook:
    tables: list[TableData] = []
    unknown: list[str] = []
    info: dict[str, str] = {}
    for title, rows in sheets:
        if title == INFO_SHEET:
            for row in rows:
                if row and row[0] not in (None, ""):
                    info[str(row[0])] = "" if len(row) < 2 or row[1] is None else str(row[1])
            continue
        sheet = SHEET_BY_NAME.get(title.strip().casefold())
        if sheet is None:
            if title != LIST_SHEET:
                unknown.append(title)
            continue
        header_row = next(rows, ())
        table = TableData(sheet, title, [_header(h) for h in header_row])
        width = len(table.headers)
        for number, values in enumerate(rows, start=2):
            vals = [None if v == "" else v for v in list(values)[:width]]
            if all(v is None for v in vals):
                continue
            table.rows.append((number, vals + [None] * (width - len(vals))))
        tables.append(table)
    return Workbook(tables, unknown, info)


def _header(value: Any) -> str:
    return "" if value is None else " ".join(str(value).split())


def _sheet_of_csv(path: Path) -> Sheet:
    stem = path.stem.strip().casefold()
    sheet = SHEET_BY_KEY.get(stem) or SHEET_BY_NAME.get(stem)
    if sheet is None:
        names = ", ".join(f"{k}.csv" for k in SHEET_BY_KEY)
        raise SourceError(f"„{path.name}“: aus dem Dateinamen geht die Art nicht hervor; "
                          f"erwartet wird einer von {names}")
    return sheet


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM); Windows-1252 as German Excel saves "CSV" otherwise."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def sniff_dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    """The separator of a CSV text: semicolon, comma, tab or pipe."""
    sample = text[:64 * 1024]
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t|")
    except csv.Error:
        first = sample.split("\n", 1)[0]
        counts = {d: first.count(d) for d in ";,\t|"}
        best = max(counts, key=lambda d: counts[d])

        class _Dialect(csv.excel):
            delimiter = best
        return _Dialect


def _read_csv(path: Path) -> Workbook:
    sheet = _sheet_of_csv(path)
    text = decode(path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""), sniff_dialect(text))
    header = next(reader, [])
    table = TableData(sheet, path.name, [_header(h) for h in header])
    width = len(header)
    for number, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        vals: list[Any] = [unneutralise(v) for v in values[:width]]
        vals += [None] * (width - len(vals))
        table.rows.append((number, vals))
    return Workbook([table], [], {})
