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

    # plain numbers: babel reads str(value), which for a qualified number is „ca. 80“
    value = int(value) if isinstance(value, int) else float(value)
    if stellen is not None:
        return format_decimal(value, format=f"#,##0.{'0' * stellen}" if stellen else "#,##0",
                              locale=LOCALE)
    if float(value).is_integer():
        return format_decimal(int(value), format="#,##0", locale=LOCALE)
    return format_decimal(value, locale=LOCALE)


def prozent(value: float, stellen: int = 1) -> str:
    """21,5 % (value in percent points, with a narrow no-break space as babel writes it)."""
    return f"{zahl(value, stellen)}\u00a0%"


MONATE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember")


def zeitpunkt(first: dt.date, precision: str, text: str, vorlaeufig: bool = False,
              kurz: bool = False) -> str:
    """A date as precise as it was given: „17. August 2017“ (or 17.08.2017 with ``kurz``),
    „März 2024“, „2024“, „2003/04“; tentative ones with „(vorläufig)“."""
    if precision == "tag":
        out = datum_kurz(first) if kurz else datum_lang(first)
    elif precision == "monat":
        out = f"{MONATE[first.month - 1]} {first.year}"
    elif precision == "jahr":
        out = str(first.year)
    else:
        out = text
    return f"{out} (vorläufig)" if vorlaeufig else out


def menge(value: float, qualifier: str = "", stellen: int | None = None) -> str:
    """„ca. 80“, „rund 1.200“ or „51.086“: the number in German, after its qualifier."""
    text = zahl(value, stellen)
    return f"{qualifier} {text}" if qualifier else text
