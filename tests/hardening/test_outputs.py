"""Outputs: all formats replaced together or none; never written among the sources."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from integrationskonzept.errors import IkError
from integrationskonzept.render import RenderError, default_design
from integrationskonzept.render.build import build

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "render"))
from render_helpers import SAMPLE, run  # noqa: E402


def test_one_failing_format_replaces_no_output(tmp_path: Path) -> None:
    out = tmp_path / "aus"
    out.mkdir()
    old = {"integrationskonzept.html": b"alt-html", "integrationskonzept.pdf": b"alt-pdf"}
    for name, data in old.items():
        (out / name).write_bytes(data)
    theme = tmp_path / "theme.typ"
    theme.write_text("#let konzept(..args, body) = { undefiniert }\n", encoding="utf-8")
    design = dataclasses.replace(default_design(), theme_typ=theme)
    with pytest.raises(RenderError, match="typst konnte das PDF nicht erzeugen"):
        run(SAMPLE, out, formats=["html", "md", "pdf"], design=design)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old


@pytest.mark.parametrize("out", [".", "texte", "inhalte/neu"])
def test_output_folder_among_the_sources_is_refused(concept, out: str) -> None:
    root = concept(konzept={"kapitel": [{"id": "k", "titel": "K",
                                         "datei": "texte/integrationskonzept.md"}]},
                   extra={"texte/integrationskonzept.md": "Unser Kapitel.\n"})
    with pytest.raises(IkError, match="liegt zwischen den Quellen des Konzepts"):
        build(root, ["md"], out=root / out)
    assert (root / "texte" / "integrationskonzept.md").read_text() == "Unser Kapitel.\n"


def test_build_folder_of_the_concept_is_fine(concept) -> None:
    root = concept()
    result = build(root, ["md"], out=root / "build" / "entwurf")
    assert result.ok, result.problems
    assert (root / "build" / "entwurf" / "integrationskonzept.md").exists()


HOSTILE_MD = ("Vorher\n\n```{=html}\n<script>alert(1)</script>\n```\n\n"
              "[x](https://a.example){onclick=alert(1)} und [y]{onmouseover=alert(2) lang=tr} "
              "`z`{=html} ![Karte](karte.png){style=x width=50%}\n\n::: {onclick=x}\nDiv\n:::\n")


def test_markdown_output_carries_no_raw_blocks_or_event_attributes(concept,
                                                                   tmp_path: Path) -> None:
    root = concept(inhalt={"ausgangslage": HOSTILE_MD}, extra={"karte.png": b"\x89PNG\r\n"})
    result = build(root, ["md"], out=tmp_path / "aus")
    assert result.ok, result.problems
    text = (tmp_path / "aus" / "integrationskonzept.md").read_text(encoding="utf-8")
    for bad in ("onclick", "onmouseover", "<script>", "{=html}", "style="):
        assert bad not in text, bad
    assert "[x](https://a.example)" in text
    assert 'lang="tr"' in text and 'width="50%"' in text
