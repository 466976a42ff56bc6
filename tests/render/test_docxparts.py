"""The DOCX of a long document written in parts and joined: the package pandoc writes
for the whole document (small DOCX files written by pandoc here)."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from render_helpers import CHAPTER, PNG, UNNUMBERED, read_part

from integrationskonzept.render import docxparts
from integrationskonzept.render.pandoc import pandoc_path

# two parts of one document, cut before a chapter: what pandoc counts through the
# document (bookmarks, images and links, drawings, footnotes, lists, captions and the
# bookmarks of tables and figures without an identifier) on both sides of the cut, an
# internal link from the first part to the second and back
FIRST = """\
# Eins {#eins}

Text mit Fußnote[^a] und [Web](https://example.org/a) und [nach vorn](#abschnitt).

[^a]: Die erste Note mit [Link](https://example.org/note).

- Punkt eins
- Punkt zwei

3. drei
4. vier

| A | B |
|---|---|
| 1 | 2 |

: Erste Tabelle

![Erstes Bild](bild-a.png)

![Mit Kennung](bild-b.png){#fig-b}

# Noch eins {#noch}

Text.
"""
SECOND = """\
# Zwei {#zwei}

## Abschnitt {#abschnitt}

Zweite Fußnote[^b], [anderes](https://example.org/z), [zurück](#eins).

[^b]: Die zweite Note.

- Punkt drei

1. eins
2. zwei

| C | D |
|---|---|
| 3 | 4 |

: Zweite Tabelle

![Neues Bild](bild-c.png)
"""
# an image file and a web link of the first part again: pandoc gives each one id
AGAIN = "\n[Web](https://example.org/a)\n\n![Wieder das erste Bild](bild-a.png)\n"
META = ["-M", "title=Titel", "-M", "subtitle=Untertitel", "-M", "author=Autorin",
        "-M", "date=1. März 2025"]


def _docx(folder: Path, text: str, *args: str) -> bytes:
    (folder / "text.md").write_text(text, encoding="utf-8")
    return subprocess.run(
        [pandoc_path(), "text.md", "-t", "docx+native_numbering", "--number-sections", *META,
         *args, "-o", "-"], cwd=folder, check=True, capture_output=True,
        env={"SOURCE_DATE_EPOCH": "1740830400"}).stdout


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("bild-a.png", "bild-b.png", "bild-c.png"):
        (tmp_path / name).write_bytes(PNG + name.encode())  # three different files
    return tmp_path


def test_the_joined_parts_are_the_package_of_the_whole_document(folder: Path) -> None:
    whole = _docx(folder, FIRST + "\n" + SECOND, "--toc")
    parts = [_docx(folder, FIRST, "--toc"), _docx(folder, SECOND, "--number-offset=2")]
    joined = _members(docxparts.join(parts))
    expected = _members(whole)
    assert list(joined) == list(expected)
    for name, content in expected.items():
        assert joined[name] == content, name


def test_the_join_keeps_lists_relationships_bookmarks_and_notes_apart(folder: Path) -> None:
    """What a user checks in the joined file: each list its own, every bookmark id once,
    every internal link with its bookmark, every image and link with its target; an
    image and a link of the first part again in the second share its relationship."""
    parts = [_docx(folder, FIRST, "--toc"),
             _docx(folder, SECOND + AGAIN, "--number-offset=2")]
    joined = _members(docxparts.join(parts))
    body = joined["word/document.xml"].decode()
    numbering = joined["word/numbering.xml"].decode()
    rels = joined["word/_rels/document.xml.rels"].decode()
    lists = re.findall(r'<w:numId w:val="(\d+)" />', body)
    assert len(set(lists)) == 4  # two lists in each part, none continues another
    for num in set(lists):
        assert f'<w:num w:numId="{num}">' in numbering
    starts = re.findall(r'<w:bookmarkStart w:id="(\d+)" w:name="([^"]*)"', body)
    assert len({ident for ident, _ in starts}) == len(starts)
    names = {name for _, name in starts}
    assert len(names) == len(starts)  # the second part's table is not "table1" again
    assert {"eins", "abschnitt"} <= set(re.findall(r'w:anchor="([^"]*)"', body)) <= names
    assert re.findall(r"<w:pStyle w:val=\"Title\" />", body) == ['<w:pStyle w:val="Title" />']
    embedded = re.findall(r'r:embed="([^"]+)"', body)
    targets = dict(re.findall(r'Id="([^"]+)" Target="([^"]+)"', rels))
    assert len(embedded) == 4 and len(set(embedded)) == 3  # the first image once, as whole
    assert rels.count("https://example.org/a") == 1
    for ident in embedded:
        assert "word/" + targets[ident] in joined
    assert len(re.findall(r'<w:footnote w:id="(\d+)">', joined["word/footnotes.xml"].decode())) == 2
    # Tabelle 1, Abbildung 1 and 2, Tabelle 2, Abbildung 3 and 4
    assert re.findall(r"SEQ (\w+) [^>]*><w:r><w:t>(\d+)</w:t>", body) == [
        ("Table", "1"), ("Figure", "1"), ("Figure", "2"), ("Table", "2"), ("Figure", "3"),
        ("Figure", "4")]


def test_comments_are_refused_by_the_join(folder: Path) -> None:
    with_comment = FIRST + "\n[Anmerkung]{.comment-start id=\"7\" author=\"A\"} x " \
        "[]{.comment-end id=\"7\"}\n"
    with pytest.raises(ValueError, match="comments"):
        docxparts.join([_docx(folder, with_comment), _docx(folder, SECOND)])


def test_the_docx_is_written_whole_with_comments(tmp_path: Path) -> None:
    """Footnotes and code blocks do not keep the DOCX whole (unlike the HTML); comments
    do."""
    def part(name: str, blocks: str, heads: str) -> str:
        return read_part(tmp_path, name, blocks, heads)

    chapter, unnumbered = CHAPTER, UNNUMBERED
    note = '{"t":"Para","c":[{"t":"Note","c":[]}]}'
    comment = '{"t":"Span","c":[["",["comment-start"],[]],[]]}'
    first = part("teil-1.json", chapter + "," + chapter, chapter + "," + chapter)
    assert docxparts.plan(tmp_path, [first, part("teil-2.json", chapter + "," + note,
                                                 chapter)]) == docxparts.Plan(
        [("teil-1.json", "0"), ("teil-2.json", "2")], {"b": 1})
    assert docxparts.plan(tmp_path, [first]) is None
    blocks = chapter + ',{"t":"Para","c":[' + comment + "]}"
    assert docxparts.plan(tmp_path, [first, part("teil-2.json", blocks, chapter)]) is None
    # a part that begins with an unnumbered chapter goes on from the numbers before it
    found = docxparts.plan(tmp_path, [first, part("teil-2.json", unnumbered, unnumbered)])
    assert found is not None and found.parts == [("teil-1.json", "0"), ("teil-2.json", "2")]
