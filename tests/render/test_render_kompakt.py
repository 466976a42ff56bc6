"""Long documents: the PDF is set compactly (cross-references as text, fields as lines,
no labels nobody links to)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from render_helpers import pdf_info, pdf_text, run

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
# a list of entries as the appendix has them: each number is an anchor
ENTRIES = DOC + """
- **[A 1.1]{#angebot-a}** Sprachkurs
- **[A 1.2]{#angebot-b}** Elterncafé
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


def _typst_text(markdown: str, out: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, Path]:
    """The typst text typst set (main.typ) and the PDF."""
    seen: list[str] = []
    compile_pdf = formate.compile_pdf

    def keep(main: Path, output: Path, **options: object) -> object:
        seen.append(main.read_text(encoding="utf-8"))
        return compile_pdf(main, output, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(formate, "compile_pdf", keep)
    pdf = run(markdown, out, formats=("pdf",))["pdf"]
    return seen[-1], pdf


def test_compact_text_drops_labels_nobody_links_to(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # typst locates every labelled text (Landkreis: 18,000 labels of entries, 60 MB);
    # in the compact text no link points to them
    normal, _ = _typst_text(ENTRIES, tmp_path / "normal", monkeypatch)
    assert "<angebot-a>" in normal and "<angebot-b>" in normal and "<m-1>" in normal
    monkeypatch.setattr(formate, "PDF_VERWEISE_MAX", 0)
    kompakt, pdf = _typst_text(ENTRIES, tmp_path / "kompakt", monkeypatch)
    assert "<angebot-a>" not in kompakt and "<angebot-b>" not in kompakt
    assert "#strong[A 1.1]" in kompakt
    assert "<m-1>" in kompakt  # a heading keeps its label: the PDF's named destination
    # what the PDF shows and is stays: the words, tagging, bookmarks, the list
    text = pdf_text(pdf)
    assert "A 1.1 Sprachkurs" in text and "A 1.2 Elterncafé" in text
    assert re.search(r"Tagged:\s+yes", pdf_info(pdf))
    assert "m-1" in pdf_info(pdf, "-dests")
    pikepdf = pytest.importorskip("pikepdf")
    with pikepdf.open(pdf) as document:
        with document.open_outline() as outline:
            titles = [item.title for item in outline.root]
        kinds = _structure(document.Root.StructTreeRoot)
    assert any("Maßnahmen" in title for title in titles)
    assert kinds.count("/LI") >= 2 and kinds.count("/Strong") >= 2 and "/H1" in kinds


def _structure(node: object) -> list[str]:
    """The kinds of all elements of a PDF's structure tree."""
    import pikepdf

    kinds, todo = [], [node]
    while todo:
        item = todo.pop()
        if isinstance(item, pikepdf.Array):
            todo.extend(item)
        elif isinstance(item, pikepdf.Dictionary):
            if "/S" in item:
                kinds.append(str(item.S))
            if "/K" in item:
                todo.append(item.K)
    return kinds


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
