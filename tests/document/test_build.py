"""End to end: build() refuses broken sources; DOCX and HTML show what a reader expects."""

from __future__ import annotations

from pathlib import Path

import pytest

from ik_testing import BASE_INHALT
from integrationskonzept.render.build import build


def test_build_refuses_a_concept_with_errors(concept, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = concept(inhalt={"massnahmen": [{"id": "m-1", "titel": "X", "federfuehrung": "fehlt"}]})
    result = build(root, formats=["md"], out=tmp_path / "out")
    assert not result.ok and result.problems and not result.files
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_docx_headings_and_massnahmen_table(concept, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import docx

    root = concept(inhalt={"akteure": [{"id": "gleichstellung", "name": "Akteur*innen | Büro",
                                        "typ": "Verwaltung"}]})
    result = build(root, formats=["docx", "md"], out=tmp_path / "out")
    assert result.ok, result.problems
    doc = docx.Document(str(tmp_path / "out" / "integrationskonzept.docx"))
    heads = [(p.style.name, p.text.split("\t")[-1]) for p in doc.paragraphs
             if p.style.name.startswith("Heading")]
    assert ("Heading 1", "Bildung") in heads
    assert ("Heading 3", "M 1.1 Sprachcafé") in heads
    assert ("Heading 1", "Maßnahmenkatalog") in heads
    levels = [int(s.split()[-1]) for s, _ in heads]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))
    table = next(t for t in doc.tables if t.rows[0].cells[1].text == "Maßnahme")
    assert [c.text for c in table.rows[1].cells] == [
        "M 1.1", "Sprachcafé", "Bildung", "Akteur*innen | Büro", "2024 bis 2025", "–", "geplant"]


