"""Long documents are read (and set for typst) in parts at once: same files as read whole."""

from __future__ import annotations

import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from render_helpers import ASSETS, CHAPTER, SAMPLE, SVG, read_part, run

from integrationskonzept.render import formats, pipeline
from integrationskonzept.render.chunks import split_markdown
from integrationskonzept.render.pandoc import run_pandoc

# the sample plus chapters with what must stay together: a footnote and its text,
# a landscape table after headings, a code fence holding a "# heading", a hyphen
# before a digit in a paragraph that introduces a list
LONG = SAMPLE + """
# Umsetzung {#umsetzung}

Telefon -1034 oder so, siehe Fußnote.[^n1] Und so geht es weiter:

- erstens
- zweitens

[^n1]: Eine Fußnote mit „Zitat“.

# Anhang {#anhang}

## Große Tabelle {#gross}

::: {.quer}
| A | B |
|---|---|
| 1 | 2 |

: Quer
:::

```
# kein Kapitel {#nein}
```

# Quellen {#quellen}

Zuletzt.
"""


# LONG without what the HTML writer counts through the page (footnotes, code blocks):
# its HTML can be written in parts
PLAIN = (LONG.replace("[^n1]", "").replace(": Eine Fußnote mit", "Ein Satz mit")
         .replace("```\n# kein Kapitel {#nein}\n```\n", "")
         + "\n# Noch ein Kapitel {#noch}\n\n## Abschnitt {#abschnitt}\n\nText.\n")


def _whole(write: Any) -> Any:
    """A stand-in for formats.html_steps or docx_steps: the file in one piece that
    ``write`` writes."""
    return lambda job: ([lambda: write(job)], lambda written: written[0])


def _recording(lock: threading.Lock, active: list[str], seen: list[tuple[str, ...]],
               name: Any) -> Any:
    """A stand-in for run_pandoc that notes in ``seen`` which runs (named by
    ``name(args, what)``) are ``active`` at each start."""
    def pandoc(args: list[str], **kw: Any) -> bytes:
        what = name(args, kw["what"])
        with lock:
            active.append(what)
            seen.append(tuple(sorted(active)))
        try:
            return run_pandoc(args, **kw)
        finally:
            with lock:
                active.remove(what)
    return pandoc


def test_split_cuts_only_before_chapters_with_an_identifier() -> None:
    parts = split_markdown(LONG, 2)
    assert len(parts) == 2 and "".join(parts) == LONG
    assert parts[1].startswith("# Umsetzung {#umsetzung}") or parts[1].startswith("# Anhang")
    # a chapter heading pandoc would number after a cut: read whole
    assert split_markdown(LONG + "\n# Quellen\n\nNoch einmal.\n", 2) == [
        LONG + "\n# Quellen\n\nNoch einmal.\n"]
    # never inside a code fence or a div
    fenced = "# A {#a}\n\ntext\n\n```\n# B {#b}\n```\n"
    assert split_markdown(fenced, 2) == [fenced]
    div = "# A {#a}\n\n::: {.quer}\n# B {#b}\n:::\n"
    assert split_markdown(div, 2) == [div]
    # a footnote and its text in different parts: read whole
    note = "# A {#a}\n\nText.[^1]\n\n# B {#b}\n\n[^1]: Die Fußnote.\n"
    assert split_markdown(note, 2) == [note]
    # a reference link may point anywhere
    ref = "# A {#a}\n\n[Seite][s]\n\n# B {#b}\n\n[s]: https://example.org\n"
    assert split_markdown(ref, 2) == [ref]


CHAPTERS = ("# A {#a}\n\nkurz\n\n# B {#b}\n\n## B1 {#b1}\n\n" + "x" * 100
            + "\n\n### B1a {#b1a}\n\n```\n# kein Kapitel\n```\n\n" + "y" * 100
            + "\n\n## B2 {#b2}\n\n" + "z" * 100 + "\n\n# C {#c}\n\nEnde.\n")


