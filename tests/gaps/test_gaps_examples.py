"""The shipped examples: every verdict shows, with several kinds of reasons."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrationskonzept.gaps import URTEILE, find_gaps
from integrationskonzept.model.loader import load_concept

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize("name", ["peine", "lehrte"])
def test_example_shows_every_verdict(name: str) -> None:
    folder = EXAMPLES / name
    if not (folder / "konzept.yaml").is_file():
        pytest.skip(f"example {name} not there")
    loaded = load_concept(folder)
    report = find_gaps(loaded.konzept)
    counts = report.zaehlung()
    assert all(counts[u] > 0 for u in URTEILE), counts
    arts = {g.art for b in report.befunde for g in b.gruende}
    assert {"sozialraum", "zielgruppe", "kapazitaet"} <= arts, arts
    assert len(arts) >= 5, arts
    assert report.to_dict()["zusammenfassung"]["bedarfe"] == len(loaded.konzept.bedarfe)
