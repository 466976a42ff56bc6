"""Snapshots of loaded files (model/snapshot.py): a run that rebuilds unchanged files from
their snapshots prints exactly what a cold run prints, whatever changed in between."""

from __future__ import annotations

import copy
import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ik_testing import BASE_INHALT, BASE_KONZEPT, EXAMPLES, ROOT, write_concept
from ik_testing import ik as run
from integrationskonzept.model import loader, snapshot
from integrationskonzept.source import parsecache

FORMATS = (("validate",), ("validate", "--format", "json"))


@pytest.fixture
def cache(cache_home: Path) -> Path:
    """An empty cache of the test's own; returns the snapshot folder."""
    folder = parsecache.cache_dir("modell")
    assert folder is not None and folder.is_relative_to(cache_home)
    return folder


@pytest.fixture
def hits(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files rebuilt from a snapshot, in the order they were loaded."""
    found: list[str] = []
    original = snapshot.Session.load

    def spy(self: snapshot.Session, rel: str, raw: bytes
            ) -> tuple[snapshot.Snapshot | None, bytes]:
        snap, key = original(self, rel, raw)
        if snap is not None:
            found.append(rel)
        return snap, key
    monkeypatch.setattr(snapshot.Session, "load", spy)
    return found


def _cold(root: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
          ) -> tuple[int, str]:
    with monkeypatch.context() as m:
        m.setenv("IK_CACHE", "0")
        return run(*command, str(root))


def _same_as_cold(root: Path, monkeypatch: pytest.MonkeyPatch, hits: list[str],
                  commands: tuple[tuple[str, ...], ...] = FORMATS) -> list[str]:
    """Every command's output equals the cold run's in three cached runs in a row (the
    first marks, the second writes, the third reads snapshots); the files the last
    run took from snapshots."""
    for command in commands:
        expected = _cold(root, monkeypatch, command)
        for _ in range(3):
            hits.clear()
            assert run(*command, str(root)) == expected, command
    return sorted(hits)


def _base(tmp_path: Path) -> Path:
    inhalt = copy.deepcopy(BASE_INHALT)
    second = {"handlungsfeld": "bildung",
              "angebote": [{"id": "a-1", "titel": "Sprachkurs", "traeger": "gleichstellung",
                            "zielgruppen": ["neuzugewanderte"], "laufzeit": "2024-2025"}],
              "bedarfe": [{"id": "b-1", "titel": "Kurse am Abend",
                           "zielgruppen": ["neuzugewanderte"]}],
              # an Ampel written as one mapping (its messages are located inside it)
              "massnahmen": [{"id": "m-2", "titel": "Mehr Kurse", "ampel": {
                  "bericht": "bericht-2024", "ampel": "rot"}}]}
    return write_concept(tmp_path / "konzept", {
        "konzept.yaml": _KONZEPT, "bildung.yaml": inhalt, "angebote.yaml": second})


# the Ampel's Berichtszeitraum is there: nothing else reads the Ampel's position before
# its own message does
_KONZEPT = {**copy.deepcopy(BASE_KONZEPT), "berichte": [
    {"id": "bericht-2024", "zeitraum": "2024", "stichtag": "2024-12-31"}]}


def _append(rel: str, text: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        with open(root / rel, "a", encoding="utf-8") as fh:
            fh.write(text)
    return change


def _konzept(**changes: Any) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        k = copy.deepcopy(_KONZEPT)
        k.update(changes)
        write_concept(root, {"konzept.yaml": k})
    return change


def _delete(rel: str) -> Callable[[Path], None]:
    return lambda root: (root / rel).unlink()


def _damage_entries(how: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        folder = parsecache.cache_dir("modell")
        assert folder is not None
        entries = [p for p in folder.rglob("*") if p.is_file() and p.stat().st_size > 200]
        assert entries
        for entry in entries:
            blob = entry.read_bytes()
            if how == "truncated":
                entry.write_bytes(blob[: len(blob) // 2])
            elif how == "tampered":
                entry.write_bytes(blob[:-5] + bytes([blob[-5] ^ 1]) + blob[-4:])
            else:  # valid hash, but a payload of another shape
                import marshal
                payload = marshal.dumps((["builtins:eval"], ("x", 1, [])))
                head = len(snapshot._MAGIC) + 32
                entry.write_bytes(blob[:head] + hashlib.sha256(payload).digest() + payload)
    return change


def _other_code(root: Path) -> None:
    snapshot._state["stamp"] = b"another ik"


ALL = ["angebote.yaml", "bildung.yaml", "konzept.yaml"]
# (what changes after the cache is filled, the files the next run takes from snapshots;
# after three more runs, files with problems of their own are still read fresh)
CHANGES: list[tuple[str, Callable[[Path], None], list[str]]] = [
    ("nothing", lambda root: None, ["angebote.yaml", "bildung.yaml", "konzept.yaml"]),
    ("a comment added to one file", _append("bildung.yaml", "# neu\n"),
     ["angebote.yaml", "konzept.yaml"]),
    ("an error in the changed file", _append("angebote.yaml", "  - id: a-2\n    titel: [x\n"),
     ["bildung.yaml", "konzept.yaml"]),
    ("a schema error in the changed file",
     _append("angebote.yaml", "  - id: a-2\n    titel: X\n    statuss: geplant\n"),
     ["bildung.yaml", "konzept.yaml"]),
    ("an id of an unchanged file written again", _append(
        "angebote.yaml", "ziele:\n  - id: z-1\n    titel: Doppelt\n  - id: Z-1\n"
        "    titel: Fast doppelt\n"), ["bildung.yaml", "konzept.yaml"]),
    ("a file deleted", _delete("bildung.yaml"), ["angebote.yaml", "konzept.yaml"]),
    ("a vocabulary of konzept.yaml changed", _konzept(zielgruppen=[{"id": "andere",
                                                                    "name": "Andere"}]),
     ["angebote.yaml", "bildung.yaml"]),
    ("every snapshot truncated", _damage_entries("truncated"), []),
    ("every snapshot tampered with", _damage_entries("tampered"), []),
    ("every snapshot of another shape", _damage_entries("shape"), []),
    ("snapshots of another ik", _other_code, []),
]


@pytest.mark.parametrize(("change", "expected_hits"), [(c[1], c[2]) for c in CHANGES],
                         ids=[c[0] for c in CHANGES])
def test_after_a_change_every_message_is_the_cold_runs(
        tmp_path: Path, cache: Path, hits: list[str], monkeypatch: pytest.MonkeyPatch,
        change: Callable[[Path], None], expected_hits: list[str]) -> None:
    root = _base(tmp_path)
    monkeypatch.setitem(snapshot._state, "stamp", None)
    assert _same_as_cold(root, monkeypatch, hits) == ALL
    change(root)
    for command in FORMATS:
        expected = _cold(root, monkeypatch, command)
        hits.clear()
        assert run(*command, str(root)) == expected
        if command == FORMATS[0]:  # (a damaged snapshot is written anew by this run)
            assert sorted(hits) == expected_hits
    own_problems = "error in the changed file" in str(change.__qualname__) or any(
        "statuss" in p.read_text(encoding="utf-8") or "[x" in p.read_text(encoding="utf-8")
        for p in root.glob("angebote.yaml"))
    present = sorted(p.name for p in root.glob("*.yaml"))
    assert _same_as_cold(root, monkeypatch, hits) == (
        [p for p in present if p != "angebote.yaml"] if own_problems else present)


def test_placeholders_of_unchanged_files_come_from_their_snapshots(
        tmp_path: Path, cache: Path, hits: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """IK590 of a file rebuilt from its snapshot: the places stored with it, not a scan of
    its text; the same messages as a cold run before and after a change."""
    from integrationskonzept.checks import platzhalter

    root = _base(tmp_path)
    _append("bildung.yaml", "# TODO: Quelle nachtragen\n# XXX und ‹bitte ergänzen›\n")(root)
    _append("angebote.yaml", "# ‹bitte ergänzen›\n")(root)
    assert _same_as_cold(root, monkeypatch, hits) == ALL
    scanned: list[str] = []

    def spy(text: str) -> list[tuple[int, int, str]]:
        scanned.append(text)
        return original(text)
    original = platzhalter.placeholders
    monkeypatch.setattr(platzhalter, "placeholders", spy)
    code, out = run("validate", str(root))
    assert scanned == []  # every file from its snapshot
    assert "bildung.yaml:31:3: Warnung IK590 Platzhalter „TODO“" in out, out
    assert "bildung.yaml:32:3: Warnung IK590 Platzhalter „XXX“" in out, out
    # a placeholder added to one file, one removed from the other
    _append("bildung.yaml", "# noch ein TODO\n")(root)
    text = (root / "angebote.yaml").read_text(encoding="utf-8")
    (root / "angebote.yaml").write_text(text.replace("# ‹bitte ergänzen›\n", ""),
                                        encoding="utf-8")
    scanned.clear()
    hits.clear()
    assert run("validate", str(root)) == _cold(root, monkeypatch, ("validate",))
    assert hits == ["konzept.yaml"]
    assert len(scanned) == 2 + 3  # the two changed files; every file in the cold run
    assert _same_as_cold(root, monkeypatch, hits) == ALL


def test_messages_in_unchanged_files_name_the_place(tmp_path: Path, cache: Path,
                                                     hits: list[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Positions of entries rebuilt from a snapshot are read from the file when asked."""
    root = _base(tmp_path)
    _same_as_cold(root, monkeypatch, hits)
    _konzept(zielgruppen=[{"id": "andere", "name": "Andere"}])(root)
    code, out = run("validate", str(root))
    assert "angebote.yaml" in hits
    assert code == 1
    # the reference in the unchanged angebote.yaml, with its line and column
    assert "angebote.yaml:7:5: Fehler IK202" in out
    assert "angebote.yaml:13:5: Fehler IK202" in out
    assert "angebote.yaml:19:12: Fehler IK801" in out
    assert "angebote.yaml:10:7: Warnung IK505" in out


def test_a_cold_run_notes_and_the_second_writes(tmp_path: Path, cache: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    root = _base(tmp_path)

    def sizes() -> list[int]:
        return sorted(p.stat().st_size for p in cache.rglob("*") if p.is_file())
    head = len(snapshot._MAGIC) + 64
    run("validate", str(root))
    assert sizes() == [head + 3 * 32]  # the keys of the three files read for the first time
    run("validate", str(root))
    assert len(sizes()) == 4 and sizes()[0] == head  # three snapshots, nothing new
    monkeypatch.setenv("IK_CACHE", "0")
    shutil.rmtree(cache)
    run("validate", str(root))
    assert not cache.exists()


def test_a_loaded_concept_is_the_same(tmp_path: Path, cache: Path, hits: list[str]) -> None:
    """The library's view: every entry equal, with the fields set, from the same file."""
    from integrationskonzept.model.fields import source_of
    from integrationskonzept.model.references import sources

    root = _base(tmp_path)
    cold = loader.load_concept(root)
    loader.load_concept(root)
    warm = loader.load_concept(root)
    assert sorted(hits) == ["angebote.yaml", "bildung.yaml", "konzept.yaml"]
    before, after = list(sources(cold.konzept)), list(sources(warm.konzept))
    assert before == after
    for a, b in zip(before, after, strict=True):
        assert type(a) is type(b) and a.model_fields_set == b.model_fields_set
        assert _typed(a) == _typed(b)  # an Anzahl stays an Anzahl, a Zeitraum a Zeitraum
        sa, sb = source_of(a), source_of(b)
        assert (sa is None) == (sb is None)  # the built-in Merkmale come from no file
        if sa is None or sb is None:
            continue
        # the node read: its keys and id at once, every value once a position is asked for
        assert sa[0] == sb[0] and list(sa[1]) == list(sb[1])
        assert sa[1].get("id") == sb[1].get("id")
        assert (sa[1].line, sa[1].column, sa[1].pos) == (sb[1].line, sb[1].column, sb[1].pos)
        assert sa[1] == sb[1]
    assert warm.konzept.quelltexte == cold.konzept.quelltexte
    assert warm.konzept.ids.keys() == cold.konzept.ids.keys()
    assert warm.problems == cold.problems


def _walk(konzept: Any) -> tuple[Any, ...]:
    """What the walk over the references found, with each text's entry by its place."""
    from integrationskonzept.model import references

    references._walk_sources(konzept)
    place = {id(e): i for i, e in enumerate(references.sources(konzept))}
    texts = konzept.cache["markdown"]
    starts = {id(start): k for k, (_text, start, _basis) in enumerate(texts)}
    return (list(konzept.cache["ids_by_field"].items()),
            [(text, place.get(id(start.entry)), start.path, basis, str(start.location()))
             for text, start, basis in texts],
            [(ident, starts[id(start)], n) for ident, start, n in konzept.cache["text_refs"]])


@pytest.mark.parametrize("change", ["none", "an entry removed after loading",
                                    "an entry added after loading"])
def test_the_walk_of_rebuilt_files_finds_what_the_cold_walk_finds(
        tmp_path: Path, cache: Path, hits: list[str], monkeypatch: pytest.MonkeyPatch,
        change: str) -> None:
    """The ids, texts and [[id]] of lists rebuilt from snapshots are stored with them
    (model/walkfacts.py): the same values in the same order as walking the entries, also
    when the concept was changed after loading (the stored ones are then left out)."""
    root = _base(tmp_path)
    text = (root / "bildung.yaml").read_text(encoding="utf-8")
    (root / "bildung.yaml").write_text(text.replace("  titel: Sprachcafé\n", (
        "  titel: Sprachcafé\n  beschreibung: Siehe [[m-1]] und [[a-1]], dann [[m-1]].\n")),
        encoding="utf-8")
    _append("bildung.yaml", "- id: m-3\n  titel: Noch eine\n")(root)
    loader.load_concept(root)
    loader.load_concept(root)
    hits.clear()
    warm = loader.load_concept(root)
    assert sorted(hits) == ALL and warm.konzept.walked
    with monkeypatch.context() as m:
        m.setenv("IK_CACHE", "0")
        cold = loader.load_concept(root)
    assert not cold.konzept.walked
    for konzept in (cold.konzept, warm.konzept):
        if change == "an entry removed after loading":
            del konzept.massnahmen["m-1"]
        elif change == "an entry added after loading":
            m1, m2, m3 = (konzept.massnahmen[i] for i in ("m-1", "m-2", "m-3"))
            konzept.massnahmen = {"m-1": m1, "m-2": m2, "m-3": m3}  # m-2 between the two
    assert list(warm.konzept.massnahmen) == list(cold.konzept.massnahmen)
    found = _walk(warm.konzept)
    assert found == _walk(cold.konzept)
    ids, texts, trefs = found
    if change != "an entry removed after loading":
        assert ("[[…]]", ["m-1", "a-1", "m-1"]) in ids
        assert [(i, n) for i, _k, n in trefs] == [("m-1", 0), ("a-1", 0), ("m-1", 1)]


def _typed(value: Any) -> Any:
    """A value with the type of every part (== alone says 80 == Anzahl(80, "ca."))"""
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        return (type(value), sorted(value.model_fields_set),
                [(name, _typed(v)) for name, v in value.__dict__.items() if name != "_src"])
    if isinstance(value, dict):
        return (type(value), [(_typed(k), _typed(v)) for k, v in value.items()])
    if isinstance(value, list | tuple):
        return (type(value), [_typed(v) for v in value])
    return (type(value), value, getattr(value, "qualifier", None))


@pytest.mark.slow
@pytest.mark.parametrize("name", ["peine", "lehrte", "landkreis-peine"])
def test_the_examples_print_the_same(name: str, tmp_path: Path, cache: Path,
                                     hits: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / name
    shutil.copytree(EXAMPLES / name, root)
    commands = (*FORMATS, ("gaps",), ("gaps", "--format", "json"))
    assert len(_same_as_cold(root, monkeypatch, hits, commands)) >= 10
    # every value of every entry of the loaded concept, with its type
    from integrationskonzept.model.references import sources

    warm = loader.load_concept(root)
    with monkeypatch.context() as m:
        m.setenv("IK_CACHE", "0")
        cold = loader.load_concept(root)
    assert [_typed(e) for e in sources(warm.konzept)] == [
        _typed(e) for e in sources(cold.konzept)]


@pytest.mark.slow
def test_a_generated_concept_prints_the_same(tmp_path: Path, cache: Path, hits: list[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    root = tmp_path / "kreis"
    generate(root, scale=0.05)
    taken = _same_as_cold(root, monkeypatch, hits)
    assert len(taken) == len(list(root.rglob("*.yaml")))
    # one file changed: the others still come from their snapshots
    first = sorted((root / "gemeinden").rglob("akteure.yaml"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "# geändert\n", encoding="utf-8")
    hits.clear()
    assert run("validate", str(root)) == _cold(root, monkeypatch, ("validate",))
    assert len(hits) == len(taken) - 1


@pytest.mark.slow
def test_a_build_with_snapshots_is_the_same(tmp_path: Path, cache: Path, hits: list[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "peine"
    shutil.copytree(EXAMPLES / "peine", root)
    outputs = []
    for run_number in range(3):
        out = tmp_path / f"out{run_number}"
        code, text = run("build", "--format", "md", "--out", str(out), str(root))
        assert code == 0, text
        outputs.append({p.relative_to(out).as_posix(): p.read_bytes()
                        for p in sorted(out.rglob("*")) if p.is_file()})
    assert hits  # the last build read snapshots
    assert outputs[0] == outputs[1] == outputs[2]


def test_the_skeleton_of_a_file_keeps_keys_ids_and_mappings() -> None:
    """What a snapshot keeps of a read file (plain lists and dicts too: the fast reader
    may leave a list of texts as json.loads made it); the rest is read again from the
    file's text when a position is asked for."""
    from integrationskonzept.model.snapshotencoder import Encoder
    from integrationskonzept.source.containers import YList, YMap

    root = YMap(1, 1)
    items = YList(2, 1)
    entry = YMap(2, 3)
    entry.update({"id": "a", "titel": "Kurs", "sprachen": ["de", "ar"],
                  "kontakt": {"name": "x"}, "ampel": [{"ampel": "rot"}], "leer": [],
                  "n": None})
    items.append(entry)
    root["handlungsfeld"] = "bildung"
    root["angebote"] = items
    skeleton = Encoder().skeleton
    assert skeleton(root) == {"handlungsfeld": None, "angebote": [
        {"id": "a", "titel": None, "sprachen": None, "kontakt": {"name": None},
         "ampel": [{"ampel": None}], "leer": [], "n": None}]}
    assert all(type(x) in (dict, list, str, type(None)) for x in skeleton(root).values())
    with pytest.raises(ValueError):
        skeleton({"a": 1})  # not a value a reader gives


def test_stored_walk_facts_of_another_shape_are_refused(tmp_path: Path) -> None:
    """What the walk found, as stored, is read back the same; any other shape is refused
    (the file is then read fresh)."""
    from integrationskonzept.model import walkfacts

    root = _base(tmp_path)
    text = (root / "bildung.yaml").read_text(encoding="utf-8")
    (root / "bildung.yaml").write_text(text.replace("  titel: Sprachcafé\n", (
        "  titel: Sprachcafé\n  beschreibung: Siehe [[m-1]].\n")), encoding="utf-8")
    konzept = loader.load_concept(root).konzept
    entries = list(konzept.massnahmen.values())
    walked = walkfacts.walk(entries)
    facts = walkfacts.facts_of(walked)
    again = walkfacts.ready(facts, entries)
    assert again.ids == walked.ids
    assert [(x, s.entry, s.path, b) for x, s, b in again.texts] == [
        (x, s.entry, s.path, b) for x, s, b in walked.texts]
    assert [(i, s.entry, s.path, n) for i, s, n in again.trefs] == [
        (i, s.entry, s.path, n) for i, s, n in walked.trefs]
    (fields, ends, flat), texts, trefs = facts
    assert flat and texts[0]
    bad = [
        ((fields, ends, [*flat[:-1], 7]), texts, trefs),  # an id that is no text
        ((fields, [*ends[:-1], ends[-1] + 1], flat), texts, trefs),  # ids beyond the end
        ((fields, ends, flat), ([-1], *texts[1:]), trefs),  # an entry before the first
        ((fields, ends, flat), ([99], *texts[1:]), trefs),  # an entry after the last
        ((fields, ends, flat), (texts[0], texts[1], [("x", 1.5)], texts[3]), trefs),
        ((fields, ends, flat), texts, (["m-1"], [0], [0, 1])),  # columns of other lengths
        ((fields, ends, flat), texts),
    ]
    for stored in bad:
        with pytest.raises((ValueError, TypeError, IndexError)):
            walkfacts.ready(stored, entries)