@pytest.mark.slow
def test_hostile_markdown_is_inert_in_html(concept, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    md = ("<script>alert(1)</script>\n\n[Passwörter](file:///etc/passwd)\n\n"
          "```{=html}\n<b>roh</b>\n```\n")
    root = concept(inhalt={"ausgangslage": md})
    result = build(root, formats=["html"], out=tmp_path / "out")
    assert result.ok, result.problems
    html = (tmp_path / "out" / "integrationskonzept.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<b>roh</b>" not in html
    assert "file:///etc/passwd" not in html
    assert "Passwörter" in html


def test_build_refuses_images_outside_the_concept(concept, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = concept(inhalt={"ausgangslage": "![geheim](/etc/passwd)"})
    result = build(root, formats=["md"], out=tmp_path / "out")
    assert not result.ok and not result.files
    assert any("/etc/passwd" in p.message for p in result.problems)


@pytest.mark.slow
def test_build_is_reproducible(concept, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = concept()
    first = build(root, formats=["md", "html", "docx"], out=tmp_path / "a")
    second = build(root, formats=["md", "html", "docx"], out=tmp_path / "b")
    assert first.ok and second.ok
    for a, b in zip(first.files, second.files, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


@pytest.mark.slow
def test_images_in_chapter_files_are_shown(concept, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = concept(
        konzept={"kapitel": [{"id": "k-1", "titel": "Vorwort", "datei": "texte/vorwort.md"}]},
        extra={"texte/vorwort.md": "![Rathaus am Markt](bilder/rathaus.png)\n",
               "texte/bilder/rathaus.png": _png()})
    result = build(root, formats=["html"], out=tmp_path / "out")
    assert result.ok, result.problems
    html = (tmp_path / "out" / "integrationskonzept.html").read_text(encoding="utf-8")
    assert 'alt="Rathaus am Markt"' in html and "data:image/png;base64" in html


def test_vorwort_signature_block(concept) -> None:  # type: ignore[no-untyped-def]
    from doc_helpers import expanded_of

    root = concept(
        konzept={"kapitel": [{"id": "k-1", "titel": "Vorwort", "datei": "texte/vorwort.md",
                              "unterzeichnung": {"name": "Erika Muster*frau",
                                                 "amt": "Bürgermeisterin der Stadt Peine"}}]},
        extra={"texte/vorwort.md": "Liebe Leserinnen und Leser,\n\nwillkommen.\n"})
    markdown = expanded_of(root)
    block = markdown.split("::: {.ik-unterschrift}\n", 1)[1].split("\n:::", 1)[0]
    assert block == "Erika Muster\\*frau\\\nBürgermeisterin der Stadt Peine"
    assert markdown.index("willkommen.") < markdown.index("ik-unterschrift")


def test_signature_needs_the_office(concept) -> None:  # type: ignore[no-untyped-def]
    from integrationskonzept.checks.runner import validate

    root = concept(konzept={"kapitel": [{"id": "k-1", "titel": "Vorwort",
                                         "datei": "texte/vorwort.md",
                                         "unterzeichnung": {"name": "Erika Muster"}}]},
                   extra={"texte/vorwort.md": "Text.\n"})
    [problem] = validate(root).problems
    assert (problem.location.file, problem.location.line, problem.code) == ("konzept.yaml", 32,
                                                                            "IK102")
    assert problem.message == "Kapitel „k-1“: Pflichtfeld „amt“ fehlt"


def test_source_list_names_statistics_and_what_bedarfe_rest_on(concept) -> None:  # type: ignore[no-untyped-def]
    from doc_helpers import expanded_of

    root = concept(
        konzept={"bevoelkerung": [
            {"merkmal": "Einwohner", "wert": "51086", "stichtag": "2020-12-31",
             "quelle": "Einwohnermeldeamt"},
            {"merkmal": "Kernstadt", "wert": "26856", "stichtag": "2020-12-31",
             "quelle": "Einwohnermeldeamt"}]},
        inhalt={"bedarfe": [{"id": "b-1", "titel": "Kurs mit Kinderbetreuung",
                             "quelle": ["bf-1"]}]},
        extra={"beteiligung.yaml": {"beteiligung": {"befragungen": [
            {"id": "bf-1", "titel": "Befragung Zugewanderte"}]}}})
    markdown = expanded_of(root)
    section = markdown.split("## Quellen {#quellen}\n", 1)[1].split("\n#", 1)[0]
    assert "- Einwohnermeldeamt: 2 Bevölkerungszahlen" in section
    assert "- [Befragung Zugewanderte](#befragung-bf-1): Grundlage für 1 Bedarf" in section


def test_a_chart_that_fails_is_left_out_of_the_text(concept, tmp_path, monkeypatch) -> None:
    # the text is written while the charts compile; a chart that fails is named in a
    # warning and the text is written again without it
    from integrationskonzept.errors import RenderError
    from integrationskonzept.render import figures

    real = figures.compile_charts

    def first_fails(charts, formats):  # type: ignore[no-untyped-def]
        done = real(charts, formats)
        return [RenderError("zu groß"), *done[1:]]

    monkeypatch.setattr(figures, "compile_charts", first_fails)
    root = concept()
    whole = build(root, formats=["md"], out=tmp_path / "ganz")
    monkeypatch.undo()
    normal = build(root, formats=["md"], out=tmp_path / "normal")
    assert whole.ok and normal.ok
    [warning] = [w for w in whole.warnings if w.startswith("Diagramm")]
    key = warning.split("„")[1].split("“")[0]
    assert warning == f"Diagramm „{key}“ ausgelassen: zu groß"
    text = (tmp_path / "ganz" / "integrationskonzept.md").read_text(encoding="utf-8")
    assert f"diagramme/{key}.svg" not in text
    assert f"diagramme/{key}.svg" in (tmp_path / "normal" / "integrationskonzept.md").read_text(
        encoding="utf-8")


def test_texts_read_in_two_runs_give_the_same_document(concept, tmp_path, monkeypatch) -> None:
    from integrationskonzept.render import prosa

    massnahme = {"id": "m-2", "titel": "Elterncafé", "ziele": ["z-1"],
                 "federfuehrung": "gleichstellung",
                 "zeitraum": {"beginn": "2024", "ende": "2025"}, "indikatoren": ["i-1"],
                 "beschreibung": 'Zweiter Text, "zitiert" und *betont*.[^1]\n\n'
                                 "[^1]: Noch eine Notiz.\n"}
    root = concept(inhalt={"ausgangslage": "Erster Text mit Fußnote.[^1]\n\n[^1]: Eine Notiz.\n",
                           "massnahmen": [*BASE_INHALT["massnahmen"], massnahme]})
    monkeypatch.setenv("IK_CACHE", "0")  # every text read by pandoc, not from the cache
    one = build(root, formats=["md"], out=tmp_path / "eins")
    monkeypatch.setattr(prosa, "TEILE_AB", 1)
    two = build(root, formats=["md"], out=tmp_path / "zwei")
    assert one.ok and two.ok
    text = (tmp_path / "zwei" / "integrationskonzept.md").read_text(encoding="utf-8")
    assert text == (tmp_path / "eins" / "integrationskonzept.md").read_text(encoding="utf-8")
    assert "Eine Notiz." in text and "„zitiert“" in text
