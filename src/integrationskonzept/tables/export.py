"""`ik tabelle export`: the concept's entries as one workbook (or one CSV file per kind).

The workbook is written anew on every export (never patched): one sheet per kind,
German headers with ``id`` first, drop-down lists from defined names on the sheet
"Listen", a frozen header row, and a hidden sheet naming the concept, the format
version and the source revision.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model.concept import Konzept
from ..model.fields import Entry
from ..model.indikator import HAUPTWERT
from ..text.cells import safe_cell
from .columns import (
    BOOL,
    CHOICE,
    DATE,
    LIST,
    PERIOD,
    REF,
    SHEETS,
    TEXT,
    VOCABULARY_KINDS,
    Column,
    Sheet,
    columns_for,
)
from .values import to_cell, to_csv_text

TABLE_FORMAT = "1"
TABLE_FORMATS = ("xlsx", "csv")  # the choices of `ik tabelle export --format`
INFO_SHEET = "ik"
LIST_SHEET = "Listen"
MAX_ROWS = 1_048_576
_WIDE = 60


@dataclass(frozen=True)
class ExportResult:
    """What was written: files and rows per sheet."""

    files: tuple[Path, ...]
    rows: dict[str, int]


def value_at(entry: Entry, column: Column) -> Any:
    """The model value of ``entry`` at the column's key path (None if a parent is unset)."""
    if column.periode:
        ist = next((v for p, v in getattr(entry, "istwerte", {}).items()
                    if p.text == column.periode), None)
        return ist.get(HAUPTWERT) if isinstance(ist, dict) else ist
    value: Any = entry
    for key in column.path:
        value = getattr(value, key, None)
        if value is None:
            return None
    return value


def select_sheets(kinds: Iterable[str] | None) -> list[Sheet]:
    """The sheets for ``--art`` (list keys or German sheet names), all if None."""
    if not kinds:
        return list(SHEETS)
    wanted = {k.strip().casefold() for k in kinds if k.strip()}
    return [s for s in SHEETS if s.key in wanted or s.name.casefold() in wanted]


def rows_of(konzept: Konzept, sheet: Sheet, columns: list[Column]) -> Iterator[list[Any]]:
    for entry in getattr(konzept, sheet.key).values():
        yield [to_cell(c, value_at(entry, c)) for c in columns]


def vocabularies(konzept: Konzept) -> dict[str, list[str]]:
    """The ids offered by each drop-down list, in source order."""
    return {name: [i for kind in kinds for i in konzept.registry(kind)]
            for name, kinds in VOCABULARY_KINDS.items()}


def list_name(column: Column) -> str:
    """The defined name of a column's drop-down list ("" if it has none)."""
    if column.vocabulary:
        return f"liste_{column.vocabulary}"
    if column.kind == CHOICE:
        return "wahl_" + "_".join(column.path)
    return ""


def _width(column: Column, rows: list[list[Any]], index: int) -> float:
    longest = len(column.header)
    for row in rows[:200]:
        value = row[index]
        if value is not None:
            longest = max(longest, max(len(line) for line in str(value).split("\n")))
    if column.kind in (DATE, PERIOD):
        longest = max(longest, 10)
    return float(min(longest + 2, _WIDE))


