"""The format writers of :func:`.pipeline.render`: one function per output format.

Each writer gets the :class:`Job` (build folder with ``dokument.json``, the safe
AST, and everything the formats share) and returns the file's bytes. Long
documents: above :data:`PDF_VERWEISE_MAX` internal links, :func:`pdf` sets the
PDF compactly (``tabellen.lua`` with ``IK_KOMPAKT``: cross-references as plain
text, field lists as lines; ragged right): typst keeps ~60 KB per resolved link,
25,000 links at Landkreis scale cost 1.5 GB.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Callable
from pathlib import Path

from ..errors import RenderError
from . import docxparts, htmlparts, pdfparts
from .design import Design
from .docxpost import finish_docx
from .meta import DocumentMeta
from .odtpost import finish_content, outline_of
from .officefiles import check_output_docx, safe_reference_docx
from .pandoc import lua, run_pandoc
from .referencedoc import reference_docx
from .referenceodt import reference_odt
from .schranke import Schranke
from .speicher import give_back_memory
from .stylesheet import check_stylesheet, theme_source
from .typesetter import TypstResult, compile_pdf, font_paths
from .typstdoc import main_typ, sets_parts
from .zipfix import rewrite_zip

PDF_VERWEISE_MAX = 3000
# Pandoc's HTML and DOCX writers hold the whole document; its runtime grows the old
# generation to twice the live data (-F2) and copies it at each major collection, so a
# long document's peak grew faster than the document (Landkreis x0.5, x1, x2: 0.39, 1.10,
# 2.06 GB). A growth factor of 1.5 collects earlier: 0.46, 0.77, 1.25 GB, about 5-12 %
# more time. Long documents only (pipeline.SEQUENTIAL_AB): short ones finish quickly.
WRITER_RTS_LANG = ("-F1.5",)
# The HTML page: skip link, <main>, a table of contents that folds (<details>).
_HTML_PAGE = Path(__file__).resolve().parent.parent / "templates" / "html" / "seite.html5"
_MIME = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
         ".jpeg": "image/jpeg", ".gif": "image/gif"}


@dataclasses.dataclass
class Job:
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
    say: Callable[[str], None] = lambda _msg: None
    verweise: int = 0  # internal links (``](#``) in the document
    gross: bool = False  # a long document (see pipeline.SEQUENTIAL_AB)
    generator: str = ""  # the toolchain, for the documents' metadata
    teile: list[str] = dataclasses.field(default_factory=list)  # parts of dokument.json
    # the level of the heading each part begins with (above 1: inside a chapter, chunks.py)
    ebenen: list[int] = dataclasses.field(default_factory=list)
    satzteile: int = 0  # the PDF's text parts typst sets one after the other (pdfparts)
    schranke: Schranke | None = None  # parts written at once, when two lanes write them

    def pandoc(self, args: list[str], what: str, env: dict[str, str] | None = None,
               rts: tuple[str, ...] = ()) -> bytes:
        return run_pandoc(args, cwd=self.build, env={**self.env, **(env or {})},
                          timeout=self.timeout, memory_limit=self.memory_limit, what=what,
                          rts=rts)

    def write(self, args: list[str], what: str, env: dict[str, str] | None = None,
              rts: tuple[str, ...] = (), source: str = "dokument.json") -> bytes:
        """Write a format from the safe AST with the format filters (``formate.lua``
        applies those of the target format in few passes)."""
        return self.pandoc(["-f", "json", source, "--resource-path=.",
                            "--lua-filter", lua("formate.lua"), *args], what, env, rts)


def html(job: Job) -> bytes:
    """Self-contained HTML: stylesheet and images inline (``bilder.lua`` makes data URIs);
    the page template :data:`_HTML_PAGE`, tables and figures in scroll containers
    (``webseite.lua``), so the page is no wider than a phone.

    Pandoc's ``--embed-resources`` would re-parse the whole page: 35 % slower and 40 %
    more memory at 10,000 table rows.
    """
    pieces, finish = html_steps(job)
    return finish([piece() for piece in pieces])


def html_steps(job: Job) -> tuple[list[Callable[[], bytes]], Callable[[list[bytes]], bytes]]:
    """The HTML as the pieces pandoc writes – the whole page, or for a long document the
    page of its headings and the bodies of its parts (:mod:`.htmlparts`), each at any
    time – and the step that makes the file of what they return, in their order."""
    import base64
    from html import escape

    design, build = job.design, job.build
    css = design.style_css.read_text(encoding="utf-8", errors="replace")
    check_stylesheet(css, _shown(design.style_css))
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
    env, rts = {"IK_BILDER_NACHHER": "1"}, WRITER_RTS_LANG if job.gross else ()
    page_args = ["-t", "html5", "-s", f"--template={_HTML_PAGE}",
                 "--toc", f"--toc-depth={design.inhalt_tiefe}", "--number-sections",
                 "--include-in-header=kopf.html", "--include-before-body=vorspann.html",
                 "--wrap=none"]
    split = (htmlparts.plan(build, job.teile, ["kopf.html", "vorspann.html"])
             if job.gross else None)
    pieces: list[Callable[[], bytes]]
    if split is None:
        pieces = [functools.partial(job.write, page_args, "das HTML", env, rts)]
    else:
        pieces = [functools.partial(job.write, ["-t", "html5", "--number-sections",
                                                f"--number-offset={offset}", "--wrap=none"],
                                    "das HTML", env, rts, source=teil)
                  for teil, offset in split.parts]
        pieces.append(functools.partial(job.write, page_args, "das HTML", env,
                                        source=split.page))

    def finish(written: list[bytes]) -> bytes:
        page = written[0] if split is None else htmlparts.join(written[-1], written[:-1])
        page = _BILD.sub(lambda found: _data_uri(build, job.env["IK_BILDER"], found), page)
        # the page template names only pandoc as the generator
        return page.replace(b'<meta name="generator" content="pandoc" />',
                            f'<meta name="generator" content="{escape(job.generator)}" />'
                            .encode(), 1)

    return pieces, finish


# bilder.lua's place holder for an image of the build (its line in IK_BILDER): the data
# URI is written here, not handed through pandoc's Lua and HTML writer (Peine: 0.1 s)
_BILD = re.compile(rb'src="ik-bild:([0-9]+)"')


def _data_uri(build: Path, bilder: str, found: re.Match[bytes]) -> bytes:
    """``src="data:…"`` of the image ``found`` names: what pandoc's data URI would be."""
    import base64

    name = [line for line in bilder.split("\n") if line][int(found[1]) - 1]
    data = base64.b64encode((build / name).read_bytes())
    mime = _MIME[Path(name).suffix.lower()].encode("ascii")
    return b'src="data:' + mime + b";base64," + data + b'"'


