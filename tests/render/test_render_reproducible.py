"""Same input, same bytes: every format is reproducible across runs."""

from __future__ import annotations

from pathlib import Path

from render_helpers import SAMPLE, run


def test_two_runs_give_identical_bytes(sample: dict[str, Path], tmp_path: Path) -> None:
    again = run(SAMPLE, tmp_path)
    for fmt, path in sample.items():
        assert again[fmt].read_bytes() == path.read_bytes(), fmt
