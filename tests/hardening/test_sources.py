"""Source files from other hands: links out of the concept, pipes, devices, giant files."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from integrationskonzept.checks.runner import validate

SECRET = "password=hunter2"
posix = pytest.mark.skipif(sys.platform == "win32", reason="links and FIFOs need POSIX")


def located(root: Path) -> list[tuple[str, int, str]]:
    return [(p.location.file, p.location.line, p.code) for p in validate(root).problems]


@posix
def test_yaml_linking_out_of_the_concept_is_refused_without_its_content(
        concept, tmp_path: Path) -> None:
    secret = tmp_path / "credentials.yaml"
    secret.write_text(f"{SECRET}\nmassnahmen: []\n", encoding="utf-8")
    root = concept()
    os.symlink(secret, root / "geliehen.yaml")
    problems = validate(root).problems
    assert ("geliehen.yaml", 0, "IK011") in located(root)
    assert all(SECRET not in p.message + p.hint for p in problems)
    assert validate(root).failed()


@posix
def test_yaml_linking_to_a_device_is_refused(concept) -> None:
    root = concept()
    os.symlink("/dev/zero", root / "null.yaml")
    assert ("null.yaml", 0, "IK011") in located(root)


@posix
def test_links_inside_the_concept_are_read(concept) -> None:
    root = concept()
    (root / "ablage").mkdir()
    (root / "bildung.yaml").rename(root / "ablage" / "bildung.inhalt")
    os.symlink("ablage/bildung.inhalt", root / "bildung.yaml")
    report = validate(root)
    assert not report.failed() and "m-1" in report.konzept.massnahmen


@posix
def test_a_fifo_is_refused_without_blocking(concept) -> None:
    root = concept()
    os.mkfifo(root / "warten.yaml")
    started = time.monotonic()
    problems = [p for p in validate(root).problems if p.location.file == "warten.yaml"]
    assert [(p.code, p.message) for p in problems] == [
        ("IK001", "keine gewöhnliche Datei (z. B. ein Gerät, eine Pipe oder ein Ordner)")]
    assert time.monotonic() - started < 10


@posix
def test_a_markdown_fifo_is_refused_without_blocking(concept) -> None:
    root = concept(konzept={"kapitel": [{"id": "vorwort", "titel": "Vorwort",
                                         "datei": "texte/vorwort.md"}]})
    (root / "texte").mkdir()
    os.mkfifo(root / "texte" / "vorwort.md")
    [p] = [p for p in validate(root).problems if p.code == "IK401"]
    assert "keine gewöhnliche Datei" in p.message
    assert p.location.file == "konzept.yaml"


def test_giant_files_are_refused_by_size_not_read(concept) -> None:
    root = concept(konzept={"kapitel": [{"id": "vorwort", "titel": "Vorwort",
                                         "datei": "texte/vorwort.md"}]},
                   extra={"texte/vorwort.md": "TODO\n"})
    for name in ("riesig.yaml", "texte/vorwort.md"):
        with open(root / name, "r+b" if name.endswith(".md") else "wb") as fh:
            fh.truncate(3 * 2**30)  # sparse: 3 GiB that take no disk space
    started = time.monotonic()
    problems = validate(root).problems
    assert time.monotonic() - started < 10
    codes = {(p.location.file, p.code) for p in problems}
    assert ("riesig.yaml", "IK004") in codes
    assert ("konzept.yaml", "IK004") in codes
    assert not any(p.code == "IK590" for p in problems)


def test_placeholder_check_uses_the_text_read_once(concept) -> None:
    root = concept(inhalt={"ausgangslage": "TODO Lage"})
    report = validate(root)
    assert [(p.location.file, p.location.line) for p in report.problems
            if p.code == "IK590"] == [("bildung.yaml", 2)]
    assert "TODO Lage" in report.konzept.quelltexte["bildung.yaml"]