def _shown(path: Path) -> str:
    """``design/<name>`` for the concept's files, the path for others (tests, defaults)."""
    return f"design/{path.name}" if path.parent.name == "design" else str(path)


def docx(job: Job) -> bytes:
    pieces, finish = docx_steps(job)
    return finish([piece() for piece in pieces])


def docx_steps(job: Job) -> tuple[list[Callable[[], bytes]], Callable[[list[bytes]], bytes]]:
    """The DOCX as the pieces pandoc writes – the whole document, or for a long document
    its parts (:mod:`.docxparts`), each at any time – and the step that joins and
    finishes what they return, in their order (:func:`.finish_docx`, the checks), which
    a long document runs beside typst (:mod:`.lanes`)."""
    ref = job.build / "reference.docx"
    if job.design.reference_docx is not None:
        ref.write_bytes(safe_reference_docx(job.design.reference_docx))
    else:
        logo = job.build / job.logo if job.logo else None
        ref.write_bytes(reference_docx(
            dataclasses.replace(job.design, logo=logo, logo_alt=job.logo_alt)))
    toc = ["--toc", f"--toc-depth={job.design.inhalt_tiefe}"]
    args = ["-t", "docx+native_numbering", "--reference-doc=reference.docx", *toc,
            "--number-sections", "-o", "-"]
    rts = WRITER_RTS_LANG if job.gross else ()
    split = docxparts.plan(job.build, job.teile) if job.gross else None
    whole = functools.partial(job.write, args, "das DOCX", rts=rts)
    pieces: list[Callable[[], bytes]]
    if split is None:
        pieces = [whole]
    else:  # the table of contents in the first part only
        pieces = [functools.partial(
            job.write, [arg for arg in args if number == 0 or arg not in toc]
            + [f"--number-offset={offset}"], "das DOCX", rts=rts, source=teil)
            for number, (teil, offset) in enumerate(split.parts)]

    def finish(written: list[bytes]) -> bytes:
        if split is None:
            data = written[0]
        else:
            try:
                data = docxparts.join(written, split.ebenen)
            except ValueError:  # parts of a shape the join does not know: write it whole
                data = whole()
        done = finish_docx(data, kommune=job.meta.kommune, titel=job.meta.title,
                           draft=job.draft, office_font=job.design.schrift_office,
                           toc_depth=job.design.inhalt_tiefe)
        check_output_docx(done)
        return done

    return pieces, finish


def odt(job: Job) -> bytes:
    default = job.pandoc(["--print-default-data-file", "reference.odt"], "die ODT-Vorlage")
    (job.build / "reference.odt").write_bytes(reference_odt(
        default, job.design, kommune=job.meta.kommune, titel=job.meta.title, draft=job.draft))
    # pandoc's ODT writer holds ~2.3 GB at Landkreis scale; compacting garbage
    # collection with a small growth factor: ~1.2 GB, about 1.7 times the time
    rts = ("-c", "-F1.2") if job.gross else ()
    data = job.write(["-t", "odt", "--reference-doc=reference.odt", "--toc",
                      f"--toc-depth={job.design.inhalt_tiefe}",
                      "--number-sections", "-o", "-"], "das ODT", rts=rts)
    outline = outline_of((job.build / "dokument.json").read_bytes())
    return rewrite_zip(data, lambda name, content: finish_content(
        content.decode("utf-8"), outline, job.design.inhalt_tiefe).encode("utf-8")
        if name == "content.xml" else content)


