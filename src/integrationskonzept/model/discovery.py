"""Which files belong to a concept folder: its YAML files (konzept.yaml first), and the
stray or unsafe names that are reported instead of read."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..problems import Location, Problem, Severity
from ..source import SKIP_DIRS

KONZEPT_FILES = ("konzept.yaml", "konzept.yml")
YAML_SUFFIXES = (".yaml", ".yml")


def _own_concept(folder: str) -> bool:
    """A subfolder with its own konzept.yaml is another concept (e.g. a Gemeinde of a
    Landkreis workspace), not part of this one."""
    return any(os.path.isfile(os.path.join(folder, name)) for name in KONZEPT_FILES)


_NAME_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\udc80-\udcff\u2028\u2029]")


def shown_name(rel: str) -> str:
    """``rel`` with control characters and undecodable bytes written as ``%XX``
    (percent-encoded bytes: safe on a terminal, in CI annotations and in SARIF URIs)."""
    def one(m: re.Match[str]) -> str:
        code = ord(m.group())
        raw = bytes([code - 0xDC00]) if code >= 0xDC80 else m.group().encode("utf-8")
        return "".join(f"%{b:02X}" for b in raw)
    return _NAME_CONTROL.sub(one, rel)


def discover(root: Path) -> tuple[list[str], list[Problem]]:
    """All YAML files of the concept (relative paths, konzept.yaml first) and stray files."""
    found: list[str] = []
    problems: list[Problem] = []
    base = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in SKIP_DIRS
                             and not _own_concept(os.path.join(dirpath, d)))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            rel = os.path.relpath(os.path.join(dirpath, name), root).replace(os.sep, "/")
            lower = name.lower()
            shown = shown_name(rel)
            if shown != rel:
                source = lower.endswith((*YAML_SUFFIXES, ".md"))
                problems.append(Problem(
                    "IK012", Severity.ERROR if source else Severity.WARNING,
                    f"Dateiname „{shown}“ enthält Steuerzeichen oder ist nicht "
                    "UTF-8-kodiert; die Datei wird nicht gelesen", Location(shown),
                    "Benennen Sie die Datei um (nur Buchstaben, Ziffern, - und _).",
                    rule="dateien"))
                continue
            # (os.walk does not enter linked folders: only a linked file can lead outside)
            if (lower.endswith(YAML_SUFFIXES) and os.path.islink(os.path.join(dirpath, name))
                    and not (root / rel).resolve().is_relative_to(base)):
                problems.append(Problem(
                    "IK011", Severity.ERROR,
                    f"Datei „{rel}“ ist eine Verknüpfung auf eine Datei außerhalb des "
                    "Konzeptordners und wird nicht gelesen", Location(rel),
                    "Kopieren Sie die Datei in den Konzeptordner, statt auf sie zu verweisen.",
                    rule="dateien"))
            elif lower.endswith(YAML_SUFFIXES):
                found.append(rel)
            elif ".yaml" in lower or ".yml" in lower:
                problems.append(Problem(
                    "IK009", Severity.WARNING,
                    f"Datei „{rel}“ wird nicht gelesen: sie endet nicht auf .yaml",
                    Location(rel), "Benennen Sie die Datei um oder löschen Sie die Kopie.",
                    rule="dateien"))
    found.sort(key=lambda r: (r not in KONZEPT_FILES, r.count("/"), r))
    return found, problems