def test_a_piece_longer_than_most_is_cut_before_its_sections() -> None:
    from integrationskonzept.render.chunks import first_level, levels_before

    assert split_markdown(CHAPTERS, 2, most=None) == split_markdown(CHAPTERS, 2)
    parts = split_markdown(CHAPTERS, 2, most=150)
    assert "".join(parts) == CHAPTERS
    # never right after a heading (B1 follows B): B1a and B2 begin parts
    assert [first_level(part) for part in parts] == [1, 1, 3, 2]
    assert parts[2].startswith("### B1a") and parts[3].startswith("## B2")
    # the level before each part as ebenen.lua leaves it (not the heading in the fence)
    assert levels_before(parts) == [0, 1, 2, 3]
    # a heading without an identifier (numbered by pandoc through the text) after a
    # cut: no cut before it (after a chapter's cut: none at all)
    auto = ("# A {#a}\n\n## A1 {#a1}\n\n" + "x" * 100 + "\n\n### A1a {#a1a}\n\n"
            + "y" * 100 + "\n\n## A2\n\n" + "z" * 100 + "\n\n# B {#b}\n\nEnde.\n")
    assert [part[:8] for part in split_markdown(auto, 2, most=150)] == ["# A {#a}", "# B {#b}"]
    assert split_markdown(CHAPTERS.replace("## B2 {#b2}", "## B2"), 2, most=150) == [
        CHAPTERS.replace("## B2 {#b2}", "## B2")]


@pytest.mark.slow
def test_parts_give_the_same_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = run(LONG, tmp_path / "ganz", formats=("html", "docx", "pdf"))
    monkeypatch.setattr(pipeline, "SEQUENTIAL_AB", 0)  # every document counts as long
    monkeypatch.setattr(pipeline, "TEILE_AB", 0)
    runs: list[tuple[str, tuple[str, ...]]] = []

    def pandoc(args: list[str], **kw: Any) -> bytes:
        runs.append((kw["what"], kw.get("rts", ())))
        return run_pandoc(args, **kw)
    monkeypatch.setattr(formats, "run_pandoc", pandoc)
    messages: list[str] = []
    parts = run(LONG, tmp_path / "teile", formats=("html", "docx", "pdf"),
                progress=messages.append)
    assert any("nacheinander" in m for m in messages)
    # the long document's writers collect earlier (less memory), same bytes
    assert dict(runs)["das HTML"] == dict(runs)["das DOCX"] == formats.WRITER_RTS_LANG
    assert parts["html"].read_bytes() == whole["html"].read_bytes()
    assert parts["pdf"].read_bytes() == whole["pdf"].read_bytes()
    with zipfile.ZipFile(whole["docx"]) as a, zipfile.ZipFile(parts["docx"]) as b:
        assert a.read("word/document.xml") == b.read("word/document.xml")


