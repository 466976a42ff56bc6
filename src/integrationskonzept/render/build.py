"""`ik build` as a library function: sources → Markdown → DOCX, PDF, HTML, ODT, MD.

:func:`build` validates first and refuses to build a concept with errors (the
problems come back for the CLI to print like `ik validate`); a failure of a template,
of pandoc or typst raises an :class:`~integrationskonzept.errors.IkError`. The output files are
written into ``out`` (default ``<concept>/build/``) only when complete; the same
sources give the same bytes (the date is the concept's Stand).
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import functools
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import SourceError
from ..problems import Problem

if TYPE_CHECKING:
    from ..diff import Diff
    from ..errors import RenderError
    from .bericht import BerichtAuswahl
    from .design import Design
    from .typesetter import SatzFehler

DEFAULT_FORMATS = ("docx", "pdf", "html")
PLATZHALTER = "IK590"  # checks/platzhalter.py: a build refuses them unless a draft


@dataclass
class BuildResult:
    """The outcome of one build.

    ``ok`` is False when validation found errors (``problems``); nothing was built then.
    ``files`` are the written outputs, ``warnings`` German notes that did not stop the
    build, ``seconds`` time per step, ``quellen`` the number of source files read (for
    the summary line of the problem list).
    """

    ok: bool
    files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    quellen: int = 0


def build(path: str | Path, formats: Iterable[str] = DEFAULT_FORMATS, out: str | Path | None = None,
          draft: bool = False, progress: Callable[[str], None] | None = None,
          aenderungen: bool = False, synopse: bool = False, seit: str | None = None,
          intern: bool = False, warn: Callable[[str], None] | None = None,
          bericht: BerichtAuswahl | None = None) -> BuildResult:
    """Build the concept at ``path`` into ``formats`` (docx, pdf, html, odt, md).

    ``aenderungen`` adds the chapter "Änderungen seit dem Beschluss vom …"; ``synopse``
    builds only the Synopse (old and new side by side) as ``synopse.*``. Both compare
    with the git version of the last Beschluss in konzept.yaml, or with ``seit`` (a tag,
    commit or folder). The version line states the git tag or commit and its date; with
    uncommitted changes in the sources every page is marked "Entwurf". ``progress``
    hears each step, ``warn`` each warning as it arises (all are also in the result).
    Raises :class:`~integrationskonzept.errors.IkError` (template, render, git) when
    the build fails; nothing is written half.

    ``bericht`` builds the Umsetzungsbericht of a report period instead (see
    :mod:`.bericht`): same validation, design and pipeline, its own entry template.

    A Landkreis folder whose konzept.yaml names ``gemeinden:`` is validated with its
    members and gets the chapters on the Integrationsmanagement and the Gemeinden.
    Internal conflict data (``vertraulich: true``) is left out unless ``intern``; the
    internal document is written as ``integrationskonzept-intern.*``.
    """
    root = Path(path)
    from .forked import in_child, worth_a_child

    prepare = functools.partial(_prepare, root, list(formats), out, draft, progress,
                                aenderungen, synopse, seit, intern, warn, bericht)
    # a large concept: validated and composed in a child that ends before pandoc and
    # typst start, so its memory (0.35 GB at Landkreis size) is not held beside theirs
    prepared = (in_child(prepare) if bericht is None and worth_a_child(root, progress, warn)
                else prepare())
    if isinstance(prepared, BuildResult):
        return prepared
    schreiben, quellen = prepared
    result = schreiben()
    result.quellen = quellen
    return result


def _prepare(root: Path, formats: list[str], out: str | Path | None, draft: bool,
             progress: Callable[[str], None] | None, aenderungen: bool, synopse: bool,
             seit: str | None, intern: bool, warn: Callable[[str], None] | None,
             bericht: BerichtAuswahl | None
             ) -> BuildResult | tuple[Callable[[], BuildResult], int]:
    """Validate and compose: the failed or finished result, or the writing step and the
    number of source files."""
    from .speicher import give_back_memory

    say = progress or _quiet
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    say("Quellen prüfen …")
    from ..workspace.loader import names_members

    kreis: Any = None
    if names_members(root):
        from ..workspace import validate_workspace

        kreis = validate_workspace(root)
        report: Any = kreis
        konzept, quellen = kreis.bereich.kreis, kreis.dateien
    else:
        from ..checks.runner import validate

        report = validate(root)
        konzept, quellen = report.konzept, len(report.konzept.files)
    seconds["validate"] = _lap(started)
    if report.failed():
        return BuildResult(False, problems=report.problems, seconds=seconds, quellen=quellen)
    platzhalter = [p for p in report.problems if p.code == PLATZHALTER]
    if platzhalter and not draft:
        raise SourceError(
            f"Das Konzept enthält noch {len(platzhalter)} Platzhalter (zuerst in "
            f"{platzhalter[0].location}); ein beschlussreifes Dokument entsteht erst, wenn sie "
            "ersetzt sind. Mit --entwurf entsteht ein als Entwurf gekennzeichnetes Dokument.")
    warnings = _Warnings(warn)
    if bericht is not None:
        from .bericht import render_bericht

        result = render_bericht(root, konzept, report.problems, formats, out, draft,
                                say, warnings, seconds, bericht,
                                bereich=kreis.bereich if kreis is not None else None)
        result.quellen = quellen
        return result
    vergleich = _vergleich(root, aenderungen or synopse, seit, say)
    schreiben = _render(root, konzept, report.problems, formats, out, draft, say,
                        warnings, seconds, vergleich, synopse, intern=intern,
                        bereich=kreis.bereich if kreis is not None else None)
    # the sources' model is not needed to write the files: its memory goes back
    # before pandoc and typst need theirs (about 0.1 GB at Landkreis size)
    del report, konzept, kreis, vergleich
    give_back_memory()
    return schreiben, quellen


def _quiet(_message: str) -> None:
    """No progress wanted (a module function: the writing step travels by pickle)."""


class _Warnings(list[str]):
    """The build's warnings, each also passed on to ``warn`` as it arises."""

    def __init__(self, warn: Callable[[str], None] | None) -> None:
        super().__init__()
        self._warn = warn

    def append(self, text: str) -> None:
        super().append(text)
        if self._warn is not None:
            self._warn(text)


