"""`ik diff` on a Landkreis workspace: which members changed, and how.

Both versions are whole workspaces: the working tree, another Kreis folder, or a git
revision of the repository holding the Kreis folder (the Kreis folder and every member
folder of the same repository are read at that revision; members named with ``git:``
keep their own ``revision:``). Each concept present in both versions is compared with
:func:`~integrationskonzept.diff.compare`; members only in one version are reported as
joined or left.
"""

from __future__ import annotations

import json
import posixpath
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..diff import Diff, compare
from ..diff.report import diff_dict, format_markdown, format_text, summary_text
from ..diff.versions import WORKING_TREE, last_beschluss_rev
from ..errors import GitError, IkError, SourceError
from ..text.german import datum_kurz
from .loader import KREIS, Arbeitsbereich, load_workspace

NEU, ENTFALLEN = "neu im Landkreis", "nicht mehr im Landkreis"


@dataclass(frozen=True)
class MitgliedDiff:
    """One concept of the workspace between two versions."""

    id: str
    name: str
    anzeige: str
    stand: str  # "geändert", "unverändert", NEU, ENTFALLEN
    diff: Diff | None = None


@dataclass(frozen=True)
class WorkspaceDiff:
    old_label: str
    new_label: str
    teile: tuple[MitgliedDiff, ...] = field(default=())
    beschluss: str = ""


def _load_rev(path: Path, rev: str, tmp: Path) -> tuple[Arbeitsbereich, str]:
    """The workspace at ``path`` as it was at git revision ``rev`` (exported into ``tmp``)."""
    from ..model.loader import load_concept
    from ..source.git import export, repo_of, resolve

    top, prefix = repo_of(path)
    revision = resolve(top, rev)
    export(top, prefix, revision, tmp / prefix if prefix else tmp)
    kreis_dir = tmp / prefix if prefix else tmp
    meta = load_concept(kreis_dir).konzept.meta
    for g in meta.gemeinden if meta is not None else []:
        if g.git or not g.pfad:
            continue
        member = posixpath.normpath(posixpath.join(prefix, g.pfad))
        if member.startswith("..") or (tmp / member / "konzept.yaml").is_file():
            continue
        try:
            export(top, member, revision, tmp / member)
        except GitError:
            continue  # the member folder did not exist then: the member is new
    bereich = load_workspace(kreis_dir, geschwister=True)
    label = revision.label + (f" vom {datum_kurz(revision.datum.date())}"
                              if revision.datum else "")
    return bereich, label


def _version(path: Path, ref: str | None, tmp: Path) -> tuple[Arbeitsbereich, str]:
    if ref is None:
        if not path.is_dir():
            raise SourceError(f"Ordner „{path}“ nicht gefunden.")
        return load_workspace(path), WORKING_TREE
    if Path(ref).is_dir():
        return load_workspace(Path(ref)), f"Ordner „{ref}“"
    return _load_rev(path, ref, tmp)


def _concepts(b: Arbeitsbereich) -> dict[str, tuple[str, str, Any]]:
    out = {KREIS: (b.name, "", b.kreis)}
    for ident, m in b.mitglieder.items():
        out[ident] = (m.name, m.anzeige, m.konzept)
    return out


def compare_workspaces(path: str | Path, from_rev: str | None = None,
                       to_rev: str | None = None) -> WorkspaceDiff:
    """Compare the workspace at ``path`` between two versions (IkError if impossible)."""
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="ik-alt-") as t1, \
            tempfile.TemporaryDirectory(prefix="ik-neu-") as t2:
        new, new_label = _version(path, to_rev, Path(t2))
        beschluss = ""
        if from_rev is None:
            from_rev, beschluss = last_beschluss_rev(new.kreis)
        old, old_label = _version(path, from_rev, Path(t1))
        alt, neu = _concepts(old), _concepts(new)
        teile = []
        for ident in [*neu, *(i for i in alt if i not in neu)]:
            if ident not in alt:
                name, anzeige, _k = neu[ident]
                teile.append(MitgliedDiff(ident, name, anzeige, NEU))
                continue
            if ident not in neu:
                name, anzeige, _k = alt[ident]
                teile.append(MitgliedDiff(ident, name, anzeige, ENTFALLEN))
                continue
            name, anzeige, konzept = neu[ident]
            d = compare(alt[ident][2], konzept, old_label, new_label)
            teile.append(MitgliedDiff(ident, name, anzeige,
                                      "unverändert" if d.empty else "geändert", d))
    return WorkspaceDiff(old_label, new_label, tuple(teile), beschluss)


def format_workspace_diff(wd: WorkspaceDiff, fmt: str = "text") -> str:
    """The comparison as text, Markdown or JSON."""
    if fmt == "json":
        return json.dumps({"alt": wd.old_label, "neu": wd.new_label, "beschluss": wd.beschluss,
                           "konzepte": [{"id": t.id, "name": t.name, "ordner": t.anzeige,
                                         "stand": t.stand,
                                         "aenderungen": diff_dict(t.diff) if t.diff else None}
                                        for t in wd.teile]}, ensure_ascii=False, indent=2)
    title = (f"Änderungen seit dem Beschluss vom {wd.beschluss}" if wd.beschluss else
             f"Änderungen von {wd.old_label} zu {wd.new_label}")
    if fmt == "markdown":
        out = [f"# {title}", ""]
        for t in wd.teile:
            if t.diff is not None and not t.diff.empty:
                out.append(format_markdown(t.diff, 2, f"{t.name}: "
                                           f"{summary_text(t.diff.totals())}"))
            else:
                out += [f"## {t.name}: {t.stand}", ""]
        return "\n".join(out)
    out = [title, ""]
    for t in wd.teile:
        wo = f" ({t.anzeige})" if t.anzeige else ""
        if t.diff is None or t.diff.empty:
            out += [f"{t.name}{wo}: {t.stand}", ""]
            continue
        out.append(f"{t.name}{wo}: {summary_text(t.diff.totals())}")
        body = format_text(t.diff).split("\n", 2)[2] if "\n" in format_text(t.diff) else ""
        out += ["  " + line if line else "" for line in body.splitlines()]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def workspace_diff_command(path: Path, from_rev: str | None, to_rev: str | None,
                           fmt: str) -> tuple[str, int]:
    """Output text and exit code of `ik diff` on a Kreis folder."""
    if fmt not in ("text", "markdown", "json"):
        return f"Fehler: unbekanntes Format „{fmt}“ (erlaubt: text, markdown, json)", 2
    try:
        wd = compare_workspaces(path, from_rev, to_rev)
    except IkError as exc:
        return f"Fehler: {exc}", 1
    return format_workspace_diff(wd, fmt), 0