@pytest.mark.slow
def test_long_document_writes_the_typst_text_beside_one_writer(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long document: the whole-document writers (here HTML, with a footnote, and
    ODT) one after the other, pandoc's typst text of the PDF and the DOCX's parts beside
    them (the typst text's parts one at a time), typst alone at the end."""
    from integrationskonzept.render import typesetter

    whole = run(LONG, tmp_path / "ganz", formats=("html", "docx", "odt", "pdf"))
    monkeypatch.setattr(pipeline, "SEQUENTIAL_AB", 0)
    monkeypatch.setattr(pipeline, "TEILE_AB", 0)
    lock = threading.Lock()
    active: list[str] = []
    seen: list[tuple[str, ...]] = []  # who ran at the same time, at each start
    satz_started = threading.Event()

    def name(args: list[str], what: str) -> str:
        if what == "den PDF-Satz":
            satz_started.set()
        elif what in ("das HTML", "das DOCX"):
            # waits for the typst text: without it beside, this writer would wait alone
            assert satz_started.wait(30), "der typst-Satz lief nicht neben dem Writer"
        if any(arg.startswith("--number-offset=") for arg in args):
            return "ein Teil des " + what.removeprefix("das ")  # the DOCX in parts
        return what

    pandoc = _recording(lock, active, seen, name)
    compile_pdf = formats.compile_pdf

    def typst(*args: Any, **kw: Any) -> Any:
        with lock:
            seen.append(("typst", *sorted(active)))
        return compile_pdf(*args, **kw)

    monkeypatch.setattr(formats, "run_pandoc", pandoc)
    monkeypatch.setattr(formats, "compile_pdf", typst)
    assert typesetter.compile_pdf is compile_pdf
    messages: list[str] = []
    parts = run(LONG, tmp_path / "teile", formats=("html", "docx", "odt", "pdf"),
                progress=messages.append)
    assert "Großes Dokument: die Formate werden nacheinander erzeugt, Pandocs typst-Satz " \
           "daneben (Arbeitsspeicher) …" in messages
    writers = {"das HTML", "das DOCX", "das ODT"}
    for together in seen:
        assert len(writers & set(together)) <= 1, together  # one whole-document writer
        assert together.count("den PDF-Satz") <= 1, together  # the parts one at a time
        if "das ODT" in together or together[0] == "typst":
            assert len(together) == 1, together  # alone
    assert ("typst",) in seen
    assert not any("das DOCX" in together for together in seen)  # in parts
    for fmt in ("html", "pdf", "odt"):
        assert parts[fmt].read_bytes() == whole[fmt].read_bytes(), fmt
    with zipfile.ZipFile(whole["docx"]) as a, zipfile.ZipFile(parts["docx"]) as b:
        assert a.read("word/document.xml") == b.read("word/document.xml")


def test_long_document_a_failing_writer_beside_the_typst_text_writes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from integrationskonzept.errors import RenderError

    monkeypatch.setattr(pipeline, "SEQUENTIAL_AB", 0)
    satz: list[str] = []

    def typst_text(job: Any, **kw: Any) -> None:
        time.sleep(0.5)  # still at work when the HTML fails
        satz.append("geschrieben")

    def broken(job: Any) -> bytes:
        raise RenderError("Pandoc konnte das HTML nicht schreiben.")

    monkeypatch.setattr(formats, "typst_text", typst_text)
    monkeypatch.setattr(formats, "html_steps", _whole(broken))
    with pytest.raises(RenderError, match="das HTML nicht schreiben"):
        run(LONG, tmp_path / "aus", formats=("md", "html", "pdf"))
    # the typst text beside it finished (its build folder was not removed under it)
    assert satz == ["geschrieben"]
    assert not list((tmp_path / "aus").glob("*"))  # nothing written half


def test_long_document_a_failing_typst_text_is_reported_before_the_next_format(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from integrationskonzept.errors import RenderError

    monkeypatch.setattr(pipeline, "SEQUENTIAL_AB", 0)
    written: list[str] = []
    html_started, failing = threading.Event(), threading.Event()

    def typst_text(job: Any, **kw: Any) -> None:
        assert html_started.wait(30)
        failing.set()
        raise RenderError("Pandoc konnte den PDF-Satz nicht schreiben.")

    def html(job: Any) -> bytes:
        html_started.set()
        assert failing.wait(30)
        time.sleep(0.2)  # the typst text has failed by now
        written.append("html")
        return b"<html></html>"

    monkeypatch.setattr(formats, "typst_text", typst_text)
    monkeypatch.setattr(formats, "html_steps", _whole(html))
    monkeypatch.setattr(formats, "docx_steps",
                        _whole(lambda job: written.append("docx") or b"PK"))
    with pytest.raises(RenderError, match="PDF-Satz nicht schreiben"):
        run(LONG, tmp_path / "aus", formats=("html", "docx", "pdf"))
    assert written == ["html"]  # DOCX did not start after the failure
    assert not list((tmp_path / "aus").glob("*"))


@pytest.mark.slow
def test_long_document_finishes_the_docx_beside_typst(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The DOCX's finishing in Python runs while typst sets the pages (the other core
    would wait), with the same files as one after the other."""
    whole = run(LONG, tmp_path / "ganz", formats=("html", "docx", "pdf"))
    monkeypatch.setattr(pipeline, "SEQUENTIAL_AB", 0)
    typst_started = threading.Event()
    compile_pdf, finish_docx = formats.compile_pdf, formats.finish_docx

    def typst(*args: Any, **kw: Any) -> Any:
        typst_started.set()
        return compile_pdf(*args, **kw)

    def finish(*args: Any, **kw: Any) -> bytes:
        assert typst_started.wait(30), "typst begann erst nach der Nacharbeit des DOCX"
        return finish_docx(*args, **kw)

    monkeypatch.setattr(formats, "compile_pdf", typst)
    monkeypatch.setattr(formats, "finish_docx", finish)
    messages: list[str] = []
    beside = run(LONG, tmp_path / "daneben", formats=("html", "docx", "pdf"),
                 progress=messages.append)
    for fmt in ("html", "docx", "pdf"):
        assert beside[fmt].read_bytes() == whole[fmt].read_bytes(), fmt
    assert messages.index("PDF: typst setzt die Seiten (bei großen Konzepten einige "
                          "Minuten) …") < next(i for i, m in enumerate(messages)
                                             if m.startswith("DOCX fertig"))


def test_long_document_a_failing_docx_beside_typst_writes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from integrationskonzept.errors import RenderError

    monkeypatch.setattr(pipeline, "SEQUENTIAL_AB", 0)
    typst_done: list[str] = []

    def typeset(job: Any) -> bytes:
        time.sleep(0.5)  # still at work when the DOCX fails
        typst_done.append("pdf")
        return b"%PDF"

    def docx_steps(job: Any) -> Any:
        def finish(written: list[bytes]) -> bytes:
            raise RenderError("Das DOCX ist beschädigt.")
        return [lambda: b"PK"], finish

    monkeypatch.setattr(formats, "typst_text", lambda job, **kw: None)
    monkeypatch.setattr(formats, "typeset", typeset)
    monkeypatch.setattr(formats, "html_steps", _whole(lambda job: b"<html></html>"))
    monkeypatch.setattr(formats, "docx_steps", docx_steps)
    with pytest.raises(RenderError, match="DOCX ist beschädigt"):
        run(LONG, tmp_path / "aus", formats=("html", "docx", "pdf"))
    # typst beside it finished (its build folder was not removed under it)
    assert typst_done == ["pdf"]
    assert not list((tmp_path / "aus").glob("*"))


@pytest.mark.slow
def test_long_document_writes_the_html_and_the_docx_in_parts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without footnotes, the HTML of a long document is written in its parts (each
    numbered on from the chapters before it) and the page from the headings alone, the
    DOCX in its parts joined into one: no whole-document writer runs, and the files are
    the same as written whole."""
    text = PLAIN
    whole = run(text, tmp_path / "ganz", formats=("html", "docx", "pdf"))
    monkeypatch.setattr(pipeline, "SEQUENTIAL_AB", 0)
    monkeypatch.setattr(pipeline, "TEILE_AB", 0)
    seen: list[tuple[str, ...]] = []
    written: list[str] = []

    def name(args: list[str], what: str) -> str:
        if what == "das HTML" and "koepfe.json" in args:
            return "die Seite des HTML"  # from the headings alone
        if any(arg.startswith("--number-offset=") for arg in args):
            written.append(f"{what} {args[2]}")
            return "ein Teil des " + what.removeprefix("das ")
        return what

    monkeypatch.setattr(formats, "run_pandoc", _recording(threading.Lock(), [], seen, name))
    parts = run(text, tmp_path / "teile", formats=("html", "docx", "pdf"))
    for fmt in ("html", "docx", "pdf"):
        assert parts[fmt].read_bytes() == whole[fmt].read_bytes(), fmt
    assert sorted(written) == ["das DOCX teil-1.json", "das DOCX teil-2.json",
                               "das HTML teil-1.json", "das HTML teil-2.json"]
    for together in seen:
        assert not {"das HTML", "das DOCX"} & set(together), together
    page = parts["html"].read_text(encoding="utf-8")
    assert '<span class="header-section-number">6.1</span> Abschnitt' in page
    assert page.count('class="toc-section-number">6</span>') == 1


def test_html_is_written_whole_where_the_writer_counts_through_the_page(
        tmp_path: Path) -> None:
    """Footnotes and code blocks are numbered through the whole page: whole then, and
    when the stylesheet or the header could be taken for the page's body."""
    from integrationskonzept.render import htmlparts

    def part(name: str, blocks: str, heads: str) -> str:
        return read_part(tmp_path, name, blocks, heads)

    chapter = CHAPTER
    first = part("teil-1.json", chapter, chapter)
    (tmp_path / "kopf.html").write_text("<style></style>", encoding="utf-8")
    plan = htmlparts.plan(tmp_path, [first, part("teil-2.json", chapter, chapter)],
                          ["kopf.html"])
    assert plan is not None and plan.parts == [("teil-1.json", "0"), ("teil-2.json", "1")]
    note = '{"t":"Para","c":[{"t":"Note","c":[]}]}'
    code = '{"t":"CodeBlock","c":[["",[],[]],"x"]}'
    for blocks, heads in [(chapter + "," + note, chapter), (chapter + "," + code, chapter)]:
        assert htmlparts.plan(tmp_path, [first, part("teil-2.json", blocks, heads)],
                              ["kopf.html"]) is None, blocks
    (tmp_path / "kopf.html").write_text('<main id="ik-inhalt">', encoding="utf-8")
    assert htmlparts.plan(tmp_path, [first, part("teil-2.json", chapter, chapter)],
                          ["kopf.html"]) is None


@pytest.mark.parametrize("what", ["das HTML", "das DOCX"])
def test_long_document_a_failing_part_writes_nothing(
        what: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from integrationskonzept.errors import RenderError

    monkeypatch.setattr(pipeline, "SEQUENTIAL_AB", 0)
    monkeypatch.setattr(pipeline, "TEILE_AB", 0)
    parts: list[str] = []

    def pandoc(args: list[str], **kw: Any) -> bytes:
        if kw["what"] == what and any(arg.startswith("--number-offset=") for arg in args):
            parts.append(args[2])
            if args[2] == "teil-2.json":
                raise RenderError(f"Pandoc konnte {what} nicht erzeugen: kaputt")
        return run_pandoc(args, **kw)

    monkeypatch.setattr(formats, "run_pandoc", pandoc)
    with pytest.raises(RenderError, match=f"{what} nicht erzeugen: kaputt"):
        run(PLAIN, tmp_path / "aus", formats=("html", "docx", "pdf"))
    assert "teil-2.json" in parts  # written in parts
    assert not list((tmp_path / "aus").glob("*"))


def test_a_long_document_is_read_in_parts_of_bounded_size(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """More parts than cores when the text is long (pipeline.TEIL_ZEICHEN): each writer
    holds less; the files are the same."""
    whole = run(PLAIN, tmp_path / "ganz", formats=("html", "docx"))
    monkeypatch.setattr(pipeline, "SEQUENTIAL_AB", 0)
    monkeypatch.setattr(pipeline, "TEILE_AB", 0)
    monkeypatch.setattr(pipeline, "TEIL_ZEICHEN", len(PLAIN) // 4)
    lock = threading.Lock()
    active: list[str] = []
    seen: list[tuple[str, ...]] = []
    started: list[str] = []

    def name(_args: list[str], what: str) -> str:
        started.append(what)
        return what

    monkeypatch.setattr(formats, "run_pandoc", _recording(lock, active, seen, name))
    parts = run(PLAIN, tmp_path / "teile", formats=("html", "docx"))
    # asked for four parts: three, as the chapters with an identifier allow (more than
    # the two cores), one reader per core at a time
    assert started.count("den Markdown-Text") == 3
    assert all(together.count("den Markdown-Text") <= 2 for together in seen)
    assert parts["html"].read_bytes() == whole["html"].read_bytes()
    with zipfile.ZipFile(whole["docx"]) as a, zipfile.ZipFile(parts["docx"]) as b:
        assert a.read("word/document.xml") == b.read("word/document.xml")


def _heading(level: int, ident: str, unnumbered: bool = False) -> str:
    classes = '"unnumbered"' if unnumbered else ""
    return f'{{"t":"Header","c":[{level},["{ident}",[{classes}],[]],[{{"t":"Str","c":"x"}}]]}}'


@pytest.mark.parametrize(("heads", "offsets"), [
    # chapters only: the number of chapters before each part
    ([[(1, "a"), (2, "a1")], [(1, "b")], [(1, "c")]], ["0", "1", "2"]),
    # a part inside a chapter goes on from the number of the heading before it ...
    ([[(1, "a"), (2, "a1"), (3, "a1x")], [(3, "a1y"), (2, "a2")], [(2, "a3"), (1, "b")]],
     ["0", "1,1,1", "1,2"]),
    # ... also below a level that was skipped, and past unnumbered headings or none
    ([[(1, "a"), (3, "a0x")], [(3, "a0y")], [(1, "q", True)], [(2, "q1")], []],
     ["0", "1,0,1", "1,0,2", "1,0", "1,1"]),
])
def test_parts_are_numbered_on_from_the_numbers_before_them(
        heads: list[list[tuple[int, str] | tuple[int, str, bool]]], offsets: list[str],
        tmp_path: Path) -> None:
    """The offsets are pandoc's own count (checked against a whole document in
    test_a_chapter_longer_than_a_part_is_cut_before_its_sections)."""
    from integrationskonzept.render import htmlparts

    names = []
    for number, part in enumerate(heads, 1):
        blocks = ",".join(_heading(*h) for h in part)
        names.append(read_part(tmp_path, f"teil-{number}.json", blocks, blocks))
    found = htmlparts.chapters_before(tmp_path, names)
    assert found is not None and [offset for _teil, offset in found[1]] == offsets


def _png(width: int, height: int) -> bytes:
    """A white PNG of ``width`` × ``height`` pixels."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    rows = b"".join(b"\x00" + b"\xff\xff\xff" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def _gruppen(n: int, zeilen: int) -> str:
    """A long list under one heading per group (as the Angebotsübersicht of a Landkreis),
    with a web link in each group and an image in the third (counted by the DOCX
    writer; an image or link in two parts gets one id in the whole, see docxparts)."""
    return "".join(
        f"\n### Gruppe {g} {{#gruppe-{g}}}\n\n"
        + ("![Bild](diagramme/gruppe.svg){#fig-gruppe width=20%}\n\n" if g == 3 else "")
        + "".join(
            f"- **[A {g}.{i}]{{#a-{g}-{i}}}** Angebot {i} der Gruppe {g}"
            + (f", [Seite](https://example.org/{g})" if i == 2 else "") + "\n"
            for i in range(1, zeilen)) for g in range(1, n + 1))


LISTE = (PLAIN + "\n# Übersicht {#uebersicht}\n\n## Alle Angebote {#alle}\n" + _gruppen(4, 40)
         + "\n## Danach {#danach}\n\nText.\n\n# Schluss {#schluss}\n\n## Ende {#ende}\n\nEnde.\n")
# the list at the end: its sections end with the document
AM_ENDE = PLAIN + "\n# Übersicht {#uebersicht}\n\n## Alle Angebote {#alle}\n" + _gruppen(4, 40)


@pytest.mark.slow
@pytest.mark.parametrize(("text", "quote"), [
    (LISTE, ""), (AM_ENDE, ""), (LISTE, "\n> ## Im Zitat {#zitat}\n")])
def test_a_chapter_longer_than_a_part_is_cut_before_its_sections(
        text: str, quote: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long document whose chapter is longer than a part: read in parts cut before
    the chapter's sections, each read from the heading level before it (``IK_EBENE``)
    and written numbered on from the numbers before it (the DOCX's sections that run
    across a cut joined as pandoc writes them); the same files as whole. A heading the
    cut cannot see (in a quotation) makes it read whole."""
    text = text.replace("\n### Gruppe 2 ", quote + "\n### Gruppe 2 ")
    bild = _png(2, 1)  # an image of its own (one the document has already keeps its id)
    assets = {**ASSETS, "diagramme/gruppe.svg": SVG.replace(b"#1F4E79", b"#C55A11"),
              "diagramme/gruppe.png": bild}
    whole = run(text, tmp_path / "ganz", formats=("html", "docx", "pdf"), assets=assets)
    monkeypatch.setattr(pipeline, "SEQUENTIAL_AB", 0)
    monkeypatch.setattr(pipeline, "TEILE_AB", 0)
    monkeypatch.setattr(pipeline, "TEIL_ZEICHEN", 1500)
    monkeypatch.setattr(pipeline, "KAPITEL_ZEICHEN", 1500)
    reads: list[dict[str, str]] = []
    docx: list[str] = []  # the parts the DOCX is written in

    def pandoc(args: list[str], **kw: Any) -> bytes:
        if kw["what"] == "den Markdown-Text":
            reads.append({"quelle": args[2], **(kw.get("env") or {})})
        if kw["what"] == "das DOCX":
            docx.append(next(a for a in args if a.endswith(".json")))
        return run_pandoc(args, **kw)

    monkeypatch.setattr(formats, "run_pandoc", pandoc)
    parts = run(text, tmp_path / "teile", formats=("html", "docx", "pdf"), assets=assets)
    for fmt in ("html", "pdf"):
        assert parts[fmt].read_bytes() == whole[fmt].read_bytes(), fmt
    with zipfile.ZipFile(whole["docx"]) as a, zipfile.ZipFile(parts["docx"]) as b:
        assert a.read("word/document.xml") == b.read("word/document.xml")
    inside = [r for r in reads if "IK_EBENE" in r]
    assert inside and all(r["IK_EBENE"] in ("2", "3") for r in inside)
    if quote:  # read in parts, then whole
        assert reads[-1]["quelle"] == "quelle.md"
    else:
        assert "quelle.md" not in [r["quelle"] for r in reads]
        page = parts["html"].read_text(encoding="utf-8")
        assert '<span class="header-section-number">7.1.3</span> Gruppe 3' in page
        if text == LISTE:
            assert '<span class="header-section-number">8.1</span> Ende' in page
        # the DOCX in the same parts (no writer of the whole)
        assert sorted(docx) == sorted(f"teil-{n}.json" for n in range(1, len(reads) + 1))


@pytest.mark.slow
def test_docx_parts_that_do_not_join_are_written_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A package shape the join does not know (docxparts raises ValueError): the DOCX is
    written whole instead, the same file, and the build goes on."""
    from integrationskonzept.render import docxparts

    whole = run(PLAIN, tmp_path / "ganz", formats=("docx",))
    monkeypatch.setattr(pipeline, "SEQUENTIAL_AB", 0)
    monkeypatch.setattr(pipeline, "TEILE_AB", 0)
    writes: list[bool] = []

    def pandoc(args: list[str], **kw: Any) -> bytes:
        if kw["what"] == "das DOCX":
            writes.append(any(arg.startswith("--number-offset=") for arg in args))
        return run_pandoc(args, **kw)

    def join(*_args: Any) -> bytes:
        raise ValueError("a part's relationship differs from the first part's")

    monkeypatch.setattr(formats, "run_pandoc", pandoc)
    monkeypatch.setattr(docxparts, "join", join)
    parts = run(PLAIN, tmp_path / "teile", formats=("docx",))
    assert writes == [True, True, False]  # the parts, then the whole
    with zipfile.ZipFile(whole["docx"]) as a, zipfile.ZipFile(parts["docx"]) as b:
        assert a.read("word/document.xml") == b.read("word/document.xml")
