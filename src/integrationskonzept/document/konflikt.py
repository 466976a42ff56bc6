"""The Konfliktanalyse in the document: its chapter, its lines on the actor map, and the
public view of a concept (internal conflict data left out).

Konfliktlinien and Perspektiven marked ``vertraulich: true`` (or a whole analysis so
marked) appear only in internal builds (`ik build --intern`).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..model.concept import Konzept
from ..model.konflikt import Konfliktanalyse
from ..text.german import datum_lang
from .markdown import Md, escape, link
from .prosa import Sammlung

DYNAMIK_TEXT = {"latent": "latent (noch nicht offen ausgetragen)",
                "offen": "offen (wird ausgetragen)",
                "deeskalierend": "deeskalierend (entspannt sich)"}
# Which line of the actor map a Konfliktlinie draws, by its dynamic.
DYNAMIK_ART = {"offen": "Konflikt", "latent": "Spannung", "deeskalierend": "Spannung"}


def analysen(konzept: Konzept) -> list[Konfliktanalyse]:
    """Every Konfliktanalyse of the concept, in file order."""
    return [k for h in konzept.heads if (k := getattr(h, "konfliktanalyse", None)) is not None]


def oeffentlich(konzept: Konzept) -> Konzept:
    """``konzept`` without its internal conflict data (the same object if it has none)."""
    if not any(k.vertraulich or any(x.vertraulich for x in k.konfliktlinien)
               or any(x.vertraulich for x in k.perspektiven) for k in analysen(konzept)):
        return konzept
    heads = []
    for h in konzept.heads:
        k = getattr(h, "konfliktanalyse", None)
        if k is None:
            heads.append(h)
            continue
        keep = None if k.vertraulich else k.model_copy(update={
            "konfliktlinien": [x for x in k.konfliktlinien if not x.vertraulich],
            "perspektiven": [x for x in k.perspektiven if not x.vertraulich]})
        heads.append(h.model_copy(update={"konfliktanalyse": keep}))
    return dataclasses.replace(konzept, heads=heads, cache={})


def beziehungen(konzept: Konzept) -> list[tuple[str, str, str, str]]:
    """(actor, other actor, art, thema) for the actor map: between the first actors of
    each pair of sides of every Konfliktlinie."""
    out = []
    for k in analysen(konzept):
        for linie in k.konfliktlinien:
            firsts = [s.akteure[0] for s in linie.seiten if s.akteure]
            for i, a in enumerate(firsts):
                for b in firsts[i + 1:]:
                    if a in konzept.akteure and b in konzept.akteure and a != b:
                        out.append((a, b, DYNAMIK_ART[linie.dynamik], linie.thema))
    return out


def _akteur(ident: str, konzept: Konzept, prosa: Sammlung) -> Md:
    ref = prosa.verweise.get(ident)
    label = ref["label"] if ref else konzept.label(ident)
    return link(label, ref["anchor"]) if ref and ref.get("anchor") else escape(label)


def linien_anker(ident: str) -> str:
    return "konfliktlinie-" + "".join(c if c.isascii() and c.isalnum() else "-"
                                      for c in ident.lower())


def verweise(konzept: Konzept, oeffentliche: Konzept, prosa: Sammlung) -> None:
    """[[kl-…]] in texts: a link to the Konfliktlinie; a confidential one left out of
    this build reads „(vertrauliche Konfliktlinie)“, without its topic."""
    sichtbar = {x.id for k in analysen(oeffentliche) for x in k.konfliktlinien}
    for k in analysen(konzept):
        for linie in k.konfliktlinien:
            prosa.verweise[linie.id] = (
                {"label": f"Konfliktlinie „{linie.thema}“", "anchor": linien_anker(linie.id)}
                if linie.id in sichtbar else
                {"label": "(vertrauliche Konfliktlinie)", "anchor": ""})


def kapitel(konzept: Konzept, prosa: Sammlung, intern: bool = False) -> Md | None:
    """The chapter „Konfliktanalyse“ (None without one)."""
    found = analysen(konzept)
    if not found:
        return None
    lines = ["", "# Konfliktanalyse {#konfliktanalyse}", ""]
    if intern:
        lines += ["::: {.hinweis}", "**Interne Fassung:** enthält vertrauliche Angaben der "
                  "Konfliktanalyse.", ":::", ""]
    for n, k in enumerate(found):
        # one analysis without a title stands right under the chapter: its parts are
        # level 2, not 3 (a skipped heading level breaks PDF/UA and screen readers)
        eigene = len(found) > 1 or bool(k.titel)
        teil = 3 if eigene else 2
        if eigene:
            anchor = "konfliktanalyse-" + str(n + 1)
            lines += [f"## {escape(k.titel or f'Konfliktanalyse {n + 1}')} {{#{anchor}}}", ""]
        meta = []
        if k.erstellt is not None:
            wann = (datum_lang(k.erstellt.first) if k.erstellt.precision == "tag"
                    else k.erstellt.text)
            meta.append(f"- **Erstellt:** {escape(wann)}")
        if k.erstellt_von:
            meta.append(f"- **Von:** {_akteur(k.erstellt_von, konzept, prosa)}")
        if k.grundlage:
            meta.append(f"- **Grundlage:** {escape(k.grundlage)}")
        if meta:
            lines += ["::: {.ik-felder}", *meta, ":::", ""]
        text = prosa.add(k.zusammenfassung, teil - 1)
        if text is not None:
            lines.append(text.block())
        if k.konfliktlinien:
            lines += ["", f"{'#' * teil} Konfliktlinien", ""]
            rows = []
            for linie in k.konfliktlinien:
                seiten = " ↔ ".join(", ".join(_akteur(a, konzept, prosa) for a in s.akteure)
                                    for s in linie.seiten)
                rows.append(f"| {link(linie.thema, linien_anker(linie.id))} | {seiten} | "
                            f"{escape(DYNAMIK_TEXT[linie.dynamik])} |")
            lines += ["| Thema | Seiten | Dynamik |", "|---|---|---|", *rows, "",
                      f": Konfliktlinien {{#tbl-konfliktlinien-{n + 1}}}", ""]
            for linie in k.konfliktlinien:
                lines += [f"[**{escape(linie.thema)}**]{{#{linien_anker(linie.id)}}}", ""]
                for s in linie.seiten:
                    wer = ", ".join(_akteur(a, konzept, prosa) for a in s.akteure)
                    was = f" – {escape(s.position)}" if s.position else ""
                    lines += [f"*{wer}*{was}", ""]
                    interessen = prosa.add(s.interessen, teil)
                    if interessen is not None:
                        lines += ["Interessen:", "", interessen.block(), ""]
                lines.append("")
                text = prosa.add(linie.beschreibung, teil)
                if text is not None:
                    lines.append(text.block())
        if k.perspektiven:
            lines += ["", f"{'#' * teil} Perspektiven der Akteure", ""]
            for p in k.perspektiven:
                lines += [f"**{_akteur(p.akteur, konzept, prosa)}**", ""]
                text = prosa.add(p.sicht, teil)
                if text is not None:
                    lines.append(text.block())
    return Md("\n".join(lines) + "\n")


def karte(actors: list[dict[str, Any]], konzept: Konzept) -> None:
    """Add the Konfliktlinien to the actor map's data (in place, without duplicates)."""
    by_id = {a["id"]: a for a in actors}
    for a, b, art, thema in beziehungen(konzept):
        rels = by_id[a]["beziehungen"]
        if not any(r["zu"] == b and r["art"] == art for r in rels):
            rels.append({"zu": b, "art": art, "thema": thema})
