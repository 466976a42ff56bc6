"""An entry's id located from the text of a fast-read file: the safe reader's position,
or no answer (then the safe reader is asked)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from integrationskonzept.source import fastyaml, safeyaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (ROOT / "examples").rglob("*.yaml")
                  if "build" not in p.relative_to(ROOT).parts)


def _maps(node: Any) -> list[Any]:
    """Every mapping in the tree with a text ``id``, depth first, with its path."""
    out, stack = [], [(node, ())]
    while stack:
        n, path = stack.pop()
        if isinstance(n, dict):
            if isinstance(n.get("id"), str):
                out.append((n, path))
            stack += [(v, (*path, k)) for k, v in n.items()]
        elif isinstance(n, list):
            stack += [(v, (*path, i)) for i, v in enumerate(n)]
    return out


def _compare(text: str, strict: bool = True) -> tuple[int, int]:
    """(answered from the text, asked) for every id of a fast-read ``text``; asserts that
    every answer is the safe reader's."""
    fast = fastyaml.parse(text, "t.yaml", safeyaml.MAX_DEPTH)
    if fast is fastyaml.FALLBACK:
        return 0, 0
    safe = safeyaml.parse_yaml_text(text, "t.yaml").data
    answered = asked = 0
    for node, path in _maps(fast):
        found = fastyaml.id_position(node)
        asked += 1
        if found is None:  # only an id written twice (as in a Landkreis: Gemeinde and
            # Sozialraum „peine“) is left to the safe reader, never one the text misses
            assert not strict or len(node.src.ids.get(node["id"], [])) > 1, (path, node["id"])
            continue
        answered += 1
        twin = safe
        for step in path:
            twin = twin[step]
        assert found == safeyaml.locate(twin, ("id",)), (path, node["id"])
    return answered, asked


def test_example_ids_are_found_in_the_text_where_the_safe_reader_finds_them() -> None:
    answered = asked = 0
    for path in EXAMPLES:
        a, b = _compare(path.read_text(encoding="utf-8-sig"))
        answered, asked = answered + a, asked + b
    assert asked > 300 and answered >= asked - 6  # the Landkreis's three Gemeinden twice


def test_generated_landkreis_ids_too(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(tmp_path),
                    "--scale", "0.2"], check=True, capture_output=True)
    answered = asked = 0
    for path in sorted(tmp_path.rglob("*.yaml")):
        a, b = _compare(path.read_text(encoding="utf-8"))
        answered, asked = answered + a, asked + b
    assert asked > 1000 and answered >= asked * 0.99


FORMS = [  # (file, the id's expected position or None: the text cannot tell)
    ("- id: a\n  titel: x\n", (1, 7)),
    ("- titel: x\n  id: 'a'\n", (2, 7)),
    ('- id: "a"  # Kommentar\n', (1, 7)),
    ("- {titel: x, id: a}\n", (1, 18)),
    ("- id: a\n  text: |\n    id: a\n", None),  # the same words in a text: no answer
    ("- id: a\n- id: a\n", None),  # twice (IK201): no answer
]


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_forms(text: str, expected: tuple[int, int] | None) -> None:
    fast = fastyaml.parse(text, "t.yaml", safeyaml.MAX_DEPTH)
    assert fast is not fastyaml.FALLBACK
    assert fastyaml.id_position(fast[0]) == expected
    assert safeyaml.locate(fast[0], ("id",)) == safeyaml.locate(
        safeyaml.parse_yaml_text(text, "t.yaml").data[0], ("id",))


_PIECES = st.sampled_from([
    "- id: a\n", "  id: b\n", "- {id: a, x: y}\n", "  - id: 'a'\n", "x: |\n  id: a\n",
    "- id: \"b\" # c\n", "y:\n", "  z: id: a\n", "- titel: id\n", "  id: a b\n", "- ", "  ",
    "{", "}", ",", "#", "\n", "'", '"', "id: ", "a", "b",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25))
def test_random_files_answer_right_or_not_at_all(parts: list[str]) -> None:
    _compare("".join(parts), strict=False)  # right where it answers
