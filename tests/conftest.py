"""Shared fixtures; the data and helpers live in ik_testing.py."""

from __future__ import annotations

import copy
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

from ik_testing import BASE_INHALT, BASE_KONZEPT, write_concept

# The parse cache (source/parsecache.py) of the test run lives in a folder of its own, not
# in the user's cache; it stays on, so every test also runs over cached reads.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="ik-test-cache-")
os.environ["LOCALAPPDATA"] = os.environ["XDG_CACHE_HOME"]
os.environ.pop("IK_CACHE", None)


@pytest.fixture
def concept(tmp_path: Path):
    """Factory: ``concept(konzept_changes=..., inhalt_changes=..., extra_files=...)``."""

    def make(konzept: dict[str, Any] | None = None, inhalt: dict[str, Any] | None = None,
             extra: dict[str, Any] | None = None) -> Path:
        k = copy.deepcopy(BASE_KONZEPT)
        k.update(konzept or {})
        i = copy.deepcopy(BASE_INHALT)
        i.update(inhalt or {})
        files: dict[str, Any] = {"konzept.yaml": k, "bildung.yaml": i}
        files.update(extra or {})
        return write_concept(tmp_path / "konzept", files)

    return make
