"""German text for failures of the machine: full disk, no permission, read-only folder."""

from __future__ import annotations

import errno

_REASONS = {
    errno.EACCES: "keine Berechtigung",
    errno.EPERM: "keine Berechtigung",
    errno.EROFS: "das Dateisystem ist schreibgeschützt",
    errno.ENOSPC: "kein Speicherplatz mehr frei",
    errno.EDQUOT: "das Speicherkontingent ist erschöpft",
    errno.ENOENT: "nicht gefunden",
    errno.ENOTDIR: "ein Teil des Pfads ist kein Ordner",
    errno.EISDIR: "ist ein Ordner",
    errno.EEXIST: "existiert bereits",
    errno.ENAMETOOLONG: "der Name ist zu lang",
    errno.E2BIG: "die Angaben sind zu lang für einen Programmaufruf",
    errno.EMFILE: "zu viele offene Dateien",
    errno.EINVAL: "ungültiger Name oder Pfad",
    errno.EIO: "Ein-/Ausgabefehler des Datenträgers",
}


def os_reason(exc: OSError) -> str:
    """``keine Berechtigung`` — what went wrong, in German."""
    return _REASONS.get(exc.errno or -1) or (
        f"Systemfehler {exc.errno}" if exc.errno else "Systemfehler")


def os_error_text(exc: OSError) -> str:
    """``„/pfad“: keine Berechtigung`` — what went wrong where, in German."""
    reason = os_reason(exc)
    where = exc.filename if exc.filename is not None else ""
    if isinstance(where, bytes):
        where = where.decode("utf-8", "backslashreplace")
    return f"„{where}“: {reason}" if where else reason
