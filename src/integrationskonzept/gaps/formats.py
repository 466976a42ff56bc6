"""Output formats of `ik gaps`: markdown, json, csv here; the rich table in :mod:`.table`.

- ``json``: :meth:`GapReport.to_dict`, German keys, stable order, UTF-8.
- ``csv``: one row per Bedarf for spreadsheets: ``;`` as delimiter and a UTF-8 byte
  order mark (BOM) at the start, so that German Excel opens it with umlauts and
  columns right; numbers with decimal comma.
- ``markdown``: summary, both matrices, the gaps with reasons, closest offers and
  measures, the mirror view; for pasting into a document or an issue.
"""

from __future__ import annotations

import csv
import io
import json

from ..text.cells import safe_row
from ..text.german import datum_lang, zahl
from ..text.markdown import escape_markdown
from ..text.terminal import json_visible, visible
from .report import LAGE_MASSNAHME, LAGE_OFFEN, URTEILE, Befund, GapReport, Kandidat, Matrix

FORMATS = ("table", "markdown", "json", "csv")
CSV_COLUMNS = (
    "bedarf", "titel", "handlungsfeld", "zielgruppen", "sozialraeume", "urteil",
    "anteil_prozent", "lage", "umfang", "plaetze", "gruende", "hinweise", "angebote",
    "naechste_angebote", "massnahmen", "akzeptiert", "prioritaet", "fundstelle",
)
BOM = "\ufeff"


def format_json(report: GapReport) -> str:
    return json_visible(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))


def _names(report: GapReport, ids: tuple[str, ...]) -> str:
    return ", ".join(report.name(i) for i in ids)


def orte(report: GapReport, b: Befund) -> str:
    return _names(report, b.sozialraeume) if b.sozialraeume else report.name(report.gesamtraum)


def gruppen(report: GapReport, b: Befund) -> str:
    return _names(report, b.zielgruppen) if b.zielgruppen else "alle"


def massnahme_text(b: Befund) -> str:
    return "; ".join(f"{m.massnahme} ({m.status})" for m in b.massnahmen)


def format_csv(report: GapReport) -> str:
    """One row per need; ``;``-separated, UTF-8 with BOM (for German Excel).

    Control characters in values are written visibly escaped (see ``text.terminal``);
    text that would start a formula is neutralised (:func:`..text.cells.safe_cell`).
    """
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for b in report.befunde:
        writer.writerow(safe_row([visible(str(cell)) for cell in [
            b.bedarf, b.titel, report.name(b.handlungsfeld), gruppen(report, b),
            orte(report, b), b.urteil, zahl(b.anteil * 100, 1), b.lage,
            "" if b.umfang is None else b.umfang, "" if b.plaetze is None else b.plaetze,
            " | ".join(g.text for g in b.gruende), " | ".join(b.hinweise),
            ", ".join(b.angebote), ", ".join(k.angebot for k in b.naechste),
            massnahme_text(b), b.akzeptiert or "", b.prioritaet or "", b.fundstelle,
        ]]))
    return BOM + buf.getvalue()


def zelle_text(report: GapReport, matrix: Matrix, zeile: str, spalte: str) -> str:
    """„2/3“: covered needs of all needs in the cell; empty cell: „–“."""
    z = matrix.zelle(zeile, spalte)
    if z is None:
        return "–"
    return f"{z.gedeckt}/{z.gesamt}"


def used_axes(matrix: Matrix) -> tuple[list[str], list[str]]:
    """Rows and columns that hold at least one need (a printed matrix skips the rest)."""
    rows = {z.zeile for z in matrix.zellen}
    cols = {z.spalte for z in matrix.zellen}
    return [r for r in matrix.zeilen if r in rows], [c for c in matrix.spalten if c in cols]


def axis_name(report: GapReport, ident: str) -> str:
    if ident == "_alle":
        return "alle Zielgruppen"
    if ident == "_ohne":
        return "ohne Handlungsfeld"
    return report.name(ident)


def summary_lines(report: GapReport) -> list[str]:
    n = len(report.befunde)
    counts = report.zaehlung()
    lage = report.zaehlung_lage()
    stand = f" (Stand {datum_lang(report.stand)})" if report.stand else ""
    return [
        f"{zahl(n)} {'Bedarf' if n == 1 else 'Bedarfe'}, {zahl(report.zahl_angebote)} "
        f"{'Angebot' if report.zahl_angebote == 1 else 'Angebote'}{stand}",
        ", ".join(f"{zahl(counts[u])} {u}" for u in URTEILE),
        f"Lücken: {zahl(lage[LAGE_OFFEN])} offen, {zahl(lage[LAGE_MASSNAHME])} mit "
        f"Maßnahme, {zahl(lage['akzeptiert'])} akzeptiert",
    ]


