"""The library leaves the process as it found it (safe in a notebook or editor plugin)."""

from __future__ import annotations

import gc
import sys

import pytest

from ik_testing import EXAMPLES
from integrationskonzept.checks.runner import validate
from integrationskonzept.gaps import find_gaps


def test_validate_and_gaps_leave_the_collector_and_streams_alone() -> None:
    frozen = gc.get_freeze_count()
    streams = (sys.stdout, sys.stderr)
    assert gc.isenabled()
    report = validate(EXAMPLES / "peine")
    find_gaps(report.konzept)
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
    assert (sys.stdout, sys.stderr) == streams


def test_the_library_keeps_a_disabled_collector_disabled() -> None:
    gc.disable()
    try:
        validate(EXAMPLES / "peine")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_cli_restores_the_collector_after_a_run() -> None:
    from ik_testing import ik

    assert ik("validate", str(EXAMPLES / "peine"))[0] == 0
    assert gc.isenabled()


def test_a_run_that_ends_the_process_leaves_the_collector_off(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`ik` run as a program ends right after the command: switching the collector back on
    would only make it scan every object once more before the end."""
    from integrationskonzept.cli import runtime

    monkeypatch.setattr(runtime, "_ENDING", [True])
    try:
        with runtime.collector_policy("validate"):
            validate(EXAMPLES / "peine")
        assert not gc.isenabled()
        gc.enable()
        with runtime.collector_policy("build"):  # build keeps its collector
            assert gc.isenabled()
        assert gc.isenabled()
    finally:
        gc.enable()
