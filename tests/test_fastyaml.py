"""The fast YAML path reads exactly what the safe reader reads, or leaves the file to it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ik_testing import ik as run
from integrationskonzept.source import fastyaml, safeyaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (ROOT / "examples").rglob("*.yaml")
                  if "build" not in p.relative_to(ROOT).parts)  # the checkout may be in build/


def _fast(text: str) -> Any:
    return fastyaml.parse(text, "t.yaml", safeyaml.MAX_DEPTH)


def _agrees(text: str) -> bool:
    """Fast gives the safe reader's data, or falls back; never data where safe has a problem."""
    fast = _fast(text)
    safe = safeyaml.parse_yaml_text(text, "t.yaml")
    if fast is fastyaml.FALLBACK:
        return True
    return not safe.problems and fastyaml._same(fast, safe.data)


@pytest.fixture(autouse=True)
def _fast_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IK_SCHNELLLESER", raising=False)
    assert fastyaml._enabled(), "the self-test failed: this rapidyaml reads differently"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.relative_to(ROOT / "examples")))
def test_every_example_file_is_read_fast_and_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    fast = _fast(text)
    assert fast is not fastyaml.FALLBACK, "a real concept file should take the fast path"
    assert fastyaml._same(fast, safeyaml.parse_yaml_text(text, "t.yaml").data)


# (YAML text, why the fast path must not read it by itself)
LEFT_TO_THE_SAFE_READER = [
    ("a: &x 1\nb: *x\n", "anchor and alias"),
    ("a: *x\n", "alias without anchor"),
    ("- *x\n", "alias in a list"),
    ("a: !!int 3\n", "tag"),
    ("a: !zahl 3\n", "local tag"),
    ("<<: {a: 1}\nb: 2\n", "merge key"),
    ("a: 1\n---\nb: 2\n", "second document"),
    ("%YAML 1.1\n---\na: 1\n", "directive"),
    ("a: ~\n", "tilde as null"),
    ("a: [x, ~]\n", "tilde in a list"),
    ("a: Null\n", "Null"),
    ("a: NULL\n", "NULL"),
    ("n: Nord\nb: [Nein, Null]\n", "Null after other words with N"),
    ("a: NULLEN\nb: NULL\n", "NULL after a longer word"),
    ("a: .5\n", "number rapidyaml rewrites"),
    ("a: 3.\n", "number rapidyaml rewrites"),
    ("a: +5\n", "plus sign"),
    ('a: "x\\ey"\n', "escape giving a control character"),
    ('a: "x\\u0000"\n', "escaped NUL"),
    ('a: "erste\n  zweite \\e"\n', "escape on a quote's next line"),
    ("a: 1\na: 2\n", "duplicate key"),
    (": x\n", "empty key"),
    ("null: x\n", "null key"),
    ("a: [1\n", "syntax error"),
    ("a: b: c\n", "syntax error"),
    ("a: " + "[" * 65 + "]" * 65 + "\n", "too deep (flow)"),
    ("a: " + "[" * 200_000 + "]" * 200_000 + "\n", "far too deep"),
    ("".join("  " * i + f"k{i}:\n" for i in range(66)) + "  " * 66 + "x: 1\n", "too deep (block)"),
    ("", "empty file"),
    ("# nur ein Kommentar\n", "only a comment"),
    ("- **fett** am Anfang\n", "text starting with *"),
    ("titel: Integration: Ein Konzept\n", "': ' in a plain value (libyaml refuses it)"),
    ("a: [b]]\n", "stray bracket"),
    ("a: 'offen\n", "unclosed quote"),
    ("a: {b: 1, c: ?2}\n", "? in a flow mapping"),
    ("a: [:b]\n", ": in a flow list"),
    ("a:\n  b: 1\n c: 2\n", "indentation that libyaml refuses"),
    ("a: |\n    vier\n  zwei\n", "block line less indented than the first"),
    ("\"a b\": 1\n", "quoted key"),
    ("a: [b, [c]]\n", "nested flow"),
    ("nur Text\n", "a file that is one text"),
    ("a: x\u2028y\n", "U+2028, a line break to libyaml (copied from Word or a PDF)"),
    ("- x\u2029\n", "U+2029, a line break to libyaml"),
]