def _vergleich(root: Path, wanted: bool, seit: str | None, say: Callable[[str], None]
               ) -> Diff | None:
    """The comparison for the changes chapter or the Synopse (IkError if impossible)."""
    if not wanted:
        return None
    from ..diff import compare_versions

    say("Fassungen vergleichen …")
    return compare_versions(root, seit)


def _version(root: Path, version: str, draft: bool, warnings: list[str]) -> tuple[str, bool]:
    """The version line in words; a draft (``--entwurf`` or uncommitted sources) also names
    its git tag or commit, so a reader can tell two drafts apart."""
    from ..source.git import version_info
    from ..text.german import datum_kurz

    info = version_info(root)
    if info.entwurf and not draft:
        warnings.append("Die Quellen haben nicht eingecheckte Änderungen: jede Seite wird als "
                        "„Entwurf“ gekennzeichnet.")
    draft = draft or info.entwurf
    if not draft or not info.in_git or info.commit is None:
        return version, draft
    git = info.tag or f"Commit {info.commit}"
    if info.datum is not None:
        git += f" vom {datum_kurz(info.datum)}"
    return f"{version} (Entwurf, {git})", draft


def _render(root: Path, konzept, problems: list[Problem], formats: list[str],  # type: ignore[no-untyped-def]
            out: str | Path | None, draft: bool, say: Callable[[str], None],
            warnings: list[str], seconds: dict[str, float], vergleich: Diff | None = None,
            nur_synopse: bool = False, intern: bool = False, bereich: Any = None
            ) -> Callable[[], BuildResult]:
    from ..document.context import build_context
    from ..document.konflikt import oeffentlich
    from ..document.templates import render_markdown
    from ..gaps import find_gaps
    from . import load_design
    from .figures import start_charts
    from .prosa import prosa_texte, splice_prosa

    voll = konzept  # with internal conflict data: [[kl-…]] to a left-out line is named so
    if not intern:
        konzept = oeffentlich(konzept)
    started = time.perf_counter()
    gaps = find_gaps(konzept)
    luecken = None
    if bereich is not None:
        from ..workspace.gaps import kreis_report, workspace_gaps

        # the Kreis's needs judged as `ik gaps` on the workspace does (member offers count)
        luecken = workspace_gaps(bereich)
        gaps = kreis_report(luecken, gaps)
    seconds["gaps"] = _lap(started)
    design = load_design(root)
    started = time.perf_counter()
    say("Diagramme zeichnen …")
    diagramme = start_charts(konzept, gaps, design, warnings)  # compiled meanwhile
    seconds["charts"] = _lap(started)
    started = time.perf_counter()
    say("Dokument zusammenstellen …")
    meta = konzept.meta
    titel, basename = meta.titel, "integrationskonzept-intern" if intern else "integrationskonzept"
    assets: dict[str, bytes] = {}

    def compose(abbildungen: dict[str, Any]) -> str:
        if bereich is not None:
            from .kreis import kreis_verweise

            fremde = kreis_verweise(konzept, bereich, gaps)
        else:
            from ..workspace.fremd import fremde_namen

            fremde = fremde_namen(konzept, root)
        dok, prosa = build_context(konzept, gaps, abbildungen, fremde)
        if vergleich is not None:
            from ..document.changes import changes_chapter
            from ..document.markdown import Md

            dok.extra["aenderungen"] = Md(changes_chapter(vergleich))
        from .kreis import kreis_kapitel

        dok.extra.update(kreis_kapitel(konzept, prosa, bereich, intern, luecken, voll))
        for name, data in prosa.bilder(root).items():
            assets.setdefault(name, data)
        # pandoc parses the texts while Jinja writes the document around them
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            texte = pool.submit(prosa_texte, prosa)
            return splice_prosa(render_markdown(dok, root), texte.result())

    if nur_synopse and vergleich is not None:
        from ..document.changes import synopse

        markdown, titel, basename = synopse(vergleich), f"Synopse – {meta.titel}", "synopse"
        abbildungen, charts = diagramme.result()
    else:
        markdown = compose(diagramme.erwartet)
        abbildungen, charts = diagramme.result()
        if abbildungen != diagramme.erwartet:  # a chart failed: the text without it
            assets.clear()
            markdown = compose(abbildungen)
    assets.update(charts)  # a chart before an image of a text of the same name
    seconds["markdown"] = _lap(started)
    fakten = _fakten(root, konzept, draft, warnings, titel=titel, subtitle=" – ".join(
        x for x in (meta.untertitel, "Interne Fassung" if intern else None) if x),
        stand=konzept.stand)
    # the writing step holds no reference to the concept: build() frees it meanwhile
    return functools.partial(_write, root, fakten, problems, markdown, assets, formats, out,
                             say, warnings, seconds, design=design, basename=basename)


