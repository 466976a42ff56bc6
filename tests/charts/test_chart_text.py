"""User text stays text: escaping, German numbers, alt text, captions and caps."""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest
import typst
from chart_cases import actors, measures
from hypothesis import given, settings
from hypothesis import strategies as st

from integrationskonzept.charts import (
    actor_map,
    bar_chart,
    coverage_heatmap,
    measure_timeline,
    prozent,
    typst_string,
    zahl,
)
from integrationskonzept.charts.timeline import point
from integrationskonzept.render.charts import chart_png, chart_svg
from integrationskonzept.text.german import zahl as babel_zahl

HOSTILE = [
    'Verein "Zukunft" e. V.',
    "Back\\slash \\\" und \\u{41}",
    "#panic(\"boom\")",
    "$x^2$ kostet 5 $",
    "*fett* _kursiv_ `code`",
    "[Link](https://x.de) ] [",
    "} ) ] // Kommentar /* offen",
    'Ende"); #panic("x") //',
    "Zeile 1\nZeile 2\r\tTab",
    "Akteur*innen & Migrant*innen",
    "<script>alert(1)</script>",
    "مركز الجالية",
    "@preview/cetz #import \"@preview/x:0.1.0\"",
]


def roundtrip(value: str) -> str:
    source = f"#let s = {typst_string(value)}\n#metadata(s) <wert>\n"
    return json.loads(typst.query(source.encode(), "<wert>", field="value", one=True))


@pytest.mark.parametrize("text", HOSTILE)
def test_typst_string_roundtrips(text: str) -> None:
    assert roundtrip(text) == text


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=40))
def test_typst_string_roundtrips_any_text(text: str) -> None:
    assert roundtrip(text) == text


def test_control_characters_and_surrogates_are_defused() -> None:
    assert roundtrip("a\x00b\x07c\u2028d") == "ab\x07c\u2028d"
    assert roundtrip("x\ud800y") == "x\ufffdy"


@pytest.mark.parametrize("make", [
    lambda names: bar_chart(names, list(range(1, len(names) + 1)), "Hostil"),
    lambda names: coverage_heatmap(names, names[:4], [[50] * 4] * len(names), "Hostil"),
    lambda names: measure_timeline([{"titel": n, "beginn": "2024", "handlungsfeld": n,
                                     "status": "laufend"} for n in names], "Hostil"),
    lambda names: actor_map(actors(len(names), names=names), "Hostil"),
], ids=["balken", "heatmap", "zeitleiste", "akteure"])
def test_hostile_names_stay_text(make) -> None:
    chart = make(HOSTILE)
    assert b"<svg" in chart_svg(chart)  # compiles: nothing was executed or broken
    assert chart_png(chart, ppi=72)
    assert "Verein \"Zukunft\" e. V." in chart.alt
    assert "#panic(\"boom\")" in chart.alt
    # every hostile string sits inside an escaped literal: no bare typst call survives
    code = chart.typst_source.split("#let daten = ", 1)[1]
    assert "#panic(\"boom\")" not in code and '\\"boom\\"' in code


NUMBERS = [(51086, 0, "51.086"), (21.5, 1, "21,5"), (1234567.891, 2, "1.234.567,89"),
           (0, 0, "0"), (-120.5, 1, "-120,5"), (-0.01, 1, "0,0"), (999.5, 0, "1.000")]


@pytest.mark.parametrize(("value", "digits", "text"), NUMBERS)
def test_german_numbers(value: float, digits: int, text: str) -> None:
    assert zahl(value, digits) == text
    if value != -0.01:
        assert zahl(value, digits) == babel_zahl(value, digits)


def test_percent_has_no_break_space() -> None:
    assert prozent(75) == "75\u00a0%"


PERIODS = [("2024", False, 2024.0, "2024"), ("2024", True, 2025.0, "2024"),
           ("2024-03", False, 2024 + 2 / 12, "03/2024"), ("03/2024", True, 2024.25, "03/2024"),
           ("15.03.2024", False, None, "15.03.2024"), (dt.date(2024, 1, 1), False, 2024.0,
                                                       "01.01.2024"),
           (2030, False, 2030.0, "2030"), ("bald", False, None, None), ("2024-13", False, None,
                                                                          None)]


@pytest.mark.parametrize(("value", "end", "year", "text"), PERIODS)
def test_periods(value, end, year, text) -> None:
    result = point(value, end)
    if text is None:
        assert result is None
        return
    assert result is not None and result[1] == text
    if year is not None:
        assert result[0] == pytest.approx(year)


