"""Monitoring data for the generated Landkreis (``generate.py --monitoring``): report
periods, a history per Maßnahme, Ampeln per Ziel, indicator directions.

Added after the concept is generated, with its own random generator, so the concept
without monitoring stays byte for byte what the other benchmarks measure.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

BERICHTE = [
    {"id": "b-2024", "titel": "Umsetzungsbericht 2024",
     "zeitraum": {"beginn": "2024-01", "ende": "2024-12"}, "stichtag": dt.date(2024, 12, 31)},
    {"id": "b-2025", "titel": "Umsetzungsbericht 2025",
     "zeitraum": {"beginn": "2025-01", "ende": "2025-12"}, "stichtag": dt.date(2025, 9, 30)},
]
SG = "Steuerungsgruppe Integration des Landkreises"
GRUENDE = {
    "grün": "Die Maßnahmen laufen wie geplant; die Indikatoren entwickeln sich zum Ziel.",
    "gelb": "Ein Teil der Maßnahmen ist verzögert; das Ziel ist gefährdet.",
    "rot": "Die zentrale Maßnahme ruht mangels Personal; ohne Gegensteuern wird das Ziel "
           "verfehlt.",
}


def _year(value: Any) -> int:
    return int(str(value)[:4])


def verlauf(m: dict[str, Any], rng: random.Random) -> list[dict[str, Any]]:
    """Two or three dated entries in 2024 and 2025 for a Maßnahme that has begun."""
    beginn = _year(m["zeitraum"]["beginn"])
    if beginn > 2025:
        return []
    status = m["status"]
    out = []
    pct = rng.randint(5, 30)
    for year, month in ((2024, rng.randint(3, 11)), (2025, rng.randint(2, 9))):
        if year < beginn:
            continue
        if status == "umgesetzt" and year == 2025:
            break
        step = "in Umsetzung" if status != "laufend" else "laufend"
        if year == 2025 and rng.random() < 0.12:
            step = "verzögert"
        entry: dict[str, Any] = {"datum": dt.date(year, month, rng.randint(1, 28)),
                                 "status": step, "text": "Stand der Umsetzung (fiktiv)."}
        if step != "laufend":
            entry["fortschritt"] = pct
        out.append(entry)
        pct = min(95, pct + rng.randint(10, 35))
    if status == "umgesetzt":
        out.append({"datum": dt.date(2024, 12, 15), "status": "umgesetzt", "fortschritt": 100,
                    "text": "Abgeschlossen (fiktiv)."})
    out.sort(key=lambda e: e["datum"])
    return out


def add_monitoring(konzept: dict[str, Any], files: dict[str, dict[str, Any]],
                   seed: int) -> None:
    """Add monitoring data to the generated files (in place)."""
    rng = random.Random(seed + 11)
    konzept["berichte"] = BERICHTE
    for data in files.values():
        for ind in data.get("indikatoren", []):
            ind["richtung"] = "steigen"
        for z in data.get("ziele", []):
            ampeln = []
            for bericht, datum in (("b-2024", dt.date(2025, 2, 20)),
                                   ("b-2025", dt.date(2025, 9, 25))):
                farbe = rng.choices(("grün", "gelb", "rot"), (5, 3, 1))[0]
                ampeln.append({"ampel": farbe, "bericht": bericht, "datum": datum,
                               "bewertet_von": SG, "begruendung": GRUENDE[farbe]})
            z["ampel"] = ampeln
        for m in data.get("massnahmen", []):
            entries = verlauf(m, rng)
            if entries:
                m["verlauf"] = entries
                m["status"] = entries[-1]["status"]
            if rng.random() < 0.3:
                m["gewicht"] = rng.choice((1, 2, 3))
