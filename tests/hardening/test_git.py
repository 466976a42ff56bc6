"""The concept's git repository comes from other hands: its config runs nothing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "diff"))
from gitrepo import commit, git, make_history, needs_git, version_two, write_concept  # noqa: E402

from integrationskonzept.diff.versions import compare_versions  # noqa: E402
from integrationskonzept.errors import GitError  # noqa: E402
from integrationskonzept.model.revision import load_at_revision  # noqa: E402
from integrationskonzept.source.git import version_info  # noqa: E402

pytestmark = needs_git


def hook(tmp_path: Path, name: str) -> tuple[Path, str]:
    """A script that leaves a mark when run; (marker file, script path)."""
    marker = tmp_path / f"{name}-lief"
    script = tmp_path / f"{name}.sh"
    script.write_text(f"#!/bin/sh\ntouch {marker}\ncat\n", encoding="utf-8")
    script.chmod(0o755)
    return marker, str(script)


@pytest.mark.skipif(sys.platform == "win32", reason="shell scripts as hooks")
def test_repository_config_runs_no_commands(tmp_path: Path) -> None:
    repo = make_history(tmp_path / "repo")
    markers = []
    for key in ("core.fsmonitor", "core.pager", "diff.external", "filter.boese.clean",
                "filter.boese.process", "core.hooksPath"):
        marker, script = hook(tmp_path, key.replace(".", "-"))
        markers.append(marker)
        git(repo, "config", key, script if key != "core.hooksPath" else str(tmp_path))
    (repo / ".gitattributes").write_text("* filter=boese\n", encoding="utf-8")
    (repo / "konzept" / "sprache.yaml").write_text(
        (repo / "konzept" / "sprache.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    info = version_info(repo / "konzept")
    assert info.in_git and info.entwurf
    load_at_revision(repo / "konzept", "v1.0")
    compare_versions(repo / "konzept")
    assert [m.name for m in markers if m.exists()] == []


def test_beschluss_git_value_is_never_a_folder(tmp_path: Path) -> None:
    repo = make_history(tmp_path / "repo")
    files = version_two()
    konzept = files["konzept.yaml"]
    assert isinstance(konzept, dict)
    elsewhere = tmp_path / "fremd"
    write_concept(elsewhere, version_two())
    konzept["beschluesse"][0]["git"] = str(elsewhere)
    write_concept(repo / "konzept", files)
    commit(repo, "git: names a folder")
    with pytest.raises(GitError, match="Git kennt die Revision"):
        compare_versions(repo / "konzept")
    # typed on the command line, a folder is fine
    assert compare_versions(repo / "konzept", str(elsewhere)).beschluss == ""


def test_a_huge_blob_in_a_revision_is_not_read_and_is_reported(tmp_path: Path,
                                                              monkeypatch) -> None:
    from integrationskonzept.source import git as gitmodule

    repo = make_history(tmp_path / "repo")
    (repo / "konzept" / "gross.yaml").write_text("titel: x\n" + "# " + "x" * 4000 + "\n",
                                                 encoding="utf-8")
    commit(repo, "large file")
    git(repo, "tag", "v3")
    monkeypatch.setattr(gitmodule, "MAX_SOURCE_BYTES", 2000)
    result, _rev = load_at_revision(repo / "konzept", "v3")
    [p] = [p for p in result.problems if p.location.file == "gross.yaml"]
    assert p.code == "IK004" and "zu groß" in p.message
