"""Long documents: the PDF is set compactly (cross-references as text, fields as lines)."""

from __future__ import annotations

from pathlib import Path

import pytest
from render_helpers import pdf_text, run

from integrationskonzept.render import formats as formate

DOC = """\
# Maßnahmen

## Sprachcafé {#m-1}

::: {.ik-felder}
- **Ziele:** [Z 1.1 Sprache](#m-1)
- **Status:** geplant
:::

Siehe [M 1](#m-1) und die [Website](https://www.musterstadt.de).
"""


def _links(path: Path) -> list[str]:
    pikepdf = pytest.importorskip("pikepdf")
    out = []
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            for annot in page.get("/Annots", []):
                if annot.get("/Subtype") == "/Link":
                    action = annot.get("/A")
                    out.append("uri" if action is not None and "/URI" in action else "intern")
    return out


def test_compact_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    normal = run(DOC, tmp_path / "normal", formats=("pdf",))["pdf"]
    monkeypatch.setattr(formate, "PDF_VERWEISE_MAX", 0)
    kompakt = run(DOC, tmp_path / "kompakt", formats=("pdf",))["pdf"]
    for pdf in (normal, kompakt):
        text = pdf_text(pdf)
        assert "Ziele: Z 1.1 Sprache" in text and "Status: geplant" in text
    assert "•" in pdf_text(normal) and "•" not in pdf_text(kompakt)  # fields as lines
    # the two cross-references became text; the table of contents and the web link stay
    links, links_kompakt = _links(normal), _links(kompakt)
    assert links_kompakt.count("intern") == links.count("intern") - 2
    assert links_kompakt.count("uri") == links.count("uri") == 1


def test_long_document_sequential_with_progress(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from integrationskonzept.render import pipeline

    monkeypatch.setattr(pipeline, "SEQUENTIAL_AB", 0)  # every document counts as long
    messages: list[str] = []
    files = run(DOC, tmp_path, formats=("odt", "html"), progress=messages.append)
    assert set(files) == {"odt", "html"}
    assert any("nacheinander" in m for m in messages)
    # one format after the other: HTML ends before ODT starts (order of FORMATS)
    steps = [m for m in messages if m.endswith("wird erzeugt …") or " fertig (" in m]
    assert [s.split()[0] for s in steps] == ["HTML", "HTML", "ODT", "ODT"]
