"""Render the intermediate Pandoc Markdown to MD, HTML, DOCX, ODT and PDF.

Call::

    render(markdown, meta=DocumentMeta(...), assets={"diagramme/x.svg": b"..."},
           formats=["pdf", "docx"], out_dir=Path("ausgabe"), design=load_design(folder),
           draft=False, timestamp=datetime(..., tzinfo=UTC)) -> list[Path]

Steps, all inside a temporary build folder that is also typst's sandbox root:

1. The Markdown is read once (:data:`.pandoc.READER`, no raw HTML/TeX/attributes)
   through the trusted ``sicherheit.lua`` filter into pandoc's JSON AST; the
   title data from ``meta`` is set there as plain strings.
2. Each format is written from that AST with the format filters (German quotes,
   image twins and alt text, landscape sections), the design and ``--toc``.
3. The PDF: pandoc writes the typst body, :mod:`.typstdoc` wraps it in the theme,
   :mod:`.typesetter` compiles it (PDF/UA-1) in a bounded child process.

Each file is written next to its target and moved into place only when complete.
The same inputs and ``timestamp`` give byte-identical files. Every failure is a
:class:`RenderError` with a German message; typst warnings go to ``on_warning``
(default: :func:`warnings.warn` with :class:`RenderWarning`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import shutil
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from .design import Design
from .docxpost import finish_docx
from .errors import RenderError
from .meta import DocumentMeta
from .pandoc import READER, lua, run_pandoc
from .referencedoc import reference_docx
from .referenceodt import reference_odt
from .typesetter import compile_pdf, font_paths
from .typstdoc import main_typ

FORMATS = ("md", "html", "docx", "odt", "pdf")
_ASSET_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*(/[A-Za-z0-9_][A-Za-z0-9_.\-]*)*$")
_RESERVED = {"quelle.md", "dokument.json", "main.typ", "theme.typ", "style.css", "farben.css",
             "vorspann.html", "reference.docx", "reference.odt", ".pandoc"}
_REMOTE_CSS = re.compile(r"(?i)@import|url\(\s*['\"]?\s*(https?:|//|file:)")
_LOGO_TYPES = {".png", ".jpg", ".jpeg", ".svg", ".gif"}


class RenderWarning(UserWarning):
    """A problem that did not stop rendering (e.g. a missing font)."""


def render(
    markdown: str,
    *,
    meta: DocumentMeta,
    assets: Mapping[str, bytes],
    formats: Iterable[str],
    out_dir: Path,
    design: Design,
    timestamp: dt.datetime,
    draft: bool = False,
    basename: str = "integrationskonzept",
    progress: Callable[[str], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
    timeout: float = 900.0,
    memory_limit: int | None = None,
    stats: dict[str, float] | None = None,
) -> list[Path]:
    """Render ``markdown`` to each of ``formats`` as ``out_dir/basename.<format>``.

    ``assets`` maps the relative paths the Markdown uses (charts as ``.svg`` with a
    ``.png`` twin for DOCX/ODT) to their bytes. ``timeout`` bounds each pandoc and
    typst run in seconds, ``memory_limit`` (bytes) typst's address space. ``stats``,
    if given, receives seconds per format and typst's peak memory (``pdf_rss_mb``).
    Returns the written paths in the order of :data:`FORMATS`.
    """
    wanted = _check_formats(formats)
    if not re.match(r"^[\w.-]+$", basename):
        raise RenderError(f"Ungültiger Dateiname für die Ausgabe: »{basename}«.")
    say = progress or (lambda _msg: None)
    warn = on_warning or (lambda msg: warnings.warn(msg, RenderWarning, stacklevel=3))
    if timestamp.tzinfo is None:
        timestamp = timestamp.replace(tzinfo=dt.timezone.utc)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(
            f"Ausgabeordner {out_dir} kann nicht angelegt werden: {exc.strerror}."
        ) from None
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="ik-build-") as tmp:
        build = Path(tmp)
        names = _write_assets(build, assets)
        logo, logo_alt = _place_logo(build, meta, design)
        env = {
            "SOURCE_DATE_EPOCH": str(int(timestamp.timestamp())),
            "IK_BILDER": "\n".join(sorted(names)),
            "IK_META": json.dumps(_pandoc_meta(meta), ensure_ascii=False),
        }
        (build / "quelle.md").write_text(markdown, encoding="utf-8")
        say("Markdown einlesen …")
        started = time.perf_counter()
        run_pandoc(
            ["-f", READER, "-t", "json", "--lua-filter", lua("sicherheit.lua"),
             "--lua-filter", lua("ebenen.lua"), "-o", "dokument.json", "quelle.md"],
            cwd=build, env=env, timeout=timeout, what="den Markdown-Text",
        )
        _stat(stats, "read", started)
        common = ["-f", "json", "dokument.json", "--resource-path=.",
                  *(x for f in ("bilder.lua", "deutsch.lua", "quer.lua")
                    for x in ("--lua-filter", lua(f)))]
        for fmt in FORMATS:
            if fmt not in wanted:
                continue
            say(f"{fmt.upper()} erzeugen …")
            started = time.perf_counter()
            target = out_dir / f"{basename}.{fmt}"
            if fmt == "md":
                data = markdown.encode("utf-8")
            elif fmt == "html":
                data = _html(build, common, env, meta, design, logo, logo_alt, draft, timeout)
            elif fmt == "docx":
                data = _docx(build, common, env, meta, design, logo, logo_alt, draft, timeout)
            elif fmt == "odt":
                data = _odt(build, common, env, meta, design, draft, timeout)
            else:
                data = _pdf(build, common, env, meta, design, logo, logo_alt, draft,
                            timestamp, timeout, memory_limit, warn, stats)
            _install(data, target)
            _stat(stats, fmt, started)
            written.append(target)
    return written


def _check_formats(formats: Iterable[str]) -> set[str]:
    wanted = {f.lower().lstrip(".") for f in formats}
    unknown = sorted(wanted - set(FORMATS))
    if unknown:
        raise RenderError(
            f"Unbekanntes Ausgabeformat »{', '.join(unknown)}«; möglich sind: {', '.join(FORMATS)}."
        )
    if not wanted:
        raise RenderError("Kein Ausgabeformat angegeben.")
    return wanted


def _write_assets(build: Path, assets: Mapping[str, bytes]) -> set[str]:
    for name, content in assets.items():
        if not _ASSET_NAME.match(name) or ".." in name.split("/") or name in _RESERVED:
            raise RenderError(f"Ungültiger Name einer Bilddatei für das Dokument: »{name}«.")
        path = build / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return set(assets)


def _place_logo(build: Path, meta: DocumentMeta, design: Design) -> tuple[str | None, str]:
    source = meta.logo.path if meta.logo else design.logo
    alt = (meta.logo.alt if meta.logo else design.logo_alt) or f"Logo {meta.kommune}"
    if source is None:
        return None, alt
    suffix = source.suffix.lower()
    if suffix not in _LOGO_TYPES:
        raise RenderError(f"Logo {source}: Dateityp {suffix or '(ohne Endung)'} wird nicht "
                          "unterstützt (PNG, JPEG, SVG oder GIF).")
    try:
        shutil.copyfile(source, build / f"ik-logo{suffix}")
    except OSError as exc:
        raise RenderError(f"Logo {source} kann nicht gelesen werden: {exc.strerror}.") from None
    return f"ik-logo{suffix}", alt


def _pandoc_meta(meta: DocumentMeta) -> dict[str, str]:
    values = {"title": meta.title, "subtitle": meta.subtitle, "author": meta.kommune,
              "date": meta.date_line, "lang": meta.lang, "toc-title": "Inhalt"}
    return {k: v for k, v in values.items() if v}


def _html(build: Path, common: list[str], env: dict[str, str], meta: DocumentMeta,
          design: Design, logo: str | None, logo_alt: str, draft: bool,
          timeout: float) -> bytes:
    from html import escape

    css = design.style_css.read_text(encoding="utf-8", errors="replace")
    if _REMOTE_CSS.search(css):
        raise RenderError(f"{design.style_css}: Das Stylesheet lädt Dateien aus dem Internet "
                          "(@import oder url(http…)); erlaubt sind nur eingebettete Angaben.")
    (build / "style.css").write_text(css, encoding="utf-8")
    (build / "farben.css").write_text(
        f':root {{ --ik-primaer: {design.primaer}; --ik-akzent: {design.akzent}; '
        f'--ik-schrift: "{design.schrift}"; }}\n', encoding="utf-8")
    before = []
    if draft:
        before.append('<div class="ik-entwurf" role="note">ENTWURF</div>')
    if logo:
        before.append(f'<div class="ik-logo"><img src="{escape(logo)}" '
                      f'alt="{escape(logo_alt)}"></div>')
    (build / "vorspann.html").write_text("\n".join(before) + "\n", encoding="utf-8")
    return run_pandoc(
        [*common, "-t", "html5", "-s", "--embed-resources", "--toc", "--toc-depth=3",
         "--number-sections", "--css=farben.css", "--css=style.css",
         "--include-before-body=vorspann.html", "--wrap=none"],
        cwd=build, env=env, timeout=timeout, what="das HTML",
    )


def _docx(build: Path, common: list[str], env: dict[str, str], meta: DocumentMeta,
          design: Design, logo: str | None, logo_alt: str, draft: bool,
          timeout: float) -> bytes:
    ref = build / "reference.docx"
    if design.reference_docx is not None:
        shutil.copyfile(design.reference_docx, ref)
    else:
        ref.write_bytes(reference_docx(dataclasses.replace(
            design, logo=build / logo if logo else None, logo_alt=logo_alt)))
    data = run_pandoc(
        [*common, "-t", "docx+native_numbering", "--reference-doc=reference.docx", "--toc",
         "--toc-depth=3", "--number-sections", "-o", "-"],
        cwd=build, env=env, timeout=timeout, what="das DOCX",
    )
    return finish_docx(data, kommune=meta.kommune, titel=meta.title, draft=draft)


def _odt(build: Path, common: list[str], env: dict[str, str], meta: DocumentMeta,
         design: Design, draft: bool, timeout: float) -> bytes:
    default = run_pandoc(["--print-default-data-file", "reference.odt"], cwd=build,
                         env=env, timeout=timeout, what="die ODT-Vorlage")
    (build / "reference.odt").write_bytes(
        reference_odt(default, design, kommune=meta.kommune, titel=meta.title, draft=draft))
    return run_pandoc(
        [*common, "-t", "odt", "--reference-doc=reference.odt", "--toc", "--toc-depth=3",
         "--number-sections", "-o", "-"],
        cwd=build, env=env, timeout=timeout, what="das ODT",
    )


def _pdf(build: Path, common: list[str], env: dict[str, str], meta: DocumentMeta,
         design: Design, logo: str | None, logo_alt: str, draft: bool,
         timestamp: dt.datetime, timeout: float, memory_limit: int | None,
         warn: Callable[[str], None], stats: dict[str, float] | None) -> bytes:
    body = run_pandoc(
        [*common, "--lua-filter", lua("tabellen.lua"), "-t", "typst", "--wrap=none"],
        cwd=build, env=env, timeout=timeout, what="den PDF-Satz",
    ).decode("utf-8")
    shutil.copyfile(design.theme_typ, build / "theme.typ")
    (build / "main.typ").write_text(
        main_typ(body, meta=meta, design=design, logo=logo, logo_alt=logo_alt, draft=draft),
        encoding="utf-8")
    result = compile_pdf(
        build / "main.typ", build / "dokument.pdf", root=build, timestamp=timestamp,
        fonts=font_paths(design.font_dirs), timeout=timeout, memory_limit=memory_limit,
    )
    for message in result.warnings:
        warn(message)
    if stats is not None:
        stats["pdf_rss_mb"] = result.max_rss_kb / 1024
    return (build / "dokument.pdf").read_bytes()


def _install(data: bytes, target: Path) -> None:
    """Write ``data`` next to ``target`` and move it into place in one step."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise RenderError(f"{target} kann nicht geschrieben werden: {exc.strerror}.") from None


def _stat(stats: dict[str, float] | None, key: str, started: float) -> None:
    if stats is not None:
        stats[key] = round(time.perf_counter() - started, 3)
