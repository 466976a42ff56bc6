"""A long PDF set in parts, one typst child after the other, then joined (issue 15).

typst holds every page it has set until it writes the PDF: 1.1 GB for the 1,600 pages
of a Landkreis. Set in the parts pandoc read (consecutive ones together up to
:data:`SATZ_ZEICHEN`; at Landkreis size two, 0.5 and 0.46 GB), each child needs the
memory of its own pages only, in about the same time. The theme
(``teil:``, see theme.typ) sets:

1. each text part without footer, its counters (headings, figures, tables, footnotes)
   continued from the part before; at its end it reports them, with the page and place
   of every heading and figure (``<ik-teil>``);
2. the title page, the contents and the lists of figures and tables, whose entries are
   the headings and figures of the text parts („Geister“), each with the page number it
   has in the joined document, on a last page the join leaves out. How many pages the
   contents take decides those numbers, so it is set twice (three times if the numbers
   change how many lines it takes);
3. the footers of all pages („Seite X von Y“: Y is known only now).

:mod:`.pdfjoin` puts them together. Parts are used for compact documents only (links
across parts: just the contents', which the join points at the right places) and themes
that know ``teil:`` (the shipped one); otherwise, and if the contents do not settle,
the document is set whole as before.
"""

from __future__ import annotations

import concurrent.futures
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .typesetter import SatzFehler, TypstResult
from .typstdoc import TEIL_EINGABE

if TYPE_CHECKING:  # pikepdf loads in 0.1 s: only when a PDF is set in parts
    from .pdfjoin import Texte

INHALT = "satz-inhalt.typ"
FUSS = "satz-fuss.typ"
# where a part reports its counters, headings and figures (theme.typ)
_BERICHT = "<ik-teil>"

Compile = Callable[[Path, Path, dict[str, str], str | None], TypstResult]


@dataclass(frozen=True)
class Ort:
    """Where a heading or figure of a text part is, as the part reports it: the part
    (0 = the first text part), the page in that part (1 = its first), and the place on
    the page in pt from top left."""

    teil: int
    seite: int
    x: float
    y: float


class NichtInTeilen(Exception):  # noqa: N818 (not an error of the user: set it whole)
    """The parts do not fit together: a part fails where the whole would not (a link to
    another part), the contents do not settle, the join fails. Set it whole."""


# The typst text of one text part at most (characters; Landkreis x1: 5.3 million in all):
# typst holds about 0.2 GB per million, and each part costs a child and its share of
# the join; consecutive parts the reader made are set together up to this size.
SATZ_ZEICHEN = 3_000_000


def groups(sizes: list[int], most: int | None = None,
           starts: list[bool] | None = None) -> list[list[int]]:
    """The read parts (their typst texts' sizes) that typst sets together, in order:
    consecutive ones up to ``most`` characters (:data:`SATZ_ZEICHEN`; a larger one
    alone). A part that does not begin a chapter (``starts``: False; a chapter longer
    than a part, :mod:`.chunks`) stays with the part before it: a PDF/UA document's
    first heading is a chapter's."""
    most = SATZ_ZEICHEN if most is None else most
    out: list[list[int]] = []
    total = 0
    for i, size in enumerate(sizes):
        if out and (total + size <= most or (starts is not None and not starts[i])):
            out[-1].append(i)
            total += size
        else:
            out.append([i])
            total = size
    return out


def text_part(i: int) -> str:
    """The file of the i-th text part (from 1)."""
    return f"satz-{i}.typ"


def typeset(build: Path, parts: int, tiefe: int, compile_part: Compile) -> TypstResult:
    """Set the ``parts`` text parts, the contents and the footers with ``compile_part``
    (main file, PDF, the part as typst's inputs, what to ask), join them into
    ``dokument.pdf``; the warnings of all, the largest child's memory.

    :class:`NichtInTeilen` where setting it whole may still work; typst's errors in a
    design file, time-outs and memory errors as from the whole document."""
    from .pdfjoin import Unvereinbar

    try:
        return _typeset(build, parts, tiefe, compile_part)
    except (SatzFehler, Unvereinbar) as exc:
        raise NichtInTeilen(str(exc)) from None


