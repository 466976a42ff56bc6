"""Values from other hands: implausible dates, control characters, ids by case."""

from __future__ import annotations

import pytest

from integrationskonzept.checks.runner import validate

M = {"id": "m-1", "titel": "Sprachcafé", "ziele": ["z-1"], "federfuehrung": "gleichstellung",
     "indikatoren": ["i-1"]}


def problems(root):  # type: ignore[no-untyped-def]
    return [(p.location.file, p.location.line, p.code, p.message)
            for p in validate(root).problems if p.severity.label == "Fehler"]


@pytest.mark.parametrize(("zeitraum", "shown"), [
    ({"beginn": "2024", "ende": "9999-12-31"}, "9999-12-31"),
    ({"beginn": "2024", "ende": "9999-12"}, "9999-12"),
    ({"beginn": "0001", "ende": "2025"}, "0001"),
    ({"beginn": "2024", "ende": "31.12.9999"}, "31.12.9999"),
])
def test_implausible_dates_are_located_german_errors(concept, zeitraum, shown) -> None:
    root = concept(inhalt={"massnahmen": [dict(M, zeitraum=zeitraum)]})
    found = problems(root)
    assert [(f, c) for f, _line, c, _m in found] == [("bildung.yaml", "IK103")], found
    message = found[0][3]
    assert f"„{shown}“ liegt nicht zwischen 1900 und 2200" in message
    assert "Value error" not in message and "out of range" not in message


@pytest.mark.slow
def test_extreme_but_valid_dates_build(concept, tmp_path) -> None:
    from integrationskonzept.render.build import build

    root = concept(inhalt={"massnahmen": [dict(M, zeitraum={"beginn": "1900",
                                                            "ende": "2200-12-31"})]})
    result = build(root, ["html"], out=tmp_path / "out")
    assert result.ok, result.error