def write_document(root: Path, konzept, problems: list[Problem], markdown: str,  # type: ignore[no-untyped-def]
                   assets: dict[str, bytes], formats: list[str], out: str | Path | None,
                   draft: bool, say: Callable[[str], None], warnings: list[str],
                   seconds: dict[str, float], *, design: Design, titel: str, subtitle: str,
                   basename: str, stand: dt.date) -> BuildResult:
    """The part every document shares: logo, version line, design, the render pipeline."""
    fakten = _fakten(root, konzept, draft, warnings, titel=titel, subtitle=subtitle,
                     stand=stand)
    return _write(root, fakten, problems, markdown, assets, formats, out, say, warnings,
                  seconds, design=design, basename=basename)


@dataclass
class _Fakten:
    """What writing needs of the concept: the title data, and its texts to name the
    file of a passage typst refuses (the concept itself can be freed meanwhile)."""

    meta: Any
    draft: bool
    timestamp: dt.datetime
    texte: dict[str, str]


def _fakten(root: Path, konzept, draft: bool, warnings: list[str], *,  # type: ignore[no-untyped-def]
            titel: str, subtitle: str, stand: dt.date) -> _Fakten:
    from ..document.fassung import fassung
    from . import DocumentMeta, Logo
    from .fundstelle import quelltexte

    meta = konzept.meta
    logo = None
    if meta.logo is not None:
        logo_path = (root / meta.logo.datei).resolve()
        if logo_path.is_file() and logo_path.is_relative_to(root.resolve()):
            logo = Logo(logo_path, meta.logo.alt or f"Logo {meta.kommune.anzeigename}")
        else:
            warnings.append(f"Logo „{meta.logo.datei}“ nicht gefunden; das Titelblatt bleibt "
                            "ohne Logo.")
    version, draft = _version(root, fassung(konzept), draft, warnings)
    doc_meta = DocumentMeta(
        title=titel, kommune=meta.kommune.anzeigename, stand=stand,
        # the concept's own Stand as written („März 2024“); a report's date as a day
        stand_wort=meta.stand.lang if stand == konzept.stand else "",
        version=version, subtitle=subtitle, logo=logo)
    return _Fakten(doc_meta, draft, timestamp(konzept, stand), quelltexte(konzept))