# A word (Str) of pandoc's JSON that starts with a hyphen before a digit: only then
# has minus.lua something to do (JSON writes both characters as they are).
_MINUS = re.compile(rb'"t":"Str","c":"-[0-9]')


def _typst_bodies(job: Job, env: dict[str, str], *, one_at_a_time: bool) -> list[str]:
    """The typst body pandoc writes, one per part of a long document (the typst writer
    is stateless between chapters: joined, the same text as from the whole), at once or,
    with ``one_at_a_time``, one after the other (beside another format's writer)."""
    def body(source: str) -> str:
        minus = _MINUS.search((job.build / source).read_bytes()) is not None
        return job.write(["-t", "typst", "--wrap=none"], "den PDF-Satz",
                         {**env, "IK_MINUS": "1" if minus else "0"},
                         source=source).decode("utf-8")

    if len(job.teile) < 2:
        return [body("dokument.json")]
    # the largest part first (beside the other formats' lanes: the other lane meanwhile
    # takes small parts); never two large ones side by side (schranke.py)
    schranke = job.schranke or Schranke()
    sizes = [(job.build / teil).stat().st_size for teil in job.teile]
    bodies = [""] * len(job.teile)

    def write(i: int) -> None:
        with schranke.held(sizes[i]):
            bodies[i] = body(job.teile[i])

    order = sorted(range(len(sizes)), key=lambda i: -sizes[i])
    if one_at_a_time:
        for i in order:
            write(i)
    else:  # one pandoc per core
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(write, order))
    return bodies


def pdf(job: Job) -> bytes:
    typst_text(job)
    return typeset(job)


def typst_text(job: Job, *, one_at_a_time: bool = False) -> None:
    """The PDF's first step: pandoc writes the typst text, ``main.typ`` in the build
    folder (the theme's call around the body). ``one_at_a_time``: the parts of a long
    document one after the other (see :func:`.pipeline.render`)."""
    kompakt = job.verweise > PDF_VERWEISE_MAX
    if kompakt:
        job.say(f"PDF: großes Dokument ({job.verweise} Querverweise): Verweise als Text, "
                "Angaben als Zeilen, Flattersatz (spart Arbeitsspeicher und Zeit) …")
    job.say("PDF: Pandoc schreibt den typst-Satz …")
    bodies = _typst_bodies(job, {"IK_KOMPAKT": "1" if kompakt else ""},
                           one_at_a_time=one_at_a_time)
    body = "\n".join(bodies)
    build = job.build
    theme = theme_source(job.design.theme_typ)
    (build / "theme.typ").write_text(theme, encoding="utf-8")
    write = functools.partial(main_typ, meta=job.meta, design=job.design, logo=job.logo,
                              logo_alt=job.logo_alt, draft=job.draft, kompakt=kompakt,
                              generator=job.generator, theme=theme)
    (build / "main.typ").write_text(write(body), encoding="utf-8")
    # a long compact document in parts (pdfparts.py): typst then needs the memory of
    # one part's pages; main.typ stays for setting it whole if the parts do not fit
    job.satzteile = 0
    groups = pdfparts.groups([len(part) for part in bodies],
                             starts=[level <= 1 for level in job.ebenen] or None)
    if kompakt and len(groups) >= 2 and sets_parts(theme):
        for i, group in enumerate(groups, 1):
            part = "\n".join(bodies[k] for k in group)
            (build / pdfparts.text_part(i)).write_text(write(part, kinds_of=body, teil=True),
                                                        encoding="utf-8")
        for name in (pdfparts.INHALT, pdfparts.FUSS):
            (build / name).write_text(write("", kinds_of=body, teil=True), encoding="utf-8")
        job.satzteile = len(groups)


def typeset(job: Job) -> bytes:
    """The PDF's second step: typst sets ``main.typ`` (:func:`typst_text`)."""
    build = job.build
    # the text and its copies are in main.typ: their memory goes back before typst
    # needs its own (Landkreis: about 0.1 GB)
    if job.gross:
        give_back_memory()

    def compile_as(standards: tuple[str, ...]) -> TypstResult:
        run = functools.partial(
            compile_pdf, root=build, timestamp=job.timestamp,
            fonts=font_paths(job.design.font_dirs), timeout=job.timeout,
            memory_limit=job.memory_limit, pdf_standards=standards)
        if job.satzteile:
            try:
                return pdfparts.typeset(
                    build, job.satzteile, job.design.inhalt_tiefe,
                    lambda main, out, inputs, query: run(main, out, inputs=inputs, query=query))
            except pdfparts.NichtInTeilen:
                pass  # set whole, as a short document
        return run(build / "main.typ", build / "dokument.pdf")

    job.say("PDF: typst setzt die Seiten (bei großen Konzepten einige Minuten) …")
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
