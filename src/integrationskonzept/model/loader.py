"""Read a concept folder: find its files, read them safely, validate, assemble.

Validation is done entry by entry, so one broken Maßnahme does not hide the
problems of the others, and ids are registered from the raw files first, so a
reference to an entry that failed validation is not reported a second time; the ids
a file that is not YAML probably defines are registered too (:mod:`.unreadable`).
What one file gives on its own (its head, its valid entries) comes from :mod:`.onefile`
or from the file's snapshot (:mod:`.snapshot`); this module reads the files, registers
the ids and assembles the concept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..problems import DeferredLocation, Location, Problem, Severity
from ..source.files import Unreadable, read_regular
from ..source.gcpause import gc_paused
from ..source.placeholders import placeholders
from ..source.safeyaml import (
    MAX_FILE_BYTES,
    YamlFile,
    YMap,
    locate,
    parse_yaml_bytes,
    read_yaml,
    unreadable_file,
)
from ..source.schemaerrors import describe, suggest
from . import snapshot, walkfacts
from .concept import KIND_LABELS, LIST_KINDS, HandlungsfeldInhalt, Konzept, where
from .discovery import KONZEPT_FILES, discover
from .files import DEFAULT_MERKMALE, Merkmal
from .onefile import Local, err, lists_of, load_local
from .unreadable import probable_ids, words

MAX_MARKDOWN_BYTES = 2 * 1024 * 1024


@dataclass
class LoadResult:
    """The assembled concept (possibly partial) and every problem found while loading."""

    konzept: Konzept
    problems: list[Problem] = field(default_factory=list)


def load_concept(root: str | Path) -> LoadResult:
    """Load the concept in folder ``root``; never raises for problems in the sources."""
    root = Path(root)
    konzept = Konzept(root=root)
    result = LoadResult(konzept)
    if not root.is_dir():
        result.problems.append(err(
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
        result.problems.append(err("IK010", "konzept.yaml fehlt", Location("konzept.yaml"),
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
    # the parse cache, like the snapshot, keeps a file read the second time (Session)
    again = session.stores(key)
    if not again:
        session.note(key)
    yf = parse_yaml_bytes(raw, rel, again)
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
            problems.append(err(
                "IK008",
                f"Die Datei muss aus Schlüsseln bestehen, gefunden {describe(yf.data)}",
                Location(rel, 1, 1), "Beginnen Sie mit einem Schlüssel wie „massnahmen:“."))
        elif yf.data is not None:
            read.append(done)
    for f in read:
        if f.snap is None:
            leitziel = f.data.get("leitziel")
            _register_ids(konzept, f.rel, leitziel if isinstance(leitziel, YMap) else None,
                          [(key, items) for key, _at, items, _m in lists_of(f.rel, f.data)],
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
            local = Local(f.snap.kopf, [(key, entries) for key, _n, entries in f.snap.lists],
                          walked=f.snap.walked)
            konzept.platzhalter[f.rel] = f.snap.marks
        else:
            own: list[Problem] = []
            local = load_local(konzept, f.rel, f.data, own)
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
           local: Local) -> None:
    """Write the snapshot of a file read fresh (the second time its content is read).
    What it stores beyond the entries, the file's placeholders and what the walk over the
    references finds, also serves this run (the checks take them as from a snapshot)."""
    assert f.key is not None
    if not session.stores(f.key):  # (noted when read: _read)
        return
    marks = konzept.platzhalter[f.rel] = placeholders(text)
    walked = local.walked = [walkfacts.walk([local.kopf]), *(
        walkfacts.walk(entries) for _key, entries in local.lists)]
    session.store(f.key, f.data, local.kopf, [
        (key, path, entries) for (key, entries), path in zip(
            local.lists, local.paths, strict=True)], marks, walked)


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
            problems.append(err(
                "IK203", f"ID „{ident}“ unterscheidet sich von „{twin}“ ({other}) nur in "
                "Groß- und Kleinschreibung", loc,
                "IDs müssen sich auch ohne Groß-/Kleinschreibung unterscheiden (Sprungmarken "
                "in Word und Links unterscheiden sie nicht sicher): benennen Sie eine um.",
                rule="ids", related=(other,)))
        if ident in ids:
            other_kind, other = ids[ident]
            problems.append(err(
                "IK201",
                f"ID „{ident}“ ist doppelt vergeben ({KIND_LABELS[kind]}; schon als "
                f"{KIND_LABELS[other_kind]} in {other})",
                loc, "IDs müssen im ganzen Konzept eindeutig sein: benennen Sie eine um.",
                rule="ids", related=(other,)))
        else:
            ids[ident] = (kind, loc)


_ID = ("id",)


def _add_file(konzept: Konzept, rel: str, data: YMap, local: Local,
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
        else:
            target = konzept.registry(kind)
            ids = konzept.ids
            for entry in entries:
                ident = entry.id  # type: ignore[attr-defined]
                if ident not in target and ids.get(ident, (kind,))[0] == kind:
                    target[ident] = entry
        # what the walk finds in these entries is known; it uses it where it meets them
        # one after the other (references._walk_sources checks: an entry left out here
        # for its duplicate id makes it walk them one by one)
        if walked and entries:
            konzept.walked[id(entries[0])] = walked[n]
    if local.kopf is not None:
        _load_text_parts(konzept, rel, data, local.kopf, problems)


def _load_text_parts(konzept: Konzept, rel: str, data: YMap, kopf: Any,
                     problems: list[Problem]) -> None:
    parts = ("ausgangslage", "ausgangslage_datei", "leitziel", "steuerung")
    present = [p for p in parts if p in data]
    if not present:
        return
    hf = kopf.handlungsfeld
    if hf is None:
        line, col = data.pos[present[0]][:2]
        problems.append(err(
            "IK105", f"„{present[0]}“ braucht ein Handlungsfeld",
            Location(rel, line, col),
            "Schreiben Sie „handlungsfeld: <id>“ an den Anfang dieser Datei.", rule="schema"))
        return
    if hf in konzept.inhalte:
        line, col = data.pos[present[0]][:2]
        first = konzept.inhalte[hf].file
        problems.append(err(
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
        problems.append(err(
            "IK401", f"Datei „{path}“ liegt außerhalb des Konzeptordners", at,
            "Legen Sie Textdateien in den Konzeptordner, z. B. nach texte/.", rule="dateien"))
        return
    if not target.exists():
        candidates = [p.relative_to(root).as_posix() for p in root.rglob("*.md")]
        best = suggest(path, candidates)
        problems.append(err(
            "IK401", f"Markdown-Datei „{path}“ nicht gefunden", at,
            f"Meinten Sie „{best}“?" if best else "Prüfen Sie Pfad und Dateinamen.",
            rule="dateien"))
        return
    try:
        raw = read_regular(target, MAX_MARKDOWN_BYTES)
    except Unreadable as exc:
        code = "IK004" if exc.too_large else "IK401"
        problems.append(err(code, f"Markdown-Datei „{path}“: {exc.reason}", at, rule="dateien"))
        return
    try:
        konzept.texte[path] = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        problems.append(err(
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
