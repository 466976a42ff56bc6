"""Read a concept folder: find its files, read them safely, validate, assemble.

Validation is done entry by entry, so one broken Maßnahme does not hide the
problems of the others, and ids are registered from the raw files first, so a
reference to an entry that failed validation is not reported a second time; the ids
a file that is not YAML probably defines are registered too (:mod:`.unreadable`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..problems import DeferredLocation, Location, Problem, Severity
from ..source.files import Unreadable, read_regular
from ..source.gcpause import gc_paused
from ..source.placeholders import Mark, placeholders
from ..source.safeyaml import (
    MAX_FILE_BYTES,
    YamlFile,
    YList,
    YMap,
    locate,
    parse_yaml_bytes,
    read_yaml,
    unreadable_file,
)
from ..source.schemaerrors import allowed_words, describe, suggest, translate
from . import snapshot, walkfacts
from .concept import KIND_LABELS, LIST_KINDS, HandlungsfeldInhalt, Konzept, where
from .discovery import KONZEPT_FILES, discover
from .fields import Entry, set_source
from .files import (
    BETEILIGUNG_LISTS,
    CONTENT_LISTS,
    DEFAULT_MERKMALE,
    META_LISTS,
    InhaltKopf,
    KonzeptDatei,
    KonzeptKopf,
    Merkmal,
)
from .unreadable import probable_ids, words

MAX_MARKDOWN_BYTES = 2 * 1024 * 1024

_INHALT_KEYS = set(InhaltKopf.model_fields) | set(CONTENT_LISTS) | {"beteiligung"}
_KONZEPT_KEYS = set(KonzeptDatei.model_fields)


@dataclass
class LoadResult:
    """The assembled concept (possibly partial) and every problem found while loading."""

    konzept: Konzept
    problems: list[Problem] = field(default_factory=list)


def _err(code: str, msg: str, loc: Location, hint: str = "", rule: str = "struktur",
         related: tuple[Location, ...] = ()) -> Problem:
    return Problem(code, Severity.ERROR, msg, loc, hint, rule, related)


def load_concept(root: str | Path) -> LoadResult:
    """Load the concept in folder ``root``; never raises for problems in the sources."""
    root = Path(root)
    konzept = Konzept(root=root)
    result = LoadResult(konzept)
    if not root.is_dir():
        result.problems.append(_err(
            "IK010", f"Ordner „{root}“ nicht gefunden", Location(""),
            "Geben Sie den Ordner des Konzepts an (er enthält konzept.yaml)."))
        return result
    files, result.problems = discover(root)
    if not any(f in KONZEPT_FILES for f in files):
        nested = sorted(p.parent.relative_to(root).as_posix() for pattern in (
            "*/konzept.y*ml", "*/*/konzept.y*ml") for p in root.glob(pattern)
            if p.name in KONZEPT_FILES)
        hint = ("Jedes Konzept braucht eine konzept.yaml im Hauptordner; `ik init` legt sie an.")
        if nested:
            hint = ("Dieser Ordner enthält Konzepte in Unterordnern: "
                    + ", ".join(f"„{n}“" for n in nested[:5]) + ". Geben Sie einen davon an.")
        result.problems.append(_err("IK010", "konzept.yaml fehlt", Location("konzept.yaml"),
                                    hint))
        return result
    konzept.files = files
    with gc_paused():
        _load_files(konzept, root, files, result.problems)
    return result


@dataclass
class _File:
    """A file read as a mapping: fresh (``snap`` None; ``key`` set when a snapshot may
    be written) or rebuilt from its snapshot."""

    rel: str
    data: YMap
    key: bytes | None = None
    snap: snapshot.Snapshot | None = None


def _read(root: Path, rel: str, session: snapshot.Session | None) -> tuple[YamlFile, _File]:
    """The file read, or rebuilt from its snapshot when there is one."""
    path = str(root / rel)
    if session is None:
        yf = read_yaml(path, rel)
        return yf, _File(rel, yf.data)
    try:
        raw = read_regular(path, MAX_FILE_BYTES)
    except Unreadable as exc:
        yf = unreadable_file(rel, exc)  # says why, as without snapshots
        return yf, _File(rel, yf.data)
    snap, key = session.load(rel, raw)
    if snap is not None:
        return YamlFile(rel, snap.data, [], snap.text), _File(rel, snap.data, snap=snap)
    yf = parse_yaml_bytes(raw, rel)
    return yf, _File(rel, yf.data, key)


def _load_files(konzept: Konzept, root: Path, files: list[str],
                problems: list[Problem]) -> None:
    session = snapshot.Session.open(root)
    read: list[_File] = []
    unreadable = []
    for rel in files:
        yf, done = _read(root, rel, session)
        problems.extend(yf.problems)
        if yf.text and not yf.problems:
            konzept.quelltexte[rel] = yf.text
        elif yf.text:
            unreadable.append((rel, yf.text))
        if yf.data is None and not yf.problems:
            problems.append(Problem(
                "IK008", Severity.WARNING, f"Datei „{rel}“ ist leer", Location(rel, 1, 1),
                "Füllen oder löschen Sie die Datei.", rule="dateien"))
        elif yf.data is not None and not isinstance(yf.data, YMap):
            problems.append(_err(
                "IK008",
                f"Die Datei muss aus Schlüsseln bestehen, gefunden {describe(yf.data)}",
                Location(rel, 1, 1), "Beginnen Sie mit einem Schlüssel wie „massnahmen:“."))
        elif yf.data is not None:
            read.append(done)
    for f in read:
        if f.snap is None:
            leitziel = f.data.get("leitziel")
            _register_ids(konzept, f.rel, leitziel if isinstance(leitziel, YMap) else None,
                          [(key, items) for key, _at, items, _m in _lists_of(f.rel, f.data)],
                          problems)
        else:
            _register_ids(konzept, f.rel, f.snap.leitziel,
                          [(key, nodes) for key, nodes, _entries in f.snap.lists], problems)
    for rel, text in unreadable:  # no follow-up errors of a file that is not YAML
        for ident, kind, loc in probable_ids(text, rel):
            konzept.ids.setdefault(ident, (kind, loc))
        konzept.ungueltig |= words(text)
        konzept.unlesbar.append(rel)
    for f in read:
        if f.snap is not None:
            local = _Local(f.snap.kopf, [(key, entries) for key, _n, entries in f.snap.lists],
                           walked=f.snap.walked)
            konzept.platzhalter[f.rel] = f.snap.marks
        else:
            own: list[Problem] = []
            local = _load_local(konzept, f.rel, f.data, own)
            problems.extend(own)
            source = konzept.quelltexte.get(f.rel)
            if (session is not None and f.key is not None and local.kopf is not None
                    and not own and source is not None):
                _store(konzept, session, f, source, local)
        _add_file(konzept, f.rel, f.data, local, problems)
    if session is not None:
        session.close()
    _finish(konzept, problems)


def _store(konzept: Konzept, session: snapshot.Session, f: _File, text: str,
           local: _Local) -> None:
    """Write the snapshot of a file read fresh (the second time its content is read).
    What it stores beyond the entries, the file's placeholders and what the walk over the
    references finds, also serves this run (the checks take them as from a snapshot)."""
    assert f.key is not None
    marks: list[Mark] = []
    walked: list[walkfacts.Walked] = []
    if session.stores(f.key):
        marks = konzept.platzhalter[f.rel] = placeholders(text)
        walked = local.walked = [walkfacts.walk([local.kopf]), *(
            walkfacts.walk(entries) for _key, entries in local.lists)]
    session.store(f.key, f.data, local.kopf, [
        (key, path, entries) for (key, entries), path in zip(
            local.lists, local.paths, strict=True)], marks, walked)


_KONZEPT_TABLES = {**META_LISTS, **CONTENT_LISTS}


def _lists_of(rel: str, data: YMap) -> list[tuple[str, tuple[str, ...], YList, type[Entry]]]:
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


def _register_ids(konzept: Konzept, rel: str, leitziel: YMap | None,
                  lists: list[tuple[str, list[Any]]], problems: list[Problem]) -> None:
    """Register the ids of one file: its Leitziel's and those of its lists (key, items)."""
    if leitziel is not None and isinstance(leitziel.get("id"), str):
        _register_list(konzept, rel, "leitziel", [leitziel], problems)
    for key, items in lists:
        kind = LIST_KINDS.get(key)
        if kind is not None:
            _register_list(konzept, rel, kind, items, problems)


