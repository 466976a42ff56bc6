"""The terminal view of `ik gaps` (rich): summary, matrices, gaps with reasons.

:func:`table_view` returns rich renderables for the CLI to print; every value from the
sources is made terminal-safe and its ``[…]`` escaped, so rich shows it as written.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..text.terminal import visible
from .formats import axis_name, gruppen, kandidat_text, orte, summary_lines, used_axes
from .report import GEDECKT, TEILWEISE, UNGEDECKT, GapReport, Matrix

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.segment import Segment
    from rich.table import Table
    from rich.text import Span, Text

_URTEIL_STYLE = {GEDECKT: "green", TEILWEISE: "yellow", UNGEDECKT: "bold red"}
MAX_LISTE = 25


def _share_style(anteil: float | None) -> str:
    if anteil is None:
        return "dim"
    if anteil >= 0.8:
        return "green"
    return "yellow" if anteil >= 0.4 else "red"


def _safe(text: str) -> str:
    from rich.markup import escape

    return escape(visible(text))


def _matrix_table(report: GapReport, matrix: Matrix) -> Table:
    """The matrix turned on its side for the terminal: one row per Sozialraum or
    Zielgruppe (there are many), one column per Handlungsfeld (short names)."""
    from rich.table import Table
    from rich.text import Span, Text

    rows, cols = used_axes(matrix)
    erste = "Sozialraum" if "Sozialraum" in matrix.name else "Zielgruppe"
    legende = ", ".join(
        f"{i} = {axis_name(report, r) if r.startswith('_') else report.kurzname(r)}"
        for i, r in enumerate(rows, 1))
    table = Table(title=_safe(f"{matrix.name} ({legende})"), title_justify="left",
                  show_lines=False)
    breite = max((len(f"{z.gedeckt}/{z.gesamt}") for z in matrix.zellen), default=3)
    table.add_column(erste, overflow="ellipsis", no_wrap=True, min_width=12, max_width=32)
    for i, _r in enumerate(rows, 1):
        table.add_column(str(i), justify="right", no_wrap=True, min_width=max(breite, 3))
    # Cells as Text, not markup: a matrix has a thousand cells, and parsing markup for
    # each was a fifth of printing it. Styled spans as markup makes them (a Text's own
    # style would colour the padding too). The counts repeat: each distinct cell is
    # measured and rendered by rich once per table and width (_Wiederholt).
    zelle = matrix.zelle
    zahl = _wiederholt()
    memo: dict[tuple[object, ...], Any] = {}
    for c in cols:
        cells: list[Text] = [Text(visible(axis_name(report, c)))]
        for r in rows:
            z = zelle(r, c)
            if z is None:
                cells.append(zahl("–", [Span(0, 1, "dim")], memo))
            else:
                wert = f"{z.gedeckt}/{z.gesamt}"
                cells.append(zahl(wert, [Span(0, len(wert), _share_style(z.anteil))], memo))
        table.add_row(*cells)
    return table


@lru_cache(maxsize=1)
def _wiederholt() -> Callable[[str, list[Span], dict[tuple[object, ...], Any]], Text]:
    """A rich Text whose measurement and lines rich works out once for equal cells of
    one table (same text and spans, same width and options) and then repeats: what
    rich prints is its own output for that cell, at every width."""
    from rich.measure import Measurement
    from rich.text import Text

    class Wiederholt(Text):
        def __init__(self, text: str, spans: list[Span], memo: dict[tuple[object, ...], Any]
                     ) -> None:
            super().__init__(text, spans=spans)
            self._memo = memo
            self._key = (text, *spans)

        def __rich_measure__(self, console: Console, options: ConsoleOptions
                             ) -> Measurement:
            key = ("m", self._key)
            got: Measurement | None = self._memo.get(key)
            if got is None:
                got = self._memo[key] = super().__rich_measure__(console, options)
            return got

        def __rich_console__(self, console: Console, options: ConsoleOptions
                             ) -> Iterable[Segment]:
            key = (self._key, options.max_width, options.justify, options.overflow,
                   options.no_wrap, id(console))
            got: list[Segment] | None = self._memo.get(key)
            if got is None:
                got = self._memo[key] = list(super().__rich_console__(console, options))
            return got

    return Wiederholt


def table_view(report: GapReport) -> list[RenderableType]:
    """The report for people: summary first, then matrices, then the gaps."""
    escape = _safe
    out: list[RenderableType] = []
    first, *rest = summary_lines(report)
    out.append(f"[bold]Lückenanalyse:[/bold] {escape(first)}")
    counts = report.zaehlung()
    out.append(", ".join(f"[{_URTEIL_STYLE[u]}]{counts[u]} {u}[/{_URTEIL_STYLE[u]}]"
                            for u in counts))
    for line in rest[1:]:
        out.append(escape(line))
    out.append("")
    if report.befunde:
        out.append(_matrix_table(report, report.matrix_sozialraum))
        out.append(_matrix_table(report, report.matrix_zielgruppe))
        out.append("[dim]Zellen: gedeckte Bedarfe von allen Bedarfen.[/dim]\n")
    luecken = report.luecken_schlimmste_zuerst()
    if luecken:
        out.append(f"[bold]Lücken ({len(luecken)})[/bold]")
    for b in luecken[:MAX_LISTE]:
        style = _URTEIL_STYLE[b.urteil]
        out.append(
            f"[{style}]{b.urteil}[/{style}] [bold]{escape(b.titel)}[/bold] ({escape(b.bedarf)})"
            f" – {escape(report.name(b.handlungsfeld))}, {escape(orte(report, b))}, "
            f"{escape(gruppen(report, b))} – [italic]{escape(b.lage)}[/italic]")
        for g in b.gruende:
            out.append(f"    Grund: {escape(g.text)}")
        for q in b.quellen:
            out.append(f"    Quelle: {escape(q)}")
        for h in b.hinweise:
            out.append(f"    Hinweis: {escape(h)}")
        for k in b.naechste:
            out.append(f"    [dim]Nächstes Angebot: {escape(kandidat_text(k))}[/dim]")
        for m in b.massnahmen:
            zaehlt = "" if m.aktiv else ", zählt nicht"
            out.append(f"    Maßnahme: {escape(m.titel)} ({escape(m.massnahme)}, "
                          f"{escape(m.status)}{zaehlt})")
        if b.akzeptiert:
            out.append(f"    Akzeptiert: {escape(b.akzeptiert)}")
    if len(luecken) > MAX_LISTE:
        out.append(f"… und {len(luecken) - MAX_LISTE} weitere (--format markdown oder csv "
                      "zeigt alle).")
    if report.doppelstrukturen:
        out.append(f"\n[bold]Mögliche Doppelstrukturen ({len(report.doppelstrukturen)})"
                      "[/bold]")
        for d in report.doppelstrukturen[:MAX_LISTE]:
            names = ", ".join(report.name(a) for a in d.angebote)
            where = ", ".join(report.name(s) for s in d.sozialraeume)
            out.append(f"    {escape(report.name(d.handlungsfeld))}: {escape(names)} "
                          f"({escape(where)})")
    if report.angebote_ohne_bedarf:
        n = len(report.angebote_ohne_bedarf)
        out.append(f"\n[bold]Angebote ohne erfassten Bedarf ({n})[/bold]")
        for a in report.angebote_ohne_bedarf[:MAX_LISTE]:
            out.append(f"    {escape(a.titel)} ({escape(a.angebot)})")
    return _joined(out)


def _joined(items: list[RenderableType]) -> list[RenderableType]:
    """Consecutive lines as one markup text: printed alike (no line wraps: soft_wrap),
    at a third of the cost of printing them one by one (each tag closes on its line)."""
    out: list[RenderableType] = []
    lines: list[str] = []
    for item in items:
        if isinstance(item, str):
            lines.append(item)
            continue
        if lines:
            out.append("\n".join(lines))
            lines = []
        out.append(item)
    if lines:
        out.append("\n".join(lines))
    return out
