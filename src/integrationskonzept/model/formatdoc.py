"""The reference of the source format (docs/format.md), generated from the models.

`python -m integrationskonzept.model.formatdoc > docs/format.md` rewrites it; a test fails
when the file and the models disagree, so the documentation cannot drift.
"""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from .fields import Entry


def _type_words(ann: Any) -> str:
    text = str(ann)
    if typing.get_origin(ann) is typing.Literal:
        return ", ".join(f"`{a}`" for a in typing.get_args(ann))
    args = [a for a in typing.get_args(ann) if a is not type(None)]
    if typing.get_origin(ann) in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        return " oder ".join(_type_words(a) for a in args)
    if typing.get_origin(ann) is list:
        return f"Liste von {_type_words(args[0])}" if args else "Liste"
    if typing.get_origin(ann) is dict:
        return f"Zuordnung {_type_words(args[0])} → {_type_words(args[1])}"
    if typing.get_origin(ann) is typing.Annotated:
        base = typing.get_args(ann)[0]
        markers = {type(m).__name__ for m in getattr(ann, "__metadata__", ())}
        if "RefMarker" in markers:
            return "Liste von IDs" if typing.get_origin(base) is list else "ID-Verweis"
        if "MarkdownMarker" in markers:
            return "Markdown"
        return _type_words(base)
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return f"[{ann.__name__}](#{ann.__name__.lower()})"
    names = {"str": "Text", "int": "ganze Zahl", "float": "Zahl", "bool": "true/false",
             "date": "Datum", "Zeitpunkt": "Datum, Monat, Jahr oder Schuljahr",
             "Periode": "Jahr, Schuljahr oder Zeitraum"}
    return names.get(getattr(ann, "__name__", text), text)


_VALUE_WORDS = {"_anzahl": "ganze Zahl, auch „ca. 80“", "_menge": "Zahl, auch „rund 1.200“"}


def _field_words(info: Any) -> str:
    markers = {type(m).__name__ for m in info.metadata}
    for m in info.metadata:
        words = _VALUE_WORDS.get(getattr(getattr(m, "func", None), "__name__", ""))
        if words:
            return words
    if "QuelleMarker" in markers:
        return "Liste von Quellen (IDs, Adressen, Dokumente)"
    if "RefMarker" in markers:
        return "Liste von IDs" if typing.get_origin(info.annotation) is list else "ID-Verweis"
    if "MarkdownMarker" in markers:
        return "Markdown"
    return _type_words(info.annotation)


def _models(root: type[BaseModel]) -> list[type[BaseModel]]:
    seen: list[type[BaseModel]] = []
    stack = [root]
    while stack:
        cls = stack.pop(0)
        if cls in seen:
            continue
        seen.append(cls)
        for info in cls.model_fields.values():
            stack.extend(_nested(info.annotation))
    return seen


def _nested(ann: Any) -> list[type[BaseModel]]:
    if isinstance(ann, type) and issubclass(ann, Entry):
        return [ann]
    out = []
    for arg in typing.get_args(ann):
        out.extend(_nested(arg))
    return out


