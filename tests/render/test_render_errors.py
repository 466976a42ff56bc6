"""Failures become a RenderError with a German message, never a traceback or half a file."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest
from render_helpers import SAMPLE, run

from integrationskonzept.render import RenderError, default_design


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"formats": ["pdf", "rtf"]}, "Unbekanntes Ausgabeformat »rtf«"),
        ({"formats": []}, "Kein Ausgabeformat"),
        ({"assets": {"../x.png": b""}}, "Ungültiger Name einer Bilddatei"),
        ({"assets": {"/etc/x.png": b""}}, "Ungültiger Name einer Bilddatei"),
        ({"assets": {"main.typ": b""}}, "Ungültiger Name einer Bilddatei"),
        ({"basename": "../x"}, "Ungültiger Dateiname"),
    ],
)
def test_bad_arguments(tmp_path: Path, kwargs: dict, message: str) -> None:
    kwargs.setdefault("formats", ["md"])
    with pytest.raises(RenderError, match=message):
        run(SAMPLE, tmp_path, **kwargs)


def test_broken_theme_is_a_german_error_and_leaves_no_file(tmp_path: Path) -> None:
    theme = tmp_path / "theme.typ"
    theme.write_text("#let konzept(..args, body) = { undefiniert }\n", encoding="utf-8")
    design = dataclasses.replace(default_design(), theme_typ=theme)
    out = tmp_path / "out"
    with pytest.raises(RenderError, match="typst konnte das PDF nicht erzeugen") as info:
        run(SAMPLE, out, formats=["pdf"], design=design)
    assert "undefiniert" in info.value.message
    assert list(out.iterdir()) == []


def test_timeout_is_bounded(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="nicht fertiggestellt"):
        run(SAMPLE, tmp_path, formats=["html"], timeout=0.001)


def test_missing_font_is_a_warning(tmp_path: Path) -> None:
    design = dataclasses.replace(default_design(), schrift="Gibtsnicht Sans")
    seen: list[str] = []
    files = run("# A\n\nText.\n", tmp_path, formats=["pdf"], design=design,
                on_warning=seen.append)
    assert files["pdf"].exists()
    assert any("Gibtsnicht Sans" in w or "gibtsnicht sans" in w for w in seen), seen


@pytest.mark.parametrize("css", [
    "@import 'x.css';",
    "body { background: url(https://e.example/x.png) }",
    "a { background: url( '//e.example/x' ) }",
])
def test_stylesheet_may_not_load_from_the_network(tmp_path: Path, css: str) -> None:
    sheet = tmp_path / "style.css"
    sheet.write_text(css, encoding="utf-8")
    design = dataclasses.replace(default_design(), style_css=sheet)
    with pytest.raises(RenderError, match="lädt Dateien aus dem Internet"):
        run(SAMPLE, tmp_path / "out", formats=["html"], design=design)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is Linux-only")
def test_memory_limit_is_a_german_error(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="nicht genug Arbeitsspeicher"):
        run(SAMPLE, tmp_path, formats=["pdf"], memory_limit=40 * 2**20)


def test_pdfa_impossible_falls_back_to_ua_with_a_warning(tmp_path: Path) -> None:
    default = default_design().theme_typ.read_text(encoding="utf-8")
    anchor = "  set document(title: titel, author: kommune)\n"
    theme = tmp_path / "theme.typ"
    theme.write_text(default.replace(
        anchor, anchor + '  pdf.attach("theme.typ", description: "Gestaltung")\n'),
        encoding="utf-8")
    design = dataclasses.replace(default_design(), theme_typ=theme)
    seen: list[str] = []
    files = run("# A\n\nText.\n", tmp_path / "out", formats=["pdf"], design=design,
                on_warning=seen.append)
    assert files["pdf"].exists()
    assert any("PDF/A-2a" in w for w in seen), seen