def test_alt_texts_name_the_numbers() -> None:
    bars = bar_chart(["Kernstadt", "Vöhrum"], [25600, 6100], "Einwohner je Ortsteil")
    assert bars.alt == "Balkendiagramm: Einwohner je Ortsteil; Kernstadt 25.600, Vöhrum 6.100."
    heat = coverage_heatmap(["Sprache", "Arbeit"], ["Kernstadt", "Vöhrum"], [[75, None],
                                                                              [None, 50]],
                            "Abdeckung")
    assert "Sprache: Kernstadt 75\u00a0%, Vöhrum –" in heat.alt
    line = measure_timeline([{"titel": "Sprachcafé", "beginn": "2024-03",
                              "handlungsfeld": "Bildung", "status": "laufend"}], "Zeit")
    assert "Sprachcafé ab 03/2024, Ende offen (laufend)" in line.alt
    amap = actor_map([{"id": "a", "name": "Stadt", "typ": "Verwaltung", "einfluss": "hoch",
                       "beziehungen": [{"zu": "b", "art": "Förderung", "thema": "Geld"}]},
                      {"id": "b", "name": "Verein", "typ": "Zivilgesellschaft"}], "Karte")
    assert "Stadt (Einfluss hoch)" in amap.alt
    assert "Förderung: Stadt → Verein (Thema: Geld)" in amap.alt


def test_caps_are_stated_in_caption_and_alt() -> None:
    bars = bar_chart([f"O{i}" for i in range(50)], list(range(50)), "Einwohner", sort=True)
    assert "die größten 30 von 50 Werten dargestellt" in bars.caption
    assert "30 von 50" in bars.alt and bars.typst_source.count('"O') == 30
    heat = coverage_heatmap([f"H{i}" for i in range(30)], ["A"], [[1]] * 30, "Abdeckung")
    assert "die ersten 25 von 30 Handlungsfeldern dargestellt" in heat.caption
    amap = actor_map(actors(90), "Karte")
    assert "80 am stärksten vernetzten von 90" in amap.caption
    line = measure_timeline(measures(1000), "Maßnahmen")
    assert "1000 Maßnahmen: Anzahl laufender Maßnahmen je Handlungsfeld und Jahr" in line.caption
    assert line.alt.startswith("Zeitleiste als Heatmap: Maßnahmen (Handlungsfeld / Jahr; Werte: "
                               "laufende Maßnahmen). Je Zeile: ")


def test_timeline_counts_undated_and_open_ends() -> None:
    line = measure_timeline([{"titel": "A", "beginn": "2024"}, {"titel": "B"},
                             {"titel": "C", "ende": "2025"}], "Zeit")
    assert "2 Maßnahmen ohne Beginn nicht dargestellt" in line.caption
    assert "offen-ende: true" in line.typst_source
    assert line.table[1] == (("ohne Handlungsfeld", "A", "2024", "offen", "geplant"),)


def test_empty_inputs_still_compile() -> None:
    for chart in (bar_chart([], [], "Leer"), coverage_heatmap([], [], [], "Leer"),
                  measure_timeline([], "Leer", years=(2024, 2026)), actor_map([], "Leer")):
        assert chart_svg(chart) and chart.alt


def test_bad_numbers_are_no_traceback() -> None:
    bars = bar_chart(["a", "b", "c"], [float("nan"), "x", None], "Leer")  # type: ignore[list-item]
    assert "a keine Angabe" in bars.alt and chart_svg(bars)
    heat = coverage_heatmap(["a", "d"], ["b", "c"], [[float("inf"), 250], [10, None]], "H")
    assert "a: b –, c 100\u00a0%" in heat.alt and chart_svg(heat)


def test_heatmap_leaves_out_empty_rows_and_columns_and_shows_every_sozialraum() -> None:
    heat = coverage_heatmap(["Sprache", "Sport"], ["Kernstadt", "Vöhrum", "Stederdorf"],
                            [[75, None, 20], [None, None, None]], "Abdeckung")
    assert "Sport" not in heat.alt and "Vöhrum" not in heat.alt
    assert heat.table[0] == ("Handlungsfeld / Sozialraum", "Kernstadt", "Stederdorf")
    orte = [f"Ort {i}" for i in range(17)]
    wide = coverage_heatmap(["Sprache", "Arbeit"], orte, [[50] * 17, [25] * 17], "Abdeckung")
    assert "dargestellt" not in wide.caption  # all 17, the matrix turned
    assert [row[0] for row in wide.table[1]] == orte
    assert wide.table[0] == ("Sozialraum / Handlungsfeld", "Sprache", "Arbeit")


def test_timeline_keeps_concept_order_numbers_and_status_text() -> None:
    line = measure_timeline([
        {"nummer": "M 6.1", "titel": "Spät", "beginn": "2026", "ende": "2027",
         "handlungsfeld": "Bildung", "status": "geplant"},
        {"nummer": "M 6.2", "titel": "Früh", "beginn": "2020", "ende": "2021",
         "handlungsfeld": "Bildung", "status": "umgesetzt"}], "Zeit", stand="2024-06-30")
    source = line.typst_source
    assert source.index('"M 6.1 Spät"') < source.index('"M 6.2 Früh"')
    assert 'status: "geplant"' in source and 'status: "umgesetzt"' in source


