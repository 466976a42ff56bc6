"""Long documents are read (and set for typst) in parts at once: same files as read whole."""

from __future__ import annotations

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