def kandidat_text(k: Kandidat) -> str:
    """„Sprachcafé (a-1; 3 von 4 passend: nur in Vöhrum)“."""
    why = ", ".join(k.abweichungen)
    tail = f": {why}" if why else ""
    return f"{k.titel} ({k.angebot}; {k.passend} von {k.geprueft} passend{tail})"


def _md_matrix(report: GapReport, matrix: Matrix) -> list[str]:
    """One row per Sozialraum or Zielgruppe, one column per Handlungsfeld (short names)."""
    rows, cols = used_axes(matrix)
    if not rows:
        return ["Keine Bedarfe erfasst.", ""]
    erste = "Sozialraum" if "Sozialraum" in matrix.name else "Zielgruppe"
    heads = [axis_name(report, r) if r.startswith("_") else report.kurzname(r) for r in rows]
    out = [f"| {erste} | " + " | ".join(escape_markdown(h) for h in heads) + " |",
           "|---|" + "---:|" * len(rows)]
    for c in cols:
        out.append(f"| {escape_markdown(axis_name(report, c))} | "
                   + " | ".join(zelle_text(report, matrix, r, c) for r in rows) + " |")
    out += ["", "Zellen: gedeckte Bedarfe von allen Bedarfen.", ""]
    return out


def format_markdown(report: GapReport) -> str:
    e = escape_markdown
    out = ["# Lückenanalyse", ""]
    out += [f"- {e(line)}" for line in summary_lines(report)] + [""]
    out += ["## Handlungsfeld × Sozialraum", ""] + _md_matrix(report, report.matrix_sozialraum)
    out += ["## Handlungsfeld × Zielgruppe", ""] + _md_matrix(report, report.matrix_zielgruppe)
    out += ["## Lücken", ""]
    luecken = report.luecken
    if not luecken:
        out += ["Alle Bedarfe sind gedeckt.", ""]
    for b in luecken:
        out += [f"### {e(b.titel)} ({e(b.bedarf)})", "",
                f"- **{b.urteil}**, {b.lage}; {e(report.name(b.handlungsfeld))}, "
                f"{e(orte(report, b))}, Zielgruppen: {e(gruppen(report, b))}"]
        out += [f"- Grund: {e(g.text)}" for g in b.gruende]
        out += [f"- Quelle: {e(q)}" for q in b.quellen]
        out += [f"- Hinweis: {e(h)}" for h in b.hinweise]
        out += [f"- Nächstes Angebot: {e(kandidat_text(k))}" for k in b.naechste]
        out += [f"- Maßnahme: {e(m.titel)} ({e(m.massnahme)}, {m.status}"
                f"{'' if m.aktiv else ', zählt nicht'})" for m in b.massnahmen]
        if b.akzeptiert:
            out.append(f"- Akzeptiert: {e(b.akzeptiert)}")
        out.append("")
    out += ["## Mögliche Doppelstrukturen", ""]
    if not report.doppelstrukturen:
        out += ["Keine gefunden.", ""]
    for d in report.doppelstrukturen:
        out.append(f"- {e(report.name(d.handlungsfeld))}: "
                   + ", ".join(e(report.name(a)) for a in d.angebote)
                   + f" ({e(_names(report, d.sozialraeume))}; "
                   f"{e(', '.join(axis_name(report, z) for z in d.zielgruppen))})")
    if report.doppelstrukturen:
        out.append("")
    out += ["## Angebote ohne erfassten Bedarf", ""]
    if not report.angebote_ohne_bedarf:
        out += ["Keine.", ""]
    out += [f"- {e(a.titel)} ({e(a.angebot)})" for a in report.angebote_ohne_bedarf]
    return "\n".join(out).rstrip() + "\n"


def render(report: GapReport, fmt: str) -> str:
    """The report as text in ``fmt`` (markdown, json or csv)."""
    if fmt == "json":
        return format_json(report)
    if fmt == "csv":
        return format_csv(report)
    if fmt == "markdown":
        return format_markdown(report)
    raise ValueError(fmt)


__all__ = ["BOM", "CSV_COLUMNS", "FORMATS", "format_csv", "format_json",
           "format_markdown", "render"]
