"""Long fuzz run on demand: mutated YAML through the reader, mutated Markdown through builds.

    python benchmarks/fuzz.py                       # 1,000,000 YAML, 1,000 Markdown mutants
    python benchmarks/fuzz.py --yaml 20000 --markdown 5 --formats html,docx   # a short run

YAML: mutants of the example files (byte flips, hostile tokens, truncation) go
through ``parse_yaml_bytes``; every 500th also through a full ``validate`` of a
concept. Counted: parsed, refused with a problem (by code), crashes (a Python
exception escaping: always a bug, the mutant is saved to ``--keep``).

Markdown: mutants of hostile tokens become an Ausgangslage and a chapter file of
a small concept, built with ``ik build`` in a child process with a time limit
(``--seconds``) and an address-space limit (``--memory`` MB). Counted by outcome:
built (exit 0), refused with a message (exit 1), crash (exit 3 or a traceback),
killed by the limits (a hang or an explosion: a bug). Exit status 1 if any bug
was found.
"""

from __future__ import annotations

import argparse
import collections
import copy
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

import yaml  # noqa: E402

from ik_testing import BASE_INHALT, BASE_KONZEPT, write_concept  # noqa: E402
from integrationskonzept.checks.runner import validate  # noqa: E402
from integrationskonzept.source.safeyaml import parse_yaml_bytes  # noqa: E402

TOKENS = [b"&a ", b"*a", b"<<: ", b"!!python/object/apply:os.system ", b"\t", b"\x00", b"\x1b",
          b'"\\e]0;x\\a"', b"[", b"]", b"{", b"}", b"- ", b": ", b"---\n", b"...\n", b"\xff",
          b"\xc3", b"\xef\xbb\xbf", b"9" * 400, b"\n  ", b"'", b'"', b"%YAML 1.1\n", b"? ",
          b"|", b">-", b'"\\x01"', b"~", b"#", b"[" * 100, b"- " * 70, b"\r", b"\u2028"]
MARKDOWN = ["![", "](", "<a ", "<script>alert(1)</script>", "[^1]", "[^1]: ", "[^a]: x[^b]\n",
            "\n\n", "    ", "> ", "- ", "1. ", "```", "```{=html}\n<b>x</b>\n```", "`{=typst}`",
            "[[m-1]]", "[[", "]]", "*", "_", "\\", "|", "# ", "<!--", "-->", "{#x}", "$",
            "{=", "[x](javascript:alert(1))", "[x](file:///etc/passwd)", "‹bitte ergänzen›",
            "Text ", "ä", "\u202e", "| a | b |\n|---|---|\n", "![b](https://e.example/x.png)",
            "<a onclick=x>", "::: {.x}\n", ":::\n"]


def yaml_sources() -> list[bytes]:
    files = [p for p in (ROOT / "examples").rglob("*.yaml")]
    out = [p.read_bytes() for p in files if p.is_file()]
    out.append(yaml.safe_dump(BASE_INHALT, allow_unicode=True, sort_keys=False).encode())
    return out


def mutate(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        pos = rng.randrange(len(buf) + 1)
        kind = rng.random()
        if kind < 0.4:
            buf[pos:pos + 1] = rng.choice(TOKENS)
        elif kind < 0.6 and buf:
            buf[pos % len(buf)] = rng.randrange(256)
        elif kind < 0.8:
            del buf[pos:pos + rng.randint(1, 40)]
        else:
            buf[pos:pos] = buf[rng.randrange(len(buf) or 1):][:rng.randint(1, 200)]
    if rng.random() < 0.05:
        del buf[rng.randrange(len(buf) + 1):]
    return bytes(buf)


def fuzz_yaml(count: int, rng: random.Random, keep: Path) -> collections.Counter[str]:
    sources = yaml_sources()
    counts: collections.Counter[str] = collections.Counter()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="ik-fuzz-") as tmp:
        root = write_concept(Path(tmp) / "k", {"konzept.yaml": BASE_KONZEPT,
                                                "bildung.yaml": BASE_INHALT})
        for i in range(count):
            data = mutate(rng.choice(sources), rng)
            try:
                result = parse_yaml_bytes(data, "m.yaml")
                if result.problems:
                    counts.update(f"abgelehnt {p.code}" for p in result.problems[:1])
                else:
                    counts["gelesen"] += 1
                if i % 500 == 0:
                    (root / "bildung.yaml").write_bytes(data)
                    validate(root)
                    counts["validate"] += 1
            except Exception:  # a bug: keep the mutant
                counts["ABSTURZ"] += 1
                keep.mkdir(parents=True, exist_ok=True)
                (keep / f"yaml-{i}.yaml").write_bytes(data)
                (keep / f"yaml-{i}.txt").write_text(traceback.format_exc(), encoding="utf-8")
            if i and i % 100_000 == 0:
                print(f"  {i} YAML-Mutanten, {time.perf_counter() - started:.0f} s", flush=True)
    return counts


