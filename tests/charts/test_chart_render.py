"""Each chart compiles to SVG and PNG, deterministically, and carries its alt text."""

from __future__ import annotations

import struct

import pytest
from chart_cases import SMALL

from integrationskonzept.charts import Chart, ChartStyle, bar_chart
from integrationskonzept.charts.base import PAGE_WIDTH_PT
from integrationskonzept.errors import RenderError
from integrationskonzept.render.charts import chart_png, chart_svg, chart_warnings, render_chart


@pytest.fixture(autouse=True)
def _compiled_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about typst compiling: no chart from ik's cache (test_chartcache)."""
    monkeypatch.setenv("IK_CACHE", "0")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("name", sorted(SMALL))
def test_compiles_to_svg_and_png(name: str) -> None:
    chart = SMALL[name]()
    svg = chart_svg(chart)
    assert svg.startswith(b"<svg") and svg.rstrip().endswith(b"</svg>")
    assert b'role="img"' in svg and b"<title>" in svg
    width, height = png_size(chart_png(chart, ppi=200))
    assert width == round((PAGE_WIDTH_PT + 12) / 72 * 200)
    assert 100 < height < 4000
    assert chart_warnings(chart) == ()
    assert chart.alt and chart.caption and chart.table[1]


@pytest.mark.parametrize("name", sorted(SMALL))
def test_same_input_same_bytes(name: str) -> None:
    first, second = SMALL[name](), SMALL[name]()
    assert first.typst_source == second.typst_source
    assert chart_svg(first) == chart_svg(second)
    assert chart_png(first, ppi=96) == chart_png(second, ppi=96)
    assert render_chart(first, "pdf")[0] == render_chart(second, "pdf")[0]


def test_svg_carries_alt_text_as_label() -> None:
    # typst writes glyphs as outlines: the words are only in title and aria-label
    svg = chart_svg(SMALL["balken"]()).decode()
    assert "Kernstadt 25.600" in svg.split("</title>")[0]
    assert 'aria-label="Balkendiagramm: Einwohner je Ortsteil; Kernstadt 25.600' in svg


def test_png_resolution_follows_ppi() -> None:
    chart = SMALL["balken"]()
    assert png_size(chart_png(chart, ppi=144))[0] * 2 == png_size(chart_png(chart, ppi=288))[0]


def test_design_font_and_colours_are_used_and_checked() -> None:
    style = ChartStyle(schrift="Keine Solche Schrift", primaer="#AA0000")
    chart = bar_chart(["A"], [1], "T", style=style)
    assert 'rgb("#AA0000")' in chart.typst_source
    assert any("Schrift" in w for w in chart_warnings(chart))
    evil = ChartStyle(schrift='X", fill: red) #panic("x', primaer='red"); #panic("x')
    chart = bar_chart(["A"], [1], "T", style=evil)
    assert "panic" not in chart.typst_source
    assert chart_svg(chart)


def test_template_override_may_not_load_packages(tmp_path) -> None:
    (tmp_path / "balken.typ").write_text('#import "@preview/cetz:0.3.0"\n', encoding="utf-8")
    chart_style = ChartStyle(template_dirs=(tmp_path,))
    with pytest.raises(RenderError, match="nicht erlaubt"):
        bar_chart(["A"], [1], "T", style=chart_style)


def test_compile_error_is_a_render_error(tmp_path) -> None:
    (tmp_path / "balken.typ").write_text("#let diagramm(d, stil) = {\n", encoding="utf-8")
    chart = bar_chart(["A"], [1], "Einwohner", style=ChartStyle(template_dirs=(tmp_path,)))
    with pytest.raises(RenderError, match="Einwohner"):
        chart_svg(chart)


def test_chart_is_a_value() -> None:
    a, b = SMALL["balken"](), SMALL["balken"]()
    chart_svg(a)
    assert a == b and isinstance(a, Chart)


def test_svg_embeds_in_a_tagged_pdf(tmp_path) -> None:
    """The way the PDF uses a chart: image(svg, alt) in a PDF/UA-1 document."""
    import fontpkg_source_sans_3
    import typst

    chart = SMALL["akteure"]()
    (tmp_path / "akteure.svg").write_bytes(chart_svg(chart))
    alt = chart.alt.replace("\\", "\\\\").replace('"', '\\"')
    (tmp_path / "main.typ").write_text(
        '#set document(title: "Test")\n#set text(lang: "de", font: "Source Sans 3")\n'
        f'= Akteure\n#figure(image("akteure.svg", alt: "{alt}"), caption: [Karte])\n',
        encoding="utf-8")
    pdf = typst.compile(str(tmp_path / "main.typ"), root=str(tmp_path), format="pdf",
                        pdf_standards=["ua-1"], ignore_system_fonts=True, timestamp=0,
                        font_paths=[str(fontpkg_source_sans_3.ROOT / "files")])
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_same_bytes_across_processes() -> None:
    """No dependence on hash seeds or process state (set/dict order, ids)."""
    import hashlib
    import os
    import subprocess
    import sys
    from pathlib import Path

    here = Path(__file__).parent
    script = ("import hashlib\nfrom chart_cases import SMALL\n"
              "from integrationskonzept.render.charts import chart_svg\n"
              "print(hashlib.sha256(b''.join(chart_svg(SMALL[k]()) for k in sorted(SMALL)))"
              ".hexdigest())")
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed,
               "PYTHONPATH": os.pathsep.join([str(here), *sys.path])}
        digests.add(subprocess.run([sys.executable, "-c", script], env=env, check=True,
                                   capture_output=True, text=True).stdout)
    assert len(digests) == 1
    assert hashlib.sha256(b"".join(chart_svg(SMALL[k]()) for k in sorted(SMALL))).hexdigest() in {
        d.strip() for d in digests}


def test_charts_compile_in_a_limited_child(monkeypatch: pytest.MonkeyPatch) -> None:
    """A chart that exhausts the memory limit fails alone, with a German message; the
    charts after it in the same build still compile, and the main process stays small."""
    from integrationskonzept.render.charts import Gesetzt, compile_charts

    monkeypatch.setenv("IK_SPEICHERLIMIT", "400")
    greedy = Chart("test", "#let a = range(200000000)\n#a.len()", "alt", "Zu gierig")
    good = SMALL["balken"]()
    results = compile_charts([good, greedy, good], ("svg",))
    assert isinstance(results[0], Gesetzt) and results[0].data["svg"].startswith(b"<svg")
    assert isinstance(results[1], RenderError)
    assert "Das Diagramm „Zu gierig“ konnte nicht gesetzt werden" in results[1].message
    assert "IK_SPEICHERLIMIT" in results[1].message
    assert isinstance(results[2], Gesetzt) and results[2].data == results[0].data


def test_chart_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IK_ZEITLIMIT", "0.001")
    with pytest.raises(RenderError, match="nach 0 Sekunden nicht fertig"):
        chart_svg(SMALL["balken"]())