def _register_list(konzept: Konzept, rel: str, kind: str, items: list[Any],
                   problems: list[Problem]) -> None:
    fold = konzept.cache.setdefault("ids_casefold", {}).setdefault
    ids = konzept.ids
    for item in items:
        if not isinstance(item, YMap):
            continue
        ident = item.get("id")
        if not isinstance(ident, str) or not ident:
            continue
        loc = DeferredLocation(rel, locate, item, _ID)
        twin = fold(ident.casefold(), ident)
        if twin != ident:
            _kind, other = ids[twin]
            problems.append(_err(
                "IK203", f"ID „{ident}“ unterscheidet sich von „{twin}“ ({other}) nur in "
                "Groß- und Kleinschreibung", loc,
                "IDs müssen sich auch ohne Groß-/Kleinschreibung unterscheiden (Sprungmarken "
                "in Word und Links unterscheiden sie nicht sicher): benennen Sie eine um.",
                rule="ids", related=(other,)))
        if ident in ids:
            other_kind, other = ids[ident]
            problems.append(_err(
                "IK201",
                f"ID „{ident}“ ist doppelt vergeben ({KIND_LABELS[kind]}; schon als "
                f"{KIND_LABELS[other_kind]} in {other})",
                loc, "IDs müssen im ganzen Konzept eindeutig sein: benennen Sie eine um.",
                rule="ids", related=(other,)))
        else:
            ids[ident] = (kind, loc)


