"""Office files from other hands: a user's ``reference.docx`` and the DOCX written.

A reference document edited in Word may carry things that reach out of the build:
a remote ``attachedTemplate``, hyperlinks in headers, pictures or texts loaded by
``INCLUDEPICTURE``/``INCLUDETEXT``/``LINK``/``DDE`` fields, and it may be a zip
bomb. :func:`safe_reference_docx` checks the archive's sizes before anything
unpacks it, drops the template link and external header links, and refuses the
rest with a German message; :func:`check_output_docx` makes sure the written
DOCX has no external relationship other than the document's own web links.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ..errors import RenderError
from ..source.files import Unreadable, read_regular
from .zipfix import rewrite_zip

MAX_FILE = 20 * 2**20  # bytes of the reference.docx itself
MAX_UNPACKED = 64 * 2**20  # bytes of all its parts unpacked
MAX_RATIO = 100  # unpacked / packed per part (Word's XML packs about 5-15 times)
MAX_PARTS = 2000

SHOWN = "design/reference.docx"
_REL = re.compile(rb"<Relationship\b[^>]*?/>", re.S)
_ATTR = re.compile(rb'\b(Id|Type|Target|TargetMode)="([^"]*)"')
_FIELD = re.compile(rb"\b(INCLUDEPICTURE|INCLUDETEXT|INCLUDE|LINK|DDEAUTO|DDE|IMPORT)\b")
_INSTR = re.compile(rb"<w:instrText\b[^>]*>([^<]*)</w:instrText>|w:instr=\"([^\"]*)\"")
_DROPPED_TYPES = (b"/attachedTemplate", b"/hyperlink")


def safe_reference_docx(path: Path) -> bytes:
    """The bytes of the user's reference.docx, checked and without external links.

    Raises :class:`RenderError` (German, naming the file) for a damaged or oversized
    archive and for fields or relationships that would load content from elsewhere.
    """
    try:
        data = read_regular(path, MAX_FILE)
    except Unreadable as exc:
        raise RenderError(f"{SHOWN}: {exc.reason}.") from None
    _check_archive(data)
    dropped: dict[str, set[bytes]] = {}

    def clean(name: str, content: bytes) -> bytes:
        if name.endswith(".rels"):
            content, ids = _drop_external(name, content)
            if ids:
                dropped[_owner(name)] = ids
        elif name.endswith(".xml"):
            _refuse_fields(name, content)
            if name == "word/document.xml":
                _check_page_sizes(content)
        return content

    try:
        data = rewrite_zip(data, clean)
        if dropped:
            data = rewrite_zip(data, lambda name, content: _unlink(content, dropped.get(name)))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
        raise RenderError(f"{SHOWN} ist keine gültige Word-Datei ({exc}).") from None
    return data


def check_output_docx(data: bytes) -> None:
    """Refuse a written DOCX with an external relationship that is not a web link."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if not name.endswith(".rels"):
                continue
            for rel in _REL.findall(archive.read(name)):
                attrs = dict(_ATTR.findall(rel))
                external = attrs.get(b"TargetMode") == b"External"
                if external and not (attrs.get(b"Type", b"").endswith(b"/hyperlink")
                                     and _web(attrs.get(b"Target", b""))):
                    raise RenderError(
                        "Das DOCX enthielte einen Verweis auf eine Datei außerhalb des "
                        f"Dokuments ({attrs.get(b'Target', b'').decode(errors='replace')}); "
                        f"prüfen Sie {SHOWN}.")


def _web(target: bytes) -> bool:
    return target.lower().startswith((b"http://", b"https://", b"mailto:", b"#"))


def _check_archive(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
        raise RenderError(f"{SHOWN} ist keine gültige Word-Datei ({exc}).") from None
    if len(infos) > MAX_PARTS:
        raise RenderError(f"{SHOWN} besteht aus zu vielen Teilen ({len(infos)}).")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNPACKED:
        raise RenderError(f"{SHOWN} ist entpackt zu groß ({total / 2**20:.0f} MB; höchstens "
                          f"{MAX_UNPACKED // 2**20} MB).")
    for info in infos:
        if info.file_size > 2**20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise RenderError(f"{SHOWN}: der Teil {info.filename} ist ungewöhnlich stark "
                              "gepackt (mögliche ZIP-Bombe) und wird nicht verwendet.")


def _owner(rels: str) -> str:
    """``word/_rels/header1.xml.rels`` → ``word/header1.xml``."""
    folder, _, name = rels.rpartition("_rels/")
    return folder + name.removesuffix(".rels")


def _drop_external(name: str, content: bytes) -> tuple[bytes, set[bytes]]:
    """Drop external template links and hyperlinks; refuse any other external target."""
    dropped: set[bytes] = set()

    def one(match: re.Match[bytes]) -> bytes:
        attrs = dict(_ATTR.findall(match.group()))
        if attrs.get(b"TargetMode") != b"External":
            return match.group()
        if attrs.get(b"Type", b"").endswith(_DROPPED_TYPES):
            dropped.add(attrs.get(b"Id", b""))
            return b""
        target = attrs.get(b"Target", b"").decode("utf-8", "replace")
        raise RenderError(
            f"{SHOWN} lädt Inhalte von außerhalb ({target!r} in {name}); aus "
            "Sicherheitsgründen wird sie nicht verwendet. Betten Sie Bilder ein, statt sie "
            "zu verknüpfen.")

    return _REL.sub(one, content), dropped


def _refuse_fields(name: str, content: bytes) -> None:
    for match in _INSTR.finditer(content):
        code = match.group(1) or match.group(2) or b""
        field = _FIELD.search(code)
        if field:
            raise RenderError(
                f"{SHOWN} enthält ein Feld {field.group().decode()} ({name}), das Inhalte von "
                "außerhalb lädt; entfernen Sie es in Word (Alt+F9 zeigt Feldfunktionen).")


_PAGE_SIZE = re.compile(rb"<w:pgSz\b[^>]*>")
_TWIPS = re.compile(rb'\bw:(w|h)="([^"]*)"')


def _check_page_sizes(xml: bytes) -> None:
    """Page width and height are whole numbers of twips of a plausible size."""
    for size in _PAGE_SIZE.findall(xml):
        for side, value in _TWIPS.findall(size):
            if not value.isdigit() or not 1000 <= int(value) <= 100_000:
                shown = value.decode("utf-8", "replace")[:20]
                raise RenderError(
                    f"{SHOWN}: die Seiten{'breite' if side == b'w' else 'höhe'} »{shown}« ist "
                    "keine gültige Angabe (ganze Zahl in Twips erwartet). Stellen Sie die "
                    "Seitengröße in Word unter Layout → Format neu ein.")


def _unlink(content: bytes, ids: set[bytes] | None) -> bytes:
    """Remove the elements that used the dropped relationships."""
    if not ids:
        return content
    for ident in ids:
        quoted = re.escape(ident)
        content = re.sub(rb"<w:attachedTemplate\b[^>]*\br:id=\"" + quoted + rb"\"[^>]*/>",
                         b"", content)
        content = re.sub(rb"(<w:hyperlink\b[^>]*?)\s+r:id=\"" + quoted + rb"\"", rb"\1",
                         content)
    return content
