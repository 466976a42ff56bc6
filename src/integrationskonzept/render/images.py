"""Image files from other hands: refuse pixel bombs and active SVG before use.

A 60,000 × 60,000 PNG is a few hundred kilobytes on disk and 14 GB once decoded.
The width and height are read from the file's header (PNG, JPEG, GIF) without
decoding, and images above :data:`MAX_PIXELS` are refused with a German message.
An SVG is a program for a browser: scripts, event attributes, entity declarations
(XML bombs) and references to other files or addresses are refused.
"""

from __future__ import annotations

import re
import struct

from ..errors import RenderError

MAX_PIXELS = 50_000_000  # a 300-dpi A3 scan is 17 million
MAX_SIDE = 30_000


def size_of(data: bytes) -> tuple[int, int] | None:
    """(width, height) from the header of a PNG, GIF or JPEG; ``None`` if unknown."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return width, height
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data)
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    index = 2
    while index + 9 < len(data):
        if data[index] != 0xFF:
            return None
        marker = data[index + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            index += 2
            continue
        length = struct.unpack(">H", data[index + 2:index + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[index + 5:index + 9])
            return width, height
        index += 2 + length
    return None


def check_image(data: bytes, shown: str) -> None:
    """Raise :class:`RenderError` for an image too large to decode safely."""
    size = size_of(data)
    if size is None:
        return
    width, height = size
    if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
        raise RenderError(
            f"{shown} ist mit {width} × {height} Pixeln zu groß (höchstens "
            f"{MAX_PIXELS // 1_000_000} Millionen Pixel); verkleinern Sie es, z. B. auf "
            "3000 Pixel Breite.")


_SVG_ACTIVE = re.compile(
    r"<!DOCTYPE|<!ENTITY|<script|<foreignObject|\son[a-z]+\s*=|javascript:"
    r"|(?:href|src)\s*=\s*[\"']\s*(?!#|data:image/)[^\"'\s]",
    re.IGNORECASE)


def check_svg(data: bytes, shown: str) -> None:
    """Raise :class:`RenderError` for an SVG that runs code, expands entities or loads."""
    text = data.decode("utf-8", "replace")
    found = _SVG_ACTIVE.search(text)
    if found:
        raise RenderError(
            f"{shown}: das SVG enthält „{found.group().strip()[:40]}“ (Skripte, "
            "Verweise auf andere Dateien oder Adressen, Entity-Deklarationen); solche SVGs "
            "werden nicht übernommen. Speichern Sie das Bild als PNG oder als einfaches SVG.")
