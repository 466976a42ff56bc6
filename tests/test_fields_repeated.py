"""Values written many times (a Landkreis repeats the same years and counts thousands of
times) are read once and shared: a repeated text gives the same value, a wrong one the same
message every time, and values that differ only in how they were written stay apart."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from integrationskonzept.model.fielddates import ZeitpunktT
from integrationskonzept.model.fieldnumbers import AnzahlT
from integrationskonzept.model.fields import Text


def _message(adapter: TypeAdapter[object], value: object) -> str:
    with pytest.raises(ValidationError) as caught:
        adapter.validate_python(value)
    return str(caught.value.errors(include_url=False)[0]["msg"])


@pytest.mark.parametrize("text", ["2024", "2024-03", "2023/24", "2024, vorläufig"])
def test_a_repeated_date_is_the_same_value(text: str) -> None:
    adapter = TypeAdapter(ZeitpunktT)
    first, again = adapter.validate_python(text), adapter.validate_python(text)
    assert first == again
    assert str(again) == text


@pytest.mark.parametrize(("good", "bad", "message"), [
    ("2024-02-28", "2024-02-30", "„2024-02-30“ ist kein gültiges Datum"),
    ("2024", "9999", "„9999“ liegt nicht zwischen 1900 und 2200"),
])
def test_a_wrong_date_is_reported_every_time(good: str, bad: str, message: str) -> None:
    adapter = TypeAdapter(ZeitpunktT)
    adapter.validate_python(good)
    assert _message(adapter, bad) == message
    assert _message(adapter, bad) == message  # not remembered as if it had been read


def test_counts_written_differently_stay_apart() -> None:
    adapter = TypeAdapter(AnzahlT)
    plain, about, number = (adapter.validate_python(v) for v in ("80", "ca. 80", 80))
    assert [str(plain), str(about), str(number)] == ["80", "ca. 80", "80"]
    assert adapter.validate_python("ca. 80").qualifier == "ca."  # type: ignore[attr-defined]
    assert _message(adapter, "1.200").startswith("erwartet eine ganze Zahl, gefunden „1.200“")
    assert _message(adapter, "1.200") == _message(adapter, "1.200")


@pytest.mark.parametrize(("value", "kind"), [
    ("", "string_too_short"), (5, "string_type"), (None, "string_type"),
    ("x" * 5001, "ik_text_length"), ("x" * 5000, None),
])
def test_text_checks_type_length_then_emptiness(value: object, kind: str | None) -> None:
    adapter = TypeAdapter(Text)
    if kind is None:
        assert adapter.validate_python(value) == value
        return
    with pytest.raises(ValidationError) as caught:
        adapter.validate_python(value)
    errors = caught.value.errors(include_url=False)
    assert [e["type"] for e in errors] == [kind]