def _write(root: Path, fakten: _Fakten, problems: list[Problem], markdown: str,
           assets: dict[str, bytes], formats: list[str], out: str | Path | None,
           say: Callable[[str], None], warnings: list[str], seconds: dict[str, float], *,
           design: Design, basename: str) -> BuildResult:
    from . import render
    from .typesetter import SatzFehler

    target = _output_folder(root, out)
    stats: dict[str, float] = {}
    try:
        files = render(
            markdown, meta=fakten.meta, assets=assets, formats=formats, out_dir=target,
            design=design, timestamp=fakten.timestamp, draft=fakten.draft, progress=say,
            on_warning=warnings.append, stats=stats, basename=basename)
    except SatzFehler as exc:
        raise _in_sources(exc, fakten.texte) from None
    seconds.update(stats)
    return BuildResult(True, files=files, problems=problems, warnings=warnings, seconds=seconds)


def _in_sources(exc: SatzFehler, texte: dict[str, str]) -> RenderError:
    """typst's error in the generated document, named by the source file of the text."""
    from ..errors import RenderError
    from .fundstelle import fundstellen

    orte = fundstellen(exc.woerter, texte)
    if not orte:
        return exc
    text = " ".join(exc.woerter)
    excerpt = text[:60] + ("…" if len(text) > 60 else "")
    wo = " oder ".join(orte)
    return RenderError(
        f"typst konnte das PDF nicht erzeugen: {exc.fehler} (im Text in {wo} bei »{excerpt}«; "
        "prüfen Sie den Text dort, etwa tief verschachtelte Zitate oder Listen, und "
        "`ik validate`)", exc.detail)


def _output_folder(root: Path, out: str | Path | None) -> Path:
    """``out`` (default ``<concept>/build``); refused inside the sources other than build/.

    An output folder among the sources would overwrite a chapter that happens to be
    called ``integrationskonzept.md`` and feed the outputs back into the next run.
    """
    from ..errors import RenderError

    if out is None:
        return root / "build"
    target, base = Path(out).resolve(), root.resolve()
    if target.is_relative_to(base) and not target.is_relative_to(base / "build"):
        raise RenderError(
            f"Der Ausgabeordner {out} liegt zwischen den Quellen des Konzepts; dort könnten "
            "Quelldateien überschrieben werden. Wählen Sie den Ordner build/ des Konzepts "
            "(Voreinstellung) oder einen Ordner außerhalb.")
    return Path(out)


def timestamp(konzept, stand: dt.date | None = None) -> dt.datetime:  # type: ignore[no-untyped-def]
    """The document date: the concept's Stand (or ``stand``) at noon UTC (same sources, same
    bytes)."""
    stand = stand or konzept.stand or dt.date(2000, 1, 1)
    return dt.datetime(stand.year, stand.month, stand.day, 12, 0, tzinfo=dt.timezone.utc)


def _lap(started: float) -> float:
    return round(time.perf_counter() - started, 3)
