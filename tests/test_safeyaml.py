"""The safe YAML reader: values as typed, located problems, never an exception."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from integrationskonzept.source.safeyaml import MAX_DEPTH, parse_yaml_bytes

# Scalars keep the text the author typed: no YAML 1.1 coercion.
VALUES = [
    (b"a: NO\n", "NO"),
    (b"a: 12:30\n", "12:30"),
    (b"a: 01067\n", "01067"),
    (b"a: 3.10\n", "3.10"),
    (b"a: 2017-08-17\n", "2017-08-17"),
    (b"a: yes\n", "yes"),
    (b"a: 0x1F\n", "0x1F"),
    (b"a: ~\n", None),
    (b"a:\n", None),
    (b"a: null\n", None),
    (b"a: '~'\n", "~"),
    (b"a: |\n  Zeile 1\n  Zeile 2\n", "Zeile 1\nZeile 2\n"),
    ("a: Akteur*innen – „Zitat“\n".encode(), "Akteur*innen – „Zitat“"),
    (b"\xef\xbb\xbfa: mit BOM\n", "mit BOM"),
]


@pytest.mark.parametrize(("src", "expected"), VALUES)
def test_scalars_stay_as_typed(src: bytes, expected: object) -> None:
    result = parse_yaml_bytes(src, "t.yaml")
    assert result.problems == []
    assert result.data["a"] == expected


# (input, code, line, column, words in the message)
PROBLEMS = [
    (b"a: 1\nb: 2\na: 3\n", "IK007", 3, 1, "„a“ kommt doppelt vor (zuerst in Zeile 1)"),
    (b"a: &x 1\nb: *x\n", "IK005", 1, 4, "Anker"),
    (b"b: *x\n", "IK005", 1, 4, ""),
    (b"<<: {a: 1}\n", "IK005", 1, 1, "<<"),
    (b"a: !!python/object:os.system x\n", "IK006", 1, 4, "Typangabe"),
    (b"a: !local x\n", "IK006", 1, 4, "Typangabe"),
    (b"a: !!binary aGFsbG8=\n", "IK006", 1, 4, "Typangabe"),
    (b"a:\n\tb: 1\n", "IK003", 2, 1, "Tabulator"),
    (b"a: x\x07y\n", "IK003", 1, 5, "U+0007"),
    (b"a: caf\xe9\n", "IK002", 1, 7, "UTF-8"),
    (b"a: b: c\n", "IK001", 1, 5, "Doppelpunkt"),
    (b"a:\n  b: 1\n c: 2\n", "IK001", 3, 2, "Einrückung"),
    (b"a: 'offen\n", "IK001", 1, 4, "Anführungszeichen wird nicht geschlossen"),
    (b'a: "offen\nb: 1\nc: C:\\Daten\n', "IK001", 1, 4, "Anführungszeichen"),
    # the next quote closes the runaway text, the rest of that line makes no sense
    (b'a: "offen\nb: "zu"\n', "IK001", 1, 4, "Anführungszeichen wird nicht geschlossen"),
    (b"a:\n  - 'offen\n  - 'zu'\n", "IK001", 2, 5, "Anführungszeichen wird nicht geschlossen"),
    (b'a: "zu" und mehr\n', "IK001", 1, 9, "Text nach dem schließenden Anführungszeichen"),
    (b"- [a, b\n", "IK001", 2, 1, "Klammern"),
    (b"---\na: 1\n---\nb: 2\n", "IK001", 3, 1, "Mehrere YAML-Dokumente"),
    (b"[" * 200 + b"]" * 200, "IK004", 1, MAX_DEPTH + 1, "verschachtelt"),
    (b"? [a]\n: 1\n", "IK001", 1, 3, "Schlüssel muss ein einfacher Text"),
]


@pytest.mark.parametrize(("src", "code", "line", "col", "words"), PROBLEMS)
@pytest.mark.parametrize("libyaml", [True, False])
def test_problems_are_located(src: bytes, code: str, line: int, col: int, words: str,
                              libyaml: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if not libyaml:
        monkeypatch.setenv("IK_NO_LIBYAML", "1")
    result = parse_yaml_bytes(src, "t.yaml")
    assert result.data is None
    [problem] = result.problems
    assert (problem.code, problem.location.line, problem.location.column) == (code, line, col)
    assert words in problem.message
    assert problem.location.file == "t.yaml"


def test_billion_laughs_is_refused_fast() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [*a{'' if i == 1 else i - 1}, *a{'' if i == 1 else i - 1}]")
    result = parse_yaml_bytes("\n".join(lines).encode(), "bomb.yaml")
    assert [p.code for p in result.problems] == ["IK005"]


def test_very_deep_nesting_does_not_crash() -> None:
    # Far deeper than Python's recursion limit or libyaml's composer could take.
    result = parse_yaml_bytes(b"[" * 200_000 + b"]" * 200_000, "tief.yaml")
    assert result.problems[0].code == "IK004"


def test_positions_of_keys_and_values() -> None:
    data = parse_yaml_bytes(b"liste:\n  - id: a\n    titel: X\n", "t.yaml").data
    item = data["liste"][0]
    assert data["liste"].pos[0] == (2, 5)
    assert item.pos["titel"] == (3, 5, 3, 12)


YAML_ALPHABET = st.sampled_from(list("ab:- \n[]{},'\"#&*!|>?%@`\\~\t") + ["\x00", "ä", "€", "\r"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(YAML_ALPHABET, max_size=80).map("".join))
def test_random_text_never_raises(text: str) -> None:
    result = parse_yaml_bytes(text.encode("utf-8"), "zufall.yaml")
    for p in result.problems:
        assert p.location.file == "zufall.yaml"
        assert p.message and p.code.startswith("IK")


VALID = (
    "massnahmen:\n  - id: m-1\n    titel: Sprachcafé für Akteur*innen\n"
    "    zeitraum: {beginn: 2024, ende: 2025}\n    zielgruppen: [frauen, kinder]\n"
    "    beschreibung: |\n      Text mit: Doppelpunkt\n"
).encode()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(VALID) - 1), st.binary(max_size=3)), max_size=4))
def test_mutated_yaml_gives_located_problem_or_data(mutations: list[tuple[int, bytes]]) -> None:
    data = bytearray(VALID)
    for pos, chunk in mutations:
        data[pos:pos + 1] = chunk
    for libyaml in ("", "1"):
        import os

        os.environ["IK_NO_LIBYAML"] = libyaml
        try:
            result = parse_yaml_bytes(bytes(data), "m.yaml")
        finally:
            os.environ.pop("IK_NO_LIBYAML", None)
        assert (result.data is None) == bool(result.problems)
        for p in result.problems:
            assert p.location.file == "m.yaml"
            assert p.location.line >= 0


def test_huge_file_is_refused_before_reading(tmp_path, monkeypatch) -> None:
    from integrationskonzept.source import safeyaml

    monkeypatch.setattr(safeyaml, "MAX_FILE_BYTES", 1024)
    big = tmp_path / "gross.yaml"
    big.write_text("a: " + "x" * 5000 + "\n", encoding="utf-8")
    result = safeyaml.read_yaml(str(big), "gross.yaml")
    [p] = result.problems
    assert p.code == "IK004" and "zu groß" in p.message and p.hint
