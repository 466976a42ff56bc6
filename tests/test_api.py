"""The public Python API in integrationskonzept/__init__.py, on examples/peine."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import integrationskonzept as ik
from ik_testing import EXAMPLES


def test_import_is_cheap() -> None:
    code = ("import sys, integrationskonzept; "
            "print([m for m in ('pydantic', 'yaml', 'jinja2', 'typer', 'rich', 'babel') "
            "if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]", out.stderr


def test_load_validate_find_gaps() -> None:
    loaded = ik.load(EXAMPLES / "peine")
    assert loaded.problems == []
    assert "sprache-bildung" in loaded.konzept.handlungsfelder
    report = ik.validate(EXAMPLES / "peine")
    assert not report.failed(strict=True)
    gaps = ik.find_gaps(report.konzept)
    assert len(gaps.befunde) == len(report.konzept.bedarfe) > 0


def test_compare_two_folders(tmp_path: Path) -> None:
    old = tmp_path / "alt"
    shutil.copytree(EXAMPLES / "peine", old)
    diff = ik.compare(EXAMPLES / "peine", str(old))
    assert diff.empty
    with pytest.raises(ik.IkError, match="nicht gefunden"):
        ik.compare(tmp_path / "fehlt", str(old))


def test_build_markdown(tmp_path: Path) -> None:
    steps: list[str] = []
    result = ik.build(EXAMPLES / "peine", ["md"], tmp_path / "out", progress=steps.append)
    assert result.ok and steps
    [md] = result.files
    assert md.name == "integrationskonzept.md"
    assert "Integrationskonzept" in md.read_text(encoding="utf-8")
