"""Pixel bombs are refused from their header, before pandoc or typst decode them."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from integrationskonzept.errors import IkError
from integrationskonzept.render import RenderError
from integrationskonzept.render.build import build
from integrationskonzept.render.buildfolder import write_assets
from integrationskonzept.render.images import size_of


def png(width: int, height: int) -> bytes:
    """A PNG header (and one empty data chunk): what a decoder sizes its buffer from."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                             0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b""))


def jpeg(width: int, height: int) -> bytes:
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + b"\xff\xe0" + struct.pack(">H", 4) + b"JF" + sof + b"\xff\xd9"


@pytest.mark.parametrize(("data", "size"), [
    (png(60000, 60000), (60000, 60000)),
    (jpeg(640, 480), (640, 480)),
    (b"GIF89a" + struct.pack("<HH", 300, 200) + b"\x00" * 8, (300, 200)),
    (b"<svg/>", None),
])
def test_image_size_comes_from_the_header(data: bytes, size: tuple[int, int] | None) -> None:
    assert size_of(data) == size


@pytest.mark.parametrize("data", [png(60000, 60000), jpeg(40000, 2000)])
def test_pixel_bombs_are_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(RenderError, match="Bild „texte/karte.png“ ist mit .* Pixeln zu groß"):
        write_assets(tmp_path, {"texte/karte.png": data})


def test_normal_images_pass(tmp_path: Path) -> None:
    assert write_assets(tmp_path, {"a.png": png(3000, 2000)}) == {"a.png"}


@pytest.mark.slow
def test_giant_logo_ends_the_build_with_a_german_error(concept, tmp_path: Path) -> None:
    root = concept(konzept={"logo": {"datei": "design/wappen.png", "alt": "Wappen"}},
                   extra={"design/wappen.png": png(60000, 60000)})
    with pytest.raises(IkError, match="Logo „wappen.png“ ist mit 60000 × 60000 Pixeln zu groß"):
        build(root, ["pdf"], out=tmp_path / "out")


@pytest.mark.parametrize("svg", [
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><svg/>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><image href="https://e.example/p.png"/></svg>',
    b'<svg xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="file:///etc/x"/></svg>',
])
def test_active_svg_is_refused(tmp_path: Path, svg: bytes) -> None:
    with pytest.raises(RenderError, match="Bild „karte.svg“: das SVG enthält"):
        write_assets(tmp_path, {"karte.svg": svg})


def test_plain_svg_with_internal_references_passes(tmp_path: Path) -> None:
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
           b'<defs><path id="p" d="M0 0h5"/></defs><use xlink:href="#p"/>'
           b'<image href="data:image/png;base64,AAAA"/></svg>')
    assert write_assets(tmp_path, {"karte.svg": svg}) == {"karte.svg"}
