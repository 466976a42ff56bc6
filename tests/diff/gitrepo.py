"""Helpers: real git repositories with a small concept in several commits, from dicts."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git ist nicht installiert")

KONZEPT: dict[str, Any] = {
    "kommune": {"name": "Musterstadt", "typ": "Stadt"},
    "titel": "Integrationskonzept Musterstadt",
    "version": "1.0",
    "stand": "2024-03-01",
    "herausgeber": {"name": "Stadt Musterstadt"},
    "federfuehrung": "stadt",
    "kontakt": {"stelle": "Koordinierungsstelle", "email": "integration@example.org"},
    "handlungsfelder": [{"id": "sprache", "name": "Sprache"}, {"id": "arbeit", "name": "Arbeit"}],
    "zielgruppen": [{"id": "frauen", "name": "Frauen"},
                    {"id": "jugendliche", "name": "Jugendliche"}],
    "sozialraeume": [{"id": "stadtweit", "name": "stadtweit", "art": "gesamt"}],
}
AKTEURE: dict[str, Any] = {"akteure": [
    {"id": "vhs", "name": "Volkshochschule Musterstadt", "kurz": "VHS", "typ": "Bildungsträger"},
    {"id": "stadt", "name": "Stadt Musterstadt", "kurz": "Stadt", "typ": "Verwaltung"},
]}
SPRACHE: dict[str, Any] = {
    "handlungsfeld": "sprache",
    "ziele": [{"id": "z-sprache", "titel": "Mehr Menschen sprechen Deutsch"}],
    "massnahmen": [
        {"id": "m-kurs", "titel": "Sprachkurs mit Kinderbetreuung", "ziele": ["z-sprache"],
         "federfuehrung": "vhs", "zielgruppen": ["jugendliche"], "status": "geplant",
         "zeitraum": {"beginn": "2024", "ende": "2024"},
         "beschreibung": "Ein Kurs zweimal in der Woche."},
        {"id": "m-cafe", "titel": "Sprachcafé", "ziele": ["z-sprache"]},
        {"id": "m-lotsen", "titel": "Joblotsen", "ziele": ["z-sprache"]},
    ],
    "angebote": [{"id": "a-kurs", "titel": "Integrationskurs", "traeger": "vhs",
                  "laufzeit": {"beginn": "2023-01", "ende": "2024-12"}}],
}
ARBEIT: dict[str, Any] = {
    "handlungsfeld": "arbeit",
    "massnahmen": [{"id": "m-messe", "titel": "Jobmesse", "federfuehrung": "stadt"}],
}


def git(repo: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_DATE="2024-03-12T10:00:00+01:00",
               GIT_COMMITTER_DATE="2024-03-12T10:00:00+01:00", GIT_CONFIG_NOSYSTEM="1",
               HOME=str(repo))
    proc = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env,
                          timeout=30, check=True)
    return proc.stdout.strip()


def init_repo(repo: Path) -> None:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Test")
    git(repo, "config", "user.email", "test@example.org")
    git(repo, "config", "commit.gpgsign", "false")


def write_concept(folder: Path, files: dict[str, dict[str, Any] | str]) -> None:
    """Replace the concept in ``folder`` by ``files`` (relative path -> dict or text)."""
    if folder.exists():
        for child in folder.iterdir():
            if child.name.startswith("."):
                continue  # keep .git when the concept is the repository itself
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()
    for rel, content in files.items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        text = content if isinstance(content, str) else yaml.safe_dump(
            content, allow_unicode=True, sort_keys=False)
        target.write_text(text, encoding="utf-8")


def commit(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


def make_history(repo: Path) -> Path:
    """A repository with the concept in ``konzept/``: tag ``leer`` without it, v1.0, v2."""
    init_repo(repo)
    (repo / "README.md").write_text("Repository der Stadt\n", encoding="utf-8")
    commit(repo, "Start without concept")
    git(repo, "tag", "leer")
    write_concept(repo / "konzept", version_one())
    commit(repo, "Concept 1.0")
    git(repo, "tag", "v1.0")
    write_concept(repo / "konzept", version_two())
    commit(repo, "Fortschreibung")
    return repo


def version_one() -> dict[str, dict[str, Any] | str]:
    return {"konzept.yaml": copy.deepcopy(KONZEPT), "akteure.yaml": copy.deepcopy(AKTEURE),
            "sprache.yaml": copy.deepcopy(SPRACHE), "arbeit.yaml": copy.deepcopy(ARBEIT)}


def version_two() -> dict[str, dict[str, Any] | str]:
    """v1.0 decided by the council, then changed: the Fortschreibung."""
    files = version_one()
    konzept = files["konzept.yaml"]
    assert isinstance(konzept, dict)
    konzept["version"] = "2.0"
    konzept["beschluesse"] = [{"gremium": "Rat der Stadt Musterstadt", "datum": "2024-03-12",
                               "git": "v1.0"}]
    sprache, arbeit = files["sprache.yaml"], files["arbeit.yaml"]
    assert isinstance(sprache, dict) and isinstance(arbeit, dict)
    kurs, _cafe, lotsen = sprache["massnahmen"]
    kurs.update({"status": "in Umsetzung", "federfuehrung": "stadt",
                 "zielgruppen": ["frauen"], "zeitraum": {"beginn": "2025", "ende": "2025"},
                 "beschreibung": "Ein Kurs dreimal in der Woche."})
    sprache["massnahmen"] = [kurs, {"id": "m-beratung", "titel": "Sprachberatung"}]
    sprache["angebote"][0]["laufzeit"]["ende"] = "2026-06"
    arbeit["massnahmen"].append(lotsen)  # moved: other file, other Handlungsfeld
    return files
