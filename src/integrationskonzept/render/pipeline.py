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
   :mod:`.typesetter` compiles it (PDF/A-2a and PDF/UA-1; UA-1 alone with a warning
   when PDF/A is impossible) in a bounded child process.

Each file is written next to its target and moved into place only when complete.
The same inputs and ``timestamp`` give byte-identical files. Every failure is a
:class:`RenderError` with a German message; typst warnings go to ``on_warning``
(default: :func:`warnings.warn` with :class:`RenderWarning`).
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import datetime as dt
import json
import re
import shutil
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from .buildfolder import install, place_logo, write_assets
from .design import Design
from .docxpost import finish_docx
from .errors import RenderError
from .meta import DocumentMeta
from .pandoc import READER, lua, run_pandoc
from .referencedoc import reference_docx
from .referenceodt import reference_odt
from .typesetter import TypstResult, compile_pdf, font_paths
from .typstdoc import main_typ

FORMATS = ("md", "html", "docx", "odt", "pdf")
_MIME = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
         ".jpeg": "image/jpeg", ".gif": "image/gif"}
_REMOTE_CSS = re.compile(r"(?i)@import|url\(\s*['\"]?\s*(https?:|//|file:)")


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
    workers: int = 2,
    ast_json: bytes | None = None,
) -> list[Path]:
    """Render ``markdown`` to each of ``formats`` as ``out_dir/basename.<format>``.

    ``assets`` maps the relative paths the Markdown uses (charts as ``.svg`` with a
    ``.png`` twin for DOCX/ODT) to their bytes. ``timeout`` bounds each pandoc and
    typst run in seconds, ``memory_limit`` (bytes) typst's address space and pandoc's
    heap. ``stats``, if given, receives seconds per step and typst's peak memory
    (``pdf_rss_mb``). ``workers`` formats are written at the same time (pandoc and
    typst run as child processes; 2 suits a 2-core machine, memory adds up).
    ``ast_json``: pandoc's JSON of the same document, if the caller has it; it is
    read instead of ``markdown`` (faster at Landkreis size) through the same
    safety filter, and ``markdown`` is still the MD copy.
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
        names = write_assets(build, assets)
        logo, logo_alt = place_logo(build, meta, design)
        job = _Job(build, meta, design, logo, logo_alt, draft, timestamp, timeout, memory_limit,
                   warn, stats, env={
                       "SOURCE_DATE_EPOCH": str(int(timestamp.timestamp())),
                       "IK_BILDER": "\n".join(sorted(names)),
                       "IK_META": json.dumps(_pandoc_meta(meta), ensure_ascii=False),
                   })
        if ast_json is not None:
            (build / "quelle.json").write_bytes(ast_json)
            reader = ["-f", "json", "quelle.json"]
        else:
            (build / "quelle.md").write_text(markdown, encoding="utf-8")
            reader = ["-f", READER, "quelle.md"]
        if wanted != {"md"}:
            say("Markdown einlesen …")
            started = time.perf_counter()
            job.pandoc([*reader, "-t", "json", "--lua-filter", lua("sicherheit.lua"),
                        "--lua-filter", lua("ebenen.lua"), "-o", "dokument.json"],
                       "den Markdown-Text")
            _stat(stats, "read", started)
        writers: dict[str, Callable[[_Job], bytes]] = {
            "md": lambda _job: markdown.encode("utf-8"),
            "html": _html, "docx": _docx, "odt": _odt, "pdf": _pdf,
        }
        todo = [fmt for fmt in FORMATS if fmt in wanted]

        def produce(fmt: str) -> bytes:
            started = time.perf_counter()
            data = writers[fmt](job)
            _stat(stats, fmt, started)
            return data

        say(", ".join(fmt.upper() for fmt in todo) + " erzeugen …")
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            # the slowest first, so that it never waits for the others
            futures = {fmt: pool.submit(produce, fmt) for fmt in reversed(todo)}
            try:
                for fmt in todo:
                    target = out_dir / f"{basename}.{fmt}"
                    install(futures[fmt].result(), target)
                    written.append(target)
                    say(f"{target.name} geschrieben")
            finally:
                for future in futures.values():
                    future.cancel()
    return written


@dataclasses.dataclass
class _Job:
    """Everything the format writers share for one render call."""

    build: Path
    meta: DocumentMeta
    design: Design
    logo: str | None
    logo_alt: str
    draft: bool
    timestamp: dt.datetime
    timeout: float
    memory_limit: int | None
    warn: Callable[[str], None]
    stats: dict[str, float] | None
    env: dict[str, str]

    def pandoc(self, args: list[str], what: str) -> bytes:
        return run_pandoc(args, cwd=self.build, env=self.env, timeout=self.timeout,
                          memory_limit=self.memory_limit, what=what)

    def write(self, args: list[str], what: str) -> bytes:
        """Write a format from the safe AST with the format filters."""
        filters = [x for f in ("bilder.lua", "deutsch.lua", "quer.lua")
                   for x in ("--lua-filter", lua(f))]
        return self.pandoc(["-f", "json", "dokument.json", "--resource-path=.", *filters,
                            *args], what)


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


def _pandoc_meta(meta: DocumentMeta) -> dict[str, str]:
    values = {"title": meta.title, "subtitle": meta.subtitle, "author": meta.kommune,
              "date": meta.date_line, "lang": meta.lang, "toc-title": "Inhalt"}
    return {k: v for k, v in values.items() if v}


def _html(job: _Job) -> bytes:
    """Self-contained HTML: stylesheet and images inline (``bilder.lua`` makes data URIs).

    Pandoc's ``--embed-resources`` would re-parse the whole page: 35 % slower and 40 %
    more memory at 10,000 table rows.
    """
    import base64
    from html import escape

    design, build = job.design, job.build
    css = design.style_css.read_text(encoding="utf-8", errors="replace")
    if _REMOTE_CSS.search(css):
        raise RenderError(f"{design.style_css}: Das Stylesheet lädt Dateien aus dem Internet "
                          "(@import oder url(http…)); erlaubt sind nur eingebettete Angaben.")
    colours = (f':root {{ --ik-primaer: {design.primaer}; --ik-akzent: {design.akzent}; '
               f'--ik-schrift: "{design.schrift}"; }}\n')
    (build / "kopf.html").write_text(
        "<style>\n" + (colours + css).replace("</", "<\\/") + "\n</style>\n", encoding="utf-8")
    before = []
    if job.draft:
        before.append('<div class="ik-entwurf" role="note">ENTWURF</div>')
    if job.logo:
        mime = _MIME.get(Path(job.logo).suffix.lower(), "application/octet-stream")
        data = base64.b64encode((build / job.logo).read_bytes()).decode("ascii")
        before.append(f'<div class="ik-logo"><img src="data:{mime};base64,{data}" '
                      f'alt="{escape(job.logo_alt)}"></div>')
    (build / "vorspann.html").write_text("\n".join(before) + "\n", encoding="utf-8")
    return job.write(
        ["-t", "html5", "-s", "--toc", "--toc-depth=3", "--number-sections",
         "-M", "document-css=false", "--include-in-header=kopf.html",
         "--include-before-body=vorspann.html", "--wrap=none"], "das HTML")


def _docx(job: _Job) -> bytes:
    ref = job.build / "reference.docx"
    if job.design.reference_docx is not None:
        shutil.copyfile(job.design.reference_docx, ref)
    else:
        logo = job.build / job.logo if job.logo else None
        ref.write_bytes(reference_docx(
            dataclasses.replace(job.design, logo=logo, logo_alt=job.logo_alt)))
    data = job.write(["-t", "docx+native_numbering", "--reference-doc=reference.docx", "--toc",
                      "--toc-depth=3", "--number-sections", "-o", "-"], "das DOCX")
    return finish_docx(data, kommune=job.meta.kommune, titel=job.meta.title, draft=job.draft)


def _odt(job: _Job) -> bytes:
    default = job.pandoc(["--print-default-data-file", "reference.odt"], "die ODT-Vorlage")
    (job.build / "reference.odt").write_bytes(reference_odt(
        default, job.design, kommune=job.meta.kommune, titel=job.meta.title, draft=job.draft))
    return job.write(["-t", "odt", "--reference-doc=reference.odt", "--toc", "--toc-depth=3",
                      "--number-sections", "-o", "-"], "das ODT")


def _pdf(job: _Job) -> bytes:
    body = job.write(["--lua-filter", lua("tabellen.lua"), "--lua-filter", lua("minus.lua"),
                      "-t", "typst", "--wrap=none"],
                     "den PDF-Satz").decode("utf-8")
    build = job.build
    shutil.copyfile(job.design.theme_typ, build / "theme.typ")
    (build / "main.typ").write_text(
        main_typ(body, meta=job.meta, design=job.design, logo=job.logo, logo_alt=job.logo_alt,
                 draft=job.draft), encoding="utf-8")
    def compile_as(standards: tuple[str, ...]) -> TypstResult:
        return compile_pdf(
            build / "main.typ", build / "dokument.pdf", root=build, timestamp=job.timestamp,
            fonts=font_paths(job.design.font_dirs), timeout=job.timeout,
            memory_limit=job.memory_limit, pdf_standards=standards,
        )

    try:
        result = compile_as(("a-2a", "ua-1"))
    except RenderError as exc:
        if "PDF/A" not in exc.message:
            raise
        job.warn(f"Das PDF erfüllt PDF/A-2a nicht und wird nur als PDF/UA-1 erzeugt: "
                 f"{exc.message}")
        result = compile_as(("ua-1",))
    for message in result.warnings:
        job.warn(message)
    if job.stats is not None:
        job.stats["pdf_rss_mb"] = round(result.max_rss_kb / 1024, 1)
    return (build / "dokument.pdf").read_bytes()


def _stat(stats: dict[str, float] | None, key: str, started: float) -> None:
    if stats is not None:
        stats[key] = round(time.perf_counter() - started, 3)
