"""Git: the files of a concept folder as they were at a revision, and the version of the
sources (loading them is :func:`integrationskonzept.model.revision.load_at_revision`).

Git is called as a program (no shell, with a timeout); every failure becomes a
:class:`~integrationskonzept.errors.GitError` with a German message.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import GitError
from . import SKIP_DIRS
from .schemaerrors import suggest

GIT_TIMEOUT = 60.0
# Files the loader reads: the YAML sources and the Markdown texts they name.
SOURCE_SUFFIXES = (".yaml", ".yml", ".md", ".markdown")
MAX_SOURCE_BYTES = 5 * 1024 * 1024
# Folders whose changes do not make the document a draft (build output, tooling).
_OUTPUT_DIRS = frozenset({"build", "_build", "ausgabe", "node_modules", "venv", "__pycache__"})


@dataclass(frozen=True)
class Revision:
    """A resolved revision: what the user typed, the full commit, tag, and date."""

    name: str
    commit: str
    datum: dt.datetime | None = None
    tag: str | None = None

    @property
    def short(self) -> str:
        return self.commit[:7]

    @property
    def label(self) -> str:
        """``v1.0 (a1b2c3d)``, ``main (a1b2c3d)`` or ``a1b2c3d``."""
        if self.tag:
            return f"{self.tag} ({self.short})"
        if self.name and not self.commit.startswith(self.name):
            return f"{self.name} ({self.short})"
        return self.short


@dataclass(frozen=True)
class VersionInfo:
    """The version of a concept's sources for the document: tag or commit, date, draft."""

    in_git: bool
    tag: str | None = None
    commit: str | None = None
    datum: dt.date | None = None
    entwurf: bool = False

    @property
    def text(self) -> str:
        """A German line for the document: ``Version v1.0 vom 12.03.2024``, ``Commit a1b2c3d
        vom 12.03.2024 – Entwurf mit nicht eingecheckten Änderungen``; empty outside git."""
        if not self.in_git:
            return ""
        if self.commit is None:
            return "Entwurf (noch keine Version in Git)"
        name = f"Version {self.tag}" if self.tag else f"Commit {self.commit}"
        when = f" vom {self.datum.day:02d}.{self.datum.month:02d}.{self.datum.year}" if \
            self.datum else ""
        return f"{name}{when}" + (" – Entwurf mit nicht eingecheckten Änderungen"
                                  if self.entwurf else "")


def run_git(args: list[str], cwd: Path, stdin: bytes | None = None,
            timeout: float = GIT_TIMEOUT) -> subprocess.CompletedProcess[bytes]:
    """Run ``git`` with ``args`` in ``cwd``; raises GitError when git cannot run."""
    # English messages (we recognise some), no password prompts, folder names taken literally.
    env = dict(os.environ, LC_ALL="C", LANG="C", GIT_TERMINAL_PROMPT="0",
               GIT_LITERAL_PATHSPECS="1", GIT_NO_LAZY_FETCH="1", GIT_OPTIONAL_LOCKS="0",
               GIT_PAGER="cat")
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_EXTERNAL_DIFF", "GIT_SSH_COMMAND"):
        env.pop(name, None)
    extra = _no_filters(cwd) if args[:1] == ["status"] else []
    try:
        return subprocess.run(["git", *SAFE_OPTIONS, *extra, *args], cwd=cwd, input=stdin,
                              capture_output=True, timeout=timeout, env=env, check=False)
    except FileNotFoundError:
        raise GitError("Git ist nicht installiert oder nicht im Suchpfad. Installieren Sie "
                        "Git oder vergleichen Sie zwei Ordner.") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"Git hat nicht innerhalb von {timeout:.0f} Sekunden geantwortet "
                        f"(in „{cwd}“).") from None
    except OSError as exc:
        raise GitError(f"Git kann nicht gestartet werden: {exc.strerror or exc}") from None


