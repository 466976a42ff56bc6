"""`ik build` with the changes since the council's decision, the Synopse and the git version."""

from __future__ import annotations

from pathlib import Path

import pytest
from gitrepo import make_history, needs_git

from integrationskonzept.errors import IkError
from integrationskonzept.render.build import build

pytestmark = needs_git


def test_changes_chapter_in_the_document(tmp_path: Path) -> None:
    repo = make_history(tmp_path / "repo")
    result = build(repo / "konzept", formats=["md"], out=tmp_path / "out", aenderungen=True)
    assert result.ok, result.problems
    md = (tmp_path / "out" / "integrationskonzept.md").read_text(encoding="utf-8")
    assert "# Änderungen seit dem Beschluss vom 12. März 2024" in md
    assert "Status: geplant → in Umsetzung" in md
    assert "Federführung: VHS → Stadt" in md


def test_synopse_alone(tmp_path: Path) -> None:
    repo = make_history(tmp_path / "repo")
    result = build(repo / "konzept", formats=["md"], out=tmp_path / "out", synopse=True)
    assert result.ok, result.problems
    assert [p.name for p in result.files] == ["synopse.md"]
    md = result.files[0].read_text(encoding="utf-8")
    assert md.startswith("# Synopse: Beschluss vom 12. März 2024 und neue Fassung")
    assert "| Status | geplant | in Umsetzung |" in md


def test_version_from_git_and_draft_when_uncommitted(tmp_path: Path) -> None:
    repo = make_history(tmp_path / "repo")
    result = build(repo / "konzept", formats=["html"], out=tmp_path / "out")
    html = (tmp_path / "out" / "integrationskonzept.html").read_text(encoding="utf-8")
    assert "Commit " not in html  # a decided, committed version: words, no hash
    banner = '<div class="ik-entwurf" role="note">ENTWURF</div>'
    assert banner not in html
    (repo / "konzept" / "sprache.yaml").write_text(
        (repo / "konzept" / "sprache.yaml").read_text(encoding="utf-8").replace(
            "Sprachberatung", "Sprachberatung im Quartier"), encoding="utf-8")
    result = build(repo / "konzept", formats=["html"], out=tmp_path / "out2")
    assert any("nicht eingecheckte Änderungen" in w for w in result.warnings)
    html = (tmp_path / "out2" / "integrationskonzept.html").read_text(encoding="utf-8")
    assert '<div class="ik-entwurf" role="note">ENTWURF</div>' in html
    assert "(Entwurf, Commit " in html  # a draft names its commit


def test_no_beschluss_with_git_is_a_clear_error(tmp_path: Path) -> None:
    repo = make_history(tmp_path / "repo")
    konzept = repo / "konzept" / "konzept.yaml"
    konzept.write_text(konzept.read_text(encoding="utf-8").replace("  git: v1.0\n", ""),
                       encoding="utf-8")
    with pytest.raises(IkError, match="nennt keine Git-Version"):
        build(repo / "konzept", formats=["md"], out=tmp_path / "out", aenderungen=True)
    assert not (tmp_path / "out" / "integrationskonzept.md").exists()