def _typeset(build: Path, parts: int, tiefe: int, compile_part: Compile) -> TypstResult:
    zaehler: dict[str, Any] = {"art": "text", "ueberschriften": [], "abbildungen": 0,
                               "tabellen": 0, "fussnoten": 0}
    results: list[TypstResult] = []
    berichte: list[dict[str, Any]] = []
    texte: list[bytes] = []
    for i in range(1, parts + 1):
        pdf = build / f"satz-{i}.pdf"
        result = compile_part(build / text_part(i), pdf, _inputs(zaehler), _BERICHT)
        results.append(result)
        bericht = json.loads(result.query or "null")
        if not isinstance(bericht, dict):
            raise NichtInTeilen(f"Teil {i} meldet nichts")
        berichte.append(bericht)
        zaehler = {"art": "text", "ueberschriften": bericht["ueberschriften"],
                   "abbildungen": bericht["abbildungen"], "tabellen": bericht["tabellen"],
                   "fussnoten": bericht["fussnoten"]}
        texte.append(pdf.read_bytes())
    from .pdfjoin import join_texts

    seiten = [_pages(data) for data in texte]
    # the text parts are joined while typst sets the contents and the footers
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        joined = pool.submit(join_texts, texte)
        del texte
        try:
            inhalt, koepfe, figuren, vorne, result = _contents(build, berichte, seiten,
                                                               tiefe, compile_part)
            results.append(result)
            results.append(compile_part(
                build / FUSS, build / "satz-fuss.pdf",
                _inputs({"art": "fusszeilen", "seiten": vorne + sum(seiten)}), None))
        finally:
            texts: Texte = joined.result()
    data = texts.finish(inhalt, (build / "satz-fuss.pdf").read_bytes(), koepfe, figuren)
    (build / "dokument.pdf").write_bytes(data)
    warnings = tuple(dict.fromkeys(w for r in results for w in r.warnings))
    return TypstResult(warnings, max(r.max_rss_kb for r in results))


def _contents(build: Path, berichte: list[dict[str, Any]], seiten: list[int], tiefe: int,
              compile_part: Compile
              ) -> tuple[bytes, dict[str, Ort], list[Ort], int, TypstResult]:
    """The contents part (PDF), where its entries point, how many pages it has, and
    how typst set it."""
    # first with the widest page numbers: with the real ones it can take only as many
    # lines or fewer
    breite = 10 ** len(str(sum(seiten) + 999)) - 1
    vorne: int | None = None
    for _attempt in range(3):
        geister, koepfe, figuren = ghosts(berichte, seiten, vorne, tiefe, breite)
        result = compile_part(build / INHALT, build / "satz-inhalt.pdf",
                              _inputs({"art": "inhalt", "geister": geister}), None)
        inhalt = (build / "satz-inhalt.pdf").read_bytes()
        gesetzt = _pages(inhalt) - 1  # the last page holds the entries' headings
        if gesetzt == vorne:
            return inhalt, koepfe, figuren, vorne, result
        vorne = gesetzt
    raise NichtInTeilen("das Inhaltsverzeichnis kommt zu keiner festen Seitenzahl")


def ghosts(berichte: list[dict[str, Any]], seiten: list[int], vorne: int | None,
           tiefe: int, breite: int) -> tuple[list[dict[str, Any]], dict[str, Ort], list[Ort]]:
    """The entries of the contents part (its ``geister``), the named destinations of the
    headings' entries and the places the lists of figures point at, in their order.

    ``vorne``: the pages before the text (title, contents); ``None``: not known yet,
    every entry gets the page number ``breite``. Headings deeper than the contents
    show (``tiefe``) and headings neither numbered nor listed change nothing there.
    """
    geister: list[dict[str, Any]] = []
    koepfe: dict[str, Ort] = {}
    bilder: list[Ort] = []
    tabellen: list[Ort] = []
    davor = 0
    for teil, (bericht, zahl) in enumerate(zip(berichte, seiten, strict=True)):
        for ebene, nummer, verzeichnis, text, pos in bericht["koepfe"]:
            if ebene > tiefe or not (nummer or verzeichnis):
                continue
            ort = _ort(teil, pos)
            koepfe[f"ik-geist-{len(geister)}"] = ort
            geister.append({"art": "heading", "ebene": ebene, "nummer": nummer,
                            "verzeichnis": verzeichnis, "text": text,
                            "seite": breite if vorne is None else vorne + davor + ort.seite})
        for art, text, verzeichnis, pos in bericht["figuren"]:
            ort = _ort(teil, pos)
            geister.append({"art": art, "text": text, "verzeichnis": verzeichnis,
                            "seite": breite if vorne is None else vorne + davor + ort.seite})
            if verzeichnis:
                (bilder if art == "image" else tabellen).append(ort)
        davor += zahl
    return geister, koepfe, bilder + tabellen


def _ort(teil: int, pos: dict[str, Any]) -> Ort:
    return Ort(teil, int(pos["page"]), _pt(pos["x"]), _pt(pos["y"]))


def _pt(length: str) -> float:
    if not length.endswith("pt"):
        raise NichtInTeilen(f"Länge {length!r}")
    return float(length[:-2])


def _inputs(teil: dict[str, Any]) -> dict[str, str]:
    return {TEIL_EINGABE: json.dumps(teil, ensure_ascii=False)}


def _pages(data: bytes) -> int:
    import pikepdf

    with pikepdf.Pdf.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)
