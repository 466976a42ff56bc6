"""Deterministic rewriting of ZIP containers (DOCX, ODT)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

_EPOCH = (1980, 1, 1, 0, 0, 0)


def rewrite_zip(
    data: bytes,
    change: Callable[[str, bytes], bytes],
    *,
    fixed_time: bool = False,
) -> bytes:
    """Copy a ZIP, passing each member through ``change(name, content)``.

    Order, compression and (unless ``fixed_time``) timestamps are kept, so a
    deterministic input gives a deterministic output.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            new = zipfile.ZipInfo(info.filename, _EPOCH if fixed_time else info.date_time)
            new.compress_type = info.compress_type
            new.external_attr = info.external_attr
            new.create_system = 0 if fixed_time else info.create_system
            dst.writestr(new, change(info.filename, src.read(info.filename)))
    return out.getvalue()


def normalise_zip(data: bytes) -> bytes:
    """The same ZIP with every timestamp set to 1980-01-01 (for generated templates)."""
    return rewrite_zip(data, lambda _name, content: content, fixed_time=True)
