"""The one place for German dates, lists and date forms (text/german.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from integrationskonzept.text.german import (
    datum_kurz,
    datum_lang,
    month_year,
    parse_tag,
    parse_zeitpunkt_text,
    word_list,
)


def test_dates() -> None:
    day = dt.date(2024, 3, 1)
    assert (datum_lang(day), datum_kurz(day), month_year(day)) == (
        "1. März 2024", "01.03.2024", "März 2024")


@pytest.mark.parametrize(("items", "limit", "last", "text"), [
    ([], None, " und ", ""),
    (["a"], None, " und ", "a"),
    (["a", "b"], None, " und ", "a und b"),
    (["a", "b", "c"], None, " und ", "a, b und c"),
    (["a", "b", "c"], None, ", ", "a, b, c"),
    (["a", "b", "c", "d"], 2, ", ", "a, b … und 2 weitere"),
])
def test_aufzaehlung(items: list[str], limit: int | None, last: str, text: str) -> None:
    assert word_list(items, limit, last) == text


@pytest.mark.parametrize(("text", "parsed"), [
    ("2024-03-15", (dt.date(2024, 3, 15), dt.date(2024, 3, 15), "tag")),
    ("15.3.2024", (dt.date(2024, 3, 15), dt.date(2024, 3, 15), "tag")),
    ("2024-02", (dt.date(2024, 2, 1), dt.date(2024, 2, 29), "monat")),
    ("12/2024", (dt.date(2024, 12, 1), dt.date(2024, 12, 31), "monat")),
    (" 2024 ", (dt.date(2024, 1, 1), dt.date(2024, 12, 31), "jahr")),
    ("2024-13", None),
    ("März 2024", None),
])
def test_parse_zeitpunkt_text(text: str, parsed: object) -> None:
    assert parse_zeitpunkt_text(text) == parsed


def test_a_day_that_does_not_exist_is_an_error() -> None:
    assert parse_tag("2024") is None
    with pytest.raises(ValueError):
        parse_tag("31.02.2025")


@pytest.mark.parametrize("value", [0, 1, 7, 999, 1000, 51086, 999999, 1234567, 10**12, -1,
                                   -1000, -1234567, True])
def test_whole_numbers_are_written_as_babel_writes_them(value: int) -> None:
    """`zahl` writes whole numbers without babel: exactly babel's German form."""
    from babel.numbers import format_decimal

    from integrationskonzept.text.german import LOCALE, zahl

    assert zahl(value) == format_decimal(int(value), format="#,##0", locale=LOCALE)
    assert zahl(float(value)) == zahl(value)
