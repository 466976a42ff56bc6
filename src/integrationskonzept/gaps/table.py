"""The terminal view of `ik gaps` (rich): summary, matrices, gaps with reasons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .formats import axis_name, gruppen, kandidat_text, orte, summary_lines, used_axes
from .report import GEDECKT, TEILWEISE, UNGEDECKT, GapReport, Matrix

if TYPE_CHECKING:
    from rich.console import Console

_URTEIL_STYLE = {GEDECKT: "green", TEILWEISE: "yellow", UNGEDECKT: "bold red"}
MAX_LISTE = 25


def _share_style(anteil: float | None) -> str:
    if anteil is None:
        return "dim"
    if anteil >= 0.8:
        return "green"
    return "yellow" if anteil >= 0.4 else "red"


def _matrix_table(report: GapReport, matrix: Matrix):  # type: ignore[no-untyped-def]
    """The matrix turned on its side for the terminal: one row per Sozialraum or
    Zielgruppe (there are many), one column per Handlungsfeld (short names)."""
    from rich.table import Table

    rows, cols = used_axes(matrix)
    erste = "Sozialraum" if "Sozialraum" in matrix.name else "Zielgruppe"
    legende = ", ".join(
        f"{i} = {axis_name(report, r) if r.startswith('_') else report.kurzname(r)}"
        for i, r in enumerate(rows, 1))
    table = Table(title=f"{matrix.name} ({legende})", title_justify="left",
                  show_lines=False)
    breite = max((len(f"{z.gedeckt}/{z.gesamt}") for z in matrix.zellen), default=3)
    table.add_column(erste, overflow="ellipsis", no_wrap=True, min_width=12, max_width=32)
    for i, _r in enumerate(rows, 1):
        table.add_column(str(i), justify="right", no_wrap=True, min_width=max(breite, 3))
    for c in cols:
        cells = []
        for r in rows:
            z = matrix.zelle(r, c)
            if z is None:
                cells.append("[dim]–[/dim]")
            else:
                style = _share_style(z.anteil)
                cells.append(f"[{style}]{z.gedeckt}/{z.gesamt}[/{style}]")
        table.add_row(axis_name(report, c), *cells)
    return table


def print_table(report: GapReport, console: Console | None = None) -> None:
    """Print the report for people: summary first, then matrices, then the gaps."""
    from rich.console import Console
    from rich.markup import escape

    console = console or Console(highlight=False, soft_wrap=True)
    first, *rest = summary_lines(report)
    console.print(f"[bold]Lückenanalyse:[/bold] {escape(first)}")
    counts = report.zaehlung()
    console.print(", ".join(f"[{_URTEIL_STYLE[u]}]{counts[u]} {u}[/{_URTEIL_STYLE[u]}]"
                            for u in counts))
    for line in rest[1:]:
        console.print(escape(line))
    console.print()
    if report.befunde:
        console.print(_matrix_table(report, report.matrix_sozialraum))
        console.print(_matrix_table(report, report.matrix_zielgruppe))
        console.print("[dim]Zellen: gedeckte Bedarfe von allen Bedarfen.[/dim]\n")
    luecken = sorted(report.luecken, key=lambda b: (b.urteil != UNGEDECKT, not b.offen))
    if luecken:
        console.print(f"[bold]Lücken ({len(luecken)})[/bold]")
    for b in luecken[:MAX_LISTE]:
        style = _URTEIL_STYLE[b.urteil]
        console.print(
            f"[{style}]{b.urteil}[/{style}] [bold]{escape(b.titel)}[/bold] ({escape(b.bedarf)})"
            f" – {escape(report.name(b.handlungsfeld))}, {escape(orte(report, b))}, "
            f"{escape(gruppen(report, b))} – [italic]{b.lage}[/italic]")
        for g in b.gruende:
            console.print(f"    Grund: {escape(g.text)}")
        for q in b.quellen:
            console.print(f"    Quelle: {escape(q)}")
        for h in b.hinweise:
            console.print(f"    Hinweis: {escape(h)}")
        for k in b.naechste:
            console.print(f"    [dim]Nächstes Angebot: {escape(kandidat_text(k))}[/dim]")
        for m in b.massnahmen:
            zaehlt = "" if m.aktiv else ", zählt nicht"
            console.print(f"    Maßnahme: {escape(m.titel)} ({escape(m.massnahme)}, "
                          f"{m.status}{zaehlt})")
        if b.akzeptiert:
            console.print(f"    Akzeptiert: {escape(b.akzeptiert)}")
    if len(luecken) > MAX_LISTE:
        console.print(f"… und {len(luecken) - MAX_LISTE} weitere (--format markdown oder csv "
                      "zeigt alle).")
    if report.doppelstrukturen:
        console.print(f"\n[bold]Mögliche Doppelstrukturen ({len(report.doppelstrukturen)})"
                      "[/bold]")
        for d in report.doppelstrukturen[:MAX_LISTE]:
            names = ", ".join(report.name(a) for a in d.angebote)
            where = ", ".join(report.name(s) for s in d.sozialraeume)
            console.print(f"    {escape(report.name(d.handlungsfeld))}: {escape(names)} "
                          f"({escape(where)})")
    if report.angebote_ohne_bedarf:
        n = len(report.angebote_ohne_bedarf)
        console.print(f"\n[bold]Angebote ohne erfassten Bedarf ({n})[/bold]")
        for a in report.angebote_ohne_bedarf[:MAX_LISTE]:
            console.print(f"    {escape(a.titel)} ({escape(a.angebot)})")
