"""Verweis in ein anderes Konzept des Landkreises, das es dort nicht gibt.

Im Arbeitsbereich eines Landkreises (`ik validate` im Ordner des Landkreises) dürfen
Verweise mit einem Präfix in ein anderes Konzept zeigen: „kreis:jobcenter“ auf einen
Akteur des Landkreises, „peine:m-6-1“ auf eine Maßnahme der Gemeinde mit der ID „peine“,
auch in Texten als [[peine:m-6-1]]. Gemeldet werden ein unbekanntes Präfix, eine ID,
die es im anderen Konzept nicht gibt, und eine ID der falschen Art; die Meldung nennt
beide Enden und beide Dateien. Ebenso geprüft wird „entspricht:“ an den Vokabularen
eines Mitglieds (die ID im Konzept des Landkreises).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..model.concept import KIND_LABELS, REF_TARGETS, Konzept, where
from ..model.references import prefixed_refs
from ..problems import Location, Severity
from ..source.schemaerrors import suggest
from . import CheckContext, Finding, Nachbarkonzept
from .verweise import _kinds_label

CODE = "IK208"
NAME = "verweis-mitglied"
SEVERITY = Severity.ERROR
EXAMPLE = """\
# gemeinden/ilsede/arbeit.yaml, im Landkreis geprüft
massnahmen:
  - id: m-il-1
    federfuehrung: kreis:jobcentr   # gemeint: kreis:jobcenter
"""

VOKABULARE = ("handlungsfelder", "zielgruppen", "sozialraeume", "sprachen", "merkmale")


def _ort(other: Nachbarkonzept) -> str:
    return f"{other.name} ({other.anzeige})" if other.anzeige else other.name


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    bereich = ctx.arbeitsbereich
    if bereich is None:
        return
    for entry, field, ident, path in prefixed_refs(konzept):
        if ":" not in ident:
            continue
        prefix, rest = ident.split(":", 1)
        loc = where(entry, *path)
        shown = f"[[{ident}]] im Text" if field == "[[…]]" else f"„{field}“: „{ident}“"
        other = bereich.get(prefix)
        if other is None and prefix in _declared(bereich):
            continue  # a member that could not be loaded: reported at its entry
        if other is None:
            best = suggest(prefix, bereich)
            yield Finding(
                f"{shown}: kein Konzept „{prefix}“ im Landkreis", loc,
                (f"Meinten Sie „{best}:{rest}“? " if best else "")
                + "Bekannt sind: " + ", ".join(sorted(bereich)) + ".")
            continue
        kinds = REF_TARGETS.get(field)
        found = other.konzept.ids.get(rest)
        if found is not None and (kinds is None or found[0] in kinds):
            continue
        if found is not None and kinds is not None:
            yield Finding(
                f"{shown} ist im Konzept {other.name} ein Eintrag der Art "
                f"{KIND_LABELS[found[0]]} (definiert in {other.anzeige}{found[1]}); erwartet: "
                f"{_kinds_label(kinds)}", loc,
                "Verweisen Sie auf einen Eintrag der passenden Art.",
                related=(ctx.dort(other, found[1]),))
            continue
        candidates = [i for i, (k, _l) in other.konzept.ids.items()
                      if kinds is None or k in kinds]
        best = suggest(rest, candidates)
        art = "" if kinds is None else f" der Art {_kinds_label(kinds)}"
        own = [i for i, (k, _l) in konzept.ids.items() if kinds is None or k in kinds]
        local = suggest(rest, own) if not best else None
        yield Finding(
            f"{shown}: keine ID „{rest}“{art} im Konzept {_ort(other)}", loc,
            f"Meinten Sie „{prefix}:{best}“?" if best else
            f"Meinten Sie „{local}“ in diesem Konzept (ohne Präfix)?" if local else
            f"Prüfen Sie die ID in den Quellen von {other.name}.",
            related=(ctx.dort(other, Location(other.konzept.files[0] if other.konzept.files
                                              else "konzept.yaml", 1, 1)),))
    yield from _entspricht(konzept, ctx)


def _declared(bereich: Mapping[str, Nachbarkonzept]) -> set[str]:
    """The member ids the Kreis names under ``gemeinden:`` (loaded or not)."""
    kreis = next((n.konzept for n in bereich.values() if not n.anzeige), None)
    meta = kreis.meta if kreis is not None else None
    return {g.id for g in meta.gemeinden} if meta is not None else set()


def _entspricht(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    """``entspricht:`` of a member's vocabularies names an entry of the Kreis."""
    if ctx.kreis is None or ctx.arbeitsbereich is None or ctx.kreis not in ctx.arbeitsbereich:
        return
    kreis = ctx.arbeitsbereich[ctx.kreis]
    for key in VOKABULARE:
        table = kreis.konzept.__dict__[key]
        for entry in getattr(konzept, key).values():
            target = entry.entspricht
            if target is None or target in table:
                continue
            best = suggest(target, table)
            label = KIND_LABELS[REF_TARGETS[key][0]]
            yield Finding(
                f"„entspricht“: keine {label}-ID „{target}“ im Konzept {_ort(kreis)}",
                where(entry, "entspricht"),
                f"Meinten Sie „{best}“?" if best else
                "Vorhanden sind: " + ", ".join(list(table)[:8]) + ".",
                related=(ctx.dort(kreis, Location(kreis.konzept.files[0]
                                                  if kreis.konzept.files else "konzept.yaml",
                                                  1, 1)),))
