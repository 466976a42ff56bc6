"""The CLI holds a command's result until the process ends (no freeing before os._exit)."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrationskonzept.cli import runtime
from integrationskonzept.gaps.folder import gaps_for_folder

ROOT = Path(__file__).resolve().parent.parent


def test_a_result_is_held_only_when_the_process_ends_after_the_run(
        monkeypatch: pytest.MonkeyPatch) -> None:
    kept: list[object] = []
    monkeypatch.setattr(runtime, "_KEPT", kept)
    monkeypatch.setattr(runtime, "_ENDING", [])
    runtime.keep("in a test or a notebook")
    assert kept == []  # the library's callers get their memory back
    monkeypatch.setattr(runtime, "_ENDING", [True])
    runtime.keep("in `ik validate`")
    assert kept == ["in `ik validate`"]


def test_the_gaps_of_a_folder_come_with_their_concept() -> None:
    result = gaps_for_folder(ROOT / "examples" / "peine")
    assert result.report is not None and result.konzept is not None
    assert result.files == len(result.konzept.files) > 10
    assert result.konzept.bedarfe  # the needs the report judged
