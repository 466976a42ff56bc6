"""Kapitel leer oder fast leer, Gliederung unvollständig.

Ein Handlungsfeld, zu dem nur eine Ausgangslage (oder gar nichts) erfasst ist, ergibt ein
fast leeres Kapitel: ohne Angebote, Bedarfe, Leitziel, Ziele und Maßnahmen. Mit
`gliederung:` in konzept.yaml meldet die Prüfung außerdem Teile, die leer blieben (z. B.
„indikatoren“ ohne Indikatoren) und darum im Dokument fehlen, Textkapitel, die in der
Gliederung nicht vorkommen und darum nicht gedruckt werden, und ebenso eine Konfliktanalyse,
das Integrationsmanagement und die Kapitel der Gemeinden eines Landkreises.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept, where
from ..model.files import KREISTEILE, Gliederungspunkt
from ..problems import Severity
from . import CheckContext, Finding

CODE = "IK509"
NAME = "kapitel-fast-leer"
SEVERITY = Severity.WARNING
EXAMPLE = """\
handlungsfeld: sport   # nur eine Ausgangslage, sonst nichts
ausgangslage: Viele Vereine sind aktiv.
"""


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    yield from _fields(konzept)
    if konzept.meta is not None and konzept.meta.gliederung:
        yield from _outline(konzept)


def _fields(konzept: Konzept) -> Iterator[Finding]:
    filled = {e.handlungsfeld for reg in (konzept.ziele, konzept.massnahmen, konzept.bedarfe)
              for e in reg.values()}
    filled |= {h for a in konzept.angebote.values() for h in a.handlungsfelder}
    filled |= {i.id for i in konzept.inhalte.values() if i.leitziel is not None}
    for hf in konzept.handlungsfelder.values():
        if hf.id in filled or hf.id in konzept.ungueltig:
            continue
        inhalt = konzept.inhalte.get(hf.id)
        nur = "nur eine Ausgangslage" if inhalt and (
            inhalt.ausgangslage or inhalt.ausgangslage_datei) else "nichts"
        yield Finding(
            f"Das Kapitel „{hf.name}“ enthält {nur}: keine Angebote, Bedarfe, Ziele oder "
            "Maßnahmen", where(hf, "id"),
            "Ergänzen Sie das Handlungsfeld (z. B. ein Leitziel oder Angebote) oder führen Sie "
            "es mit einem anderen zusammen.")


_KREIS_TITEL = {"integrationsmanagement": "das Kapitel Integrationsmanagement",
                "konfliktanalyse": "das Kapitel Konfliktanalyse",
                "gemeinden": "die Kapitel der Gemeinden"}
_CONTENT = {
    "bevoelkerung": lambda k: bool(k.bevoelkerung),
    "beteiligung": lambda k: bool(k.veranstaltungen or k.arbeitsgruppen or k.befragungen),
    "handlungsfelder": lambda k: bool(k.handlungsfelder),
    "ist-analyse": lambda k: bool(k.inhalte or k.angebote or k.bedarfe),
    "ziele": lambda k: bool(k.ziele or any(i.leitziel for i in k.inhalte.values())),
    "massnahmen": lambda k: bool(k.massnahmen),
    "lueckenanalyse": lambda k: bool(k.bedarfe),
    "massnahmenkatalog": lambda k: bool(k.massnahmen),
    "indikatoren": lambda k: bool(k.indikatoren),
    "akteursverzeichnis": lambda k: bool(k.akteure),
    "angebotsuebersicht": lambda k: bool(k.angebote),
    "glossar": lambda k: bool(k.glossar),
    "abkuerzungen": lambda k: bool(k.abkuerzungen),
    "integrationsmanagement": lambda k: k.meta is not None
    and k.meta.integrationsmanagement is not None,
    "konfliktanalyse": lambda k: any(getattr(h, "konfliktanalyse", None) is not None
                                     for h in k.heads),
    "gemeinden": lambda k: k.meta is not None and bool(k.meta.gemeinden),
}


def _outline(konzept: Konzept) -> Iterator[Finding]:
    meta = konzept.meta
    assert meta is not None
    placed: set[str] = set()
    named: set[str] = set()

    def walk(punkte: list[Gliederungspunkt], path: tuple[str | int, ...]
             ) -> Iterator[Finding]:
        for i, p in enumerate(punkte):
            here = (*path, i)
            if p.kapitel is not None:
                placed.add(p.kapitel)
            if p.teil is not None:
                named.add(p.teil)
            # with a file that is not YAML the part may well have content
            if p.teil is not None and not p.teile and not _CONTENT[p.teil](konzept) \
                    and not konzept.unlesbar:
                yield Finding(
                    f"Der Teil „{p.teil}“ der Gliederung bleibt leer und fehlt im Dokument",
                    where(meta, *here), "Erfassen Sie die Einträge dazu oder nehmen Sie den "
                    "Teil aus der Gliederung.")
            yield from walk(p.teile, (*here, "teile"))

    yield from walk(meta.gliederung, ("gliederung",))
    for teil in KREISTEILE:
        if teil not in named and _CONTENT[teil](konzept):
            yield Finding(
                f"Der Teil „{teil}“ ({_KREIS_TITEL[teil]}) steht nicht in der Gliederung und "
                "fehlt im Dokument", where(meta, "gliederung"),
                f"Ergänzen Sie „- {teil}“ unter „gliederung:“ an der Stelle, an der er im "
                "Dokument stehen soll.")
    for kap in konzept.kapitel.values():
        if kap.id not in placed:
            yield Finding(
                f"Das Kapitel „{kap.id}“ ({kap.titel}) steht nicht in der Gliederung und "
                "fehlt im Dokument", where(kap, "id"),
                f"Ergänzen Sie „- kapitel: {kap.id}“ unter „gliederung:“ oder entfernen Sie "
                "das Kapitel.")
