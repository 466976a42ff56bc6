"""Cell values: from the model to a cell, and from a cell (xlsx or CSV) back to a value.

Spreadsheet programs hand back what they stored: dates as ``datetime`` or as serial
numbers, every number as a float, truth values as booleans or as the words WAHR/FALSCH
(TRUE/FALSE); these functions accept all of them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..model.fielddates import Zeitpunkt, parse_zeitpunkt
from ..model.indikator import Periode, parse_periode
from ..text.cells import safe_cell
from .columns import BOOL, CHOICE, DATE, INT, LIST, NUMBER, PERIOD, PERIODE, REF, YEAR, Column

LIST_SEPARATOR = "; "
_TRUE = {"wahr", "true", "ja", "x", "1", "true()"}
_FALSE = {"falsch", "false", "nein", "0", "false()"}
_EXCEL_EPOCH = dt.date(1899, 12, 30)


class CellError(ValueError):
    """A cell's value does not fit its column; the message is German."""


def unneutralise(text: str) -> str:
    """Undo :func:`~..text.cells.safe_cell` (the apostrophe before a formula character)."""
    if text.startswith("'") and safe_cell(text[1:]) == text:
        return text[1:]
    return text


def _number_out(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def to_cell(column: Column, value: Any) -> Any:
    """The value written into a cell of ``column`` (None for an empty cell)."""
    if value is None or value == [] or value == "":
        return None
    if column.kind == LIST:
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, Zeitpunkt):
        return value.first if value.precision == "tag" else value.text
    if isinstance(value, Periode):
        return int(value.text) if value.text.isdigit() else value.text
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return _number_out(value)
    if isinstance(value, (dt.date, int)):
        return value
    return str(value)


def to_csv_text(value: Any) -> str:
    """The text of a cell in a CSV file: dates German, truth values WAHR/FALSCH."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "WAHR" if value else "FALSCH"
    if isinstance(value, dt.date):
        return f"{value.day:02d}.{value.month:02d}.{value.year}"
    if isinstance(value, float):
        return str(value).replace(".", ",")
    if isinstance(value, int):
        return str(value)
    return str(safe_cell(str(value)))


def _serial_date(value: float) -> dt.date:
    return _EXCEL_EPOCH + dt.timedelta(days=int(value))


def _as_text(raw: Any) -> str:
    if isinstance(raw, bool):
        return "WAHR" if raw else "FALSCH"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return str(raw).replace("\r\n", "\n")


@functools.cache
def _date_adapter() -> TypeAdapter[Any]:
    from ..model.fielddates import Datum

    return TypeAdapter(Datum)


def _date(raw: Any) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and 1 < raw < 2958466:
        return _serial_date(float(raw))
    try:
        return _date_adapter().validate_python(_as_text(raw).strip())  # type: ignore[no-any-return]
    except ValidationError:
        raise CellError(f"erwartet ein Datum wie 17.08.2017, gefunden „{_as_text(raw)}“")\
            from None


def _period(raw: Any) -> Zeitpunkt:
    if isinstance(raw, (dt.date, dt.datetime)):
        return parse_zeitpunkt(_date(raw))
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) \
            and float(raw).is_integer() and 1900 <= raw <= 2200:
        return parse_zeitpunkt(str(int(raw)))  # a year typed into a number cell
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return parse_zeitpunkt(_date(raw))
    try:
        return parse_zeitpunkt(_as_text(raw).strip())
    except Exception:  # pydantic's custom error carries the German text
        raise CellError("erwartet ein Datum, einen Monat oder ein Jahr (15.03.2024, 2024-03 "
                        f"oder 2024), gefunden „{_as_text(raw)}“") from None


def _int(raw: Any, column: Column) -> int:
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and float(raw).is_integer():
        value = int(raw)
    else:
        text = _as_text(raw).strip().replace(".", "") if not isinstance(raw, bool) else "x"
        if not re.fullmatch(r"[+-]?\d+", text):
            raise CellError(f"erwartet eine ganze Zahl, gefunden „{_as_text(raw)}“")
        value = int(text)
    if column.kind == YEAR and not 1900 <= value <= 2200:
        raise CellError(f"erwartet eine Jahreszahl wie 2030, gefunden „{_as_text(raw)}“")
    if value < 0:
        raise CellError(f"erwartet eine Zahl ab 0, gefunden „{_as_text(raw)}“")
    return value


def _number(raw: Any) -> float:
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return float(raw)
    text = _as_text(raw).strip()
    if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+(,\d+)?", text):
        text = text.replace(".", "")
    if re.fullmatch(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)", text):
        return float(text.replace(",", "."))
    raise CellError(f"erwartet eine Zahl (z. B. 21,5), gefunden „{text}“")


def _bool(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, (int, float)) and raw in (0, 1):
        return bool(raw)
    text = _as_text(raw).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellError(f"erwartet WAHR oder FALSCH, gefunden „{_as_text(raw)}“")


def from_cell(column: Column, raw: Any) -> Any:
    """The value of a cell for ``column``; None for an empty cell. Raises :class:`CellError`."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return [] if column.kind == LIST else None
    kind = column.kind
    if kind == LIST:
        parts = [p.strip() for p in re.split(r"[;\n]", _as_text(raw))]
        return [p for p in parts if p]
    if kind == DATE:
        return _date(raw)
    if kind == PERIOD:
        return _period(raw)
    if kind == PERIODE:
        text = _as_text(raw).strip()
        try:
            return parse_periode(text)
        except Exception:  # pydantic's custom error carries the German text
            raise CellError("erwartet ein Jahr (2023), ein Schuljahr (2003/04) oder einen "
                            f"Zeitraum (2015–2018), gefunden „{text}“") from None
    if kind in (INT, YEAR):
        return _int(raw, column)
    if kind == NUMBER:
        return _number(raw)
    if kind == BOOL:
        return _bool(raw)
    text = _as_text(raw)
    if kind in (REF, CHOICE):
        text = text.strip()
    if kind == CHOICE and text not in column.choices:
        folded = {c.casefold(): c for c in column.choices}
        if text.casefold() in folded:
            return folded[text.casefold()]
        raise CellError(f"„{text}“ ist nicht erlaubt; erlaubt sind: "
                        + ", ".join(column.choices))
    return text


def same(a: Any, b: Any) -> bool:
    """Whether two values of one column mean the same (dates as periods, text ends)."""
    if isinstance(a, Periode) and isinstance(b, Periode):
        return (a.von, a.bis) == (b.von, b.bis)
    if isinstance(a, Zeitpunkt) and isinstance(b, Zeitpunkt):
        return (a.first, a.last, a.precision) == (b.first, b.last, b.precision)
    if isinstance(a, str) and isinstance(b, str):
        return a.replace("\r\n", "\n").rstrip() == b.replace("\r\n", "\n").rstrip()
    if a in (None, [], "") and b in (None, [], ""):
        return True
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool) \
            and not isinstance(b, bool):
        return float(a) == float(b)
    return bool(a == b)