def export_xlsx(konzept: Konzept, out: Path, sheets: list[Sheet], revision: str) -> ExportResult:
    """Write the workbook ``out``."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook(write_only=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    counts: dict[str, int] = {}
    choice_lists: dict[str, tuple[str, ...]] = {}
    for sheet in sheets:
        columns = columns_for(sheet, konzept)
        ws = wb.create_sheet(sheet.name)
        ws.freeze_panes = "B2"
        rows = list(rows_of(konzept, sheet, columns))
        counts[sheet.name] = len(rows)
        for i, col in enumerate(columns):
            letter = _letter(i)
            ws.column_dimensions[letter].width = _width(col, rows, i)
            if col.kind in TEXT_KINDS:  # what is typed into the column stays text (01067)
                ws.column_dimensions[letter].number_format = TEXT_FORMAT
            name = list_name(col)
            if name:
                if col.kind == CHOICE:
                    choice_lists[name] = col.choices
                # A list cell holds several ids ("a; b"): the drop-down helps, no error.
                dv = DataValidation(type="list", formula1=name, allow_blank=True,
                                    showErrorMessage=col.kind != LIST,
                                    errorTitle="Unbekannter Wert",
                                    error=f"Bitte einen Wert aus der Liste „{col.header}“ "
                                          "wählen.")
                dv.add(f"{letter}2:{letter}{MAX_ROWS}")
                ws.data_validations.append(dv)
        header = []
        for col in columns:
            cell = WriteOnlyCell(ws, col.header)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        # One styled cell per kind of value; its style array is shared by all cells of that
        # kind (setting a style per cell costs a hash lookup each: seconds at 300,000 cells).
        text_proto = WriteOnlyCell(ws, "")
        text_proto.alignment = wrap
        text_proto.number_format = TEXT_FORMAT
        date_proto = WriteOnlyCell(ws, dt.date(2000, 1, 1))
        date_proto.number_format = "DD.MM.YYYY"
        # a text that a spreadsheet would read as a formula: a string cell with Excel's
        # "quote prefix", so it stays text even when someone edits the cell
        quoted_proto = WriteOnlyCell(ws, "")
        quoted_proto.alignment = wrap
        quoted_proto.number_format = TEXT_FORMAT
        quoted_proto.quotePrefix = True
        protos = (text_proto._style, date_proto._style, quoted_proto._style)
        for row in rows:
            ws.append([_cell(ws, WriteOnlyCell, protos, col, value)
                       for col, value in zip(columns, row, strict=True)])
    _write_lists(wb, konzept, choice_lists, DefinedName)
    info = wb.create_sheet(INFO_SHEET)
    info.sheet_state = "hidden"
    for name, value in info_rows(konzept, revision):
        info.append([name, value])
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return ExportResult((out,), counts)


# Excel's and LibreOffice's number format "text": a postcode or an id typed into such a
# cell keeps its leading zeros and is never turned into a number or a date.
TEXT_FORMAT = "@"
TEXT_KINDS = frozenset({TEXT, LIST, REF, CHOICE})


def _cell(ws: Any, cell_type: Any, protos: tuple[Any, Any, Any], column: Column,
          value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, str):
        cell = cell_type(ws, None)
        cell._value = value
        cell.data_type = "s"  # a text that starts with "=" stays text, never a formula
        cell._style = protos[2] if safe_cell(value) != value else protos[0]
        return cell
    if isinstance(value, dt.date):
        cell = cell_type(ws, value)
        cell._style = protos[1]
        return cell
    if column.kind == BOOL:
        cell = cell_type(ws, bool(value))
        cell.data_type = "b"
        return cell
    return value


def _write_lists(wb: Any, konzept: Konzept, choices: dict[str, tuple[str, ...]],
                 defined_name: Any) -> None:
    ws = wb.create_sheet(LIST_SHEET)
    lists: list[tuple[str, list[str]]] = [
        (f"liste_{name}", ids) for name, ids in vocabularies(konzept).items()]
    lists += [(name, list(values)) for name, values in choices.items()]
    ws.append([name for name, _ in lists])
    longest = max((len(ids) for _, ids in lists), default=0)
    for r in range(longest):
        ws.append([ids[r] if r < len(ids) else None for _, ids in lists])
    for i, (name, ids) in enumerate(lists):
        letter = _letter(i)
        last = max(len(ids), 1) + 1
        wb.defined_names[name] = defined_name(
            name, attr_text=f"{LIST_SHEET}!${letter}$2:${letter}${last}")


def info_rows(konzept: Konzept, revision: str) -> list[tuple[str, str]]:
    title = konzept.meta.titel if konzept.meta else ""
    return [("Konzept", title), ("Formatversion", TABLE_FORMAT), ("Quellstand", revision),
            ("Hinweis", "Mit `ik tabelle import` zurückspielen; Spalten nicht umbenennen.")]


def export_csv(konzept: Konzept, folder: Path, sheets: list[Sheet]) -> ExportResult:
    """Write one CSV file per kind (UTF-8 with BOM, semicolon) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    counts: dict[str, int] = {}
    for sheet in sheets:
        columns = columns_for(sheet, konzept)
        target = folder / f"{sheet.key}.csv"
        n = 0
        with target.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=";", quoting=csv.QUOTE_MINIMAL)
            writer.writerow([c.header for c in columns])
            for row in rows_of(konzept, sheet, columns):
                writer.writerow([to_csv_text(v) for v in row])
                n += 1
        counts[sheet.name] = n
        files.append(target)
    return ExportResult(tuple(files), counts)


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def revision_text(path: Path) -> str:
    """The source revision for the info sheet: commit (and whether it has changes)."""
    from ..source.git import version_info

    info = version_info(path)
    if not info.in_git:
        return "nicht in Git"
    return info.text
