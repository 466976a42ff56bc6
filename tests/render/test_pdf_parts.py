"""A long PDF set in parts and joined (pdfparts.py, pdfjoin.py) is the same document as the
PDF set whole: text and layout, bookmarks, named destinations, the targets of the
contents' links, a valid PDF/UA structure."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from render_helpers import pdf_info, pdf_text, run

from integrationskonzept.render import formats as formate
from integrationskonzept.render import pdfjoin, pdfparts, pipeline
from integrationskonzept.render.pdfparts import Ort
from integrationskonzept.render.typstdoc import sets_parts

pytestmark = pytest.mark.slow

DOC = """\
# Einleitung {#einleitung}

Das Konzept beschreibt, wie Teilhabe gelingt (siehe [Sprache](#hf-sprache)).[^1] Mehr auf der
[Website der Stadt](https://www.musterstadt.de).

[^1]: Beschluss des Rates vom 17.08.2017.

## Ausgangslage {#ausgangslage}

| Akteur | Rolle | Sozialraum |
|---|---|---|
| Caritas e. V. | Träger | Nordstadt |
| Stadtbibliothek | Partnerin | Innenstadt |

: Beteiligte Akteure {#tbl-akteure}

![Anteil der Angebote je Handlungsfeld](diagramme/anteil.svg){#fig-anteil width=60%}

### Bevölkerung {#bevoelkerung}

Text zur Bevölkerung.

# Handlungsfelder {#handlungsfelder}

## Sprache {#hf-sprache}

Text zur Sprache.[^2]

[^2]: Angaben der Volkshochschule.

## Ohne Nummer {#ohne .unnumbered}

Ein Abschnitt ohne Nummer.

## Nicht im Inhaltsverzeichnis {#nicht .unlisted}

Ein Abschnitt, den das Inhaltsverzeichnis nicht nennt.

# Anhang {#anhang}

## Tabellen {#tabellen}

| Nr. | Maßnahme |
|---|---|
| M1 | Sprachcafé |

: Maßnahmen im Überblick

![Zweite Abbildung](diagramme/anteil.png){#fig-zwei width=20%}
"""


def _parts_and_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **options: Any
                     ) -> tuple[Path, Path, list[int]]:
    monkeypatch.setattr(formate, "PDF_VERWEISE_MAX", 0)  # compact, as a Landkreis
    monkeypatch.setattr(pipeline, "TEILE_AB", 0)  # read in parts, as a long document
    monkeypatch.setattr(pdfparts, "SATZ_ZEICHEN", 1)  # each read part a text part
    calls: list[int] = []
    typeset = pdfparts.typeset

    def counted(build: Path, parts: int, *args: Any) -> Any:
        calls.append(parts)
        return typeset(build, parts, *args)

    monkeypatch.setattr(pdfparts, "typeset", counted)
    teile = run(DOC, tmp_path / "teile", formats=("pdf",), **options)["pdf"]
    monkeypatch.setattr(formate, "sets_parts", lambda _theme: False)
    ganz = run(DOC, tmp_path / "ganz", formats=("pdf",), **options)["pdf"]
    return teile, ganz, calls


def _info(path: Path) -> dict[str, str]:
    return dict(line.split(":", 1) and (line.split(":", 1)[0], line.split(":", 1)[1].strip())
                for line in pdf_info(path).splitlines() if ":" in line)


def _navigation(path: Path) -> tuple[list[tuple[int, str, int]], dict[str, int],
                                     list[tuple[int, object]]]:
    """Bookmarks (level, title, page), named destinations (page) and the links' targets
    (page of the link, page or URI it points at)."""
    pikepdf = pytest.importorskip("pikepdf")
    with pikepdf.open(path) as pdf:
        pages = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}

        def page_of(dest: Any) -> int:
            dest = dest.D if isinstance(dest, pikepdf.Dictionary) else dest
            return pages[dest[0].objgen]

        marks: list[tuple[int, str, int]] = []
        todo = [(pdf.Root.Outlines.get("/First"), 0)]
        while todo:
            item, level = todo.pop()
            while item is not None:
                marks.append((level, str(item.Title), page_of(item.Dest)))
                if "/First" in item:
                    todo.append((item.First, level + 1))
                item = item.get("/Next")
        names = pdf.Root.Names.Dests.Names
        dests = {str(names[i]): page_of(names[i + 1]) for i in range(0, len(names), 2)}
        links: list[tuple[int, object]] = []
        for i, page in enumerate(pdf.pages):
            for annot in page.get("/Annots", []):
                dest = annot.get("/Dest")
                if dest is None:
                    links.append((i, str(annot.A.URI)))
                elif isinstance(dest, pikepdf.String):
                    links.append((i, dests[str(dest)]))
                else:
                    links.append((i, page_of(dest)))
        return sorted(marks), dests, links


def test_parts_make_the_same_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    teile, ganz, calls = _parts_and_whole(tmp_path, monkeypatch)
    assert calls == [2]  # set in the parts it was read in
    info, info_ganz = _info(teile), _info(ganz)
    assert info["Pages"] == info_ganz["Pages"] and info["Tagged"] == "yes"
    # every page as the reader sees it: header, text, footer „Seite X von Y“, contents
    assert pdf_text(teile, "-layout") == pdf_text(ganz, "-layout")
    text = pdf_text(teile)
    assert "Seite 4 von" in text and "Tabelle 2" in text and "Abbildung 2" in text
    marks, dests, links = _navigation(teile)
    marks_ganz, dests_ganz, links_ganz = _navigation(ganz)
    assert marks == marks_ganz
    assert {name: dests[name] for name in dests_ganz} == dests_ganz
    assert links == links_ganz
    assert ("https://www.musterstadt.de" in {target for _page, target in links})
    # the metadata count the joined document's pages, as the whole PDF's do
    pikepdf = pytest.importorskip("pikepdf")
    with pikepdf.open(teile) as pdf:
        xmp = pdf.Root.Metadata.read_bytes().decode("utf-8")
    assert f"<xmpTPg:NPages>{info['Pages']}</xmpTPg:NPages>" in xmp


def test_a_chapter_cut_inside_is_set_with_its_beginning(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long document read in parts cut inside a chapter (chunks.py): typst sets the
    parts inside a chapter with the part before them (a PDF/UA text part begins with a
    chapter), joined the same document as set whole."""
    monkeypatch.setattr(pipeline, "SEQUENTIAL_AB", 0)  # a long document
    monkeypatch.setattr(pipeline, "KAPITEL_ZEICHEN", 200)  # the Anhang cut before sections
    monkeypatch.setattr(pipeline, "TEIL_ZEICHEN", 200)
    failed: list[str] = []
    typeset = pdfparts._typeset

    def watched(*args: Any) -> Any:
        try:
            return typeset(*args)
        except Exception as exc:  # (set whole then: the same file, but not in parts)
            failed.append(str(exc))
            raise

    starts: list[list[bool] | None] = []
    groups = pdfparts.groups

    def grouped(sizes: list[int], most: int | None = None,
                starts_: list[bool] | None = None, **kw: Any) -> list[list[int]]:
        starts.append(kw.get("starts", starts_))
        return groups(sizes, most, **kw)

    monkeypatch.setattr(pdfparts, "_typeset", watched)
    monkeypatch.setattr(pdfparts, "groups", grouped)
    teile, ganz, calls = _parts_and_whole(tmp_path, monkeypatch)
    assert starts[0] is not None and False in starts[0]  # parts begin inside a chapter
    assert not failed and calls and 2 <= calls[0] < len(starts[0])
    assert pdf_text(teile, "-layout") == pdf_text(ganz, "-layout")
    marks, dests, links = _navigation(teile)
    marks_ganz, dests_ganz, links_ganz = _navigation(ganz)
    assert marks == marks_ganz and links == links_ganz
    assert {name: dests[name] for name in dests_ganz} == dests_ganz


def test_parts_of_a_draft_are_the_same_draft(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """„Entwurf“ in every footer and as the watermark on every page, title page too."""
    teile, ganz, calls = _parts_and_whole(tmp_path, monkeypatch, draft=True)
    assert calls == [2]
    assert pdf_text(teile, "-layout") == pdf_text(ganz, "-layout")
    pages = pdf_text(teile).split("\f")[:-1]
    assert all("ENTWURF" in page for page in pages)
    assert _navigation(teile)[2] == _navigation(ganz)[2]


def test_parts_pass_machine_checkable_pdfua(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    pdfua = pytest.importorskip("pdfua")
    teile, _ganz, _calls = _parts_and_whole(tmp_path, monkeypatch)
    assert pdfua.validate(str(teile)).findings == ()


def test_parts_that_do_not_join_are_set_whole(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> bytes:
        raise ValueError("Name »x« in zwei Teilen")

    monkeypatch.setattr(pdfjoin.Texte, "_finish", broken)
    teile, ganz, calls = _parts_and_whole(tmp_path, monkeypatch)
    assert calls == [2]
    assert teile.read_bytes() == ganz.read_bytes()


def test_only_themes_that_know_parts() -> None:
    from integrationskonzept.render import default_design

    assert sets_parts(default_design().theme_typ.read_text(encoding="utf-8"))
    older = "#let konzept(\n  titel: \"\",\n  ..weitere,\n  body,\n) = body\n"
    assert not sets_parts(older)


# What the contents part lists: the headings down to its depth that are numbered or
# listed, and every numbered figure, with the page each has in the joined document.
BERICHTE = [
    {"koepfe": [[1, True, True, "Einleitung", {"page": 1, "x": "70pt", "y": "80pt"}],
                [3, True, True, "Tief", {"page": 1, "x": "70pt", "y": "300pt"}],
                [2, False, False, "Herausgeber", {"page": 2, "x": "70pt", "y": "90pt"}]],
     "figuren": [["table", "Akteure", True, {"page": 2, "x": "70pt", "y": "100pt"}]]},
    {"koepfe": [[1, True, True, "Anhang", {"page": 1, "x": "70pt", "y": "80pt"}],
                [2, False, True, "Ohne Nummer", {"page": 3, "x": "70pt", "y": "400pt"}]],
     "figuren": [["image", "Karte", True, {"page": 2, "x": "80pt", "y": "120pt"}],
                 ["table", "Intern", False, {"page": 3, "x": "70pt", "y": "500pt"}]]},
]


# (the text parts have 5 and 4 pages; before them ``vorne`` pages, not known yet: 999)
@pytest.mark.parametrize(("vorne", "seiten"), [(None, [999] * 6), (3, [4, 5, 9, 11, 10, 11])])
def test_ghosts(vorne: int | None, seiten: list[int]) -> None:
    geister, koepfe, figuren = pdfparts.ghosts(BERICHTE, [5, 4], vorne, 2, 999)
    assert [(g["art"], g["text"], g["seite"]) for g in geister] == [
        ("heading", "Einleitung", seiten[0]), ("table", "Akteure", seiten[1]),
        ("heading", "Anhang", seiten[2]), ("heading", "Ohne Nummer", seiten[3]),
        ("image", "Karte", seiten[4]), ("table", "Intern", seiten[5])]
    assert koepfe == {"ik-geist-0": Ort(0, 1, 70.0, 80.0), "ik-geist-2": Ort(1, 1, 70.0, 80.0),
                      "ik-geist-3": Ort(1, 3, 70.0, 400.0)}
    # the lists of figures: the figures first, then the tables; unlisted ones not
    assert figuren == [Ort(1, 2, 80.0, 120.0), Ort(0, 2, 70.0, 100.0)]


@pytest.mark.parametrize(("sizes", "expected"), [
    ([1_050, 1_050, 400, 2_750], [[0, 1, 2], [3]]),  # the Landkreis: four read parts
    ([3_100, 3_400], [[0], [1]]),
    ([4_000], [[0]]),
    ([1_000, 1_000, 1_000, 1_000], [[0, 1, 2], [3]]),
])
def test_read_parts_typst_sets_together(sizes: list[int], expected: list[list[int]]) -> None:
    assert pdfparts.groups(sizes, most=3_000) == expected


def test_a_part_inside_a_chapter_is_set_with_the_part_before_it() -> None:
    """PDF/UA: a text part's first heading is a chapter's (typst refuses anything else)."""
    assert pdfparts.groups([1_000, 2_500, 2_500, 2_500, 500], most=3_000,
                           starts=[True, True, False, False, True]) == [[0], [1, 2, 3], [4]]
