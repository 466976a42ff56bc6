"""Loading a Landkreis workspace: the Kreis concept and the concepts of its Gemeinden.

The Kreis names its members in konzept.yaml under ``gemeinden:``; each member is a
complete concept loaded with :func:`~integrationskonzept.model.loader.load_concept`
(or, for ``git:`` members, from a git revision like `ik diff` reads one). Refused, each
as a located problem in the Kreis's konzept.yaml:

- IK211: a member folder (or repository, revision) that cannot be read as a concept;
- IK212: a member folder outside the Kreis folder. Allowed are subfolders of the Kreis
  folder and folders of the same git repository as the Kreis folder (sibling folders
  such as ``../peine``), so that one repository holds the Kreis and its Gemeinden; a
  member in another repository is named with ``git:`` and ``revision:``;
- IK213: a cycle: a member that is the Kreis itself, or names the Kreis as its member;
- IK214: a member that is itself a Landkreis with members (one level only);
- IK215: an unknown member id (in ``entfernungen``); IK201: a member id given twice.
"""

from __future__ import annotations

import os
import posixpath
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GitError
from ..model.concept import Konzept, where
from ..model.discovery import KONZEPT_FILES
from ..model.loader import load_concept
from ..model.verbund import Mitglied
from ..problems import Location, Problem, Severity
from ..source.schemaerrors import suggest
from .vocab import inherit

KREIS = "kreis"  # the prefix that names the Kreis's own concept in references
_GEMEINDEN = re.compile(rb"^gemeinden\s*:", re.MULTILINE)


def names_members(path: str | Path) -> bool:
    """Whether the konzept.yaml in ``path`` has a top-level ``gemeinden:`` key (a cheap
    test before loading: the commands branch to the workspace on it)."""
    for name in KONZEPT_FILES:
        try:
            head = (Path(path) / name).read_bytes()[: 4 * 1024 * 1024]
        except OSError:
            continue
        return bool(_GEMEINDEN.search(head))
    return False


@dataclass
class Mitgliedskonzept:
    """One member of the workspace: the loaded concept and how the user sees its folder."""

    id: str
    name: str
    anzeige: str  # folder relative to the Kreis folder, ending in "/"
    konzept: Konzept
    eintrag: Mitglied
    problems: list[Problem] = field(default_factory=list)
    revision: str | None = None


@dataclass
class Arbeitsbereich:
    """A Landkreis concept with its members; ``problems`` are the Kreis's own (loader and
    workspace), each member carries its loader problems."""

    root: Path
    kreis: Konzept
    problems: list[Problem] = field(default_factory=list)
    mitglieder: dict[str, Mitgliedskonzept] = field(default_factory=dict)

    @property
    def name(self) -> str:
        meta = self.kreis.meta
        return meta.kommune.art_und_name if meta else "Landkreis"


def is_workspace(konzept: Konzept) -> bool:
    """Whether ``konzept`` names member concepts (``gemeinden:`` in konzept.yaml)."""
    return konzept.meta is not None and bool(konzept.meta.gemeinden)


def _err(code: str, msg: str, loc: Location, hint: str = "",
         related: tuple[Location, ...] = ()) -> Problem:
    return Problem(code, Severity.ERROR, msg, loc, hint, "arbeitsbereich", related)


def _git_top(path: Path) -> Path | None:
    from ..source.git import repo_of

    try:
        return repo_of(path)[0].resolve()
    except GitError:
        return None


def _display(root: Path, target: Path) -> str:
    rel = os.path.relpath(target, root).replace(os.sep, "/")
    return "" if rel == "." else rel.rstrip("/") + "/"


def load_workspace(root: str | Path, geschwister: bool | None = None) -> Arbeitsbereich:
    """Load the Kreis concept in ``root`` and every member it names; never raises for
    problems in the sources. ``geschwister`` allows member folders outside ``root``
    (None: when they lie in the Kreis folder's git repository)."""
    root = Path(root)
    loaded = load_concept(root)
    bereich = Arbeitsbereich(root, loaded.konzept, list(loaded.problems))
    meta = loaded.konzept.meta
    if meta is None or not meta.gemeinden:
        return bereich
    base = root.resolve()
    top: Path | None = None
    top_known = False
    seen: dict[str, Location] = {}
    for i, eintrag in enumerate(meta.gemeinden):
        at = where(meta, "gemeinden", i, "id")
        if eintrag.id in seen or eintrag.id == KREIS:
            first = seen.get(eintrag.id, Location("konzept.yaml"))
            bereich.problems.append(_err(
                "IK201", f"Mitglied „{eintrag.id}“ ist doppelt vergeben"
                + (" („kreis“ steht für den Landkreis selbst)" if eintrag.id == KREIS else ""),
                at, "Jedes Mitglied braucht eine eigene ID.", (first,)))
            continue
        seen[eintrag.id] = at
        if eintrag.git:
            member = _load_git(bereich, i, eintrag)
        else:
            if not eintrag.pfad:
                bereich.problems.append(_err(
                    "IK211", f"Mitglied „{eintrag.id}“ nennt weder „pfad“ noch „git“", at,
                    "Schreiben Sie „pfad: <Ordner des Konzepts>“, relativ zum Ordner des "
                    "Landkreises."))
                continue
            target = (root / eintrag.pfad).resolve()
            ploc = where(meta, "gemeinden", i, "pfad")
            if target == base:
                bereich.problems.append(_err(
                    "IK213", f"Mitglied „{eintrag.id}“ ist der Landkreis selbst (Zyklus)", ploc,
                    "Ein Landkreis kann nicht sein eigenes Mitglied sein."))
                continue
            if not target.is_relative_to(base) and geschwister is not True:
                if not top_known:
                    top, top_known = (_git_top(root) if geschwister is None else None), True
                if top is None or not target.is_relative_to(top):
                    bereich.problems.append(_err(
                        "IK212", f"Mitglied „{eintrag.id}“: Ordner „{eintrag.pfad}“ liegt "
                        "außerhalb des Ordners des Landkreises"
                        + ("" if top is None else " und seines Git-Repositorys"), ploc,
                        "Erlaubt sind Unterordner und Ordner im selben Git-Repository; ein "
                        "Konzept aus einem anderen Repository nennen Sie mit „git:“ und "
                        "„revision:“."))
                    continue
            if not any((target / name).is_file() for name in KONZEPT_FILES):
                what = "gibt es nicht" if not target.is_dir() else "enthält keine konzept.yaml"
                bereich.problems.append(_err(
                    "IK211", f"Mitglied „{eintrag.id}“: Ordner „{eintrag.pfad}“ {what}", ploc,
                    _folder_hint(root, eintrag.pfad)))
                continue
            result = load_concept(target)
            member = Mitgliedskonzept(eintrag.id, "", _display(root, target), result.konzept,
                                      eintrag, list(result.problems))
        if member is None:
            continue
        if not _acceptable(bereich, i, member, base):
            continue
        mm = member.konzept.meta
        member.name = eintrag.name or (mm.kommune.art_und_name if mm else eintrag.id)
        bereich.mitglieder[eintrag.id] = member
    basis = base.as_posix()
    for member in bereich.mitglieder.values():
        inherit(bereich.kreis, member.konzept, posixpath.relpath(
            posixpath.join(basis, "konzept.yaml"),
            posixpath.normpath(posixpath.join(basis, member.anzeige or "."))))
    _check_entfernungen(bereich)
    return bereich


