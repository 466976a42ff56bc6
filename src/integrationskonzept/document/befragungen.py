"""Survey results in the Beteiligung chapter: per question a bar chart and a table.

Charts come from :func:`~.figures.chart_data` (key ``befragung-<id>-<code>``); the tables
carry the same numbers, so the figures are readable without the picture. Free texts
are only counted (they may hold personal data).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model.concept import Konzept
from ..text import german
from .markdown import Md, escape
from .parts import Abbildung, Tabelle

CHART_TYPES = ("einfach", "mehrfach", "janein")


@dataclass(frozen=True)
class Ergebnis:
    """One question of a survey as the document shows it."""

    titel: str  # "Frage Q1: In welchem Ortsteil wohnen Sie?"
    text: str  # n gültig / n gesamt, mean and median, or the free-text count
    abbildung: Abbildung | None
    tabelle: Tabelle | None


def chart_key(befragung: str, frage: str) -> str:
    return f"befragung-{befragung}-{frage}"


def chart_specs(konzept: Konzept) -> dict[str, tuple[str, tuple[Any, ...], dict[str, Any]]]:
    """Bar charts of the single- and multiple-choice questions, as chart_data entries."""
    out: dict[str, tuple[str, tuple[Any, ...], dict[str, Any]]] = {}
    for b in konzept.befragungen.values():
        for f in b.fragen:
            if f.typ in CHART_TYPES and f.optionen:
                out[chart_key(b.id, f.code)] = ("bar_chart", (
                    [o.text for o in f.optionen], [o.anzahl for o in f.optionen],
                    f"{b.titel}: {f.text}"), {"unit": "Nennungen"})
    return out


def _anteil(n: int, total: int) -> str:
    return german.prozent(100 * n / total) if total else "–"


def _zahl(value: float) -> str:
    return german.zahl(value)


def ergebnisse(konzept: Konzept, charts: dict[str, Abbildung]) -> dict[str, list[Ergebnis]]:
    """Per Befragung id: its recorded questions, in survey order."""
    out: dict[str, list[Ergebnis]] = {}
    for b in konzept.befragungen.values():
        items = []
        for f in b.fragen:
            n = f"n = {_zahl(f.gueltig)} gültige von {_zahl(f.gesamt)} Antworten"
            anchor = f"tbl-{b.id}-{f.code}".lower()
            tabelle = None
            text = n + "."
            if f.typ in CHART_TYPES and f.optionen:
                rows = [[escape(o.text), escape(_zahl(o.anzahl)),
                         escape(_anteil(o.anzahl, f.gueltig))] for o in f.optionen]
                tabelle = Tabelle(anchor, f"{f.text} ({n})", ["Antwort", "Nennungen", "Anteil"],
                                  rows)
                if f.typ == "mehrfach":
                    text = n + "; Mehrfachnennungen möglich, Anteile an den gültigen Antworten."
            elif f.typ == "matrix" and f.teilfragen:
                kopf = [o.text for o in f.teilfragen[0].optionen]
                rows = [[escape(t.text)] + [escape(_zahl(o.anzahl)) for o in t.optionen]
                        + [escape(_zahl(t.gueltig))] for t in f.teilfragen]
                tabelle = Tabelle(anchor, f"{f.text} ({n})", ["Teilfrage", *kopf, "gültig"], rows,
                                  quer=len(kopf) > 5)
            elif f.typ == "zahl" and f.mittelwert is not None:
                text = f"{n}; Mittelwert {_zahl(f.mittelwert)}, Median {_zahl(f.median or 0)}."
            elif f.typ == "freitext":
                text = (f"{_zahl(f.gueltig)} Freitextantworten von {_zahl(f.gesamt)}; "
                        "die Texte werden nicht veröffentlicht.")
            items.append(Ergebnis(f"Frage {f.code}: {f.text}", text,
                                  charts.get(chart_key(b.id, f.code)), tabelle))
        if items:
            out[b.id] = items
    return out


__all__ = ["Ergebnis", "Md", "chart_specs", "ergebnisse"]
