"""Fixtures of the ik diff tests: a git history of a small concept."""

from __future__ import annotations

from pathlib import Path

import pytest
from gitrepo import GIT, make_history


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """A repository with the concept in ``konzept/``: v1.0 tagged, then v2 committed."""
    if GIT is None:
        pytest.skip("git ist nicht installiert")
    return make_history(tmp_path / "repo")
