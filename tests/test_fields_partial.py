"""Partial and approximate facts as written: qualified numbers, month/year/school-year
dates, tentative ends, periods as text. Each case: what the author wrote → what `ik` reads."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import TypeAdapter, ValidationError

from integrationskonzept.model.fielddates import ZeitpunktT
from integrationskonzept.model.fieldnumbers import AnzahlT, MengeT
from integrationskonzept.model.items import Zeitraum

ANZAHL = [("80", 80, ""), ("ca. 80", 80, "ca."), ("rund 1.200", 1200, "rund"),
          ("über 40", 40, "über"), ("mehr als 12", 12, "mehr als"), (7, 7, "")]
MENGE = [("21,5", 21.5, ""), ("über 40 %", 40.0, "über"), ("ca. 1.200,5", 1200.5, "ca."),
         (12, 12.0, ""), ("~ 3", 3.0, "~")]
ZEITPUNKT = [
    ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31), "2024"),
    ("2009-11", dt.date(2009, 11, 1), dt.date(2009, 11, 30), "November 2009"),
    ("2003/04", dt.date(2003, 1, 1), dt.date(2004, 12, 31), "2003/04"),
    ("2024, vorläufig", dt.date(2024, 1, 1), dt.date(2024, 12, 31), "2024 (vorläufig)"),
    ("17.08.2017", dt.date(2017, 8, 17), dt.date(2017, 8, 17), "17. August 2017"),
]
ZEITRAUM = [("2016–2020", "2016", "2020"), ("2016 bis 2020", "2016", "2020"),
            ("2016-2020", "2016", "2020"), ("ab 2021", "2021", None),
            ("bis 2025-06", None, "2025-06"), ("2019", "2019", "2019")]
NOT_A_COUNT = ["ca. achtzig", "1.200", "-3", "ca. 2,5"]
NOT_A_DATE = ["2003/05", "irgendwann", "2024, bald"]


@pytest.mark.parametrize(("text", "value", "qualifier"), ANZAHL)
def test_counts_keep_their_qualifier(text: object, value: int, qualifier: str) -> None:
    got = TypeAdapter(AnzahlT).validate_python(text)
    assert (int(got), got.qualifier) == (value, qualifier)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "value", "qualifier"), MENGE)
def test_amounts_keep_their_qualifier(text: object, value: float, qualifier: str) -> None:
    got = TypeAdapter(MengeT).validate_python(text)
    assert (float(got), got.qualifier) == (value, qualifier)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "first", "last", "words"), ZEITPUNKT)
def test_points_as_precise_as_written(text: str, first: dt.date, last: dt.date,
                                      words: str) -> None:
    got = TypeAdapter(ZeitpunktT).validate_python(text)
    assert (got.first, got.last, got.lang) == (first, last, words)


@pytest.mark.parametrize(("text", "beginn", "ende"), ZEITRAUM)
def test_periods_as_text(text: str, beginn: str | None, ende: str | None) -> None:
    z = Zeitraum.model_validate(text)
    assert (z.beginn and z.beginn.text, z.ende and z.ende.text) == (beginn, ende)


@pytest.mark.parametrize("text", NOT_A_COUNT)
def test_what_is_no_count(text: str) -> None:
    with pytest.raises(ValidationError) as err:
        TypeAdapter(AnzahlT).validate_python(text)
    assert "erwartet" in str(err.value)


@pytest.mark.parametrize("text", NOT_A_DATE)
def test_what_is_no_date(text: str) -> None:
    with pytest.raises(ValidationError) as err:
        TypeAdapter(ZeitpunktT).validate_python(text)
    assert "Schul-/Haushaltsjahr" in str(err.value)


def test_points_order_by_their_period() -> None:
    read = TypeAdapter(ZeitpunktT).validate_python
    assert sorted([read("2025"), read("2024-03"), read("2003/04")]) == [
        read("2003/04"), read("2024-03"), read("2025")]
