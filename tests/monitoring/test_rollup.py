"""Status from the history, progress rolled up to Ziele and Handlungsfelder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from ik_testing import BASE_INHALT, BASE_KONZEPT, write_concept
from integrationskonzept.model.loader import load_concept
from integrationskonzept.monitoring import (
    faellig,
    handlungsfeld_fortschritt,
    stand_am,
    waehle,
    ziel_fortschritt,
)

BERICHTE = [
    {"id": "b-2023", "zeitraum": {"beginn": "2023-01", "ende": "2023-12"},
     "stichtag": "2023-12-31"},
    {"id": "b-2024", "titel": "Umsetzungsbericht 2024",
     "zeitraum": {"beginn": "2024-01", "ende": "2024-12"}, "stichtag": "2024-02-28"},
]


def massnahme(ident: str, ziel: str = "z-1", **extra: Any) -> dict[str, Any]:
    return {"id": ident, "titel": ident, "ziele": [ziel], "federfuehrung": "gleichstellung",
            "indikatoren": ["i-1"], **extra}


def concept(tmp_path: Path, massnahmen: list[dict[str, Any]], ziele: list[dict[str, Any]] | None
            = None) -> Any:
    inhalt = {**BASE_INHALT, "massnahmen": massnahmen,
              "ziele": ziele or [{"id": "z-1", "titel": "Ziel", "indikatoren": ["i-1"]}]}
    root = write_concept(tmp_path / "k", {"konzept.yaml": {**BASE_KONZEPT, "berichte": BERICHTE},
                                          "inhalt.yaml": inhalt})
    loaded = load_concept(root)
    assert not loaded.problems, loaded.problems
    return loaded.konzept


def test_status_is_the_latest_history_entry_up_to_the_day(tmp_path: Path) -> None:
    k = concept(tmp_path, [massnahme("m-1", status="in Umsetzung", verlauf=[
        {"datum": "2023-03-01", "status": "in Umsetzung", "fortschritt": 20},
        {"datum": "2023-09-01", "status": "verzögert", "text": "Kursleitung fehlt"},
        {"datum": "2024-02-01", "status": "in Umsetzung", "fortschritt": 60}])])
    m = k.massnahmen["m-1"]
    cases = [(dt.date(2023, 1, 1), ("geplant", 0.0)),  # before the history, no start date
             (dt.date(2023, 6, 1), ("in Umsetzung", 20.0)),
             (dt.date(2023, 12, 31), ("verzögert", 20.0)),
             (None, ("in Umsetzung", 60.0))]
    for tag, expected in cases:
        got = stand_am(m, tag)
        assert (got.status, got.fortschritt) == expected


@pytest.mark.parametrize(("gewichte", "expected"), [
    ((None, None, None), (100 + 50 + 0) / 3),
    ((3, 1, None), (300 + 50 + 0) / 5),
])
def test_ziel_progress_weighted_else_averaged(tmp_path: Path, gewichte: tuple[Any, ...],
                                              expected: float) -> None:
    specs = [("umgesetzt", None), ("in Umsetzung", 50), ("geplant", None)]
    ms = []
    for i, ((status, pct), gewicht) in enumerate(zip(specs, gewichte, strict=True)):
        entry: dict[str, Any] = {"datum": "2024-01-15", "status": status}
        if pct is not None:
            entry["fortschritt"] = pct
        extra = {"gewicht": gewicht} if gewicht is not None else {}
        ms.append(massnahme(f"m-{i}", verlauf=[entry], **extra))
    ms.append(massnahme("m-weg", verlauf=[{"datum": "2024-01-15", "status": "entfallen"}]))
    ms.append(massnahme("m-unklar", status="laufend"))
    k = concept(tmp_path, ms)
    got = ziel_fortschritt(k, "z-1")
    assert got.wert == pytest.approx(expected)
    assert (got.gezaehlt, got.unbekannt) == (3, 1)


def test_handlungsfeld_progress_is_the_mean_of_its_ziele(tmp_path: Path) -> None:
    k = concept(tmp_path, [
        massnahme("m-a", "z-1", status="umgesetzt"),
        massnahme("m-b", "z-2", verlauf=[{"datum": "2024-01-10", "status": "in Umsetzung",
                                          "fortschritt": 40}])],
        ziele=[{"id": "z-1", "titel": "Eins", "indikatoren": ["i-1"]},
               {"id": "z-2", "titel": "Zwei", "indikatoren": ["i-1"]},
               {"id": "z-3", "titel": "Ohne", "indikatoren": ["i-1"]}])
    got = handlungsfeld_fortschritt(k, "bildung")
    assert (got.wert, got.gezaehlt, got.unbekannt) == (70.0, 2, 1)


def test_due_overdue_and_stale_for_a_period(tmp_path: Path) -> None:
    k = concept(tmp_path, [
        massnahme("m-over", zeitraum={"beginn": "2023", "ende": "2023-06"},
                  verlauf=[{"datum": "2024-01-10", "status": "in Umsetzung"}]),
        massnahme("m-stale", zeitraum={"beginn": "2023"},
                  verlauf=[{"datum": "2023-05-01", "status": "in Umsetzung"}]),
        massnahme("m-done", zeitraum={"beginn": "2023", "ende": "2023-06"},
                  verlauf=[{"datum": "2023-06-30", "status": "umgesetzt"}]),
        massnahme("m-later", zeitraum={"beginn": "2026"})],
        ziele=[{"id": "z-1", "titel": "Eins", "indikatoren": ["i-1"],
                "ampel": {"ampel": "grün", "begruendung": "gut", "bericht": "b-2024"}},
               {"id": "z-2", "titel": "Zwei", "indikatoren": ["i-1"]}])
    periode, vorher = waehle(k)
    assert (periode.id, vorher and vorher.id) == ("b-2024", "b-2023")
    due = faellig(k, periode)
    assert due.ueberfaellig == ["m-over"]
    assert due.ohne_aktualisierung == ["m-stale"]
    assert due.ziele_ohne_ampel == ["z-2"]


@pytest.mark.parametrize(("option", "expected"), [
    ({}, ("b-2024", "2024-01-01", "2024-02-28")),
    ({"jahr": 2023}, ("b-2023", "2023-01-01", "2023-12-31")),
    ({"stichtag": dt.date(2023, 12, 31)}, ("b-2023", "2023-01-01", "2023-12-31")),
    ({"jahr": 2022}, ("", "2022-01-01", "2022-12-31")),
])
def test_choosing_the_period(tmp_path: Path, option: dict[str, Any],
                             expected: tuple[str, str, str]) -> None:
    k = concept(tmp_path, [massnahme("m-1")])
    p, _ = waehle(k, **option)
    assert (p.id, p.beginn.isoformat(), p.stichtag.isoformat()) == expected
