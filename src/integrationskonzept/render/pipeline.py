"""Render the intermediate Pandoc Markdown to MD, HTML, DOCX, ODT and PDF.

Call::

    render(markdown, meta=DocumentMeta(...), assets={"diagramme/x.svg": b"..."},
           formats=["pdf", "docx"], out_dir=Path("ausgabe"), design=load_design(folder),
           draft=False, timestamp=datetime(..., tzinfo=UTC)) -> list[Path]

Steps, all inside a temporary build folder that is also typst's sandbox root:

1. The Markdown is read once (:data:`.pandoc.READER`, no raw HTML/TeX/attributes)
   through the trusted ``sicherheit.lua`` filter into pandoc's JSON AST; the
   title data from ``meta`` is set there as plain strings, headings are kept
   from skipping a level (``ebenen.lua``), quotes become German ones (``deutsch.lua``).
2. Each format is written from that AST with the format filters (image twins and
   alt text, landscape sections, profiles; merged into few passes by
   ``formate.lua``), the design and ``--toc``.
3. The PDF: pandoc writes the typst body, :mod:`.typstdoc` wraps it in the theme,
   :mod:`.typesetter` compiles it (PDF/A-2a and PDF/UA-1; UA-1 alone with a warning
   when PDF/A is impossible) in a bounded child process.

Long documents (Landkreis scale, 10,000 Angebote): from :data:`SEQUENTIAL_AB`
characters of Markdown pandoc's whole-document writers run one after the other, with
work on parts of the document beside them (the PDF's typst text, the HTML and the DOCX
in parts), so
that the children's memory stays below typst's own (:mod:`.lanes`); the PDF is set
compactly (:mod:`.formats`). Each format reports its start and end through ``progress``.

All formats are written first; then each file is staged next to its target and all
are moved into place together, so a failing format leaves every old output as it was.
The same inputs, ``timestamp`` and toolchain give byte-identical files; each file names
the toolchain (:func:`.versions.toolchain`) in its metadata: the custom property
„erzeugt-mit“ in DOCX and ODT, ``<meta name="generator">`` in HTML, the keywords of the PDF.
Every failure is a :class:`RenderError` with a German message; typst warnings go to
``on_warning`` (default: :func:`warnings.warn` with :class:`RenderWarning`).
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import json
import re
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from ..errors import RenderError
from ..text.oserrors import os_reason
from . import formats as formate
from .buildfolder import install_all, place_logo, write_assets
from .chunks import first_level, join_json, levels_before, split_markdown
from .design import Design
from .formats import Job
from .htmlparts import koepfe
from .lanes import one_writer_at_a_time
from .limits import limits_for
from .meta import DocumentMeta
from .pandoc import READER, lua
from .versions import toolchain

FORMATS = ("md", "html", "docx", "odt", "pdf")
# From this size of the Markdown on (Landkreis scale), formats are written one after
# the other: pandoc and typst each need 1-1.5 GB there, and memory would add up.
SEQUENTIAL_AB = 2_000_000
# From this size on (the Peine example: 180,000 characters), the Markdown is read and
# the PDF's typst text written in parts at once, one pandoc per core: the PDF, the
# longest path of a build, starts typesetting sooner (Peine: 0.4 s). Pandoc holds about
# as much for the parts as for the whole; below this size the second start costs more.
TEILE_AB = 100_000
# A long document is read in parts of about this size at most (at least one per core):
# every writer of a part then holds about 40 times the part's JSON, 0.2-0.3 GB (a chapter
# longer than this stays one part; schranke.py keeps the large ones apart).
TEIL_ZEICHEN = 1_600_000
# ... and a part longer than this (a chapter: the Anhang of a Landkreis twice the
# benchmark's, 6.9 million) is cut before its sections into parts of at most this size:
# a writer of 4 million holds about 0.6 GB, beside a small part and the CLI within 1 GB.
# (Each part costs every format a pandoc run: shorter chapters stay whole.)
KAPITEL_ZEICHEN = 4_000_000


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
    timeout: float | None = None,
    memory_limit: int | None = None,
    stats: dict[str, float] | None = None,
    workers: int = 2,
    ast_json: bytes | None = None,
) -> list[Path]:
    """Render ``markdown`` to each of ``formats`` as ``out_dir/basename.<format>``.

    ``assets`` maps the relative paths the Markdown uses (charts as ``.svg`` with a
    ``.png`` twin for DOCX/ODT) to their bytes. ``timeout`` bounds each pandoc and
    typst run in seconds, ``memory_limit`` (bytes) typst's address space and pandoc's
    heap; both default to :func:`.limits.limits_for` the size of ``markdown``.
    ``stats``, if given, receives seconds per step and typst's peak memory
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
    limits = limits_for(len(markdown.encode("utf-8")))
    timeout = limits.seconds if timeout is None else timeout
    memory_limit = limits.memory if memory_limit is None else memory_limit
    if timestamp.tzinfo is None:
        timestamp = timestamp.replace(tzinfo=dt.timezone.utc)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(
            f"Ausgabeordner {out_dir} kann nicht angelegt werden: {os_reason(exc)}."
        ) from None
    generator = toolchain().generator
    with tempfile.TemporaryDirectory(prefix="ik-build-") as tmp:
        build = Path(tmp)
        names = write_assets(build, assets)
        logo, logo_alt = place_logo(build, meta, design)
        job = Job(build, meta, design, logo, logo_alt, draft, timestamp, timeout, memory_limit,
                   warn, stats, env={
                       "SOURCE_DATE_EPOCH": str(int(timestamp.timestamp())),
                       "IK_BILDER": "\n".join(sorted(names)),
                       "IK_META": json.dumps(_pandoc_meta(meta, generator), ensure_ascii=False),
                   }, say=say, verweise=markdown.count("](#"),
                  gross=len(markdown) >= SEQUENTIAL_AB, generator=generator)
        if wanted != {"md"}:
            say("Markdown einlesen …")
            started = time.perf_counter()
            _read(job, markdown, ast_json, workers)
            _stat(stats, "read", started)
        writers: dict[str, Callable[[Job], bytes]] = {
            "md": lambda _job: markdown.encode("utf-8"),
            "html": formate.html, "docx": formate.docx, "odt": formate.odt, "pdf": formate.pdf,
        }
        todo = [fmt for fmt in FORMATS if fmt in wanted]

        def produce(fmt: str) -> bytes:
            started = time.perf_counter()
            if fmt != "md":
                say(f"{fmt.upper()} wird erzeugt …")
            data = writers[fmt](job)
            _stat(stats, fmt, started)
            if fmt != "md":
                say(f"{fmt.upper()} fertig ({time.perf_counter() - started:.0f} s)")
            return data

        long_document = len(markdown) >= SEQUENTIAL_AB and workers > 1 and len(todo) > 1
        if long_document:
            say("Großes Dokument: die Formate werden nacheinander erzeugt, Pandocs "
                "typst-Satz daneben (Arbeitsspeicher) …")
        say(", ".join(fmt.upper() for fmt in todo) + " erzeugen …")
        if long_document and "pdf" in todo and set(todo) - {"pdf", "odt"}:
            data = one_writer_at_a_time(job, todo, produce)
        else:
            data = _at_once(todo, produce, 1 if long_document else workers)
        done = {out_dir / f"{basename}.{fmt}": data[fmt] for fmt in todo}
        written = install_all(done)  # the caller lists them ("Geschrieben: …")
    return written


