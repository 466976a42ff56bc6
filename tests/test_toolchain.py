"""The pinned toolchain: pandoc and typst in use are the tested ones, and say so.

When one of these fails after an upgrade of pypandoc-binary or typst, make the upgrade a
deliberate commit: new versions in ``integrationskonzept/toolchain.py`` (PINS),
``pyproject.toml`` and ``constraints.txt`` (``.ci/constraints``), golden files refreshed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from integrationskonzept import __version__, cli, toolchain
from integrationskonzept.render.pandoc import pandoc_version
from integrationskonzept.render.typesetter import typst_version
from integrationskonzept.render.versions import _complete

ROOT = Path(__file__).resolve().parent.parent
UPGRADE = "an upgrade is a deliberate commit: see the docstring of tests/test_toolchain.py"


@pytest.mark.parametrize("pin", toolchain.PINS, ids=lambda p: p.package)
def test_installed_package_is_the_pinned_release(pin: toolchain.Pin) -> None:
    assert metadata.version(pin.package) == pin.version, UPGRADE
    assert toolchain.installed_version(pin.package) == pin.version


def test_programs_in_use_are_the_pinned_versions() -> None:
    assert pandoc_version() == toolchain.PANDOC.program_version, UPGRADE
    assert typst_version() == toolchain.TYPST.program_version, UPGRADE


def _requirements() -> dict[str, str]:
    """Every requirement of pyproject.toml (runtime and extras): normalised name → spec."""
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = [*project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        specs += extra
    found = {}
    for spec in specs:
        name, rest = re.match(r"([A-Za-z0-9_.-]+)(.*)", spec).groups()  # type: ignore[union-attr]
        found[toolchain._normalise(name)] = rest.replace(" ", "")
    return found


def _constraints() -> dict[str, str]:
    pinned = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pinned[toolchain._normalise(name)] = version.strip()
    return pinned


def test_pyproject_and_constraints_pin_the_same_toolchain() -> None:
    requirements, constraints = _requirements(), _constraints()
    for pin in toolchain.PINS:
        assert requirements[pin.package] == f"=={pin.version}"
        assert constraints[pin.package] == pin.version
    # every other requirement is bounded by its major version, and in the constraints
    for name, spec in requirements.items():
        assert spec.startswith("==") or "<" in spec, f"{name}{spec}: no upper bound"
        assert name in constraints, f"{name} missing in constraints.txt: run .ci/constraints"
        if spec.startswith("=="):
            assert constraints[name] == spec[2:], name
    assert toolchain._normalise("integrationskonzept") not in constraints


def test_installed_version_reads_wheels_and_falls_back() -> None:
    for name in ("PyYAML", "pyyaml", "typing_extensions", "python-docx"):
        assert toolchain.installed_version(name) == metadata.version(name)
    assert toolchain.installed_version("kein-solches-paket") is None


def test_version_names_ik_python_pandoc_and_typst(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    python = ".".join(map(str, sys.version_info[:3]))
    assert out == (
        f"ik {__version__}\n"
        f"  Python:  {python}\n"
        f"  Pandoc:  {toolchain.PANDOC.program_version} (Paket pypandoc-binary "
        f"{toolchain.PANDOC.version})\n"
        f"  Typst:   {toolchain.TYPST.program_version} (Paket typst {toolchain.TYPST.version})\n"
    )


def test_version_does_not_load_typer_or_start_pandoc() -> None:
    # Not a benchmark: guards the fast path (no typer/pydantic, no importlib.metadata,
    # no tool started) that keeps `ik --version` instant.
    code = ("import sys\nfrom integrationskonzept.cli import main\ntry:\n    main(['--version'])\n"
            "except SystemExit:\n    pass\n"
            "heavy = ('typer', 'click', 'pydantic', 'yaml', 'jinja2', 'pypandoc', 'typst', "
            "'importlib.metadata', 'subprocess', 'dataclasses')\n"
            "print('LOADED', [m for m in heavy if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert "LOADED []" in out, out


def test_unpinned_release_is_asked_and_flagged() -> None:
    other = toolchain.PANDOC._replace(version="0.1", program_version="0.0")
    found = toolchain.program(other)
    assert found.installed == toolchain.PANDOC.version and not found.pinned
    assert found.version is None  # unknown without asking pandoc
    asked = _complete(found)
    assert asked.version == toolchain.PANDOC.program_version  # what pandoc says of itself
    versions = toolchain.versions()._replace(pandoc=asked)
    assert (f"  Pandoc:  {asked.version} (Paket pypandoc-binary {toolchain.PANDOC.version}; "
            "geprüft ist 0.1, Dokumente können abweichen)") in versions.text()
    missing = toolchain.program(other._replace(package="kein-pandoc-paket"))
    assert "  Pandoc:  nicht installiert (Paket kein-pandoc-paket fehlt)" in (
        toolchain.versions()._replace(pandoc=missing).text())
    assert toolchain.versions()._replace(pandoc=missing).generator.startswith(
        f"ik {__version__} (Pandoc unbekannt, Typst ")


def test_ci_runs_the_readme_commands_and_every_gate() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert readme[2:6] == [
        "```sh",
        "python3 -m venv .venv && .venv/bin/pip install -q . && .venv/bin/ik build examples/peine",
        'python3 -m venv .venv && .venv/bin/pip install -q -e ".[test]" && .venv/bin/python -m '
        "pytest",
        "```",
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert f"'{readme[4]}'" in ci  # word for word
    for gate in ('pip install -q -c constraints.txt -e ".[test,dev]"', "--cov",
                 ".venv/bin/ruff check src tests", ".venv/bin/mypy src"):
        assert gate in ci
    assert "-c constraints.txt" in "\n".join(readme)  # the README says how to install exactly


def test_a_newer_pandoc_on_path_does_not_replace_the_pinned_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "pandoc"
    fake.write_text("#!/bin/sh\necho 'pandoc 99.0'\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}")
    assert pandoc_version() == toolchain.PANDOC.program_version


def test_typst_of_an_unpinned_release_is_asked() -> None:
    found = toolchain.program(toolchain.TYPST._replace(version="0.1"))
    assert found.version is None
    assert _complete(found).version == toolchain.TYPST.program_version


def test_without_pypandoc_binary_the_build_says_what_to_install(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from integrationskonzept.errors import RenderError
    from integrationskonzept.render.pandoc import pandoc_path

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(RenderError) as failed:
        pandoc_path()
    assert failed.value.message == (
        "Pandoc wurde nicht gefunden. Bitte das Paket »pypandoc-binary« installieren.")
    assert pandoc_version() is None
