"""The parse cache: same messages as a cold run, never trusted without its hashes."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from ik_testing import BASE_INHALT
from ik_testing import ik as run
from integrationskonzept.source import parsecache, safeyaml


@pytest.fixture
def cache(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of its own for the test."""
    # the cache keeps what the safe reader read (files the fast reader leaves to it)
    monkeypatch.setenv("IK_SCHNELLLESER", "0")
    folder = parsecache.cache_dir()
    assert folder is not None and folder.is_relative_to(cache_home)
    return folder


def _entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


class _NoParse(Exception):
    pass


def _forbid_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str, rel: str) -> safeyaml.YamlFile:
        raise _NoParse(rel)
    monkeypatch.setattr(safeyaml, "parse_yaml_text", refuse)


def _broken_concept(concept) -> Path:  # type: ignore[no-untyped-def]
    root: Path = concept(inhalt={"massnahmen": [dict(BASE_INHALT["massnahmen"][0], statu="x")]})
    # a second file with a YAML error: it is never stored, its message comes fresh each time
    (root / "kaputt.yaml").write_text("angebote:\n  - id: a\n    titel: [x\n", encoding="utf-8")
    return root


def test_a_cache_hit_prints_exactly_what_a_cold_run_prints(concept, cache: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    root = _broken_concept(concept)
    monkeypatch.setenv("IK_CACHE", "0")
    cold = run("validate", str(root))
    assert _entries(cache) == []
    monkeypatch.delenv("IK_CACHE")
    first = run("validate", str(root))
    assert _entries(cache) == []  # a concept's files are kept the second time they are read
    filling = run("validate", str(root))
    assert len(_entries(cache)) == 2  # konzept.yaml and bildung.yaml; not the broken file
    with monkeypatch.context() as m:  # the two good files now come from the cache only
        original = safeyaml.parse_yaml_text
        m.setattr(safeyaml, "parse_yaml_text",
                  lambda text, rel: original(text, rel) if rel.endswith("kaputt.yaml")
                  else (_ for _ in ()).throw(_NoParse(rel)))
        warm = run("validate", str(root))
    assert cold == first == filling == warm
    assert warm[0] == 1
    assert "konzept/bildung.yaml:31:3: Fehler IK101" in warm[1]
    assert "kaputt.yaml:4:1: Fehler IK001" in warm[1]
    json_cold = run("validate", "--format", "json", str(root))
    monkeypatch.setenv("IK_CACHE", "0")
    assert run("validate", "--format", "json", str(root)) == json_cold


def test_positions_survive_the_cache(tmp_path: Path, cache: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("a:\n  - x\n  - {b: ~, c: 'd'}\n  -\n    - e\nf: |\n  text\n",
                    encoding="utf-8")
    cold = safeyaml.read_yaml(str(path), "a.yaml")
    _forbid_parsing(monkeypatch)
    warm = safeyaml.read_yaml(str(path), "a.yaml")
    assert warm.data == cold.data and warm.text == cold.text and warm.problems == []
    for loc in [("a",), ("a", 1), ("a", 1, "b"), ("a", 1, "c"), ("a", 2, 0), ("f",)]:
        assert safeyaml.locate(warm.data, loc) == safeyaml.locate(cold.data, loc)
    assert warm.data["a"][1].pos == cold.data["a"][1].pos == {"b": (3, 6, 3, 9),
                                                               "c": (3, 12, 3, 15)}
    assert type(warm.data["a"][1]) is safeyaml.YMap and type(warm.data["a"]) is safeyaml.YList


def _tamper_payload(entry: Path) -> None:
    blob = bytearray(entry.read_bytes())
    blob[-3] ^= 0x01
    entry.write_bytes(bytes(blob))


def _forge(entry: Path, payload: bytes, digest_ok: bool = True) -> None:
    import hashlib
    blob = entry.read_bytes()
    head = len(parsecache._MAGIC) + 32
    digest = hashlib.sha256(payload).digest() if digest_ok else b"\0" * 32
    entry.write_bytes(blob[:head] + digest + payload)


@pytest.mark.parametrize("damage", [
    "payload byte flipped",
    "truncated",
    "other file's entry",
    "valid hash, foreign content (a number)",
    "valid hash, a code object",
    "valid hash, position of the wrong length",
    "valid hash, a key that is no text",
])
def test_a_damaged_or_foreign_entry_is_not_trusted(tmp_path: Path, cache: Path, damage: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("a:\n  b: c\n", encoding="utf-8")
    cold = safeyaml.read_yaml(str(path), "a.yaml")
    [entry] = _entries(cache)
    other = tmp_path / "b.yaml"
    other.write_text("z: 1\n", encoding="utf-8")
    safeyaml.read_yaml(str(other), "b.yaml")
    [other_entry] = [e for e in _entries(cache) if e != entry]
    if damage == "payload byte flipped":
        _tamper_payload(entry)
    elif damage == "truncated":
        entry.write_bytes(entry.read_bytes()[:40])
    elif damage == "other file's entry":
        entry.write_bytes(other_entry.read_bytes())
    elif damage.endswith("a number)"):
        _forge(entry, marshal.dumps(42))
    elif damage.endswith("code object"):
        _forge(entry, marshal.dumps(compile("1", "x", "eval")))
    elif damage.endswith("wrong length"):
        _forge(entry, marshal.dumps((0, 1, 1, {"a": "c"}, b"\0" * 4)))
    else:
        _forge(entry, marshal.dumps((0, 1, 1, {1: "c"}, b"\0" * 16)))
    parsed = []
    original = safeyaml.parse_yaml_text
    monkeypatch.setattr(safeyaml, "parse_yaml_text",
                        lambda text, rel: parsed.append(rel) or original(text, rel))
    again = safeyaml.read_yaml(str(path), "a.yaml")
    assert parsed == ["a.yaml"]  # parsed afresh
    assert again.data == cold.data == {"a": {"b": "c"}}
    assert again.data.pos == cold.data.pos
    # and the entry is rewritten: the next read is a hit again
    parsed.clear()
    safeyaml.read_yaml(str(path), "a.yaml")
    assert parsed == []


def test_an_unwritable_cache_folder_is_silently_skipped(concept, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    root = _broken_concept(concept)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("IK_CACHE", "0")
    expected = run("validate", str(root))
    monkeypatch.delenv("IK_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # the cache folder cannot be made
    assert run("validate", str(root)) == expected
    assert blocker.read_text(encoding="utf-8") == "x"


def test_ik_cache_0_switches_it_off(tmp_path: Path, cache: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IK_CACHE", "0")
    path = tmp_path / "a.yaml"
    path.write_text("a: b\n", encoding="utf-8")
    safeyaml.read_yaml(str(path), "a.yaml")
    assert _entries(cache) == []


def test_a_changed_file_is_parsed_again(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("a: b\n", encoding="utf-8")
    safeyaml.read_yaml(str(path), "a.yaml")
    path.write_text("a: c\n", encoding="utf-8")
    assert safeyaml.read_yaml(str(path), "a.yaml").data == {"a": "c"}
    path.write_text("a: c\na: d\n", encoding="utf-8")
    assert [p.code for p in safeyaml.read_yaml(str(path), "a.yaml").problems] == ["IK007"]


def test_the_folder_is_kept_under_its_size_limit(tmp_path: Path, cache: Path) -> None:
    import os
    for k in range(4):
        path = tmp_path / f"f{k}.yaml"
        path.write_text(f"a: {'x' * 500} {k}\n", encoding="utf-8")
        safeyaml.read_yaml(str(path), path.name)
    entries = _entries(cache)
    for age, entry in enumerate(entries):
        os.utime(entry, ns=(age * 10**9, age * 10**9))
    size = entries[0].stat().st_size
    parsecache.prune(cache, limit=2 * size + 10)
    assert _entries(cache) == entries[2:]  # the two used longest ago went