def _folder_hint(root: Path, pfad: str) -> str:
    parent = (root / pfad).parent
    if parent.is_dir():
        names = [p.name for p in parent.iterdir() if (p / "konzept.yaml").is_file()]
        best = suggest(Path(pfad).name, names)
        if best:
            return f"Meinten Sie „{posixpath.join(posixpath.dirname(pfad), best)}“?"
    return "Geben Sie den Ordner an, der die konzept.yaml der Gemeinde enthält."


def _acceptable(bereich: Arbeitsbereich, i: int, member: Mitgliedskonzept, base: Path) -> bool:
    """Refuse a member that is a Landkreis with members itself (IK214), or names the Kreis
    (IK213)."""
    meta = bereich.kreis.meta
    assert meta is not None
    sub = member.konzept.meta
    if sub is None or not sub.gemeinden:
        return True
    at = where(meta, "gemeinden", i, "id")
    first = where(sub, "gemeinden")
    inner = Location(member.anzeige + first.file, first.line, first.column)
    for j, g in enumerate(sub.gemeinden):
        if g.pfad and member.revision is None:
            back = (member.konzept.root / g.pfad).resolve()
            if back == base:
                loc = where(sub, "gemeinden", j, "pfad")
                bereich.problems.append(_err(
                    "IK213", f"Mitglied „{member.id}“ nennt den Landkreis als sein Mitglied "
                    "(Zyklus)", at, "Entfernen Sie „gemeinden:“ aus dem Konzept der Gemeinde.",
                    (Location(member.anzeige + loc.file, loc.line, loc.column),)))
                return False
    bereich.problems.append(_err(
        "IK214", f"Mitglied „{member.id}“ ist selbst ein Landkreis mit Mitgliedern", at,
        "Ein Arbeitsbereich hat eine Ebene: nennen Sie die Gemeinden direkt im Landkreis.",
        (inner,)))
    return False


def _load_git(bereich: Arbeitsbereich, i: int, eintrag: Mitglied) -> Mitgliedskonzept | None:
    """A member from a git repository at a revision (read like `ik diff` reads one)."""
    from ..source.git import export, repo_of, resolve

    meta = bereich.kreis.meta
    assert meta is not None
    at = where(meta, "gemeinden", i, "git")
    if not eintrag.revision:
        bereich.problems.append(_err(
            "IK211", f"Mitglied „{eintrag.id}“ aus Git braucht „revision“", at,
            "Geben Sie Tag, Commit oder Branch an, z. B. „revision: v1.0“."))
        return None
    assert eintrag.git is not None
    folder = bereich.root / eintrag.git / (eintrag.pfad or "")
    try:
        top, prefix = repo_of(folder)
        rev = resolve(top, eintrag.revision)
        with tempfile.TemporaryDirectory(prefix="ik-mitglied-") as tmp:
            export(top, prefix, rev, Path(tmp))
            result = load_concept(Path(tmp))
    except GitError as exc:
        bereich.problems.append(_err(
            "IK211", f"Mitglied „{eintrag.id}“ lässt sich nicht aus Git lesen: {exc.message}",
            at))
        return None
    anzeige = f"{posixpath.join(eintrag.git, eintrag.pfad or '').rstrip('/')}@{rev.name}/"
    return Mitgliedskonzept(eintrag.id, "", anzeige, result.konzept, eintrag,
                            list(result.problems), revision=rev.commit)


def _check_entfernungen(bereich: Arbeitsbereich) -> None:
    meta = bereich.kreis.meta
    assert meta is not None
    known = {g.id for g in meta.gemeinden}
    for i, e in enumerate(meta.entfernungen):
        for key in ("von", "nach"):
            ident = getattr(e, key)
            if ident not in known and ident != KREIS:
                best = suggest(ident, known)
                bereich.problems.append(_err(
                    "IK215", f"„entfernungen“: unbekanntes Mitglied „{ident}“",
                    where(meta, "entfernungen", i, key),
                    f"Meinten Sie „{best}“?" if best else
                    "Bekannt sind: " + ", ".join(sorted(known)) + "."))
