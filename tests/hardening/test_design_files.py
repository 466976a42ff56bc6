"""Files in design/ come from other hands: nothing outside design/ is read through them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from integrationskonzept.errors import IkError
from integrationskonzept.render import RenderError, default_design
from integrationskonzept.render.build import build
from integrationskonzept.render.design import load_design
from integrationskonzept.render.stylesheet import check_stylesheet, theme_source

SECRET = "geheimes-token-4711"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "geheim.txt"
    path.write_text(f"{SECRET}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["style.css", "theme.typ", "reference.docx", "design.yaml"])
def test_design_file_linking_outside_is_refused(concept, secret: Path, name: str) -> None:
    root = concept()
    (root / "design").mkdir()
    os.symlink(secret, root / "design" / name)
    with pytest.raises(RenderError, match=f"design/{name} ist eine Verknüpfung") as info:
        load_design(root)
    assert SECRET not in info.value.message


def test_font_folder_linking_to_the_file_system_is_refused(concept) -> None:
    root = concept()
    (root / "design").mkdir()
    os.symlink("/", root / "design" / "schriften")
    with pytest.raises(RenderError, match="design/schriften ist eine Verknüpfung"):
        load_design(root)


def test_font_file_linking_outside_is_refused(concept, secret: Path) -> None:
    root = concept()
    (root / "design" / "schriften").mkdir(parents=True)
    os.symlink(secret, root / "design" / "schriften" / "x.ttf")
    with pytest.raises(RenderError, match="design/schriften/x.ttf ist eine Verknüpfung"):
        load_design(root)


def test_design_folder_linking_outside_the_concept_is_refused(concept, tmp_path: Path) -> None:
    root = concept()
    (tmp_path / "fremd").mkdir()
    os.symlink(tmp_path / "fremd", root / "design")
    with pytest.raises(RenderError, match="design ist eine Verknüpfung"):
        load_design(root)


def test_links_inside_design_are_fine(concept) -> None:
    root = concept()
    (root / "design" / "css").mkdir(parents=True)
    (root / "design" / "css" / "haus.css").write_text("body { color: #123456 }\n")
    os.symlink("css/haus.css", root / "design" / "style.css")
    assert load_design(root).style_css.read_text().startswith("body")


@pytest.mark.parametrize(("text", "message"), [
    ("a: &x [1, 2]\nb: *x\n",
     "design/design.yaml:1:4: keine gültige YAML-Datei (Anker „&x“ sind nicht erlaubt)"),
    ("farben: !!python/object:os.system {}\n", "design/design.yaml:1:9"),
    ("schrift: [" * 200 + "\n", "design/design.yaml"),
])
def test_design_yaml_is_read_with_the_safe_reader(concept, text: str, message: str) -> None:
    root = concept(extra={"design/design.yaml": text})
    with pytest.raises(RenderError) as info:
        load_design(root)
    assert message in info.value.message


@pytest.mark.slow
def test_build_with_a_linked_stylesheet_exits_with_the_file(concept, secret: Path,
                                                           tmp_path: Path) -> None:
    root = concept()
    (root / "design").mkdir()
    os.symlink(secret, root / "design" / "style.css")
    with pytest.raises(IkError, match="design/style.css ist eine Verknüpfung") as info:
        build(root, ["html"], out=tmp_path / "out")
    assert SECRET not in info.value.message
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("css", "shown"), [
    ('body { background: image-set("https://e.example/a.png" 1x) }', "image-set"),
    ("a { background: u\\72l(https://e.example/x) }", "url(https://e.example/x)"),
    ("b { background: image-set('\\68ttps://e.example/x' 1x) }", "https://e.example/x"),
    ("@font-face { font-family: X; src: url(//e.example/f.woff) }", "url(//e.example/f.woff)"),
    ("@media print { a { background: url(file:///etc/passwd) } }", "file:///etc/passwd"),
    ("i { background: -webkit-image-set(url(https://e.example/x) 1x) }", "url("),
    ('@import "https://e.example/x.css";', "@import"),
])
def test_stylesheet_urls_are_found_through_escapes_and_functions(css: str, shown: str) -> None:
    with pytest.raises(RenderError, match="lädt Dateien aus dem Internet") as info:
        check_stylesheet(css)
    assert shown in info.value.message and "design/style.css, Zeile 1" in info.value.message


def test_stylesheet_with_embedded_data_is_fine() -> None:
    check_stylesheet("a { background: url(data:image/png;base64,AAAA) }\n"
                     "@font-face { font-family: Y; src: local(Arial) }\n")


@pytest.mark.parametrize("source", [
    '#import "@preview/cetz:0.3.0": canvas\n',
    "#let x = 1\n#include '@local/x:1.0.0'\n",
])
def test_theme_may_not_import_packages(tmp_path: Path, source: str) -> None:
    (tmp_path / "design").mkdir()
    theme = tmp_path / "design" / "theme.typ"
    theme.write_text(source, encoding="utf-8")
    with pytest.raises(RenderError, match="typst-Pakete .* sind nicht erlaubt") as info:
        theme_source(theme)
    assert info.value.message.startswith(f"design/theme.typ, Zeile {source.count(chr(10))}")


def test_default_theme_and_stylesheet_pass() -> None:
    design = default_design()
    check_stylesheet(design.style_css.read_text(encoding="utf-8"))
    assert "konzept" in theme_source(design.theme_typ)
