"""German words for dates, numbers and lists, and the date forms the sources accept.

One place for "17. August 2017", "17.08.2017", "März 2024", "51.086", "21,5 %",
"a, b und c" and for reading 2017-08-17 / 17.08.2017 / 2024-03 / 03/2024 / 2024.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

LOCALE = "de_DE"
MONATE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember")


def datum_lang(value: dt.date) -> str:
    """17. August 2017"""
    return f"{value.day}. {MONATE[value.month - 1]} {value.year}"


def datum_kurz(value: dt.date) -> str:
    """17.08.2017"""
    return f"{value.day:02d}.{value.month:02d}.{value.year}"


def month_year(value: dt.date) -> str:
    """März 2024"""
    return f"{MONATE[value.month - 1]} {value.year}"


def zeitpunkt(first: dt.date, precision: str, lang: bool = True, text: str = "",
              vorlaeufig: bool = False) -> str:
    """A day, month or year as written: „17. August 2017“ (or „17.08.2017“ with
    ``lang=False``), „März 2024“, „2024“; ``precision`` is "tag", "monat", "jahr" or
    "jahre" (a school or budget year, printed as ``text``: „2003/04“). A tentative date
    ends in „(vorläufig)“."""
    if precision == "tag":
        out = datum_lang(first) if lang else datum_kurz(first)
    elif precision == "monat":
        out = month_year(first)
    elif precision == "jahr":
        out = str(first.year)
    else:
        out = text
    return f"{out} (vorläufig)" if vorlaeufig else out


def zahl(value: float, stellen: int | None = None) -> str:
    """51.086 or 12,5: German grouping and decimal comma."""
    # plain numbers: babel reads str(value), which for a qualified number is „ca. 80“
    value = int(value) if isinstance(value, int) else float(value)
    if stellen is None and isinstance(value, int):
        # what babel writes for a whole number (#,##0 in de_DE), without loading babel
        # and its locale data (17 ms): `ik gaps` prints only counts
        return f"{value:,}".replace(",", ".")
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


def word_list(items: Sequence[str], limit: int | None = None, last: str = " und ") -> str:
    """„a, b und c“; with ``limit``, the first ones and „… und 3 weitere“.

    ``last=", "`` joins all with commas (for long lists where „und“ would mislead).
    """
    items = list(items)
    if limit is not None and len(items) > limit:
        return ", ".join(items[:limit]) + f" … und {len(items) - limit} weitere"
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + last + items[-1]


# --- reading dates --------------------------------------------------------------------

_TAG_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_TAG_DE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_MONAT_ISO = re.compile(r"^(\d{4})-(\d{2})$")
_MONAT_DE = re.compile(r"^(\d{1,2})[./](\d{4})$")
_JAHR = re.compile(r"^(\d{4})$")
DATE_PATTERN = r"^(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})$"
PERIOD_PATTERN = r"^(\d{4}(-\d{2}(-\d{2})?)?|\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}[./]\d{4})$"


def parse_tag(text: str) -> dt.date | None:
    """2017-08-17 or 17.08.2017 as a date; ``None`` for another form.

    Raises ``ValueError`` for a day that does not exist (31.02.2025).
    """
    text = text.strip()
    if m := _TAG_ISO.match(text):
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    if m := _TAG_DE.match(text):
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    return None


def _monatsende(year: int, month: int) -> dt.date:
    if month == 12:  # no step into the next year (9999-12 stays a date)
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def parse_zeitpunkt_text(text: str) -> tuple[dt.date, dt.date, str] | None:
    """A day, month or year as (first day, last day, "tag" | "monat" | "jahr").

    Accepts 2024-03-15, 15.03.2024, 2024-03, 03/2024, 3.2024 and 2024; ``None`` for
    another form; ``ValueError`` for a day that does not exist.
    """
    text = text.strip()
    day = parse_tag(text)
    if day is not None:
        return day, day, "tag"
    if m := _MONAT_ISO.match(text):
        year, month = int(m[1]), int(m[2])
    elif m := _MONAT_DE.match(text):
        year, month = int(m[2]), int(m[1])
    elif m := _JAHR.match(text):
        year = int(m[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "jahr"
    else:
        return None
    if not 1 <= month <= 12:
        return None
    return dt.date(year, month, 1), _monatsende(year, month), "monat"