def fuzz_markdown(count: int, rng: random.Random, keep: Path, formats: str, seconds: float,
                  memory: int) -> collections.Counter[str]:
    counts: collections.Counter[str] = collections.Counter()
    limit = memory * 2**20
    preexec = None
    if hasattr(os, "fork"):
        import resource

        def preexec() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    for i in range(count):
        text = "".join(rng.choice(MARKDOWN) for _ in range(rng.randint(1, 300)))
        with tempfile.TemporaryDirectory(prefix="ik-fuzz-md-") as tmp:
            konzept = copy.deepcopy(BASE_KONZEPT)
            konzept["kapitel"] = [{"id": "k", "titel": "K", "datei": "texte/k.md"}]
            inhalt = dict(copy.deepcopy(BASE_INHALT), ausgangslage=text or "x")
            root = write_concept(Path(tmp) / "k", {"konzept.yaml": konzept,
                                                    "bildung.yaml": inhalt,
                                                    "texte/k.md": text})
            env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), IK_ZEITLIMIT=str(seconds))
            try:
                proc = subprocess.run(
                    [sys.executable, "-m", "integrationskonzept", "build", str(root),
                     "--format", formats, "--out", str(Path(tmp) / "aus")],
                    capture_output=True, timeout=seconds * 4 + 30, env=env,
                    preexec_fn=preexec, check=False)
                outcome = {0: "gebaut", 1: "abgelehnt"}.get(proc.returncode, "ABSTURZ")
                if "Traceback" in proc.stderr.decode("utf-8", "replace"):
                    outcome = "ABSTURZ"
            except subprocess.TimeoutExpired:
                outcome = "HÄNGT"
            counts[outcome] += 1
            if outcome in ("ABSTURZ", "HÄNGT"):
                keep.mkdir(parents=True, exist_ok=True)
                (keep / f"markdown-{i}.md").write_text(text, encoding="utf-8")
        print(f"  Markdown-Mutant {i + 1}/{count}: {outcome}", flush=True)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--yaml", type=int, default=1_000_000)
    parser.add_argument("--markdown", type=int, default=1_000)
    parser.add_argument("--formats", default="html,docx,pdf")
    parser.add_argument("--seconds", type=float, default=60.0, help="Zeitlimit je Lauf")
    parser.add_argument("--memory", type=int, default=3000, help="Speicherlimit in MB")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, default=Path("fuzz-funde"))
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    started = time.perf_counter()
    yaml_counts = fuzz_yaml(args.yaml, rng, args.keep)
    print(f"YAML: {args.yaml} Mutanten in {time.perf_counter() - started:.0f} s")
    for key, value in sorted(yaml_counts.items()):
        print(f"  {key}: {value}")
    started = time.perf_counter()
    md_counts = fuzz_markdown(args.markdown, rng, args.keep, args.formats, args.seconds,
                              args.memory)
    print(f"Markdown: {args.markdown} Mutanten (ik build --format {args.formats}) in "
          f"{time.perf_counter() - started:.0f} s")
    for key, value in sorted(md_counts.items()):
        print(f"  {key}: {value}")
    bugs = yaml_counts["ABSTURZ"] + md_counts["ABSTURZ"] + md_counts["HÄNGT"]
    print("Fehler in ik gefunden: " + (f"{bugs} (siehe {args.keep})" if bugs else "keine"))
    return 1 if bugs else 0


if __name__ == "__main__":
    raise SystemExit(main())