# The concept's repository comes from other hands: its .git/config must not make git
# run commands (fsmonitor, hooks, pager, external diff, textconv, transports).
SAFE_OPTIONS = (
    "--no-pager",
    "-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "-c", "core.pager=cat",
    "-c", "diff.external=", "-c", "core.untrackedCache=false", "-c", "gc.auto=0",
    "-c", "maintenance.auto=false", "-c", "protocol.allow=never", "-c", "core.askPass=",
    "-c", "credential.helper=", "-c", "core.sshCommand=false", "-c", "diff.noTextconv=true",
)


def _no_filters(cwd: Path) -> list[str]:
    """``-c`` options emptying every clean/smudge/process filter the config defines.

    ``git status`` runs a file's clean filter to compare it; an empty command means
    no filter. Reading the config runs nothing.
    """
    try:
        proc = subprocess.run(
            ["git", *SAFE_OPTIONS, "config", "--name-only", "--get-regexp", r"^filter\."],
            cwd=cwd, capture_output=True, timeout=GIT_TIMEOUT, check=False,
            env=dict(os.environ, LC_ALL="C", GIT_NO_LAZY_FETCH="1"))
    except (OSError, subprocess.TimeoutExpired):
        return []
    names = {line.rsplit(".", 1)[0] for line in proc.stdout.decode("utf-8", "replace").split()}
    out: list[str] = []
    for name in sorted(names):
        out += ["-c", f"{name}.clean=", "-c", f"{name}.smudge=", "-c", f"{name}.process=",
                "-c", f"{name}.required=false"]
    return out


def _out(proc: subprocess.CompletedProcess[bytes]) -> str:
    return proc.stdout.decode("utf-8", "replace").strip()


def _err(proc: subprocess.CompletedProcess[bytes]) -> str:
    return proc.stderr.decode("utf-8", "replace").strip()


def repo_of(path: Path) -> tuple[Path, str]:
    """The top folder of the git repository holding ``path`` and the folder's prefix in it."""
    if not path.is_dir():
        raise GitError(f"Ordner „{path}“ nicht gefunden.")
    proc = run_git(["rev-parse", "--show-toplevel", "--show-prefix"], path)
    if proc.returncode != 0:
        msg = _err(proc)
        if "not a git repository" in msg:
            raise GitError(
                f"„{path}“ liegt in keinem Git-Repository. Vergleichen Sie zwei Ordner "
                "(--from <Ordner>) oder legen Sie das Konzept mit „git init“ in Git ab.")
        if "dubious ownership" in msg:
            raise GitError(
                f"Git verweigert den Zugriff auf „{path}“, weil der Ordner einem anderen "
                "Benutzer gehört (git config --global --add safe.directory <Ordner>).")
        raise GitError(f"Git meldet einen Fehler in „{path}“: {msg}")
    lines = _out(proc).splitlines()
    top = Path(lines[0])
    prefix = lines[1].rstrip("/") if len(lines) > 1 else ""
    return top, prefix


def resolve(top: Path, rev: str) -> Revision:
    """Resolve ``rev`` (tag, branch, commit) to a commit; unknown revisions are GitErrors."""
    if not rev.strip() or rev.startswith("-") or any(c in rev for c in "\0\n\r"):
        raise GitError(f"„{rev}“ ist keine gültige Git-Revision.")
    proc = run_git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], top)
    if proc.returncode != 0:
        tags = _out(run_git(["tag", "--list"], top)).splitlines()
        best = suggest(rev, tags) if tags else None
        hint = f" Meinten Sie „{best}“?" if best else (
            f" Vorhandene Tags: {', '.join(tags[-8:])}." if tags else
            " Tags zeigt „git tag“, Commits „git log --oneline“.")
        raise GitError(f"Git kennt die Revision „{rev}“ nicht.{hint}")
    commit = _out(proc)
    info = _out(run_git(["log", "-1", "--format=%cI", commit], top))
    try:
        datum: dt.datetime | None = dt.datetime.fromisoformat(info)
    except ValueError:
        datum = None
    tag = _out(run_git(["describe", "--tags", "--exact-match", commit], top)) or None
    return Revision(rev, commit, datum, tag)


