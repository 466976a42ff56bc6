"""`ik diff` on a Landkreis workspace: folders and git revisions of the Kreis repository."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from ik_testing import BASE_INHALT, write_workspace
from integrationskonzept.workspace.diff import compare_workspaces, format_workspace_diff

M = BASE_INHALT["massnahmen"][0]
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git ist nicht installiert")


def _set_status(root: Path, member: str, status: str) -> None:
    path = root / "gemeinden" / member / "bildung.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["massnahmen"][0]["status"] = status
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_folders_members_changed_joined_left(tmp_path: Path) -> None:
    old = write_workspace(tmp_path / "alt", members={"ilsede": ({}, {}),
                                                     "lengede": ({}, {})})
    new = write_workspace(tmp_path / "neu", members={"ilsede": ({}, {}),
                                                     "edemissen": ({}, {})})
    _set_status(new, "ilsede", "in Umsetzung")
    wd = compare_workspaces(new, str(old))
    assert [(t.id, t.stand) for t in wd.teile] == [
        ("kreis", "geändert"), ("ilsede", "geändert"),
        ("edemissen", "neu im Landkreis"), ("lengede", "nicht mehr im Landkreis")]
    text = format_workspace_diff(wd)
    assert "Gemeinde Ilsede (gemeinden/ilsede/): 1 geändert" in text
    assert "Status: geplant → in Umsetzung" in text
    assert "Gemeinde Edemissen (gemeinden/edemissen/): neu im Landkreis" in text
    data = json.loads(format_workspace_diff(wd, "json"))
    assert [k["stand"] for k in data["konzepte"]] == [t.stand for t in wd.teile]


@needs_git
def test_git_revision_reads_sibling_members(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                            ) -> None:
    from integrationskonzept.cli import main

    repo = tmp_path / "repo"
    write_workspace(repo / "peine", kreis={"gemeinden": []}, members={})
    konzept = yaml.safe_load((repo / "peine" / "konzept.yaml").read_text(encoding="utf-8"))
    konzept["kommune"]["typ"] = "Stadt"
    (repo / "peine" / "konzept.yaml").write_text(yaml.safe_dump(konzept, allow_unicode=True),
                                                 encoding="utf-8")
    kreis = write_workspace(repo / "landkreis", kreis={"gemeinden": [
        {"id": "peine", "pfad": "../peine"}, {"id": "ilsede", "pfad": "gemeinden/ilsede"}]},
        members={"ilsede": ({}, {})})
    git = ["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=t@example.org"]
    subprocess.run([*git[:3], "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "v1"], check=True)
    subprocess.run([*git, "tag", "v1.0"], check=True)
    inhalt = copy.deepcopy(BASE_INHALT)
    inhalt["massnahmen"] = [dict(M, titel="Sprachcafé für alle")]
    (repo / "peine" / "bildung.yaml").write_text(yaml.safe_dump(inhalt, allow_unicode=True),
                                                 encoding="utf-8")
    with pytest.raises(SystemExit) as done:
        main(["diff", str(kreis), "--from", "v1.0"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "Stadt Peine (../peine/): 1 geändert" in out
    assert "Titel: Sprachcafé → Sprachcafé für alle" in out
    assert "Gemeinde Ilsede (gemeinden/ilsede/): unverändert" in out
    assert "Landkreis Peine: unverändert" in out
