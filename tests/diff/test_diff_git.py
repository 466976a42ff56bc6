"""`ik diff` on real git repositories: revisions, folders, the Beschluss default, errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from gitrepo import commit, git, init_repo, needs_git, version_one, version_two, write_concept

from ik_testing import ik
from integrationskonzept.diff import compare_versions, version_info
from integrationskonzept.errors import GitError as UserError
from integrationskonzept.model.revision import load_at_revision

pytestmark = needs_git

EXPECTED = {
    ("massnahmen", "m-kurs"): ("geändert", [
        "Status: geplant → in Umsetzung",
        "Zeitraum verschoben von 2024 auf 2025",
        "Federführung: VHS → Stadt",
        "Beschreibung geändert: „zweimal“ → „dreimal“",
        "Zielgruppen: + Frauen, − Jugendliche",
    ]),
    ("massnahmen", "m-lotsen"): ("verschoben", [
        "Handlungsfeld: Sprache → Arbeit", "Datei: sprache.yaml → arbeit.yaml"]),
    ("massnahmen", "m-beratung"): ("neu", []),
    ("massnahmen", "m-cafe"): ("entfallen", []),
    ("angebote", "a-kurs"): ("geändert", [
        "Laufzeit: Ende verschoben von Dezember 2024 auf Juni 2026"]),
}


def diff_command(path: Path | str, from_rev: str | None = None, to_rev: str | None = None,
                 fmt: str = "text") -> tuple[str, int]:
    """`ik diff` as a user runs it: (what it printed, exit code)."""
    args = ["diff", str(path), f"--format={fmt}"]
    if from_rev is not None:
        args.append(f"--from={from_rev}")
    if to_rev is not None:
        args.append(f"--to={to_rev}")
    code, out = ik(*args)
    return out.removesuffix("\n"), code



def _as_data(diff: object) -> dict[tuple[str, str], tuple[str, list[str]]]:
    return {(i.kind, i.id): (i.change, [f.text for f in i.fields])
            for i in diff.items}  # type: ignore[attr-defined]


def test_between_two_revisions(history: Path) -> None:
    diff = compare_versions(history / "konzept", "v1.0", "HEAD")
    assert _as_data(diff) == EXPECTED
    assert [c.text for c in diff.meta] == [
        "Version: 1.0 → 2.0", "Beschluss ergänzt: Rat der Stadt Musterstadt am 12.03.2024"]
    assert diff.old_label.startswith("v1.0 (") and diff.old_label.endswith(" vom 12.03.2024")
    assert diff.new_label.startswith("HEAD (")
    assert diff.beschluss == ""


def test_default_from_is_last_beschluss_and_to_is_working_tree(history: Path) -> None:
    konzept = history / "konzept"
    (konzept / "sprache.yaml").write_text(
        (konzept / "sprache.yaml").read_text(encoding="utf-8").replace(
            "Sprachberatung", "Sprachberatung für Eltern"), encoding="utf-8")
    diff = compare_versions(konzept)
    assert diff.beschluss == "12. März 2024 (Rat der Stadt Musterstadt)"
    assert diff.new_label == "Arbeitsstand"
    assert _as_data(diff)[("massnahmen", "m-beratung")] == ("neu", [])
    text, code = diff_command(konzept)
    assert code == 0
    assert text.splitlines()[0] == (
        "Änderungen seit dem Beschluss vom 12. März 2024 (Rat der Stadt Musterstadt)")
    assert "  + Sprachberatung für Eltern (m-beratung): neu" in text
    assert text.splitlines()[-3:] == [
        "Zusammenfassung: 1 neu, 1 entfallen, 2 geändert, 1 verschoben",
        "  Maßnahmen: 1 neu, 1 entfallen, 1 geändert, 1 verschoben",
        "  Angebote: 1 geändert",
    ]


def test_commit_hash_and_json(history: Path) -> None:
    first = git(history, "rev-list", "--max-parents=0", "HEAD")
    v1 = git(history, "rev-parse", "v1.0")
    text, code = diff_command(history / "konzept", v1[:10], None, "json")
    assert code == 0
    data = json.loads(text)
    assert data["von"].startswith("v1.0 (")
    assert data["zusammenfassung"]["gesamt"] == {
        "neu": 1, "entfallen": 1, "geaendert": 2, "verschoben": 1}
    assert first != v1


def test_compare_two_folders(history: Path, tmp_path: Path) -> None:
    old = tmp_path / "alt"
    write_concept(old, version_one())
    diff = compare_versions(history / "konzept", str(old))
    assert _as_data(diff) == EXPECTED
    assert diff.old_label == f"Ordner „{old}“"


def test_concept_at_repository_root(tmp_path: Path) -> None:
    repo = tmp_path / "root"
    init_repo(repo)
    write_concept(repo, version_one())
    commit(repo, "one")
    write_concept(repo, version_two())
    (repo / "build").mkdir()
    (repo / "build" / "konzept.docx").write_bytes(b"PK")
    commit(repo, "two")
    result, rev = load_at_revision(repo, "HEAD~1")
    assert sorted(result.konzept.files) == [
        "akteure.yaml", "arbeit.yaml", "konzept.yaml", "sprache.yaml"]
    assert rev.tag is None and rev.label.startswith("HEAD~1 (")
    assert _as_data(compare_versions(repo, "HEAD~1", "HEAD")) == EXPECTED


@pytest.mark.parametrize(("rev", "message"), [
    ("v1.1", "Git kennt die Revision „v1.1“ nicht. Meinten Sie „v1.0“?"),
    ("gibtsnicht", "Git kennt die Revision „gibtsnicht“ nicht."),
    ("--output=/tmp/x", "„--output=/tmp/x“ ist keine gültige Git-Revision."),
    ("leer", "„konzept“ enthält in der Revision „leer“ keine Konzeptdateien"),
])
def test_revision_errors_are_german(history: Path, rev: str, message: str) -> None:
    text, code = diff_command(history / "konzept", rev)
    assert code == 1
    assert text.startswith("Fehler: " + message)
    assert "Traceback" not in text


def test_not_a_repository(tmp_path: Path) -> None:
    folder = tmp_path / "konzept"
    write_concept(folder, version_one())
    with pytest.raises(UserError, match="liegt in keinem Git-Repository"):
        compare_versions(folder, "v1.0")


def test_missing_beschluss_git(history: Path) -> None:
    konzept = history / "konzept"
    path = konzept / "konzept.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  git: v1.0\n", ""),
                    encoding="utf-8")
    text, code = diff_command(konzept)
    assert code == 1
    assert "nennt keine Git-Version" in text and "--from" in text and "git:" in text
    path.write_text(path.read_text(encoding="utf-8").split("beschluesse:")[0], encoding="utf-8")
    text, code = diff_command(konzept)
    assert code == 1 and "nennt keinen Beschluss" in text


def test_broken_old_version_is_noted(history: Path) -> None:
    konzept = history / "konzept"
    (konzept / "arbeit.yaml").write_text("massnahmen: [\n", encoding="utf-8")
    commit(history, "broken")
    git(history, "tag", "kaputt")
    write_concept(konzept, version_two())
    diff = compare_versions(konzept, "kaputt")
    assert diff.notes and "enthält 1 Fehler" in diff.notes[0]


def test_unknown_format() -> None:
    assert diff_command(".", "v1.0", None, "xml")[1] == 2


def test_version_info(history: Path) -> None:
    konzept = history / "konzept"
    info = version_info(konzept)
    assert (info.in_git, info.tag, info.entwurf) == (True, None, False)
    assert info.commit == git(history, "rev-parse", "--short=7", "HEAD")
    assert info.text == f"Commit {info.commit} vom 12.03.2024"
    git(history, "tag", "v2.0")
    info = version_info(konzept)
    assert (info.tag, info.text) == ("v2.0", "Version v2.0 vom 12.03.2024")
    (konzept / "build").mkdir()
    (konzept / "build" / "konzept.pdf").write_bytes(b"%PDF")
    (history / "README.md").write_text("anders\n", encoding="utf-8")
    assert not version_info(konzept).entwurf  # build output, files outside the concept
    (konzept / "neu.yaml").write_text("ziele: []\n", encoding="utf-8")
    info = version_info(konzept)
    assert info.entwurf and info.text.endswith("Entwurf mit nicht eingecheckten Änderungen")


def test_version_info_outside_git(tmp_path: Path) -> None:
    assert version_info(tmp_path) == version_info(tmp_path)
    assert not version_info(tmp_path).in_git
    assert version_info(tmp_path).text == ""


def test_version_info_without_commits(tmp_path: Path) -> None:
    init_repo(tmp_path / "r")
    info = version_info(tmp_path / "r")
    assert info.in_git and info.entwurf and info.commit is None


def test_git_missing(history: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(history))  # no git on this PATH
    assert shutil.which("git") is None
    text, code = diff_command(history / "konzept", "v1.0")
    assert code == 1 and "Git ist nicht installiert" in text


ROOT = Path(__file__).resolve().parents[2]


def test_docs_example_is_real_output(history: Path) -> None:
    doc = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    block = doc.split("$ ik diff konzept\n", 1)[1].split("```", 1)[0]
    assert block.rstrip("\n") == diff_command(history / "konzept")[0]
