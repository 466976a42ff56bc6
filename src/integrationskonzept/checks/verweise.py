"""Verweis auf eine unbekannte ID.

Jeder Verweis (Federführung, Zielgruppen, Sozialräume, Ziele, Bedarfe, Quellen …,
auch [[id]] und [[id|Text]] in Markdown-Texten, in YAML-Feldern wie in den
Markdown-Dateien der Kapitel) muss auf eine vorhandene ID der passenden Art zeigen.
Verweise mit Präfix („kreis:jobcenter“) prüfen IK208 und IK206.
Die Meldung nennt beide Enden: wo verwiesen wird und, bei einer ID der falschen Art,
wo diese definiert ist; bei Tippfehlern schlägt sie die ähnlichste ID vor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..model.concept import KIND_LABELS, REF_TARGETS, Konzept, where
from ..model.references import Ref, ids_by_field, ref_fields, text_ref_location, text_refs
from ..problems import Location, Severity
from ..source.schemaerrors import suggest
from . import CheckContext, Finding

CODE = "IK202"
NAME = "verweis-unbekannt"
SEVERITY = Severity.ERROR
EXAMPLE = """\
massnahmen:
  - id: m-1
    federfuehrung: vsh   # gemeint: vhs
"""


def _kinds_label(kinds: tuple[str, ...]) -> str:
    return " oder ".join(KIND_LABELS[k] for k in kinds)


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    ids = konzept.ids
    linien: set[str] | None = None
    for tref in text_refs(konzept):
        ident = tref[0]
        if ident in ids or ":" in ident:  # other concepts of the Landkreis: IK208 / IK206
            continue
        if linien is None:
            linien = konfliktlinien(konzept)
        if ident in linien:  # [[kl-…]]: a Konfliktlinie
            continue
        best = suggest(ident, [*ids, *linien])
        yield Finding(
            f"Verweis [[{ident}]] im Text: keine solche ID im Konzept",
            text_ref_location(konzept, tref),
            f"Meinten Sie [[{best}]]?" if best else
            "Im Text verweist [[id]] auf eine Maßnahme, ein Ziel, einen Akteur ….")
    # the usual case: every id of a field is one of a fitting kind (each distinct id once)
    falsch = {field for field, written in ids_by_field(konzept).items()
              if field != "[[…]]" and not _all_fit(ids, REF_TARGETS.get(field), written)}
    if not falsch:
        return
    by_kind: dict[str, list[str]] = {}  # the ids of each kind
    for ident, (kind, _loc) in ids.items():
        by_kind.setdefault(kind, []).append(ident)
    passend = _fitting(konzept, by_kind)
    for entry, field, written_ids, at, listed in ref_fields(konzept):
        if field not in falsch:
            continue
        ok = passend(field)
        if ok.issuperset(written_ids):
            continue
        for i, written in enumerate(written_ids):
            if ":" in written:  # other concepts: IK208 / IK206
                continue
            if "#" not in written and written in ok:
                continue
            yield from _ref(konzept, (entry, field, written, at + (i,) if listed else at),
                            by_kind)


def _all_fit(ids: dict[str, tuple[str, Location]], kinds: tuple[str, ...] | None,
             written: list[str]) -> bool:
    """Whether every id written is known and of one of ``kinds`` (any kind if None)."""
    for ident in set(written):
        found = ids.get(ident)
        if found is None or (kinds is not None and found[0] not in kinds):
            return False
    return True


def _fitting(konzept: Konzept, by_kind: dict[str, list[str]]
             ) -> Callable[[str], frozenset[str]]:
    """The ids a field may name: of a kind it refers to (any id if the field has no
    kinds); each set made once."""
    by_kinds: dict[tuple[str, ...] | None, frozenset[str]] = {None: frozenset(konzept.ids)}

    def passend(field: str) -> frozenset[str]:
        kinds = REF_TARGETS.get(field)
        got = by_kinds.get(kinds)
        if got is None:
            assert kinds is not None
            got = by_kinds[kinds] = frozenset().union(*(by_kind.get(k, ()) for k in kinds))
        return got

    return passend


def _ref(konzept: Konzept, ref: Ref, by_kind: dict[str, list[str]]) -> Iterator[Finding]:
    """The finding of one written reference, if it points nowhere or to the wrong kind."""
    entry, field, written, path = ref
    ids = konzept.ids
    kinds = REF_TARGETS.get(field)
    ident, _, frage = written.partition("#")
    found = ids.get(ident)
    if found is not None and (kinds is None or found[0] in kinds):
        if frage:
            yield from _frage(konzept, ident, frage, found[0], where(entry, *path))
        return
    loc = where(entry, *path)
    if kinds is None:
        return
    wanted = _kinds_label(kinds)
    if found is not None:
        yield Finding(
            f"„{field}“: „{ident}“ ist ein Eintrag der Art {KIND_LABELS[found[0]]} "
            f"(definiert in {found[1]}); erwartet: {wanted}", loc,
            _hint(ident, kinds, by_kind), related=(found[1],))
    else:
        yield Finding(
            f"„{field}“: unbekannte {wanted}-ID „{ident}“", loc,
            _hint(ident, kinds, by_kind))


def konfliktlinien(konzept: Konzept) -> set[str]:
    """The ids of every Konfliktlinie (targets of [[id]] in texts)."""
    return {linie.id for head in konzept.heads
            if (analyse := getattr(head, "konfliktanalyse", None)) is not None
            for linie in analyse.konfliktlinien}


def _frage(konzept: Konzept, ident: str, frage: str, kind: str,
           loc: Location) -> Iterator[Finding]:
    """A source ``befragung#Q3``: the survey must have recorded question Q3."""
    befragung = konzept.befragungen.get(ident) if kind == "befragung" else None
    if befragung is None:
        yield Finding(f"„quelle“: „{ident}#{frage}“ – nur eine Befragung hat Fragen "
                      f"(„{ident}“ ist {KIND_LABELS[kind]})", loc,
                      f"Schreiben Sie nur „{ident}“.")
        return
    codes = [f.code for f in befragung.fragen]
    if frage in codes:
        return
    best = suggest(frage, codes)
    yield Finding(
        f"„quelle“: Befragung „{ident}“ hat keine Frage „{frage}“", loc,
        f"Meinten Sie „{ident}#{best}“?" if best else
        ("Die Fragen stehen unter „fragen:“ der Befragung (`ik befragung import`)."
         if not codes else "Vorhanden sind: " + ", ".join(codes[:12]) + "."),
        related=(where(befragung, "id"),))


def _hint(ident: str, kinds: tuple[str, ...], by_kind: dict[str, list[str]]) -> str:
    candidates = [i for k in kinds for i in by_kind.get(k, [])]
    best = suggest(ident, candidates)
    if best:
        return f"Meinten Sie „{best}“?"
    if not candidates:
        return f"Im Konzept ist noch nichts der Art {_kinds_label(kinds)} definiert."
    shown = ", ".join(candidates[:8]) + (" …" if len(candidates) > 8 else "")
    return f"Vorhanden sind: {shown}."
