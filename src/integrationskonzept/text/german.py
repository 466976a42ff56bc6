"""German dates and numbers ("17. August 2017", "51.086", "21,5 %") via babel."""

from __future__ import annotations

import datetime as dt

LOCALE = "de_DE"


def datum_lang(value: dt.date) -> str:
    """17. August 2017"""
    from babel.dates import format_date

    return format_date(value, format="d. MMMM y", locale=LOCALE)


def datum_kurz(value: dt.date) -> str:
    """17.08.2017"""
    return f"{value.day:02d}.{value.month:02d}.{value.year}"


def zahl(value: float, stellen: int | None = None) -> str:
    """51.086 or 12,5: German grouping and decimal comma."""
    from babel.numbers import format_decimal

    if stellen is not None:
        return format_decimal(value, format=f"#,##0.{'0' * stellen}" if stellen else "#,##0",
                              locale=LOCALE)
    if float(value).is_integer():
        return format_decimal(int(value), format="#,##0", locale=LOCALE)
    return format_decimal(value, locale=LOCALE)


def prozent(value: float, stellen: int = 1) -> str:
    """21,5 % (value in percent points, with a narrow no-break space as babel writes it)."""
    return f"{zahl(value, stellen)}\u00a0%"