def _at_once(todo: list[str], produce: Callable[[str], bytes],
             workers: int) -> dict[str, bytes]:
    """The formats on ``workers`` threads, the slowest first, so that it never waits for
    the others."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        order = todo if workers <= 1 else list(reversed(todo))
        futures = {fmt: pool.submit(produce, fmt) for fmt in order}
        try:
            # every format first: when one fails, no output is replaced
            return {fmt: futures[fmt].result() for fmt in todo}
        finally:
            for future in futures.values():
                future.cancel()


def _read(job: Job, markdown: str, ast_json: bytes | None, workers: int) -> None:
    """``dokument.json``: the safe AST of the document. A long Markdown text is read
    in parts at once on ``workers`` cores (:mod:`.chunks`); the parts' JSON stay for
    the typst writer (``job.teile``)."""
    build = job.build
    if ast_json is not None:
        (build / "quelle.json").write_bytes(ast_json)
        sources = [["-f", "json", "quelle.json"]]
    else:
        # a long document's chapters are cut further where one is longer than a part
        # (its headings, which lesen.lua writes beside, confirm the levels: _levels_hold)
        parts = (split_markdown(markdown, max(workers, -(-len(markdown) // TEIL_ZEICHEN)),
                                KAPITEL_ZEICHEN if job.gross else None)
                 if len(markdown) >= TEILE_AB else [markdown])
        sources = []
        for number, part in enumerate(parts, 1):
            name = "quelle.md" if len(parts) == 1 else f"quelle-{number}.md"
            (build / name).write_text(part, encoding="utf-8")
            sources.append(["-f", READER, name])
    # sicherheit.lua, ebenen.lua and deutsch.lua in one traversal
    filters = ["--lua-filter", lua("lesen.lua")]
    if len(sources) == 1:
        job.pandoc([*sources[0], "-t", "json", *filters, "-o", "dokument.json"],
                   "den Markdown-Text")
        return
    names = [f"teil-{number}.json" for number in range(1, len(sources) + 1)]
    davor = levels_before(parts)  # the heading level before each part
    firsts = [first_level(part) for part in parts]  # the level each part begins with
    envs: list[dict[str, str] | None] = [None] * len(parts)
    for i in range(len(parts)):
        if job.gross:  # a long document's parts also give their headings (HTML in parts)
            envs[i] = {"IK_KOEPFE": koepfe(names[i])}
        if firsts[i] > 1:  # begins inside a chapter (only when job.gross)
            envs[i] = {**(envs[i] or {}), "IK_EBENE": str(davor[i])}
    # one reader per core, the longest parts first (they take longest)
    longest = sorted(range(len(parts)), key=lambda i: -len(parts[i]))
    with concurrent.futures.ThreadPoolExecutor(max_workers=min(len(sources), workers)) as pool:
        for future in [pool.submit(job.pandoc, [*sources[i], "-t", "json", *filters,
                                                "-o", names[i]], "den Markdown-Text", envs[i])
                       for i in longest]:
            future.result()
    if not _levels_hold(build, names, firsts, davor):
        (build / "quelle.md").write_text(markdown, encoding="utf-8")
        job.pandoc(["-f", READER, "quelle.md", "-t", "json", *filters, "-o", "dokument.json"],
                   "den Markdown-Text")
        return
    (build / "dokument.json").write_bytes(join_json([(build / n).read_bytes() for n in names]))
    job.teile = names
    job.ebenen = firsts


def _levels_hold(build: Path, names: list[str], firsts: list[int], davor: list[int]
                 ) -> bool:
    """Whether each part that begins inside a chapter (``firsts``: the level each part
    begins with) was read from the level the parts before it end with (the last of their
    headings as read, ``<teil>-koepfe.json``): then ``ebenen.lua`` made the same levels
    as for the whole text. A part without its headings there cannot say: read whole."""
    last: int | None = 0  # the level of the last heading read so far (None: unknown)
    for i, name in enumerate(names):
        if i > 0 and firsts[i] > 1 and last != davor[i]:
            return False
        if not any(level > 1 for level in firsts[i + 1:]):
            return True  # no later part asks
        levels = _heading_levels(build / koepfe(name))
        last = levels[-1] if levels else last
    return True


def _heading_levels(path: Path) -> list[int | None]:
    """The levels of the headings ``lesen.lua`` wrote for a part ([None] if it did not)."""
    if not path.is_file():
        return [None]
    blocks = json.loads(path.read_bytes())["blocks"]
    return [block["c"][0] for block in blocks if block.get("t") == "Header"]


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


def _pandoc_meta(meta: DocumentMeta, generator: str) -> dict[str, str]:
    # "erzeugt-mit" becomes a custom document property in DOCX and ODT
    values = {"title": meta.title, "subtitle": meta.subtitle, "author": meta.kommune,
              "date": meta.date_line, "lang": meta.lang, "toc-title": "Inhalt",
              "erzeugt-mit": generator}
    return {k: v for k, v in values.items() if v}


def _stat(stats: dict[str, float] | None, key: str, started: float) -> None:
    if stats is not None:
        stats[key] = round(time.perf_counter() - started, 3)
