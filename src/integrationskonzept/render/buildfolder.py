"""Files of the temporary build folder: assets, the logo, and installing finished outputs."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path

from ..errors import RenderError
from ..source.files import Unreadable, read_regular
from ..text.oserrors import os_reason
from .design import Design
from .images import check_image, check_svg
from .meta import DocumentMeta

_ASSET_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*(/[A-Za-z0-9_][A-Za-z0-9_.\-]*)*$")
_RESERVED = {"quelle.md", "quelle.json", "dokument.json", "main.typ", "theme.typ", "style.css",
             "kopf.html", "vorspann.html", "reference.docx", "reference.odt", "dokument.pdf"}
_LOGO_TYPES = {".png", ".jpg", ".jpeg", ".svg", ".gif"}
MAX_LOGO_BYTES = 20 * 2**20


def write_assets(build: Path, assets: Mapping[str, bytes]) -> set[str]:
    """Write the assets under their relative names; reject names that could escape."""
    for name, content in assets.items():
        if (not _ASSET_NAME.match(name) or ".." in name.split("/") or name in _RESERVED
                or name.startswith("ik-logo")):
            raise RenderError(f"Ungültiger Name einer Bilddatei für das Dokument: »{name}«.")
        check_image(content, f"Bild „{name}“")
        if name.lower().endswith(".svg"):
            check_svg(content, f"Bild „{name}“")
        path = build / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return set(assets)


def place_logo(build: Path, meta: DocumentMeta, design: Design) -> tuple[str | None, str]:
    """Copy the logo (the concept's, else the design's) into the build; name and alt text."""
    source = meta.logo.path if meta.logo else design.logo
    alt = (meta.logo.alt if meta.logo else design.logo_alt) or f"Logo {meta.kommune}"
    if source is None:
        return None, alt
    suffix = source.suffix.lower()
    if suffix not in _LOGO_TYPES:
        raise RenderError(f"Logo {source}: Dateityp {suffix or '(ohne Endung)'} wird nicht "
                          "unterstützt (PNG, JPEG, SVG oder GIF).")
    try:
        data = read_regular(source, MAX_LOGO_BYTES)
    except Unreadable as exc:
        raise RenderError(f"Logo {source.name}: {exc.reason}.") from None
    check_image(data, f"Logo „{source.name}“")
    if suffix == ".svg":
        check_svg(data, f"Logo „{source.name}“")
    (build / f"ik-logo{suffix}").write_bytes(data)
    return f"ik-logo{suffix}", alt


def install(data: bytes, target: Path) -> None:
    """Write ``data`` next to ``target`` and move it into place in one step."""
    install_all({target: data})


def install_all(files: dict[Path, bytes]) -> list[Path]:
    """Replace all ``files`` or none: stage each next to its target, then rename them all.

    Returns the targets in the given order. On any failure (or an interrupt) the
    staged files are removed and no target has changed.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for target, data in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                       dir=target.parent)
            staged.append((tmp, target))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, 0o644)
    except OSError as exc:
        _discard(staged)
        raise RenderError(f"{staged[-1][1] if staged else 'Ausgabe'} kann nicht geschrieben "
                          f"werden: {os_reason(exc)}.") from None
    except BaseException:
        _discard(staged)
        raise
    for tmp, target in staged:
        os.replace(tmp, target)
    return list(files)


def _discard(staged: list[tuple[str, Path]]) -> None:
    for tmp, _target in staged:
        Path(tmp).unlink(missing_ok=True)
