"""IK705 looks line by line only when some text may be too deep: the quick test on all
texts at once never lets a text too deep pass."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from integrationskonzept.checks.verschachtelung import MAX_LEVELS, maybe_deep, too_deep

PIECES = [">", "> ", "- ", "* ", "+ ", "1. ", "12) ", " ", "  ", "\t", "\n", "```", "~~~",
          "x", "-", "1.", "\r"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=80), st.integers(0, 44),
       st.integers(0, 22))
def test_the_quick_test_finds_every_text_too_deep(pieces: list[str], indent: int,
                                                   depth: int) -> None:
    text = "".join(pieces)
    for candidate in (text, " " * indent + text, "> " * depth + text,
                      " " * indent + "- " * depth + text):
        if not maybe_deep("\n" + candidate):
            assert too_deep(candidate) is None


LIMITS = [
    ("> " * MAX_LEVELS + "x", None),
    ("text\n" + "> " * (MAX_LEVELS + 1) + "x", 5),
    (" " * 20 + "- " * 10 + "x", None),  # 10 + 20 // 2
    (" " * 22 + "- " * 10 + "x", 0),  # 10 + 22 // 2
    (" " * 18 + "- " * 11 + "x", None),  # 11 + 18 // 2
    (" " * 20 + "- " * 11 + "x", 0),  # 11 + 20 // 2
    (" " * 38 + "- x", None),  # 1 + 38 // 2
    (" " * 40 + "- x", 0),  # 1 + 40 // 2
    ("- " * 11 + " " * 18 + "- x", None),  # spaces after markers are no indentation
    ("> " * 10 + " " * 22 + "- x", None),
]


def test_the_limit_on_both_sides() -> None:
    """too_deep at its limits; the quick test says maybe wherever too_deep finds a line."""
    for text, expected in LIMITS:
        assert too_deep(text) == expected, text
        if expected is not None:
            assert maybe_deep("\n" + text), text
