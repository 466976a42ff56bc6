"""The chapters of a Landkreis document about its workspace: the Integrationsmanagement
(structure, steering group, partners, funding) and the Gemeinden (an overview table and
a chapter per Gemeinde summarising its own concept, with a reference to its document).
"""

from __future__ import annotations

from ..model.concept import Konzept
from ..text.german import datum_lang, zahl
from ..workspace.summary import GemeindeSumme
from .fields import zeitpunkt, zeitraum
from .konflikt import _akteur
from .markdown import Md, escape
from .prosa import Sammlung


def _seit(z: object) -> str:
    return zeitpunkt(z) if z is not None else ""  # type: ignore[arg-type]


def _table(kopf: list[str], rows: list[list[str]], titel: str, anchor: str,
           breiten: tuple[int, ...] = ()) -> list[str]:
    """A pipe table; ``breiten`` are relative column widths (pandoc reads the dashes)."""
    striche = "|" + "".join("-" * w + "|" for w in breiten) if breiten else \
        "|" + "---|" * len(kopf)
    return ["", "| " + " | ".join(kopf) + " |", striche,
            *("| " + " | ".join(r) + " |" for r in rows), "", f": {titel} {{#{anchor}}}", ""]


def integrationsmanagement(konzept: Konzept, prosa: Sammlung) -> Md | None:
    """The chapter „Integrationsmanagement“ (None if konzept.yaml has no such key)."""
    meta = konzept.meta
    im = meta.integrationsmanagement if meta is not None else None
    if im is None:
        return None
    lines = ["", "# Integrationsmanagement {#integrationsmanagement}", ""]
    felder = []
    if im.seit is not None:
        felder.append(f"- **Seit:** {escape(_seit(im.seit))}")
    if im.koordination:
        felder.append(f"- **Koordination:** {_akteur(im.koordination, konzept, prosa)}")
    if im.beratung:
        seit = f" (seit {escape(_seit(im.beratung_seit))})" if im.beratung_seit else ""
        felder.append(f"- **Beratung:** {_akteur(im.beratung, konzept, prosa)}{seit}")
    if felder:
        lines += ["::: {.ik-felder}", *felder, ":::", ""]
    text = prosa.add(im.struktur, 1)
    if text is not None:
        lines += ["## Struktur {#im-struktur}", "", text.block(), ""]
    if im.steuerungsgruppe:
        lines += ["## Steuerungsgruppe {#im-steuerungsgruppe}", ""]
        lines += [f"- {_akteur(a, konzept, prosa)}" for a in im.steuerungsgruppe]
        lines.append("")
    if im.partner:
        lines += ["## Kooperationspartner {#im-partner}"]
        rows = [[_akteur(p.akteur, konzept, prosa), escape(_seit(p.seit)) if p.seit else "–",
                 escape(p.rolle) if p.rolle else "–"] for p in im.partner]
        lines += _table(["Partner", "Seit", "Rolle"], rows, "Kooperationspartner",
                        "tbl-im-partner")
    if konzept.foerderung:
        lines += ["## Förderung {#im-foerderung}"]
        rows = [[escape(f.programm), escape(f.foerdergeber or "–"),
                 escape(zeitraum(f.zeitraum) or "–")] for f in konzept.foerderung]
        lines += _table(["Programm", "Fördergeber", "Zeitraum"], rows, "Förderung",
                        "tbl-im-foerderung")
    return Md("\n".join(lines) + "\n")


def anker(ident: str) -> str:
    return "gemeinde-" + "".join(c if c.isascii() and c.isalnum() else "-" for c in ident)


def gemeinden(summen: list[GemeindeSumme]) -> Md | None:
    """The overview table and one chapter per Gemeinde."""
    if not summen:
        return None
    lines = ["", "# Die Gemeinden im Überblick {#gemeinden}", "",
             escape("Die kreisangehörigen Gemeinden schreiben eigene Integrationskonzepte; "
                    "dieses Kapitel führt sie zusammen. Jede Gemeinde beschließt ihr Konzept "
                    "selbst; die Zusammenfassungen verweisen auf ihr vollständiges Dokument."),
             ""]
    rows = [[f"[{escape(s.name)}](#{anker(s.id)})", escape(s.status),
             escape(zahl(len(s.handlungsfelder))), escape(zahl(s.massnahmen)),
             escape(f"{zahl(s.gedeckt)} von {zahl(s.bedarfe)}"),
             escape(zahl(sum(1 for x in s.luecken if x.lage == "offen")))] for s in summen]
    lines += _table(["Gemeinde", "Stand des Konzepts", "Handlungsfelder", "Maßnahmen",
                     "Bedarfe gedeckt", "offene Lücken"], rows,
                    "Die Integrationskonzepte der Gemeinden", "tbl-gemeinden",
                    (21, 31, 14, 11, 13, 10))
    for s in summen:
        lines += ["", f"# {escape(s.name)} {{#{anker(s.id)}}}", "",
                  "::: {.ik-felder}",
                  f"- **Konzept:** {escape(s.titel)}, Version {escape(s.version)}"
                  + (f", Stand {escape(datum_lang(s.stand))}" if s.stand else ""),
                  f"- **Status:** {escape(s.status)}",
                  f"- **Eigenes Dokument:** {escape(s.dokument)}",
                  ":::", "", "## Handlungsfelder", ""]
        for name, kreisfeld in s.handlungsfelder:
            lines.append(f"- {escape(name)}"
                         + (f" (im Landkreis: {escape(kreisfeld)})" if kreisfeld else ""))
        lines += ["", "## Lücken", ""]
        if not s.bedarfe:
            lines.append(escape("Das Konzept der Gemeinde nennt keine Bedarfe."))
        elif not s.luecken:
            lines.append(escape(f"Alle {zahl(s.bedarfe)} Bedarfe sind gedeckt (mit den "
                                "Angeboten der Gemeinde, des Landkreises und den für "
                                "Nachbarn offenen)."))
        for x in s.luecken:
            wo = f"; {x.naechstes}" if x.naechstes else ""
            lines.append(f"- {escape(x.titel)} ({escape(x.handlungsfeld)}): "
                         f"{escape(x.urteil)}, {escape(x.lage)}{escape(wo)}")
        if s.kern:
            lines += ["", "## Wichtige Maßnahmen", ""]
            for m in s.kern:
                when = zeitraum(m.zeitraum) or m.zeithorizont
                wann = f", {when}" if when else ""
                lines.append(f"- {escape(m.titel)} ({escape(m.handlungsfeld)}; "
                             f"{escape(m.status + wann)})")
        lines.append("")
    return Md("\n".join(lines) + "\n")
