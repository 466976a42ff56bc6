"""One file of a concept validated on its own: its keys, its head and, per list, the
valid entries (with the file's Handlungsfeld inherited); the problems of the others.

What a file gives here depends on no other file (a snapshot keeps it for the next run,
:mod:`.snapshot`); :mod:`.loader` registers ids and puts it into the concept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ..problems import Location, Problem, Severity
from ..source.safeyaml import YList, YMap
from ..source.schemaerrors import allowed_words, describe, suggest, translate
from . import walkfacts
from .concept import KIND_LABELS, LIST_KINDS, Konzept
from .discovery import KONZEPT_FILES
from .fields import Entry, set_source
from .files import (
    BETEILIGUNG_LISTS,
    CONTENT_LISTS,
    META_LISTS,
    InhaltKopf,
    KonzeptDatei,
    KonzeptKopf,
)

_INHALT_KEYS = set(InhaltKopf.model_fields) | set(CONTENT_LISTS) | {"beteiligung"}
_KONZEPT_KEYS = set(KonzeptDatei.model_fields)


def err(code: str, msg: str, loc: Location, hint: str = "", rule: str = "struktur",
        related: tuple[Location, ...] = ()) -> Problem:
    """A problem of severity error (the loader's most common kind)."""
    return Problem(code, Severity.ERROR, msg, loc, hint, rule, related)


_KONZEPT_TABLES = {**META_LISTS, **CONTENT_LISTS}


def lists_of(rel: str, data: YMap) -> list[tuple[str, tuple[str, ...], YList, type[Entry]]]:
    """The entry lists of a file: (key, where it stands in the file – (key,) or
    (beteiligung, key) –, raw list, model)."""
    # In the order they are written (a mapping keeps its keys in file order), without
    # sorting by positions.
    tables = _KONZEPT_TABLES if rel in KONZEPT_FILES else CONTENT_LISTS
    out: list[tuple[str, tuple[str, ...], YList, type[Entry]]] = []
    for key, value in data.items():
        model = tables.get(key)
        if model is not None and isinstance(value, YList):
            out.append((key, (key,), value, model))
        elif key == "beteiligung" and isinstance(value, YMap):
            for sub, inner in value.items():
                model = BETEILIGUNG_LISTS.get(sub)
                if model is not None and isinstance(inner, YList):
                    out.append((sub, ("beteiligung", sub), inner, model))
    return out


def _check_keys(rel: str, data: YMap, problems: list[Problem]) -> None:
    is_konzept = rel in KONZEPT_FILES
    allowed = _KONZEPT_KEYS if is_konzept else _INHALT_KEYS
    for key in data:
        if key in allowed:
            continue
        line, col = data.pos[key][:2]
        loc = Location(rel, line, col)
        if not is_konzept and key in _KONZEPT_KEYS:
            problems.append(err(
                "IK101", f"Schlüssel „{key}“ gehört in konzept.yaml", loc,
                "Verschieben Sie den Eintrag in die Datei konzept.yaml.", rule="schema"))
            continue
        best = suggest(str(key), allowed)
        hint = allowed_words(sorted(allowed))
        hint = f"Meinten Sie „{best}“? {hint}" if best else hint
        problems.append(err("IK101", f"Unbekannter Schlüssel „{key}“", loc, hint, rule="schema"))


@dataclass
class Local:
    """What a file gives on its own: the validated head and, per list, its valid entries
    (with the file's Handlungsfeld inherited)."""

    kopf: Any
    lists: list[tuple[str, list[Entry]]]
    paths: list[tuple[str, ...]] = field(default_factory=list)  # per list, read fresh only
    # from a snapshot (or written to one): what the walk over the references finds in the
    # head, then in each list (model/walkfacts.py)
    walked: list[walkfacts.Walked] | None = None


def load_local(konzept: Konzept, rel: str, data: YMap, problems: list[Problem]) -> Local:
    """Validate one file on its own; ``konzept`` is only written for entries that failed
    (their texts count as used) and read for the names in messages."""
    _check_keys(rel, data, problems)
    is_konzept = rel in KONZEPT_FILES
    kopf_model = KonzeptKopf if is_konzept else InhaltKopf
    # The head fields only; their errors are located in ``data`` (same keys).
    kopf_raw = {key: data[key] for key in kopf_model.model_fields if key in data}
    kopf: Any = None
    try:
        kopf = kopf_model.model_validate(kopf_raw)
        set_source(kopf, rel, data)
    except ValidationError as exc:
        problems.extend(translate(exc, kopf_model, data, rel,
                                  context_of=lambda loc: _head_context(konzept, data, loc)))
    # Lists that are not lists.
    for key in (*CONTENT_LISTS, *(META_LISTS if is_konzept else ())):
        value = data.get(key)
        if key in data and value is not None and not isinstance(value, YList):
            line, col = data.pos[key][2:]
            problems.append(err(
                "IK103", f"„{key}“: erwartet eine Liste (Zeilen mit „- “), gefunden "
                f"{describe(value)}", Location(rel, line, col), rule="schema"))
    _load_beteiligung_head(rel, data, problems)
    hf = data.get("handlungsfeld") if isinstance(data.get("handlungsfeld"), str) else None
    found = lists_of(rel, data)
    lists = [(key, _load_list(konzept, rel, key, items, model, hf, problems))
             for key, _at, items, model in found]
    return Local(kopf, lists, [at for _key, at, _items, _model in found])


_HEAD_LABELS = {"leitziel": "Leitziel", "ausgangslage": "Ausgangslage",
                "steuerung": "Steuerung und Vernetzung", "kommune": "Kommune",
                "herausgeber": "Herausgeber", "kontakt": "Kontakt", "logo": "Logo"}


def _head_context(konzept: Konzept, data: YMap, loc: tuple[Any, ...]) -> str:
    """„Leitziel des Handlungsfelds „Sprache““: the entry a head error lies in."""
    label = _HEAD_LABELS.get(loc[0]) if len(loc) > 1 else None
    if label is None:
        return ""
    hf = data.get("handlungsfeld")
    if loc[0] in ("leitziel", "ausgangslage", "steuerung") and isinstance(hf, str):
        feld = konzept.handlungsfelder.get(hf)
        return f"{label} des Handlungsfelds „{feld.name if feld else hf}“"
    return label


def _load_beteiligung_head(rel: str, data: YMap, problems: list[Problem]) -> None:
    bet = data.get("beteiligung")
    if "beteiligung" not in data or bet is None:
        return
    if not isinstance(bet, YMap):
        line, col = data.pos["beteiligung"][2:]
        problems.append(err(
            "IK103", f"„beteiligung“: erwartet Unterschlüssel (veranstaltungen, arbeitsgruppen, "
            f"befragungen), gefunden {describe(bet)}", Location(rel, line, col), rule="schema"))
        return
    for key in bet:
        if key not in BETEILIGUNG_LISTS:
            line, col = bet.pos[key][:2]
            best = suggest(str(key), BETEILIGUNG_LISTS)
            problems.append(err(
                "IK101", f"Unbekannter Schlüssel „{key}“ in „beteiligung“",
                Location(rel, line, col),
                (f"Meinten Sie „{best}“? " if best else "")
                + allowed_words(BETEILIGUNG_LISTS), rule="schema"))
        elif bet[key] is not None and not isinstance(bet[key], YList):
            line, col = bet.pos[key][2:]
            problems.append(err(
                "IK103", f"„{key}“: erwartet eine Liste, gefunden {describe(bet[key])}",
                Location(rel, line, col), rule="schema"))


_INHERIT_SINGLE = frozenset({"ziele", "massnahmen", "bedarfe"})


def _load_list(konzept: Konzept, rel: str, key: str, items: YList, model: type[Entry],
               hf: str | None, problems: list[Problem]) -> list[Entry]:
    """The valid entries of one list, in order; the others give problems."""
    kind = LIST_KINDS.get(key)
    label = KIND_LABELS[kind] if kind else key
    out: list[Entry] = []
    # pydantic-core reads an exact dict about 2 µs faster per entry than the positioned
    # YMap (a dict subclass), so it gets a shallow copy; errors are located with the YMap.
    validate = model.__pydantic_validator__.validate_python
    inherit = key in _INHERIT_SINGLE
    offers = hf is not None and key == "angebote"
    for i, item in enumerate(items):
        if not isinstance(item, YMap):
            line, col = items.pos[i]
            problems.append(err(
                "IK103",
                f"„{key}“: jeder Eintrag braucht Unterschlüssel, gefunden {describe(item)}",
                Location(rel, line, col), "Ein Eintrag beginnt mit „- id: …“.", rule="schema"))
            continue
        try:
            entry: Entry = validate(dict(item))
        except ValidationError as exc:
            ident = item.get("id")
            context = f"{label} „{ident}“" if isinstance(ident, str) else f"{label} Nr. {i + 1}"
            problems.extend(translate(exc, model, item, rel, context))
            _collect_texts(item, konzept.ungueltig)
            if hf is not None:  # the entry would have belonged to the file's field
                konzept.ungueltig.add(hf)
            continue
        set_source(entry, rel, item)
        if inherit and entry.handlungsfeld is None:  # type: ignore[attr-defined]
            # the file's field first; else the first of several (Maßnahme, Ziel)
            entry.handlungsfeld = hf or next(  # type: ignore[attr-defined]
                iter(getattr(entry, "handlungsfelder", [])), None)
        if offers and not entry.handlungsfelder:  # type: ignore[attr-defined]
            entry.handlungsfelder = [hf]  # type: ignore[attr-defined]
        out.append(entry)
    return out


def _collect_texts(node: Any, out: set[str]) -> None:
    stack = [node]
    while stack:
        cur = stack.pop()
        if isinstance(cur, str):
            out.add(cur)
        elif isinstance(cur, dict):
            stack.extend(cur.values())
        elif isinstance(cur, list):
            stack.extend(cur)
