"""A concept as it was at a git revision (for `ik diff` and the changes chapter)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..source.git import Revision, export, repo_of, resolve
from .loader import LoadResult, load_concept


def load_at_revision(path: Path, rev: str) -> tuple[LoadResult, Revision]:
    """Load the concept in folder ``path`` as it was at git revision ``rev``."""
    top, prefix = repo_of(path)
    revision = resolve(top, rev)
    with tempfile.TemporaryDirectory(prefix="ik-rev-") as tmp:
        export(top, prefix, revision, Path(tmp))
        result = load_concept(Path(tmp))
    return result, revision
