"""Shared fixtures; the data and helpers live in ik_testing.py."""

from __future__ import annotations

import copy
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

from ik_testing import BASE_INHALT, BASE_KONZEPT, write_concept
from integrationskonzept.source import parsecache

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


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache home of the test's own (``XDG_CACHE_HOME``, ``LOCALAPPDATA``), the
    caches on and not yet pruned in this process."""
    base = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(base))
    monkeypatch.setenv("LOCALAPPDATA", str(base))
    monkeypatch.delenv("IK_CACHE", raising=False)
    monkeypatch.setitem(parsecache._state, "pruned", set())
    return base
