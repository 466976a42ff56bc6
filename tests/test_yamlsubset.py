"""The subset gate reads a text the same with its fast runs as line by line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from integrationskonzept.source import yamlsubset

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (ROOT / "examples").rglob("*.yaml")
                  if "build" not in p.relative_to(ROOT).parts)
# The gate without runs: every line through LINE (what the runs stand in for).
_LINES_ONLY = re.compile(rf"(?:{yamlsubset.LINE})*")


def _both(text: str) -> tuple[bool, bool]:
    lines = _LINES_ONLY.match(text)
    by_lines = lines is not None and lines.end() == len(text)
    with_runs = yamlsubset.subset().match(text)
    return by_lines, with_runs is not None and with_runs.end() == len(text)


def test_the_examples_are_in_the_subset_both_ways() -> None:
    for path in EXAMPLES:
        text = path.read_text(encoding="utf-8-sig")
        assert _both(text) == (True, True), path
        assert yamlsubset.is_plain_block_yaml(text)


# Lines next to a run: where it must end, give a line back, or not start.
_LINES = [
    "- id: a\n", "  titel: Text\n", "  titel: Text   \n", "  liste: [a, b]\n",
    "  karte: {x: 1, y: z}\n", "  web: https://x.de\n", "  titel: Text # Kommentar\n",
    "  titel: a#b\n", "    weiter im Text\n", "    weiter: falsch\n", "\n", "   \n",
    "  # Kommentar\n", "# Kommentar\n", "  block: |\n", "    Zeile\n", "  leer:\n",
    "    - x\n", "  - y\n", "titel: Text\n", " titel: Text\n", "   titel: Text\n",
    "  titel: Text\r\n", "  liste: [a,\n", "      b]\n", "  titel: 'x'\n", "  n: -5\n",
    "  a: [a, [b]]\n", "  a: {x: [1]}\n", "  a: [a b, c]\n", "  a: []\n", "    -\n",
    "  - id: b\n", "    titel: Text\n", "      tiefer: x\n", "  titel: Text: mehr\n",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=12))
def test_runs_read_every_arrangement_of_lines_the_same(lines: list[str]) -> None:
    by_lines, with_runs = _both("".join(lines))
    assert by_lines == with_runs


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(EXAMPLES), st.integers(0, 10**9), st.sampled_from(_LINES))
def test_runs_read_mutated_example_files_the_same(path: Path, at: int, line: str) -> None:
    text = path.read_text(encoding="utf-8-sig")
    at %= len(text) + 1
    for changed in (text[:at] + line + text[at:],
                    text[:text.rfind("\n", 0, at) + 1] + line + text[at:]):
        by_lines, with_runs = _both(changed)
        assert by_lines == with_runs, repr(changed[max(0, at - 80):at + 80])


@pytest.mark.parametrize("text, inside", [
    ("a: b\nc: d\n", True),
    ("a: b\n  c: d\n", False),  # deeper after a value
    ("a: b\n\n  c: d\n", False),  # deeper after a blank line
    ("- id: a\n c: d\n", True),  # less deep than the keys: a line of its own
    ("- id: a\n   c: d\n", False),  # deeper than the keys
    ("- id: a\n  t: b\n   c: d\n", False),
])
def test_the_gate_decides_as_before(text: str, inside: bool) -> None:
    assert _both(text) == (inside, inside)