def export(top: Path, prefix: str, rev: Revision, target: Path,
           skipped: list[str] | None = None) -> int:
    """Write the source files of folder ``prefix`` at ``rev`` into ``target``; count them.

    Files larger than :data:`MAX_SOURCE_BYTES` are not read; their paths are added to
    ``skipped``.
    """
    skipped = [] if skipped is None else skipped
    spec = prefix or "."
    proc = run_git(["ls-tree", "-r", "-z", "-l", "--full-tree", rev.commit, "--", spec], top)
    if proc.returncode != 0:
        raise GitError(f"Git kann den Inhalt von „{rev.name}“ nicht lesen: {_err(proc)}")
    wanted: list[tuple[str, str]] = []
    too_large: list[str] = []
    for record in proc.stdout.split(b"\0"):
        if not record:
            continue
        meta, _, raw_path = record.partition(b"\t")
        mode, kind, sha, size_text = meta.decode().split()
        path = raw_path.decode("utf-8", "replace")
        if kind != "blob" or mode not in ("100644", "100755"):
            continue  # symlinks and submodules are not sources
        rel = path[len(prefix) + 1:] if prefix else path
        parts = PurePosixPath(rel).parts
        if not rel.lower().endswith(SOURCE_SUFFIXES) or ".." in parts or any(
                p.startswith(".") or p in SKIP_DIRS for p in parts[:-1]):
            continue
        if size_text.isdigit() and int(size_text) > MAX_SOURCE_BYTES:
            too_large.append(rel)  # never read into memory
            continue
        wanted.append((sha, rel))
    if not wanted and not too_large:
        where = f"„{prefix}“" if prefix else "Der Hauptordner des Repositorys"
        raise GitError(f"{where} enthält in der Revision „{rev.name}“ keine Konzeptdateien "
                        "(den Ordner gab es damals wohl noch nicht).")
    batch = run_git(["cat-file", "--batch"], top,
                    stdin="".join(f"{sha}\n" for sha, _ in wanted).encode()) if wanted else \
        subprocess.CompletedProcess([], 0, b"", b"")
    if batch.returncode != 0:
        raise GitError(f"Git kann die Dateien von „{rev.name}“ nicht lesen: {_err(batch)}")
    data, pos = batch.stdout, 0
    for _sha, rel in wanted:
        end = data.index(b"\n", pos)
        header = data[pos:end].split()
        size = int(header[2])
        content = data[end + 1:end + 1 + size]
        pos = end + 1 + size + 1
        if size > MAX_SOURCE_BYTES:
            continue
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(content)
    skipped.extend(too_large)
    return len(wanted)


def version_info(path: str | Path) -> VersionInfo:
    """Tag or commit of ``HEAD``, its date, and whether the concept folder has changes.

    Never raises: outside git (or without git) the result has ``in_git=False``.
    """
    path = Path(path)
    try:
        top, _prefix = repo_of(path)
        head = run_git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], top)
        status = run_git(["status", "--porcelain", "-z", "--untracked-files=all", "--", "."],
                         path)
    except GitError:
        return VersionInfo(in_git=False)
    if head.returncode != 0:
        return VersionInfo(in_git=True, entwurf=True)
    rev = resolve(top, _out(head))
    return VersionInfo(in_git=True, tag=rev.tag, commit=rev.short,
                       datum=rev.datum.date() if rev.datum else None,
                       entwurf=_dirty(status.stdout, path, top))


def _dirty(porcelain: bytes, path: Path, top: Path) -> bool:
    """Whether ``git status -z`` lists a changed source (build output does not count)."""
    records = porcelain.split(b"\0")
    base = path.resolve()
    skip_next = False
    for rec in records:
        if skip_next or not rec:
            skip_next = False
            continue
        code, name = rec[:2].decode(), rec[3:].decode("utf-8", "replace")
        if "R" in code or "C" in code:
            skip_next = True  # the next record is the original path
        try:
            rel = (top / name).resolve().relative_to(base)
        except ValueError:
            continue
        parts = rel.parts
        if any(p in _OUTPUT_DIRS or p.startswith(".") for p in parts[:-1]):
            continue
        return True
    return False