def test_chart_text_is_at_least_8_pt() -> None:
    import re

    amap = actor_map(actors(42), "Karte")
    heat = coverage_heatmap(["Sprache"], ["Kernstadt"], [[75]], "Abdeckung")
    line = measure_timeline(measures(5), "Maßnahmen")
    bars = bar_chart(["Kernstadt", "Vöhrum"], [25600, 6100], "Einwohner")
    for chart in (amap, heat, line, bars):
        sizes = [float(x) for x in re.findall(r"size: ([\d.]+)pt", chart.typst_source)]
        sizes += [float(x) for x in re.findall(r"schrift: ([\d.]+)pt", chart.typst_source)]
        assert sizes and min(sizes) >= 8, chart.kind
    assert "dargestellt" not in amap.caption  # all 42 actors


def _labels(source: str) -> list[dict]:
    """The actor labels of an Akteurslandkarte's typst source: lines, anchor, angle."""
    import re

    out = []
    for m in re.finditer(r'zeilen: \(((?:"[^"]*"(?:, )?)+),?\), hoehe: ([\d.]+)pt, '
                         r'halb: [\d.]+pt, winkel: (-?[\d.]+), links: (true|false), '
                         r'lx: (-?[\d.]+)pt, ly: (-?[\d.]+)pt', source):
        lines = re.findall(r'"([^"]*)"', m[1])
        angle = math.radians(float(m[3]) - (180 if m[4] == "true" else 0))
        out.append({"lines": lines, "height": float(m[2]) - 4, "angle": angle,
                    "x": float(m[5]), "y": float(m[6]),
                    "length": max(len(line) for line in lines) * 8 * 0.56})
    return out


def _overlapping(labels: list[dict]) -> list[tuple[str, str]]:
    """Pairs of radial labels closer than half their heights (sampled along each text)."""
    def points(label: dict) -> list[tuple[float, float]]:
        steps = int(label["length"] // 2) + 1
        return [(label["x"] + 2 * i * math.cos(label["angle"]),
                 label["y"] + 2 * i * math.sin(label["angle"])) for i in range(steps)]

    sampled = [points(label) for label in labels]
    bad = []
    for i, one in enumerate(labels):
        for j in range(i + 1, len(labels)):
            two = labels[j]
            need = (one["height"] + two["height"]) / 2
            if any(math.dist(p, q) < need for p in sampled[i] for q in sampled[j]):
                bad.append((" ".join(one["lines"]), " ".join(two["lines"])))
    return bad


@pytest.mark.parametrize("example", ["peine", "lehrte"])
def test_actor_map_wraps_long_names_without_overlap(example: str) -> None:
    import re
    from pathlib import Path

    from integrationskonzept.document.figures import chart_data
    from integrationskonzept.gaps import find_gaps
    from integrationskonzept.model.loader import load_concept

    konzept = load_concept(Path(__file__).parents[2] / "examples" / example).konzept
    func, args, kwargs = chart_data(konzept, find_gaps(konzept))["akteure"]
    labels = _labels(actor_map(*args, **kwargs).typst_source)
    assert len(labels) == len(konzept.akteure)
    assert _overlapping(labels) == []
    assert max(len(label["lines"]) for label in labels) in (2, 3, 4)  # long names wrap
    # every name whole: the ring gives crowded sides the room their labels need
    assert [label["lines"] for label in labels if label["lines"][-1].endswith("…")] == []
    assert any(len(label["lines"]) > 1 for label in labels)
    source = actor_map(*args, **kwargs).typst_source
    width = float(re.search(r"breite: ([\d.]+)pt", source)[1])
    height = float(re.search(r"hoehe: ([\d.]+)pt", source)[1])
    assert width <= 453 and height <= 680, (width, height)  # on an A4 page at 8 pt


def test_long_actor_names_are_wrapped_whole() -> None:
    names = ["Koordinierungsstelle Migration und Teilhabe der Region",
             "Verein russischsprachiger Familien e. V.", "Jobcenter"]
    labels = _labels(actor_map(actors(20, names=names), "Karte").typst_source)
    assert sorted(" ".join(label["lines"]).replace("\u00a0", " ") for label in labels) == \
        sorted(f"{names[i % len(names)]} {i}" for i in range(20))
    assert _overlapping(labels) == []


def test_crowded_ring_grows_taller_instead_of_cutting_names() -> None:
    import re

    names = ["Koordinierungsstelle Migration und Teilhabe der Region",
             "Ausschuss für Soziales, Gleichstellung und Integration", "Jobcenter"]
    source = actor_map(actors(30, names=names), "Karte").typst_source
    labels = _labels(source)
    assert len(labels) == 30
    assert [label["lines"] for label in labels if label["lines"][-1].endswith("…")] == []
    assert _overlapping(labels) == []
    width = float(re.search(r"breite: ([\d.]+)pt", source)[1])
    height = float(re.search(r"hoehe: ([\d.]+)pt", source)[1])
    assert width <= 453 and width < height <= 680, (width, height)
