"""Reading a source file safely: only regular files, once, never past a size limit.

Concept folders come from other hands: a "file" may be a FIFO (reading blocks
forever), a link to ``/dev/zero`` (never ends) or a gigabyte of text. This is the
one place that opens a source file; it refuses all of these with a German reason.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..text.oserrors import os_reason


class Unreadable(Exception):
    """The file cannot be used; ``reason`` is German and never quotes the file's content."""

    def __init__(self, reason: str, too_large: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.too_large = too_large


def read_regular(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file ``path`` (links followed), at most ``limit`` bytes.

    Raises :class:`Unreadable` for special files (FIFO, device, socket, folder),
    files larger than ``limit`` and OS errors.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable("keine gewöhnliche Datei (z. B. ein Gerät, eine Pipe oder ein "
                             "Ordner)")
        if info.st_size > limit:
            raise Unreadable(_too_large(info.st_size, limit), too_large=True)
        fd = os.open(path, flags)
    except OSError as exc:
        raise Unreadable(f"Datei kann nicht gelesen werden: {os_reason(exc)}") from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):  # replaced between stat and open
            raise Unreadable("keine gewöhnliche Datei")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise Unreadable(f"Datei kann nicht gelesen werden: {os_reason(exc)}") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise Unreadable(_too_large(len(data), limit), too_large=True)
    return data


def _too_large(size: int, limit: int) -> str:
    return (f"Datei ist zu groß ({size / 2**20:.1f} MiB; höchstens {limit / 2**20:.0f} MiB "
            "je Datei)")


def inside(path: Path, root: Path) -> bool:
    """Whether ``path`` resolves (links followed) to a place inside ``root``."""
    return path.resolve().is_relative_to(root.resolve())
