"""Write the editable default design files into a concept's ``design/`` folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import RenderError
from ..text.oserrors import os_reason
from .design import DEFAULTS_DIR, default_design
from .referencedoc import reference_docx

COPIED = ("theme.typ", "style.css", "design.yaml", "LIESMICH.md")


def write_defaults(target_dir: Path, *, overwrite: bool = False) -> list[Path]:
    """Write reference.docx, theme.typ, style.css, design.yaml and LIESMICH.md.

    Existing files are kept unless ``overwrite``; returns the paths written.
    Raises :class:`RenderError` when the folder cannot be written.
    """
    written: list[Path] = []
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        for name in COPIED:
            target = target_dir / name
            if overwrite or not target.exists():
                shutil.copyfile(DEFAULTS_DIR / name, target)
                written.append(target)
        target = target_dir / "reference.docx"
        if overwrite or not target.exists():
            target.write_bytes(reference_docx(default_design()))
            written.append(target)
    except OSError as exc:
        raise RenderError(
            f"Die Gestaltungsdateien können nicht nach {target_dir} geschrieben werden: "
            f"{os_reason(exc)}."
        ) from None
    return sorted(written)
