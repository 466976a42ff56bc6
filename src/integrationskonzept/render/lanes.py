"""The formats of a long document (Landkreis scale) on two cores, in bounded memory.

Pandoc's whole-document writers (HTML about 0.8 GB, ODT 1.2 GB) run alone; the parts of
the document (0.2-0.5 GB each) are written two at a time, as long as their sizes
together stay under :data:`.schranke.GRENZE` (never two large ones side by side, the
largest first): pandoc's typst text of the PDF, and the HTML and the DOCX in parts
(:mod:`.htmlparts`, :mod:`.docxparts`). typst sets the PDF last, a long one in parts
(:mod:`.pdfparts`). Two lanes:

- this thread: the whole-document writers (the HTML only when it cannot be written in
  parts, the DOCX only when it has comments or parts that do not begin with a
  chapter), then it takes parts;
- a second thread: the typst text (its largest part first), then it takes parts.

ODT runs alone afterwards; typst last, beside it only what Python finishes (joining and
finishing the DOCX, the HTML's page and images), while typst's memory is still small.
A failing step is reported before this lane starts its next one; nothing is left
running behind it.
"""

from __future__ import annotations

import concurrent.futures
import itertools
import time
from collections.abc import Callable

from . import formats as formate
from .formats import Job
from .schranke import Schranke
from .speicher import give_back_memory


def one_writer_at_a_time(job: Job, todo: list[str],
                         produce: Callable[[str], bytes]) -> dict[str, bytes]:
    """The formats ``todo`` (with ``pdf`` and one of ``md``, ``html``, ``docx``) of a long
    document; ``produce`` writes a format whole and reports it."""
    data: dict[str, bytes] = {}
    job.say("PDF wird erzeugt …")
    satz_seconds: list[float] = []
    # the parts being written at once stay small enough together (schranke.py)
    parts = job.schranke = Schranke()
    mine: list[Callable[[], None]] = []  # the whole-document writers, on this lane
    finishing: list[Callable[[], None]] = []  # Python's share, beside typst

    def typst_text() -> None:
        started = time.perf_counter()
        formate.typst_text(job, one_at_a_time=True)
        satz_seconds.append(time.perf_counter() - started)
        _work(parts, None)

    if "md" in todo:
        data["md"] = produce("md")
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        satz = pool.submit(typst_text)  # leaving the block waits for it
        try:
            # planned beside the typst text (the reference.docx, the HTML's page: 0.2 s)
            html = (_pieces(job, "html", formate.html_steps(job), data, mine, finishing)
                    if "html" in todo else [])
            docx = (_pieces(job, "docx", formate.docx_steps(job), data, mine, finishing)
                    if "docx" in todo else [])
            # a DOCX part (the longest pieces) before each HTML part: the lanes end together
            parts.add([step for pair in itertools.zip_longest(docx, html) for step in pair
                       if step is not None])
            whole = (job.build / "dokument.json").stat().st_size
            for step in mine:
                _check(satz)
                with parts.held(whole):
                    step()
            _work(parts, satz)
            satz.result()
        finally:
            parts.drop()  # after a failure: the other lane ends after its step
    if "odt" in todo:
        data["odt"] = produce("odt")
    # the PDF's own time: its typst text (beside the others) and typst
    started = time.perf_counter() - satz_seconds[0]
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        pdf = pool.submit(formate.typeset, job)  # leaving the block waits for it
        for finish in finishing:
            finish()
        if finishing and job.gross:
            give_back_memory()  # the DOCX's XML, before typst's memory grows
        data["pdf"] = pdf.result()
    if job.stats is not None:
        job.stats["pdf"] = round(time.perf_counter() - started, 3)
    job.say(f"PDF fertig ({time.perf_counter() - started:.0f} s)")
    return data


def _check(satz: concurrent.futures.Future[None]) -> None:
    if satz.done():
        satz.result()  # the other lane's failure now, not after this lane's next step


def _work(parts: Schranke, other: concurrent.futures.Future[None] | None) -> None:
    """Take the steps on parts until none is left (checking the ``other`` lane)."""
    while True:
        if other is not None:
            _check(other)
        step = parts.take()
        if step is None:
            return
        step()


def _pieces(job: Job, fmt: str,
            steps: tuple[list[Callable[[], bytes]], Callable[[list[bytes]], bytes]],
            data: dict[str, bytes], mine: list[Callable[[], None]],
            finishing: list[Callable[[], None]]) -> list[tuple[int, Callable[[], None]]]:
    """A format's pieces (:func:`.formats.html_steps`, :func:`.formats.docx_steps`):
    returned with the size of their part, for both lanes, when they are parts; else the
    whole on this lane (``mine``); the step that makes its file of them beside typst
    (``finishing``)."""
    pieces, finish = steps
    written: list[bytes] = [b""] * len(pieces)
    seconds: list[float] = []

    def piece(number: int) -> Callable[[], None]:
        def step() -> None:
            if not seconds:
                job.say(f"{fmt.upper()} wird erzeugt …")
            started = time.perf_counter()
            written[number] = pieces[number]()
            seconds.append(time.perf_counter() - started)
        return step

    def done() -> None:
        started = time.perf_counter()
        data[fmt] = finish(written)
        total = sum(seconds) + time.perf_counter() - started
        if job.stats is not None:
            job.stats[fmt] = round(total, 3)
        job.say(f"{fmt.upper()} fertig ({total:.0f} s)")

    finishing.append(done)
    if len(pieces) == 1:
        mine.append(piece(0))
        return []
    return [(_size(job, pieces[number]), piece(number)) for number in range(len(pieces))]


def _size(job: Job, piece: Callable[[], bytes]) -> int:
    """The size of the part a piece writes (its ``source``: a part of the document, or
    the HTML's page from the headings alone); 0 for a piece that names none."""
    keywords = getattr(piece, "keywords", None) or {}
    source = keywords.get("source")
    return (job.build / source).stat().st_size if source else 0