GUIDE = """## Ungefähre und vorläufige Angaben

Zahlenfelder, bei denen die Tabelle „auch „ca. 80““ sagt, nehmen einen Zusatz vor der Zahl:
`ca. 80`, `rund 1.200`, `über 40 %`, `knapp 300`, `mindestens 12`, `bis zu 20`. Prüfungen und
Diagramme rechnen mit der Zahl, das Dokument druckt den Zusatz mit („ca. 80 Plätze“).
Zeiträume lassen sich kurz schreiben: `zeitraum: 2016–2020`, `zeitraum: ab 2021`,
`geltung: 2016 bis 2020`; ein vorläufiges Ende als `ende: 2024, vorläufig`.

## Nummern des Plans

Ziele, Leitziele, Maßnahmen, Angebote und Bedarfe bekommen im Dokument erzeugte Nummern
(M 3.2). Hat der Plan eigene, steht `nummer: M 7.1` (oder `HZ1`) am Eintrag; diese Nummer
ersetzt die erzeugte in Überschriften, Tabellen und Verweisen.

## Maßnahmen und Ziele über mehrere Handlungsfelder

`handlungsfelder: [sprache, bildung]` nennt weitere Handlungsfelder: die Maßnahme steht einmal
(im Kapitel ihres ersten Handlungsfelds und im Maßnahmenkatalog), die anderen Kapitel verweisen
auf sie. `querschnitt: true` macht sie zu einer handlungsfeldübergreifenden Maßnahme, auf die
jedes Kapitel verweist.

## Quellen und Kennzeichnung

`quelle:` nennt je Eintrag, woher eine Angabe stammt: die ID einer Veranstaltung,
Arbeitsgruppe oder Befragung, eine Adresse (`https://…`) oder ein Dokument (ein Titel mit
Leerzeichen, z. B. „Integrationsplan 2016, S. 12“). `angabe: beispiel` kennzeichnet eine
erfundene, `angabe: erschlossen` eine erschlossene Angabe; das Dokument zeigt den Hinweis beim
Eintrag.

## Merkmale

Eingebaut sind die Merkmale `kinderbetreuung` (Kinderbetreuung), `barrierefrei`,
`kostenfrei`, `niedrigschwellig`, `abends`, `wochenende` (am Wochenende), `aufsuchend` und
`nur-frauen` (nur für Frauen). Eigene Merkmale unter `merkmale:` in konzept.yaml ergänzen
diese Liste; ein eigenes Merkmal mit einer eingebauten ID ersetzt das eingebaute.

## Gliederung

Ohne `gliederung:` folgt das Dokument der Standardgliederung: Textkapitel „vorne“,
Handlungsfelder je ein Kapitel, Lückenanalyse, Maßnahmenkatalog, Kapitel „hinten“ mit den
Indikatoren, Anhang. Mit `gliederung:` in konzept.yaml bestimmt das Konzept die Reihenfolge
der Textkapitel und der erzeugten Teile; jeder Teil lässt sich platzieren, umbenennen
(`titel:`) oder weglassen (nicht nennen). Erzeugte Teile: `bevoelkerung`, `beteiligung`,
`handlungsfelder` (ein Kapitel je Handlungsfeld mit allem), `ist-analyse` (je Handlungsfeld
Ausgangslage, Angebote, Bedarfe), `ziele` (je Handlungsfeld Leitziel und Ziele), `massnahmen`
(je Handlungsfeld die Maßnahmen), `lueckenanalyse`, `massnahmenkatalog`, `indikatoren`,
`akteursverzeichnis`, `angebotsuebersicht`, `glossar`, `abkuerzungen`, die Kapitel einer
`konfliktanalyse` und, im Landkreis, `integrationsmanagement` und `gemeinden` (der Überblick
und ein Kapitel je Gemeinde). Unter `teile:` stehen Teile oder Kapitel als Abschnitte eines
Kapitels; ein Teil mit eigenen Unterkapiteln rückt dann mit ihnen eine Ebene tiefer. Nennt
die Gliederung einen dieser drei Teile nicht, obwohl es ihn gibt, warnt `ik validate` (IK509).

Je Handlungsfeld (Stadt Lehrte):

```yaml
gliederung:
  - kapitel: vorwort
  - kapitel: ausgangslage
    teile: [bevoelkerung]          # Bevölkerungszahlen als Abschnitt der Ausgangslage
  - kapitel: prozess
    teile: [beteiligung]
  - handlungsfelder
  - teil: lueckenanalyse
    titel: Bedarfe und Angebote im Überblick
  - teil: massnahmenkatalog
    spalten: [nummer, titel, federfuehrung, zeitraum, kosten, finanzierung, status]
  - kapitel: umsetzung
    teile: [indikatoren]
  - titel: Anhang
    teile: [akteursverzeichnis, angebotsuebersicht, glossar]
```

Nach Ebenen (Ist-Analyse aller Handlungsfelder, dann Ziele, dann der Maßnahmenkatalog nach
Handlungsfeldern):

```yaml
gliederung:
  - kapitel: einleitung
  - teil: ist-analyse
    titel: Ist-Analyse
  - teil: ziele
    titel: Strategie und Ziele
  - teil: massnahmenkatalog
    gruppiert: handlungsfeld
    spalten: [nummer, titel, ziele, federfuehrung, kooperationspartner, kosten, finanzierung]
  - teil: massnahmen
    titel: Maßnahmen im Einzelnen
  - titel: Anhang
    teile: [akteursverzeichnis, glossar]
```
"""


def render() -> str:
    from .files import Inhalt, KonzeptDatei

    lines = ["# Das Quellformat von ik", "",
             "Erzeugt aus den Modellen (`python -m integrationskonzept.model.formatdoc`); "
             "nicht von Hand ändern.", "",
             "Pflichtfelder sind **fett**. IDs sind im ganzen Konzept eindeutig. Datumsangaben "
             "als 2017-08-17 oder 17.08.2017; wo es die Tabelle sagt auch als Monat (2024-03), "
             "Jahr (2024) oder Schul-/Haushaltsjahr (2023/24), ein vorläufiges Ende als "
             "„2024, vorläufig“. In Markdown-Feldern verweist `[[id]]` auf einen Eintrag, "
             "`[[id|des Integrationsausschusses]]` mit eigenem (gebeugtem) Text.", "",
             *GUIDE.splitlines(), ""]
    done: set[type[BaseModel]] = set()
    for root in (KonzeptDatei, Inhalt):
        for cls in _models(root):
            if cls in done:
                continue
            done.add(cls)
            lines += [f"## {cls.__name__}", ""]
            doc = (cls.__doc__ or "").strip().splitlines()
            if doc:
                lines += [doc[0], ""]
            lines += ["| Schlüssel | Typ | Beschreibung |", "|---|---|---|"]
            for name, info in cls.model_fields.items():
                key = f"**{name}**" if info.is_required() else name
                desc = (info.description or "").replace("|", "\\|")
                default = info.default
                if not info.is_required() and default not in (None, [], {}, PydanticUndefined):
                    desc = f"{desc} (Standard: {default})".strip()
                lines.append(f"| {key} | {_field_words(info)} | {desc} |")
            lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(render(), end="")
