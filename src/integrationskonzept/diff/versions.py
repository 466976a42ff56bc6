"""`ik diff` as library functions: load two versions (git revisions or folders), compare.

A version is the working tree (no revision given), a folder, or a git revision
(tag, branch, commit) of the repository holding the concept folder. Without
``--from`` the git version of the last Beschluss in konzept.yaml is used.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError
from ..model.concept import Konzept
from ..model.discovery import KONZEPT_FILES
from ..model.loader import LoadResult, load_concept
from ..model.revision import load_at_revision
from ..problems import Severity
from ..text.german import datum_kurz
from .changes import Diff
from .compare import compare

WORKING_TREE = "Arbeitsstand"


@dataclass(frozen=True)
class Version:
    """One side of a comparison: the loaded concept and a name for it."""

    konzept: Konzept
    label: str
    errors: int = 0


def _checked(result: LoadResult, label: str) -> Version:
    konzept = result.konzept
    if konzept.meta is None and not konzept.files:
        raise SourceError(f"{label}: kein Konzept gefunden (konzept.yaml fehlt). Ist das der "
                        "Ordner des Konzepts?")
    if not any(f in KONZEPT_FILES for f in konzept.files):
        raise SourceError(f"{label}: konzept.yaml fehlt. Ist das der Ordner des Konzepts?")
    errors = sum(1 for p in result.problems if p.severity == Severity.ERROR)
    return Version(konzept, label, errors)


def load_version(path: Path, ref: str | None, folder_ok: bool = True) -> Version:
    """The concept at ``path`` in the working tree (``ref=None``), a folder or a revision.

    ``ref`` names a folder only when ``folder_ok`` (typed on the command line); a
    Beschluss's ``git:`` is always a revision of the concept's own repository.
    """
    if ref is None:
        if not path.is_dir():
            raise SourceError(f"Ordner „{path}“ nicht gefunden.")
        version = _checked(load_concept(path), f"Ordner „{path}“")
        return dataclasses.replace(version, label=WORKING_TREE)
    folder = Path(ref)
    if folder_ok and folder.is_dir():
        return _checked(load_concept(folder), f"Ordner „{ref}“")
    result, rev = load_at_revision(path, ref)
    label = rev.label + (f" vom {datum_kurz(rev.datum.date())}" if rev.datum else "")
    return _checked(result, label)


def last_beschluss_rev(konzept: Konzept) -> tuple[str, str]:
    """The git revision of the latest Beschluss and its description; UserError if none."""
    if not konzept.beschluesse:
        raise SourceError(
            "konzept.yaml nennt keinen Beschluss, mit dem verglichen werden kann. Geben Sie "
            "mit --from an, womit verglichen werden soll (Tag, Commit oder Ordner).")
    decided = [b for b in konzept.beschluesse if b.status == "beschlossen"] or konzept.beschluesse
    latest = max(enumerate(decided), key=lambda t: (t[1].datum, t[0]))[1]
    text = f"{latest.datum.lang} ({latest.gremium})"
    if not latest.git:
        raise SourceError(
            f"Der letzte Beschluss ({latest.gremium}, {latest.datum.kurz}) nennt keine "
            "Git-Version. Ergänzen Sie dort „git: <Tag oder Commit>“ in konzept.yaml oder "
            "geben Sie mit --from an, womit verglichen werden soll.")
    return latest.git, text


def compare_versions(path: str | Path, from_rev: str | None = None,
                     to_rev: str | None = None) -> Diff:
    """Compare the concept at ``path`` between two versions (see module docstring)."""
    path = Path(path)
    new = load_version(path, to_rev)
    beschluss = ""
    folder_ok = from_rev is not None
    if from_rev is None:
        from_rev, beschluss = last_beschluss_rev(new.konzept)
    old = load_version(path, from_rev, folder_ok=folder_ok)
    diff = compare(old.konzept, new.konzept, old.label, new.label)
    notes = tuple(
        f"{v.label} enthält {v.errors} Fehler (siehe ik validate); der Vergleich zeigt nur, "
        "was sich lesen ließ." for v in (old, new) if v.errors)
    return dataclasses.replace(diff, notes=notes, beschluss=beschluss)
