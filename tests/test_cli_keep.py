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


def test_the_workspace_commands_hold_what_they_loaded(monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    from integrationskonzept.cli import verbund
    from integrationskonzept.workspace.gaps import KreisLuecken
    from integrationskonzept.workspace.loader import Arbeitsbereich
    from integrationskonzept.workspace.validate import WorkspaceReport

    kept: list[object] = []
    monkeypatch.setattr(runtime, "_KEPT", kept)
    monkeypatch.setattr(runtime, "_ENDING", [True])
    kreis = ROOT / "examples" / "landkreis-peine"
    assert verbund.validate_command(kreis, False, "json", None) == 0
    assert verbund.gaps_command(kreis, "json", None, False) == 0
    assert '"landkreis"' in capsys.readouterr().out
    assert [type(k) for k in kept] == [WorkspaceReport, Arbeitsbereich, KreisLuecken]
