"""Design resolution (defaults, concept overrides), the generated reference.docx, defaults."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from integrationskonzept.render import RenderError, default_design, load_design, write_defaults
from integrationskonzept.render.referencedoc import reference_docx


def test_defaults_exist() -> None:
    design = default_design()
    assert design.theme_typ.name == "theme.typ" and design.theme_typ.is_file()
    assert design.style_css.is_file()
    assert design.reference_docx is None  # generated
    assert (design.schrift, design.primaer) == ("Source Sans 3", "#1F4E79")


def test_concept_overrides_file_by_file(tmp_path: Path) -> None:
    folder = tmp_path / "design"
    folder.mkdir()
    (folder / "style.css").write_text("body {}", encoding="utf-8")
    (folder / "logo.png").write_bytes(b"\x89PNG")
    (folder / "schriften").mkdir()
    (folder / "design.yaml").write_text(
        'farben:\n  primaer: "#aa0000"\nlogo: logo.png\nlogo_alt: Wappen\n', encoding="utf-8")
    design = load_design(tmp_path)
    assert design.style_css == folder / "style.css"
    assert design.theme_typ == default_design().theme_typ
    assert (design.primaer, design.akzent) == ("#AA0000", "#C55A11")
    assert design.logo == (folder / "logo.png").resolve() and design.logo_alt == "Wappen"
    assert design.font_dirs == (folder / "schriften",)


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("farben:\n  primaer: rot\n", "Farbe »primaer« ist »rot«"),
        ("farben: blau\n", "»farben« muss eine Zuordnung sein"),
        ("logo: fehlt.png\n", "Logo-Datei »fehlt.png« nicht gefunden"),
        ("logo: ../../etc/passwd\n", "nicht gefunden"),
        ("schrift: 'a\"; #panic()'\n", "Schriftname"),
        ("schrift_office: 'a<b'\n", "schrift_office"),
        ("inhaltsverzeichnis_tiefe: 7\n", "Zahl von 1 bis 4"),
        ("- liste\n", "erwartet wird eine Zuordnung"),
        ("farben: [\n", "keine gültige YAML-Datei"),
    ],
)
def test_bad_design_yaml(tmp_path: Path, yaml_text: str, message: str) -> None:
    (tmp_path / "design").mkdir()
    (tmp_path / "design" / "design.yaml").write_text(yaml_text, encoding="utf-8")
    with pytest.raises(RenderError, match=message):
        load_design(tmp_path)


def test_reference_docx_is_a4_with_styles_and_fields() -> None:
    import docx

    data = reference_docx(default_design())
    assert data == reference_docx(default_design())  # deterministic
    doc = docx.Document(io.BytesIO(data))
    section = doc.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    names = {s.name for s in doc.styles}
    for name in ("Heading 1", "Heading 2", "Heading 3", "Heading 4", "Title", "Subtitle",
                 "Caption", "Table Caption", "Body Text", "First Paragraph", "Table"):
        assert name in names, name
    assert doc.styles["Normal"].font.name == "Arial"  # schrift_office: every Office has it
    assert " PAGE " in section.footer._element.xml and " NUMPAGES " in section.footer._element.xml
    assert section.different_first_page_header_footer  # no page number on the title page
    assert " PAGE " not in section.first_page_footer._element.xml
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
    assert "<w:tblHeader/>" in styles


def test_write_defaults_keeps_existing_files(tmp_path: Path) -> None:
    target = tmp_path / "design"
    written = write_defaults(target)
    assert sorted(p.name for p in written) == [
        "LIESMICH.md", "design.yaml", "reference.docx", "style.css", "theme.typ"]
    (target / "style.css").write_text("eigen", encoding="utf-8")
    assert write_defaults(target) == []
    assert (target / "style.css").read_text(encoding="utf-8") == "eigen"
    design = load_design(tmp_path)
    assert design.reference_docx == target / "reference.docx"
    assert write_defaults(target, overwrite=True)
    assert (target / "style.css").read_text(encoding="utf-8") != "eigen"


def test_user_reference_docx_and_logo(tmp_path: Path) -> None:
    from render_helpers import PNG, SAMPLE, pdf_text, run

    from integrationskonzept.render import DocumentMeta, Logo

    write_defaults(tmp_path / "design")
    (tmp_path / "wappen.png").write_bytes(PNG)
    meta = DocumentMeta(title="Konzept <&>", kommune="Gemeinde Ä", version="2",
                        logo=Logo(tmp_path / "wappen.png", "Wappen der Gemeinde Ä"))
    files = run(SAMPLE, tmp_path / "out", formats=["docx", "html", "pdf"],
                design=load_design(tmp_path), meta=meta)
    z = zipfile.ZipFile(files["docx"])
    header = "".join(z.read(n).decode() for n in z.namelist() if "header" in n)
    assert "Gemeinde Ä" in header and "Konzept &lt;&amp;&gt;" in header
    html = files["html"].read_text(encoding="utf-8")
    assert 'alt="Wappen der Gemeinde Ä"' in html and "<title>Konzept &lt;&amp;&gt;</title>" in html
    assert "Konzept <&>" in pdf_text(files["pdf"])


def test_generated_reference_docx_carries_the_logo(tmp_path: Path) -> None:
    from render_helpers import PNG, SAMPLE, run

    from integrationskonzept.render import DocumentMeta, Logo

    (tmp_path / "wappen.png").write_bytes(PNG)
    meta = DocumentMeta(title="T", kommune="K", logo=Logo(tmp_path / "wappen.png", "Wappen K"))
    files = run(SAMPLE, tmp_path / "out", formats=["docx"], meta=meta)
    z = zipfile.ZipFile(files["docx"])
    header = "".join(z.read(n).decode() for n in z.namelist() if "header" in n)
    assert 'descr="Wappen K"' in header
