"""Text in the sources is content, never code: hostile Markdown does not pass through."""

from __future__ import annotations

import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from render_helpers import pdf_text, run

HOSTILE = """\
# Angriff

<script>alert("x")</script>

```{=typst}
#read("/etc/passwd")
```

```{=html}
<iframe src="https://evil.example"></iframe>
```

```{=openxml}
<w:p><w:r><w:t>EINGESCHLEUST</w:t></w:r></w:p>
```

Inline `#panic("boom")`{=typst} und #read("/etc/passwd") und $x^2$ und \\begin{x}tex\\end{x}.

[Datei](file:///etc/passwd) [Skript](javascript:alert(1)) [Pfad](../geheim.txt)
[Gut](https://example.org)

![Passwort](/etc/passwd) ![Fremd](https://evil.example/t.png)

[rot]{typst:text:fill="red" onclick="alert(1)" style="color:red" custom-style="Title"}

::: {typst:block:fill="eval('1')" onmouseover="x"}
Absatz im Div
:::

| a | b |
|---|---|
| 1 | 2 |

: Tabelle {#tbl-x typst:table:fill="red" onclick="x" style="color:red"}
"""


class _Tags(HTMLParser):
    """Collects the real tags and attributes (text that looks like HTML is not a tag)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def active_content(html: str) -> list[str]:
    """Everything in ``html`` that could run, load or point somewhere it should not."""
    parser = _Tags()
    parser.feed(html)
    found = []
    for tag, attrs in parser.tags:
        if tag in {"script", "iframe", "object", "embed", "link", "base", "form"}:
            found.append(tag)
        for key, value in attrs.items():
            if key.startswith("on") or key == "style":
                found.append(f"{tag} {key}")
            if key in {"href", "src"} and not value.startswith(
                    ("https://", "http://", "mailto:", "#", "data:image/")):
                found.append(f"{tag} {key}={value}")
            if key == "src" and value.startswith("http"):
                found.append(f"{tag} src={value}")
    return found


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return run(HOSTILE, tmp_path_factory.mktemp("hostile"), formats=["html", "docx", "pdf"])


def test_html_has_no_active_content(hostile: dict[str, Path]) -> None:
    html = hostile["html"].read_text(encoding="utf-8")
    assert active_content(html) == []
    assert "&lt;script&gt;" in html  # shown as text
    assert '<a href="https://example.org">Gut</a>' in html
    assert "Datei" in html and "Skript" in html  # link text kept
    assert html.count("<img") == 0


def test_docx_has_no_injected_xml(hostile: dict[str, Path]) -> None:
    xml = zipfile.ZipFile(hostile["docx"]).read("word/document.xml").decode()
    assert "<w:t>EINGESCHLEUST</w:t>" not in xml
    assert "&lt;w:t&gt;EINGESCHLEUST" in xml  # shown as text
    assert not [n for n in zipfile.ZipFile(hostile["docx"]).namelist() if "media" in n]
    assert 'w:val="Title"' not in xml.split("Angriff", 1)[1]


def test_pdf_shows_code_as_text(hostile: dict[str, Path]) -> None:
    text = pdf_text(hostile["pdf"])
    assert '#read("/etc/passwd")' in text  # the raw block became literal text
    assert "root:" not in text  # and was never executed
    assert "boom" in text and "Absatz im Div" in text


def test_image_outside_assets_is_dropped(tmp_path: Path) -> None:
    files = run("# A\n\n![Alt](diagramme/fehlt.svg)\n", tmp_path, formats=["html"])
    html = files["html"].read_text(encoding="utf-8")
    assert "<img" not in html and "<em>Alt</em>" in html


def test_harmless_attributes_and_anchors_stay(tmp_path: Path) -> None:
    markdown = ("# Maßnahmen\n\n[Welcome]{lang=en} siehe [oben](#maßnahmen) und "
                "[Bild]{lang='en\" onclick=\"x'}.\n")
    html = run(markdown, tmp_path, formats=["html"])["html"].read_text(encoding="utf-8")
    assert '<span lang="en">Welcome</span>' in html
    assert '<a href="#maßnahmen">oben</a>' in html
    assert "onclick" not in html


def test_ast_input_goes_through_the_same_filter(tmp_path: Path) -> None:
    import json
    import subprocess

    from integrationskonzept.render.pandoc import pandoc_path

    ast = subprocess.run(
        [pandoc_path(), "-f", "markdown", "-t", "json"],
        input=HOSTILE.encode(), capture_output=True, check=True,
    ).stdout
    assert "RawBlock" in json.dumps(json.loads(ast))  # the raw blocks are in the input
    html = run(HOSTILE, tmp_path, formats=["html"], ast_json=ast)["html"].read_text()
    assert active_content(html) == []


def test_active_content_detector_finds_what_it_should() -> None:
    html = ('<script>x</script><a href="file:///etc/passwd">a</a><img src="https://e.example/x"'
            ' onerror="x"><p style="color:red">&lt;script&gt;</p>')
    assert active_content(html) == [
        "script", "a href=file:///etc/passwd", "img src=https://e.example/x", "img onerror",
        "p style"]


def test_hostile_metadata_is_text(tmp_path: Path) -> None:
    import dataclasses

    from render_helpers import META

    meta = dataclasses.replace(META, title='Titel") #panic("boom', kommune="<script>*K*</script>",
                               subtitle="[x](file:///etc/passwd) {=typst}")
    files = run("# A\n\nText.\n", tmp_path, formats=["html", "pdf", "docx"], meta=meta)
    html = files["html"].read_text(encoding="utf-8")
    assert active_content(html) == []
    assert "&lt;script&gt;*K*&lt;/script&gt;" in html
    text = pdf_text(files["pdf"])
    assert 'Titel") #panic("boom' in text and "<script>*K*</script>" in text
    header = "".join(zipfile.ZipFile(files["docx"]).read(n).decode()
                     for n in zipfile.ZipFile(files["docx"]).namelist() if "header" in n)
    assert "&lt;script&gt;*K*&lt;/script&gt;" in header
