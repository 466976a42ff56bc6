"""ik: Integrationskonzepte als Code.

The library behind the ``ik`` command, usable from Python (a notebook, an editor
plugin, a script)::

    import integrationskonzept as ik

    report = ik.validate("examples/peine")     # problems as values, like `ik validate`
    gaps = ik.find_gaps(report.konzept)        # pure gap analysis, like `ik gaps`
    diff = ik.compare("konzept", "v1.0")       # two versions, like `ik diff`
    result = ik.build("konzept", ["md"])       # documents, like `ik build`
    kreis = ik.validate_workspace("examples/landkreis-peine")  # a Landkreis with Gemeinden

Expected failures raise :class:`IkError` (German message); problems in the sources
are :class:`~integrationskonzept.problems.Problem` values, never exceptions. The
functions import their stage only when called, so ``import integrationskonzept``
stays cheap. The library does not freeze the garbage collector, replace streams or
end the process (that is the CLI's policy, :mod:`integrationskonzept.cli.runtime`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import IkError

if TYPE_CHECKING:
    from .checks.runner import Report
    from .diff import Diff
    from .gaps import GapReport
    from .model.concept import Konzept
    from .model.loader import LoadResult
    from .render.build import BuildResult
    from .workspace import Arbeitsbereich, WorkspaceReport

__version__ = "0.1.0"
__all__ = ["IkError", "__version__", "build", "compare", "find_gaps", "load", "load_workspace",
           "validate", "validate_workspace"]


def load(path: str | Path) -> LoadResult:
    """Read the concept folder at ``path``: the concept and the problems of reading it."""
    from .model.loader import load_concept

    return load_concept(path)


def validate(path: str | Path) -> Report:
    """Load the concept at ``path`` and run every check (`ik validate`)."""
    from .checks.runner import validate as run

    return run(path)


def find_gaps(konzept: Konzept) -> GapReport:
    """Which Bedarfe no Angebot covers, and why (`ik gaps`); pure, no I/O."""
    from .gaps import find_gaps as run

    return run(konzept)


def compare(path: str | Path, von: str | None = None, bis: str | None = None) -> Diff:
    """What changed between two versions (`ik diff`): git revisions or folders.

    Without ``von``, the git version of the last Beschluss; without ``bis``, the folder.
    """
    from .diff import compare_versions

    return compare_versions(path, von, bis)


def build(path: str | Path, formats: Iterable[str] = ("docx", "pdf", "html"),
          out: str | Path | None = None, *, progress: Callable[[str], None] | None = None,
          warn: Callable[[str], None] | None = None, intern: bool = False) -> BuildResult:
    """Build the documents (`ik build`); ``result.ok`` is False when the sources have errors.

    ``intern`` keeps the confidential parts of the Konfliktanalyse (`ik build --intern`).
    """
    from .render.build import build as run

    return run(path, formats=formats, out=out, progress=progress, warn=warn, intern=intern)


def load_workspace(path: str | Path) -> Arbeitsbereich:
    """Read a Landkreis folder and the concepts of the Gemeinden it names (``gemeinden:``)."""
    from .workspace import load_workspace as run

    return run(path)


def validate_workspace(path: str | Path, mitglied: str | None = None) -> WorkspaceReport:
    """Check a Landkreis and every Gemeinde (or only ``mitglied``) in one run."""
    from .workspace import validate_workspace as run

    return run(path, mitglied=mitglied)