@pytest.mark.parametrize(("text", "why"), LEFT_TO_THE_SAFE_READER,
                         ids=[w for _t, w in LEFT_TO_THE_SAFE_READER])
def test_what_rapidyaml_may_read_differently_goes_to_the_safe_reader(text: str, why: str) -> None:
    assert _fast(text) is fastyaml.FALLBACK, why


# Read fast, and exactly as the safe reader reads them.
READ_FAST = [
    "a: 01067\nb: 3.10\nc: 12:30\nd: 2017-08-17\ne: yes\nf: true\ng: false\nh:\ni: null\n",
    "a: 12345678901234567890\nb: 1e3\nc: -5\nd: -0\ne: 0x1F\nf: 1_000\n",
    "text: Jugend & Familie, A&B, Akteur\\*innen, 100 % sicher! ~80 Plätze\n",
    "text: 'it''s \\ literal'\nz: \"Zitat „so“\"\n",
    "block: |\n  Zeile *eins*\n\n  **zwei**\nfolded: >-\n  a\n  b\nkeep: |+\n  x\n\nn: 1\n",
    "liste: [a, 'b', 3, true, -5]\nkarte: {x: 1, y: zwei}\nleer: []\nleer2: {}\n",
    "spalten: [nummer, titel,\n    status]\n",
    "eintraege:\n  - id: a\n    sprachen:\n      - ar\n  -\n  - x:\n",
    "a: 1\r\nb: zwei\r\nc: |\r\n  x\r\n  y\r\n",
    "1: eins\ntrue: wahr\n",
    "- a\n- b\n- |\n  Block\n-\n",
    "titel: Text, der\n  weitergeht #Kommentar\n",
]


@pytest.mark.parametrize("text", READ_FAST)
def test_plain_concept_yaml_is_read_fast_and_the_same(text: str) -> None:
    fast = _fast(text)
    assert fast is not fastyaml.FALLBACK
    safe = safeyaml.parse_yaml_text(text, "t.yaml")
    assert not safe.problems and fastyaml._same(fast, safe.data)


_PIECES = st.sampled_from([
    "a", "b: ", "- ", "  ", "\n", ":", "'", '"', "[", "]", "{", "}", ",", "#", "&x", "*x",
    "!t", "|", ">", "~", "null", "true", "1", ".5", "-", "?", "\\", "é", "„“", "**", "\r\n",
    "---", "<<", "%", "0.5", "1e3", "x: y", "  - id: a\n", "k:\n  - 1\n",
    "\u2028", "\u2029", "\ufeff", "\u00a0", "\u200b", "\u3000", "\U0001F600", "\t", "\x07",
    "\x85", "\x1f",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30))
def test_random_yaml_fast_agrees_with_the_safe_reader(parts: list[str]) -> None:
    assert _agrees("".join(parts))


def _problems_and_data(raw: bytes, fast: bool) -> tuple[list[tuple[str, int, int]], Any]:
    saved = os.environ.get("IK_SCHNELLLESER")
    os.environ["IK_SCHNELLLESER"] = "1" if fast else "0"
    try:
        read = safeyaml.parse_yaml_bytes(raw, "t.yaml")
    finally:
        if saved is None:
            del os.environ["IK_SCHNELLLESER"]
        else:
            os.environ["IK_SCHNELLLESER"] = saved
    return [(p.code, p.location.line, p.location.column) for p in read.problems], read.data


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30))
def test_random_files_give_the_same_problems_and_data_on_both_paths(parts: list[str]) -> None:
    raw = "".join(parts).encode("utf-8", "surrogatepass")
    fast_problems, fast_data = _problems_and_data(raw, True)
    safe_problems, safe_data = _problems_and_data(raw, False)
    assert fast_problems == safe_problems
    assert fastyaml._same(fast_data, safe_data)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(EXAMPLES), st.integers(0, 10**9), st.sampled_from(_PIECES.elements))
def test_mutated_example_files_fast_agree_with_the_safe_reader(path: Path, at: int,
                                                               piece: str) -> None:
    text = path.read_text(encoding="utf-8-sig")
    at %= len(text) + 1
    assert _agrees(text[:at] + piece + text[at:])