_ID = ("id",)


def _check_keys(rel: str, data: YMap, problems: list[Problem]) -> None:
    is_konzept = rel in KONZEPT_FILES
    allowed = _KONZEPT_KEYS if is_konzept else _INHALT_KEYS
    for key in data:
        if key in allowed:
            continue
        line, col = data.pos[key][:2]
        loc = Location(rel, line, col)
        if not is_konzept and key in _KONZEPT_KEYS:
            problems.append(_err(
                "IK101", f"Schlüssel „{key}“ gehört in konzept.yaml", loc,
                "Verschieben Sie den Eintrag in die Datei konzept.yaml.", rule="schema"))
            continue
        best = suggest(str(key), allowed)
        hint = allowed_words(sorted(allowed))
        hint = f"Meinten Sie „{best}“? {hint}" if best else hint
        problems.append(_err("IK101", f"Unbekannter Schlüssel „{key}“", loc, hint, rule="schema"))


@dataclass
class _Local:
    """What a file gives on its own: the validated head and, per list, its valid entries
    (with the file's Handlungsfeld inherited)."""

    kopf: Any
    lists: list[tuple[str, list[Entry]]]
    paths: list[tuple[str, ...]] = field(default_factory=list)  # per list, read fresh only
    # from a snapshot (or written to one): what the walk over the references finds in the
    # head, then in each list (model/walkfacts.py)
    walked: list[walkfacts.Walked] | None = None


def _load_local(konzept: Konzept, rel: str, data: YMap, problems: list[Problem]) -> _Local:
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
            problems.append(_err(
                "IK103", f"„{key}“: erwartet eine Liste (Zeilen mit „- “), gefunden "
                f"{describe(value)}", Location(rel, line, col), rule="schema"))
    _load_beteiligung_head(rel, data, problems)
    hf = data.get("handlungsfeld") if isinstance(data.get("handlungsfeld"), str) else None
    found = _lists_of(rel, data)
    lists = [(key, _load_list(konzept, rel, key, items, model, hf, problems))
             for key, _at, items, model in found]
    return _Local(kopf, lists, [at for _key, at, _items, _model in found])


