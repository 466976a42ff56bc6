"""A concept as it was at a git revision (for `ik diff` and the changes chapter)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..problems import Location, Problem, Severity
from ..source.git import MAX_SOURCE_BYTES, Revision, export, repo_of, resolve
from .loader import LoadResult, load_concept


def load_at_revision(path: Path, rev: str) -> tuple[LoadResult, Revision]:
    """Load the concept in folder ``path`` as it was at git revision ``rev``."""
    top, prefix = repo_of(path)
    revision = resolve(top, rev)
    skipped: list[str] = []
    with tempfile.TemporaryDirectory(prefix="ik-rev-") as tmp:
        export(top, prefix, revision, Path(tmp), skipped)
        result = load_concept(Path(tmp))
    for rel in skipped:
        result.problems.append(Problem(
            "IK004", Severity.ERROR,
            f"Datei ist in der Revision „{rev}“ zu groß (mehr als "
            f"{MAX_SOURCE_BYTES // 2**20} MiB) und wurde nicht gelesen", Location(rel),
            "Der Vergleich zeigt diese Datei nicht.", rule="dateien"))
    return result, revision
