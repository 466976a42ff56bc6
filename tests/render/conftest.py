"""Fixtures for the rendering tests (inputs and helpers: render_helpers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from render_helpers import SAMPLE, run


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample rendered once to every format."""
    return run(SAMPLE, tmp_path_factory.mktemp("sample"))

