"""Long documents are read (and set for typst) in parts at once: same files as read whole."""

from __future__ import annotations

import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from render_helpers import SAMPLE, run

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
    """A long document: HTML, DOCX and ODT one after the other, pandoc's typst text of
    the PDF beside them (its parts one at a time), typst alone at the end."""
    from integrationskonzept.render import typesetter

    whole = run(LONG, tmp_path / "ganz", formats=("html", "docx", "odt", "pdf"))
    monkeypatch.setattr(pipeline, "SEQUENTIAL_AB", 0)
    monkeypatch.setattr(pipeline, "TEILE_AB", 0)
    lock = threading.Lock()
    active: list[str] = []
    seen: list[tuple[str, ...]] = []  # who ran at the same time, at each start
    satz_started = threading.Event()

    def pandoc(args: list[str], **kw: Any) -> bytes:
        what = kw["what"]
        if what == "den PDF-Satz":
            satz_started.set()
        elif what in ("das HTML", "das DOCX"):
            # waits for the typst text: without it beside, this writer would wait alone
            assert satz_started.wait(30), "der typst-Satz lief nicht neben dem Writer"
        with lock:
            active.append(what)
            seen.append(tuple(sorted(active)))
        try:
            return run_pandoc(args, **kw)
        finally:
            with lock:
                active.remove(what)

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
    monkeypatch.setattr(formats, "html", broken)
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
    monkeypatch.setattr(formats, "html", html)
    monkeypatch.setattr(formats, "docx", lambda job: written.append("docx") or b"")
    with pytest.raises(RenderError, match="PDF-Satz nicht schreiben"):
        run(LONG, tmp_path / "aus", formats=("html", "docx", "pdf"))
    assert written == ["html"]  # DOCX did not start after the failure
    assert not list((tmp_path / "aus").glob("*"))