# Every character the safe reader refuses (IK003), at each kind of place in a file that
# is otherwise in the subset: the fast path must not take it (it skips that scan).
_REFUSED = [chr(c) for c in (*range(0x00, 0x0A), 0x0B, 0x0C, *range(0x0E, 0x20),
                             *range(0x7F, 0xA0), 0xFFFE, 0xFFFF)]
_PLACES = ["titel: Te{c}xt\n", "titel: '{c}'\n", 'titel: "a{c}"\n', "liste: [a{c}, b]\n",
           "karte: {{x: {c}}}\n", "titel: a # Kommentar{c}\n", "# {c}\n",
           "block: |\n  Zeile{c}\n", "titel: Text,\n  weiter{c}\n", "liste:\n- {c}x\n"]


@pytest.mark.parametrize("place", _PLACES)
def test_control_characters_never_take_the_fast_path(place: str) -> None:
    for c in _REFUSED:
        text = "id: a\n" + place.format(c=c)
        assert _fast(text) is fastyaml.FALLBACK, repr(text)
        read = safeyaml.parse_yaml_bytes(text.encode("utf-8"), "t.yaml")
        assert [p.code for p in read.problems] == ["IK003"], repr(text)
    assert _fast("id: a\n" + place.format(c="x")) is not fastyaml.FALLBACK  # else in the subset


def test_positions_come_from_the_safe_reader_on_first_use() -> None:
    text = "eintraege:\n  - id: a\n    titel: Text\n"
    data = _fast(text)
    item = data["eintraege"][0]
    assert item.pos["titel"] == (3, 5, 3, 12)
    assert data["eintraege"].pos[0] == (2, 5)
    assert (data.line, data.column) == (1, 1)


def test_a_parse_error_on_the_fast_path_prints_nothing(capfd: pytest.CaptureFixture[str]
                                                        ) -> None:
    assert _fast("a: [1\n") is fastyaml.FALLBACK
    assert _fast("a: " + "[" * 70 + "]" * 70 + "\n") is fastyaml.FALLBACK
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_a_rapidyaml_that_reads_differently_switches_the_fast_path_off(
        monkeypatch: pytest.MonkeyPatch) -> None:
    class Different:  # answers every document with {"x": "1"}
        @staticmethod
        def parse_in_arena(buf: bytes) -> Any:
            class Tree:
                def empty(self) -> bool:
                    return False

                def size(self) -> int:
                    return 1

                def root_id(self) -> int:
                    return 0
            return Tree()

        @staticmethod
        def emit_json_malloc(tree: Any, node: int) -> str:
            return '{"x": 1}'

    monkeypatch.setattr(fastyaml, "_ryml", lambda: Different)
    monkeypatch.setattr(fastyaml, "_state", {})
    assert fastyaml.parse("a: 1\n", "t.yaml", 64) is fastyaml.FALLBACK
    assert fastyaml._state["on"] is False


def test_the_self_test_expects_what_the_safe_reader_reads() -> None:
    safe = safeyaml.parse_yaml_text(fastyaml.SELF_TEST, "selbsttest.yaml")
    assert not safe.problems
    assert fastyaml._same(safe.data, fastyaml.SELF_TEST_DATA)


def test_ik_schnellleser_0_switches_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IK_SCHNELLLESER", "0")
    assert _fast("a: 1\n") is fastyaml.FALLBACK


def _broken_peine(tmp_path: Path) -> Path:
    import shutil
    root = tmp_path / "peine"
    shutil.copytree(ROOT / "examples" / "peine", root, ignore=shutil.ignore_patterns("build"))
    arbeit = root / "handlungsfelder" / "arbeit.yaml"
    text = arbeit.read_text(encoding="utf-8")
    arbeit.write_text(text.replace("prioritaet: hoch", "prioritaet: sehr hoch", 1),
                      encoding="utf-8")
    wohnen = root / "handlungsfelder" / "wohnen.yaml"  # a YAML error: the safe reader's
    text = wohnen.read_text(encoding="utf-8")
    wohnen.write_text(text.replace("\n  - id: ", "\n  - id: x\n    id: ", 1), encoding="utf-8")
    return root


