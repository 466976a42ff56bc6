"""Output of the Kreis-wide gap analysis: text for the terminal, Markdown, JSON."""

from __future__ import annotations

import json

from ..gaps import GEDECKT
from ..gaps.report import Befund
from ..text.german import zahl
from .gaps import GemeindeLuecken, KreisLuecken
from .loader import KREIS


def zelle_text(luecken: KreisLuecken, zeile: str, spalte: str) -> str:
    """„2 von 3“ (covered of all needs), „!“ when a gap is open; „–“ without needs."""
    z = luecken.matrix.zelle(zeile, spalte)
    if z is None:
        return "–"
    return f"{z.gedeckt} von {z.gesamt}" + (" !" if z.offen else "")


def herkunft_text(g: GemeindeLuecken, luecken: KreisLuecken, angebot: str) -> str:
    """„des Landkreises“, „von Stadt Peine (offen für Nachbarn)“ or empty for own offers."""
    home = g.herkunft(angebot)
    if not home:
        return ""
    if home == KREIS:
        return f"des Landkreises ({luecken.name})"
    return f"von {luecken.namen.get(home, home)}, offen für Nachbarn"


def befund_zeilen(g: GemeindeLuecken, luecken: KreisLuecken, b: Befund) -> list[str]:
    """The lines about one need: verdict, reasons, foreign cover, nearest offer elsewhere."""
    name = g.report.name
    hf = name(b.handlungsfeld) if b.handlungsfeld else "ohne Handlungsfeld"
    lage = f", {b.lage}" if b.lage != b.urteil else ""
    lines = [f"{b.titel} ({b.bedarf}, {hf}): {b.urteil}{lage}"]
    fremd = [a for a in b.angebote if g.herkunft(a)]
    for a in fremd:
        lines.append(f"  gedeckt durch „{name(a)}“ {herkunft_text(g, luecken, a)}"
                     if b.urteil == GEDECKT else
                     f"  teilweise durch „{name(a)}“ {herkunft_text(g, luecken, a)}")
    if b.urteil != GEDECKT:
        for grund in b.gruende:
            lines.append(f"  Grund: {grund.text}")
        fund = g.naechste.get(b.bedarf)
        if fund is not None:
            lines.append(f"  Nächstes Angebot: „{fund.titel}“ – {fund.text}")
        for m in b.massnahmen:
            lines.append(f"  Maßnahme: {m.massnahme} {m.titel} ({m.status})")
    return lines


def _interessant(b: Befund, g: GemeindeLuecken) -> bool:
    return b.urteil != GEDECKT or any(g.herkunft(a) for a in b.angebote)


def format_text(luecken: KreisLuecken) -> str:
    m = luecken.matrix
    out = [f"Lückenanalyse {luecken.name}: {len(luecken.gemeinden)} Konzepte, "
           f"{zahl(sum(len(g.report.befunde) for g in luecken.gemeinden))} Bedarfe", ""]
    kopf = ["Gemeinde", *(luecken.namen.get(s, s) for s in m.spalten)]
    rows = [[luecken.namen.get(z, z), *(zelle_text(luecken, z, s) for s in m.spalten)]
            for z in m.zeilen]
    widths = [max(len(r[i]) for r in [kopf, *rows]) for i in range(len(kopf))]
    for r in [kopf, ["-" * w for w in widths], *rows]:
        out.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    out.append("Zelle: gedeckte von allen Bedarfen; „!“: offene Lücke ohne Maßnahme.")
    for g in luecken.gemeinden:
        z = g.report.zaehlung()
        wo = f" ({g.anzeige})" if g.anzeige else ""
        out += ["", f"{g.name}{wo}: "
                + ", ".join(f"{zahl(n)} {u}" for u, n in z.items())]
        for b in g.report.befunde:
            if _interessant(b, g):
                first, *rest = befund_zeilen(g, luecken, b)
                out.append(f"- {first}")
                out.extend(f"  {line}" for line in rest)
    return "\n".join(out)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def format_markdown(luecken: KreisLuecken) -> str:
    m = luecken.matrix
    out = [f"# Lückenanalyse {_md(luecken.name)}", "",
           "| Gemeinde | " + " | ".join(_md(luecken.namen.get(s, s)) for s in m.spalten)
           + " |", "|---|" + "---|" * len(m.spalten)]
    for z in m.zeilen:
        out.append(f"| {_md(luecken.namen.get(z, z))} | "
                   + " | ".join(zelle_text(luecken, z, s) for s in m.spalten) + " |")
    out += ["", "Zelle: gedeckte von allen Bedarfen; „!“: offene Lücke ohne Maßnahme."]
    for g in luecken.gemeinden:
        out += ["", f"## {_md(g.name)}", ""]
        for b in g.report.befunde:
            if _interessant(b, g):
                first, *rest = befund_zeilen(g, luecken, b)
                out.append(f"- {_md(first)}")
                out.extend(f"    - {_md(line.strip())}" for line in rest)
    return "\n".join(out) + "\n"


def format_json(luecken: KreisLuecken) -> str:
    return json.dumps(luecken.to_dict(), ensure_ascii=False, indent=2)
