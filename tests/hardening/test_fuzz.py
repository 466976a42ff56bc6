"""Bounded fuzzing in the suite: mutated sources never crash `ik validate`.

The long run is ``python benchmarks/fuzz.py`` (a million YAML mutants, a thousand
Markdown mutants through real builds, with time and memory limits).
"""

from __future__ import annotations

import time

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ik_testing import BASE_INHALT
from integrationskonzept.checks.runner import validate

VALID = yaml.safe_dump(BASE_INHALT, allow_unicode=True, sort_keys=False).encode("utf-8")
HOSTILE_YAML = [b"&a ", b"*a", b"<<: ", b"!!python/object ", b"\t", b"\x00", b'"\\e"', b"[",
                b"{", b"- ", b": ", b"---\n", b"\xff", b"\xef\xbb\xbf", b"9" * 400, b"\n  ",
                b"'", b"%YAML 1.1\n", b"? ", b"|", b">-", b'"\\x01"', b"~", b"#"]
MARKDOWN = ["![", "](", "<a ", "<script>", "[^1]", "[^1]: ", "\n\n", "    ", "> ", "- ", "1. ",
            "```", "```{=html}", "`{=typst}`", "[[m-1]]", "[[", "]]", "*", "_", "\\", "|",
            "# ", "<!--", "-->", "{#x}", "$", "{=", "http://", "javascript:", "‹bitte ergänzen›",
            "Text ", "ä", "\u202e", "\t"]

slow_ok = settings(max_examples=40, deadline=None, derandomize=True,
                   suppress_health_check=[HealthCheck.function_scoped_fixture,
                                          HealthCheck.too_slow])


@slow_ok
@given(st.lists(st.tuples(st.integers(0, len(VALID) - 1), st.sampled_from(HOSTILE_YAML)),
                min_size=1, max_size=6))
def test_mutated_concept_files_give_located_problems(concept, mutations) -> None:
    data = bytearray(VALID)
    for pos, chunk in mutations:
        data[pos:pos + 1] = chunk
    root = concept()
    (root / "bildung.yaml").write_bytes(bytes(data))
    report = validate(root)  # never raises
    for p in report.problems:
        assert p.location.file in {"bildung.yaml", "konzept.yaml", ""}, p
        assert p.message and p.code.startswith("IK")


@slow_ok
@given(st.lists(st.sampled_from(MARKDOWN), min_size=1, max_size=400))
def test_mutated_markdown_checks_finish_quickly(concept, parts) -> None:
    text = "".join(parts)
    root = concept(konzept={"kapitel": [{"id": "k", "titel": "K", "datei": "texte/k.md"}]},
                   inhalt={"ausgangslage": text or "x"},
                   extra={"texte/k.md": text * 20})
    started = time.perf_counter()
    report = validate(root)
    assert time.perf_counter() - started < 10
    for p in report.problems:
        assert p.location.file in {"bildung.yaml", "konzept.yaml", "texte/k.md"}, p
