"""The pinned toolchain: which pandoc and typst build the documents, and which are installed.

Pandoc and the typst compiler come inside two Python packages, ``pypandoc-binary`` and
``typst``; every release of them changes the bytes of the documents (and may break the
theme or the Lua filters). ``pyproject.toml`` pins both exactly to :data:`PINS`, and
``tests/test_toolchain.py`` fails unless the installed packages and the programs inside
them are these, so an upgrade is a deliberate commit with its golden files refreshed.

Standard library only and fast (``ik --version``): versions are read from the packages'
``*.dist-info/METADATA`` files, not through :mod:`importlib.metadata` (~30 ms to import),
and pandoc is not started when the pinned package is installed: its pandoc is known.
Named tuples rather than dataclasses: :mod:`dataclasses` alone costs ~15 ms to import.
"""

from __future__ import annotations

import os
import re
import sys
from typing import NamedTuple

from . import __version__


class Pin(NamedTuple):
    """A Python package that ships a program, pinned to one release."""

    package: str  # the distribution's name on PyPI
    version: str  # the pinned release (as in pyproject.toml and constraints.txt)
    program: str  # the program inside, as users know it
    program_version: str  # the program's version in that release


PANDOC = Pin("pypandoc-binary", "1.17", "Pandoc", "3.9")
TYPST = Pin("typst", "0.15.2", "Typst", "0.15.1")
PINS = (PANDOC, TYPST)


class Program(NamedTuple):
    """What is installed of a pinned program."""

    pin: Pin
    installed: str | None  # version of the installed package; None: not installed
    version: str | None  # the program's version; None: unknown without asking the program

    @property
    def pinned(self) -> bool:
        return self.installed == self.pin.version


class Versions(NamedTuple):
    """ik, Python, pandoc and typst as installed."""

    ik: str
    python: str
    pandoc: Program
    typst: Program

    @property
    def programs(self) -> tuple[Program, Program]:
        return (self.pandoc, self.typst)

    @property
    def generator(self) -> str:
        """One line for the documents' metadata, e.g. ``ik 0.1.0 (Pandoc 3.9, Typst 0.15.1)``."""
        tools = ", ".join(f"{p.pin.program} {p.version or 'unbekannt'}" for p in self.programs)
        return f"ik {self.ik} ({tools})"

    def text(self) -> str:
        """The German lines of ``ik --version``."""
        lines = [f"ik {self.ik}", f"  Python:  {self.python}"]
        for p in self.programs:
            label = f"{p.pin.program}:".ljust(8)
            if p.installed is None:
                lines.append(f"  {label} nicht installiert (Paket {p.pin.package} fehlt)")
                continue
            line = f"  {label} {p.version or 'unbekannt'} (Paket {p.pin.package} {p.installed}"
            if not p.pinned:
                line += f"; geprüft ist {p.pin.version}, Dokumente können abweichen"
            lines.append(line + ")")
        return "\n".join(lines) + "\n"


def versions() -> Versions:
    """The installed versions; a program in an unpinned package has ``version`` None."""
    return Versions(__version__, python_version(), program(PANDOC), program(TYPST))


def program(pin: Pin) -> Program:
    installed = installed_version(pin.package)
    return Program(pin, installed, pin.program_version if installed == pin.version else None)


def python_version() -> str:
    return ".".join(str(n) for n in sys.version_info[:3])


def installed_version(package: str) -> str | None:
    """Version of an installed distribution, or None if it is not installed.

    Looks on ``sys.path`` in order, as the import system does, for the wheel's
    ``<name>-<version>.dist-info`` folder; falls back to :mod:`importlib.metadata` for
    other kinds of installation.
    """
    wanted = _normalise(package)
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and _normalise(name.split("-", 1)[0]) == wanted:
                found = _metadata_version(os.path.join(entry, name, "METADATA"))
                if found:
                    return found
    from importlib import metadata

    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _metadata_version(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as metadata:
            for line in metadata:
                if line.startswith("Version:"):
                    return line.split(":", 1)[1].strip()
                if not line.strip():  # end of the headers
                    break
    except OSError:
        pass
    return None
