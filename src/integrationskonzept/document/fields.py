"""German text for the fields of entries: references, periods, the „Name: Wert“ lines.

:class:`Fmt` knows the concept and the register, so a reference becomes a numbered
link where the document has an anchor and the readable name elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from ..gaps.report import Befund, GapReport
from ..model.concept import Konzept
from ..model.fielddates import Zeitpunkt
from ..model.fields import is_reference
from ..model.indikator import TEILE
from ..model.items import Angebot, Bedarf, Indikator, Massnahme, Zeitraum, Ziel
from ..monitoring.status import aktueller_status
from ..text import german
from .markdown import Md, escape, link
from .numbering import Eintrag, Register
from .parts import Abschnitt, Feld, Punkt
from .prosa import Sammlung

datum = lru_cache(maxsize=8192)(german.datum_lang)
zahl = lru_cache(maxsize=8192)(german.zahl)


def zeitpunkt(z: Zeitpunkt) -> str:
    """„17. August 2017“, „März 2024“, „2024“ or „2003/04“, tentative ones „(vorläufig)“."""
    return z.lang


def zeitraum(z: Zeitraum | None) -> str:
    """„2024 bis 2026“, „ab März 2024“, „bis 2025“ or empty."""
    if z is None:
        return ""
    beginn = zeitpunkt(z.beginn) if z.beginn else ""
    ende = zeitpunkt(z.ende) if z.ende else ""
    if beginn and ende:
        return beginn if beginn == ende else f"{beginn} bis {ende}"
    if beginn:
        return f"ab {beginn}"
    return f"bis {ende}" if ende else ""


def wert(value: float, einheit: str | None) -> str:
    """51.086, „21,5 %“, „12 Plätze“ or „ca. 80 Plätze“ (qualifier as written)."""
    qualifier = getattr(value, "qualifier", "")
    if einheit and einheit.strip() == "%":
        text = german.prozent(value, 1 if not float(value).is_integer() else 0)
    else:
        text = zahl(float(value))
        text = f"{text} {einheit}" if einheit else text
    return f"{qualifier} {text}" if qualifier else text


def menge(value: float | None, einheit: str | None = None) -> str | None:
    """A count or amount as written („ca. 80“), with its unit; None when not given."""
    return None if value is None else wert(value, einheit)


@dataclass
class Fmt:
    """Formats fields of one concept for one document."""

    konzept: Konzept
    reg: Register
    prosa: Sammlung
    _ziel_massnahmen: dict[str, list[str]] | None = None
    _befunde: dict[str, Befund] | None = None

    _labels: dict[str, str] | None = None

    def fremde(self, fremde: Mapping[str, tuple[str, str]]) -> None:
        """Prefixed ids of other concepts of a workspace: (label, anchor or "")."""
        if self._labels is None:
            self._labels = {}
        for ident, (label, anchor) in fremde.items():
            self._labels[ident] = label
            if anchor and ident not in self.reg.eintraege:
                self.reg.eintraege[ident] = Eintrag("fremd", ident, anchor, "", label)

    def label(self, ident: str) -> str:
        """The readable name of an id (cached: Landkreis scale)."""
        if self._labels is None:
            self._labels = {}
        got = self._labels.get(ident)
        if got is None:
            got = self._labels[ident] = self.konzept.label(ident)
        return got

    def massnahmen_of(self, ziel: str) -> list[str]:
        """The Maßnahmen that name ``ziel`` (index built once: Landkreis scale)."""
        if self._ziel_massnahmen is None:
            index: dict[str, list[str]] = {}
            for mid, m in self.konzept.massnahmen.items():
                for z in dict.fromkeys(m.ziele):
                    index.setdefault(z, []).append(mid)
            self._ziel_massnahmen = index
        return self._ziel_massnahmen.get(ziel, [])

    def befund(self, gaps: GapReport | None, bedarf: str) -> Befund | None:
        if gaps is None:
            return None
        if self._befunde is None:
            self._befunde = {b.bedarf: b for b in gaps.befunde}
        return self._befunde.get(bedarf)

    def ref(self, ident: str | None) -> Md:
        if ident and "#" in ident:  # a survey's question: f-eltern#Q3
            base, _, frage = ident.partition("#")
            return Md(f"{self.ref(base)} (Frage {escape(frage)})")
        entry = self.reg.get(ident)
        if entry is not None:
            return link(entry.label, entry.anchor) if entry.anchor else escape(entry.label)
        return escape(self.label(ident)) if ident else Md("")

    def refs(self, idents: Iterable[str]) -> Md:
        return Md(", ".join(self.ref(i) for i in idents))

    def quellen(self, quellen: Iterable[str]) -> Md:
        """Sources: ids as links, addresses as links, documents as text."""
        out = []
        for q in quellen:
            if q.startswith(("https://", "http://")):
                out.append(Md(f"<{q}>"))
            elif is_reference(q):
                out.append(self.ref(q))
            else:
                out.append(escape(q))
        return Md(", ".join(out))

    def felder_of(self, entry: object) -> list[Feld]:
        """The lines every entry may carry: further fields, its sources."""
        primary = getattr(entry, "handlungsfeld", None)
        weitere = [h for h in getattr(entry, "handlungsfelder", []) if h != primary]
        felder = "alle (Querschnitt)" if getattr(entry, "querschnitt", False) else (
            self.names(weitere) if weitere else None)
        return self.felder([("Auch für die Handlungsfelder", felder)])

    def names(self, idents: Iterable[str]) -> Md:
        return escape(", ".join(self.label(i) for i in idents))

    def felder(self, pairs: Iterable[tuple[str, object]]) -> list[Feld]:
        """Lines for the non-empty values; str is text, Md stays Markdown."""
        out = []
        for name, value in pairs:
            if value is None or value == "" or value == []:
                continue
            out.append(Feld(name, value if isinstance(value, Md) else escape(str(value))))
        return out

    def raeume(self, idents: list[str]) -> Md:
        if not idents:
            typ = self.konzept.meta.kommune.typ if self.konzept.meta else "Stadt"
            return Md({"Landkreis": "kreisweit", "Region": "regionsweit",
                       "Gemeinde": "gemeindeweit"}.get(typ, "stadtweit"))
        return self.names(idents)

    def massnahme(self, m: Massnahme, ebene: int) -> Punkt:
        e = self.reg.eintraege[m.id]
        felder = self.felder([
            ("Ziele", self.refs(m.ziele)), ("Bedarfe", self.refs(m.bedarfe)),
            ("Zielgruppen", self.names(m.zielgruppen)),
            ("Sozialräume", self.raeume(m.sozialraeume)),
            ("Federführung", self.ref(m.federfuehrung)),
            ("Kooperationspartner", self.refs(m.kooperationspartner)),
            ("Zeitraum", zeitraum(m.zeitraum)), ("Zeithorizont", m.zeithorizont),
            ("Priorität", m.prioritaet + (" (Schwerpunktmaßnahme)" if m.schwerpunkt else "")
             if m.prioritaet else ("Schwerpunktmaßnahme" if m.schwerpunkt else None)),
            ("Ressourcen", m.ressourcen), ("Kosten", m.kosten),
            ("Finanzierung", m.finanzierung), ("Indikatoren", self.refs(m.indikatoren)),
            ("Status", aktueller_status(m)), ("Quelle", self.quellen(m.quelle)),
        ]) + self.felder_of(m)
        return Punkt(m.id, e.anchor, e.nummer, e.titel,
                     self.prosa.add(m.beschreibung, ebene), felder)

    def ziel(self, z: Ziel, ebene: int) -> Punkt:
        e = self.reg.eintraege[z.id]
        massnahmen = self.massnahmen_of(z.id)
        felder = self.felder([
            ("Leitziel", self.ref(z.leitziel)),
            ("Zielgruppen", self.names(z.zielgruppen)),
            ("Zieljahr", z.zieljahr and str(z.zieljahr)),
            ("Indikatoren", self.refs(z.indikatoren)), ("Maßnahmen", self.refs(massnahmen)),
            ("Quelle", self.quellen(z.quelle)),
        ]) + self.felder_of(z)
        return Punkt(z.id, e.anchor, e.nummer, e.titel, self.prosa.add(z.beschreibung, ebene),
                     felder)

    def angebot(self, a: Angebot, ebene: int) -> Punkt:
        e = self.reg.eintraege[a.id]
        merkmale = [self.label(x) for x in a.merkmale]
        felder = self.felder([
            ("Träger", self.ref(a.traeger)), ("Zielgruppen", self.names(a.zielgruppen)
                                              if a.zielgruppen else "alle"),
            ("Sozialräume", self.raeume(a.sozialraeume)), ("Ort", a.ort),
            ("Sprachen", self.names(a.sprachen)),
            ("Lernsprache", a.lernsprache and self.label(a.lernsprache)),
            ("Form", a.form), ("Merkmale", ", ".join(merkmale)), ("Zeiten", a.zeiten),
            ("Laufzeit", zeitraum(a.laufzeit)),
            ("Art", a.art),
            ("Kapazität", menge(a.kapazitaet, a.einheit)),
            ("Kosten", a.kosten), ("Finanzierung", a.finanzierung),
            ("Web", Md(f"<{a.web}>") if a.web else None),
            ("Stand", a.stand and zeitpunkt(a.stand)), ("Quelle", self.quellen(a.quelle)),
        ])
        return Punkt(a.id, e.anchor, e.nummer, e.titel, self.prosa.add(a.beschreibung, ebene),
                     felder)

    def bedarf(self, b: Bedarf, gaps: GapReport | None, ebene: int) -> Punkt:
        e = self.reg.eintraege[b.id]
        befund = self.befund(gaps, b.id)
        felder = self.felder([
            ("Zielgruppen", self.names(b.zielgruppen)),
            ("Sozialräume", self.raeume(b.sozialraeume)),
            ("Sprachen", self.names(b.sprachen)), ("Merkmale", self.names(b.merkmale)),
            ("Umfang", menge(b.umfang, "Personen")),
            ("Priorität", b.prioritaet), ("Quelle", self.quellen(b.quelle)),
        ])
        bewertung, gruende = "", []
        if befund is not None:
            bewertung = befund.urteil
            gruende = [g.text for g in befund.gruende] + list(befund.hinweise)
            felder += self.felder([
                ("Deckende Angebote", self.refs(befund.angebote)),
                ("Nächstliegende Angebote", self.refs(k.angebot for k in befund.naechste[:3])),
                ("Maßnahmen", self.refs(x.massnahme for x in befund.massnahmen)),
                ("Stand der Lücke", befund.lage if befund.urteil != "gedeckt" else None),
            ])
        if b.akzeptiert is not None:
            akz = b.akzeptiert
            wann = " ".join(x for x in (akz.gremium or "", akz.datum and
                                        zeitpunkt(akz.datum) or "") if x)
            felder += self.felder([("Bewusst hingenommen", akz.grund + (f" ({wann})"
                                                                         if wann else ""))])
        return Punkt(b.id, e.anchor, e.nummer, e.titel, self.prosa.add(b.beschreibung, ebene),
                     felder, bewertung=bewertung, gruende=gruende)

    def indikator(self, i: Indikator, ebene: int) -> Punkt:
        e = self.reg.eintraege[i.id]
        richtung = {"steigen": "steigende Werte sind besser",
                    "sinken": "sinkende Werte sind besser"}.get(i.richtung or "")
        felder = self.felder([
            ("Gruppe", i.gruppe), ("Handlungsfeld", self.ref(i.handlungsfeld)),
            ("Datenquelle", i.datenquelle), ("Einheit", i.einheit), ("Richtung", richtung),
            *(("Ist-Werte " + str(p), ", ".join(f"{TEILE.get(k, k)} {wert(v, i.einheit)}"
                                                for k, v in value.items()))
              for p, value in sorted(i.istwerte.items()) if isinstance(value, dict))])
        abschnitte = [Abschnitt(name, p) for name, text in (
            ("Definition", i.definition), ("Bewertung", i.bewertung),
            ("Methodische Besonderheiten", i.methodik))
            if (p := self.prosa.add(text, ebene)) is not None]
        return Punkt(i.id, e.anchor, e.nummer, e.titel, None, felder, abschnitte)