def _add_file(konzept: Konzept, rel: str, data: YMap, local: _Local,
              problems: list[Problem]) -> None:
    """Put what a file gave into the concept: what depends on the other files."""
    walked = local.walked
    if local.kopf is not None:
        konzept.heads.append(local.kopf)
        if rel in KONZEPT_FILES:
            konzept.meta = local.kopf
        if walked:
            konzept.walked[id(local.kopf)] = walked[0]
    for n, (key, entries) in enumerate(local.lists, 1):
        kind = LIST_KINDS.get(key)
        if kind is None:  # a list without ids: the concept's plain list
            getattr(konzept, key).extend(entries)
            added = len(entries)
        else:
            target = konzept.registry(kind)
            ids = konzept.ids
            added = 0
            for entry in entries:
                ident = entry.id  # type: ignore[attr-defined]
                if ident not in target and ids.get(ident, (kind,))[0] == kind:
                    target[ident] = entry
                    added += 1
        # the walk meets these entries one after the other: what it finds there is known
        if walked and entries and added == len(entries):
            konzept.walked[id(entries[0])] = walked[n]
    if local.kopf is not None:
        _load_text_parts(konzept, rel, data, local.kopf, problems)


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
        problems.append(_err(
            "IK103", f"„beteiligung“: erwartet Unterschlüssel (veranstaltungen, arbeitsgruppen, "
            f"befragungen), gefunden {describe(bet)}", Location(rel, line, col), rule="schema"))
        return
    for key in bet:
        if key not in BETEILIGUNG_LISTS:
            line, col = bet.pos[key][:2]
            best = suggest(str(key), BETEILIGUNG_LISTS)
            problems.append(_err(
                "IK101", f"Unbekannter Schlüssel „{key}“ in „beteiligung“",
                Location(rel, line, col),
                (f"Meinten Sie „{best}“? " if best else "")
                + allowed_words(BETEILIGUNG_LISTS), rule="schema"))
        elif bet[key] is not None and not isinstance(bet[key], YList):
            line, col = bet.pos[key][2:]
            problems.append(_err(
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
            problems.append(_err(
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


def _load_text_parts(konzept: Konzept, rel: str, data: YMap, kopf: Any,
                     problems: list[Problem]) -> None:
    parts = ("ausgangslage", "ausgangslage_datei", "leitziel", "steuerung")
    present = [p for p in parts if p in data]
    if not present:
        return
    hf = kopf.handlungsfeld
    if hf is None:
        line, col = data.pos[present[0]][:2]
        problems.append(_err(
            "IK105", f"„{present[0]}“ braucht ein Handlungsfeld",
            Location(rel, line, col),
            "Schreiben Sie „handlungsfeld: <id>“ an den Anfang dieser Datei.", rule="schema"))
        return
    if hf in konzept.inhalte:
        line, col = data.pos[present[0]][:2]
        first = konzept.inhalte[hf].file
        problems.append(_err(
            "IK106", f"Ausgangslage/Leitziel für Handlungsfeld „{hf}“ steht schon in „{first}“",
            Location(rel, line, col),
            "Jedes Handlungsfeld hat eine Datei mit Ausgangslage und Leitziel.", rule="schema"))
        return
    if kopf.leitziel is not None and kopf.leitziel.id is not None:
        lid = kopf.leitziel.id
        if konzept.ids.get(lid, ("leitziel",))[0] == "leitziel" and lid not in konzept.leitziele:
            konzept.leitziele[lid] = kopf.leitziel
    konzept.inhalte[hf] = HandlungsfeldInhalt(
        id=hf, file=rel, ausgangslage=kopf.ausgangslage,
        ausgangslage_datei=kopf.ausgangslage_datei, leitziel=kopf.leitziel,
        steuerung=kopf.steuerung)
    if kopf.ausgangslage_datei:
        line, col = data.pos["ausgangslage_datei"][2:]
        _read_markdown(konzept, kopf.ausgangslage_datei, Location(rel, line, col), problems)


def _read_markdown(konzept: Konzept, path: str, at: Location, problems: list[Problem]) -> None:
    root = konzept.root.resolve()
    target = (konzept.root / path).resolve()
    if root not in target.parents:
        problems.append(_err(
            "IK401", f"Datei „{path}“ liegt außerhalb des Konzeptordners", at,
            "Legen Sie Textdateien in den Konzeptordner, z. B. nach texte/.", rule="dateien"))
        return
    if not target.exists():
        candidates = [p.relative_to(root).as_posix() for p in root.rglob("*.md")]
        best = suggest(path, candidates)
        problems.append(_err(
            "IK401", f"Markdown-Datei „{path}“ nicht gefunden", at,
            f"Meinten Sie „{best}“?" if best else "Prüfen Sie Pfad und Dateinamen.",
            rule="dateien"))
        return
    try:
        raw = read_regular(target, MAX_MARKDOWN_BYTES)
    except Unreadable as exc:
        code = "IK004" if exc.too_large else "IK401"
        problems.append(_err(code, f"Markdown-Datei „{path}“: {exc.reason}", at, rule="dateien"))
        return
    try:
        konzept.texte[path] = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        problems.append(_err(
            "IK002", f"Markdown-Datei ist nicht UTF-8-kodiert (Zeile {line})",
            Location(path, line, 1), "Speichern Sie die Datei als UTF-8.", rule="dateien"))


def _finish(konzept: Konzept, problems: list[Problem]) -> None:
    if any(f in KONZEPT_FILES for f in konzept.files):  # own Merkmale add to the built-in
        # ones, also when konzept.yaml has an error elsewhere (no follow-up problems)
        for ident, name in DEFAULT_MERKMALE:
            if ident not in konzept.ids:
                konzept.merkmale[ident] = Merkmal(id=ident, name=name)
                konzept.ids[ident] = ("merkmal", Location("(eingebaut)"))
    for kap in konzept.kapitel.values():
        _read_markdown(konzept, kap.datei, where(kap, "datei"), problems)