def test_messages_name_the_same_places_on_both_paths(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    root = _broken_peine(tmp_path)
    monkeypatch.setenv("IK_CACHE", "0")
    fast = run("validate", str(root))
    monkeypatch.setenv("IK_SCHNELLLESER", "0")
    safe = run("validate", str(root))
    assert fast == safe
    assert fast[0] == 1
    assert "handlungsfelder/arbeit.yaml:" in fast[1] and "IK104" in fast[1]
    assert "handlungsfelder/wohnen.yaml:" in fast[1] and "IK007" in fast[1]


def test_a_concept_without_problems_never_needs_positions() -> None:
    fastyaml.RESOLVED.clear()
    code, out = run("validate", str(ROOT / "examples" / "lehrte"))
    assert code == 0, out
    assert list(fastyaml.RESOLVED) == []


@pytest.mark.skipif(sys.platform == "win32", reason="fd 2 test for POSIX")
def test_stderr_of_the_process_stays_clean_on_a_broken_file(tmp_path: Path) -> None:
    (tmp_path / "konzept.yaml").write_text("titel: [offen\n", encoding="utf-8")
    env = {**os.environ, "IK_CACHE": "0", "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, "-m", "integrationskonzept", "validate",
                           str(tmp_path)], capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 1
    assert "ERROR" not in proc.stderr and "detected here" not in proc.stderr
    assert "konzept.yaml:2:1: Fehler IK001" in proc.stdout + proc.stderr


def test_json_longer_than_twice_the_file_is_read_whole() -> None:
    # an empty value becomes "null" in JSON: the first buffer is too small for this file
    text = "".join(f"k{i}:\n" for i in range(3000)) + "liste: [a,b,c]\n"
    fast = _fast(text)
    assert fast is not fastyaml.FALLBACK
    assert len(fast) == 3001 and fast["k2999"] is None and fast["liste"] == ["a", "b", "c"]
    assert fastyaml._same(fast, safeyaml.parse_yaml_text(text, "t.yaml").data)


def test_a_list_of_ids_gets_its_positions_when_a_message_names_an_item() -> None:
    text = ("angebote:\n- id: a-1\n  titel: Kurs\n  zielgruppen: [eltern, 'x y', kinder]\n"
            "  sprachen:\n  - de\n  - ar\n  - 1 2\n")
    fast = _fast(text)
    assert fast is not fastyaml.FALLBACK
    entry = fast["angebote"][0]
    assert type(fast["angebote"]) is fastyaml.FList  # the loader's entry list, as before
    assert safeyaml.locate(entry, ("zielgruppen", 1)) == (4, 25)
    assert safeyaml.locate(entry, ("sprachen", 2)) == (8, 5)
    assert isinstance(entry["zielgruppen"], safeyaml.YList)
    assert fastyaml._same(fast, safeyaml.parse_yaml_text(text, "t.yaml").data)


def test_lists_the_loader_looks_at_are_positioned_lists() -> None:
    fast = _fast("massnahmen: [a, b]\nbeteiligung:\n  veranstaltungen: [c]\n")
    assert isinstance(fast["massnahmen"], safeyaml.YList)
    assert isinstance(fast["beteiligung"]["veranstaltungen"], safeyaml.YList)


@pytest.mark.parametrize("text", ["a: Nullpunkt\nb: Nord\n", "a: NULLEN\n",
                                  "a: Nulllinie\n"])
def test_words_that_only_begin_with_null_are_read_fast(text: str) -> None:
    fast = _fast(text)
    assert fast is not fastyaml.FALLBACK
    assert fastyaml._same(fast, safeyaml.parse_yaml_text(text, "t.yaml").data)


def test_a_file_with_byte_order_mark_is_read_fast_and_the_same() -> None:
    raw = "\ufeffid: a-1\ntitel: Café\nliste: [x, y]\n".encode()
    fast = safeyaml.parse_yaml_bytes(raw, "t.yaml")
    assert not fast.problems and fastyaml._same(fast.data, {"id": "a-1", "titel": "Café",
                                                              "liste": ["x", "y"]})
    assert type(fast.data) is fastyaml.FMap  # read on the fast path
