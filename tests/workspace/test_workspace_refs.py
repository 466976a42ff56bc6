"""The Landkreis workspace: loading, refusals and cross-concept references.

Each case: a workspace from dicts → expected (file, line, code) relative to the Kreis
folder, and words of the message.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from ik_testing import BASE_INHALT, write_concept, write_workspace
from integrationskonzept.checks.runner import validate
from integrationskonzept.problems import Severity
from integrationskonzept.workspace import load_workspace, validate_workspace

M = BASE_INHALT["massnahmen"][0]


def _found(root: Path, code: str) -> list[tuple[str, int, str, str]]:
    report = validate_workspace(root)
    return [(p.location.file, p.location.line, p.code, p.message)
            for p in report.problems if p.code == code]


def test_clean_workspace_checks_kreis_and_members(tmp_path: Path) -> None:
    root = write_workspace(tmp_path / "lk")
    report = validate_workspace(root)
    assert not report.failed(strict=True), report.problems
    assert set(report.bereich.mitglieder) == {"ilsede", "edemissen"}
    assert report.dateien == 6


def test_member_problem_is_named_with_member_path(tmp_path: Path) -> None:
    root = write_workspace(tmp_path / "lk", members={
        "ilsede": ({}, {"massnahmen": [dict(M, federfuehrung="vsh")]})})
    [(file, line, code, msg)] = _found(root, "IK202")
    assert (file, line, code) == ("gemeinden/ilsede/bildung.yaml", 25, "IK202")
    assert "unbekannte Akteur-ID „vsh“" in msg


CASES = {
    "kreis actor from member": (
        {"massnahmen": [dict(M, federfuehrung="kreis:gleichstellung")]}, None),
    "unknown id in kreis": (
        {"massnahmen": [dict(M, federfuehrung="kreis:jobcenter")]},
        ("gemeinden/ilsede/bildung.yaml", 25, "„federfuehrung“: „kreis:jobcenter“: keine ID "
         "„jobcenter“ der Art Akteur im Konzept Landkreis Peine")),
    "unknown member": (
        {"massnahmen": [dict(M, federfuehrung="lengede:vhs")]},
        ("gemeinden/ilsede/bildung.yaml", 25, "kein Konzept „lengede“ im Landkreis")),
    "unknown id in neighbour": (
        {"ausgangslage": "Wie in [[edemissen:m-9]]."},
        ("gemeinden/ilsede/bildung.yaml", 2, "[[edemissen:m-9]] im Text: keine ID „m-9“ im "
         "Konzept Gemeinde Edemissen (gemeinden/edemissen/)")),
    "neighbour text reference": ({"ausgangslage": "Wie in [[edemissen:m-1]]."}, None),
    "wrong kind": (
        {"massnahmen": [dict(M, federfuehrung="kreis:z-1")]},
        ("gemeinden/ilsede/bildung.yaml", 25, "ist im Konzept Landkreis Peine ein Eintrag der "
         "Art Ziel (definiert in bildung.yaml:11:7)")),
}


@pytest.mark.parametrize("name", list(CASES))
def test_cross_reference(tmp_path: Path, name: str) -> None:
    inhalt, expected = CASES[name]
    root = write_workspace(tmp_path / "lk", members={"ilsede": ({}, inhalt),
                                                      "edemissen": ({}, {})})
    found = _found(root, "IK208")
    if expected is None:
        assert found == []
        return
    [(file, line, code, msg)] = found
    assert (file, line, code) == ("gemeinden/ilsede/bildung.yaml", expected[1], "IK208")
    assert expected[2] in msg


def test_wrong_kind_names_the_other_file_as_related(tmp_path: Path) -> None:
    root = write_workspace(tmp_path / "lk", members={
        "ilsede": ({}, {"massnahmen": [dict(M, federfuehrung="kreis:z-1")]})})
    [p] = [p for p in validate_workspace(root).problems if p.code == "IK208"]
    assert [(r.file, r.line) for r in p.related] == [("bildung.yaml", 11)]


def test_kreis_refers_to_member(tmp_path: Path) -> None:
    root = write_workspace(tmp_path / "lk", kreis_inhalt={
        "ausgangslage": "Siehe [[ilsede:m-1]] und [[ilsede:m-2]]."})
    [(file, line, _code, msg)] = _found(root, "IK208")
    assert (file, line) == ("bildung.yaml", 2)
    assert "im Konzept Gemeinde Ilsede (gemeinden/ilsede/)" in msg


def test_plain_concept_reports_prefixed_reference_as_note(concept) -> None:
    root = concept(inhalt={"massnahmen": [dict(M, federfuehrung="kreis:jobcenter")]})
    report = validate(root)
    [p] = [p for p in report.problems if p.code in ("IK202", "IK208", "IK206")]
    assert (p.location.file, p.location.line, p.code) == ("bildung.yaml", 25, "IK206")
    assert p.severity == Severity.INFO
    assert "zeigt in ein anderes Konzept („kreis“)" in p.message
    assert "ik validate <Ordner des Landkreises>" in p.hint
    assert not report.failed(strict=True)


def _gemeinden(*entries: dict[str, object]) -> dict[str, object]:
    return {"gemeinden": list(entries)}


REFUSALS = {
    "IK211 folder missing": (
        _gemeinden({"id": "ilsede", "pfad": "gemeinden/ilsede"},
                   {"id": "lengede", "pfad": "gemeinden/lengde"}),
        (("konzept.yaml", 32, "IK211"), "Ordner „gemeinden/lengde“ gibt es nicht")),
    "IK212 outside": (
        _gemeinden({"id": "ilsede", "pfad": "gemeinden/ilsede"},
                   {"id": "peine", "pfad": "../peine"}),
        (("konzept.yaml", 32, "IK212"), "Ordner „../peine“ liegt außerhalb des Ordners des "
         "Landkreises")),
    "IK213 itself": (
        _gemeinden({"id": "ilsede", "pfad": "gemeinden/ilsede"}, {"id": "selbst", "pfad": "."}),
        (("konzept.yaml", 32, "IK213"), "Mitglied „selbst“ ist der Landkreis selbst (Zyklus)")),
    "IK201 twice": (
        _gemeinden({"id": "ilsede", "pfad": "gemeinden/ilsede"},
                   {"id": "ilsede", "pfad": "gemeinden/ilsede"}),
        (("konzept.yaml", 31, "IK201"), "Mitglied „ilsede“ ist doppelt vergeben")),
    "IK215 distance": (
        {"entfernungen": [{"von": "ilsede", "nach": "lengede", "km": 12}]},
        (("konzept.yaml", 33, "IK215"), "„entfernungen“: unbekanntes Mitglied „lengede“")),
}


@pytest.mark.parametrize("name", list(REFUSALS))
def test_refusal(tmp_path: Path, name: str) -> None:
    kreis, (expected, words) = REFUSALS[name]
    write_concept(tmp_path / "peine", {"konzept.yaml": {"kommune": {"name": "Peine"}}})
    root = write_workspace(tmp_path / "lk", kreis=kreis, members={"ilsede": ({}, {})})
    report = validate_workspace(root)
    found = [p for p in report.problems if p.code == expected[2]]
    assert found, report.problems
    p = found[0]
    assert (p.location.file, p.location.line, p.code) == expected
    assert words in p.message
    assert p.hint
    assert report.failed()


def test_outside_folder_is_allowed_in_the_same_git_repository(tmp_path: Path) -> None:
    import subprocess

    write_workspace(tmp_path / "peine", kreis={"gemeinden": []}, members={})
    (tmp_path / "peine" / "konzept.yaml").write_text(
        (tmp_path / "peine" / "konzept.yaml").read_text(encoding="utf-8").replace(
            "typ: Landkreis", "typ: Stadt"), encoding="utf-8")
    root = write_workspace(tmp_path / "lk", kreis={"gemeinden": [
        {"id": "peine", "pfad": "../peine"}]}, members={})
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    bereich = load_workspace(root)
    assert [p.code for p in bereich.problems] == []
    assert bereich.mitglieder["peine"].anzeige == "../peine/"


def test_member_that_is_a_landkreis_is_refused(tmp_path: Path) -> None:
    root = write_workspace(tmp_path / "lk", members={"ilsede": ({}, {})})
    write_workspace(root / "gemeinden" / "ilsede", members={"ort": ({}, {})})
    [p] = [p for p in validate_workspace(root).problems if p.code == "IK214"]
    assert (p.location.file, p.location.line, p.code) == ("konzept.yaml", 29, "IK214")
    assert "Mitglied „ilsede“ ist selbst ein Landkreis mit Mitgliedern" in p.message
    assert p.related[0].file == "gemeinden/ilsede/konzept.yaml"


def test_member_naming_the_kreis_is_a_cycle(tmp_path: Path) -> None:
    root = write_workspace(tmp_path / "lk", members={"ilsede": ({
        "gemeinden": [{"id": "kreis-peine", "pfad": "../.."}]}, {})})
    [p] = [p for p in validate_workspace(root).problems if p.code == "IK213"]
    assert "nennt den Landkreis als sein Mitglied (Zyklus)" in p.message
    assert p.related[0].file == "gemeinden/ilsede/konzept.yaml"


def test_member_inherits_vocabularies_and_maps_its_own(tmp_path: Path) -> None:
    inhalt = copy.deepcopy(BASE_INHALT)
    inhalt["handlungsfeld"] = "bildung"
    root = write_workspace(tmp_path / "lk", members={
        "ilsede": ({"handlungsfelder": [], "zielgruppen": []}, {}),
        "edemissen": ({"handlungsfelder": [{"id": "lernen", "name": "Lernen",
                                            "entspricht": "bildungg"}]},
                      {"handlungsfeld": "lernen"})})
    report = validate_workspace(root)
    codes = [(p.location.file, p.location.line, p.code) for p in report.problems
             if p.severity == Severity.ERROR]
    assert codes == [("gemeinden/edemissen/konzept.yaml", 15, "IK208")]
    [p] = [p for p in report.problems if p.code == "IK208"]
    assert "„entspricht“: keine Handlungsfeld-ID „bildungg“" in p.message
    assert p.hint == "Meinten Sie „bildung“?"
    ilsede = report.bereich.mitglieder["ilsede"].konzept
    assert list(ilsede.handlungsfelder) == ["bildung"]
    assert ilsede.ids["bildung"][1].file == "../../konzept.yaml"


def test_unknown_member_option_is_a_usage_error(tmp_path: Path) -> None:
    from integrationskonzept.cli import main

    root = write_workspace(tmp_path / "lk")
    with pytest.raises(SystemExit) as done:
        main(["validate", str(root), "--mitglied", "ilsed"])
    assert done.value.code == 2


def test_mitglied_restricts_the_run(tmp_path: Path) -> None:
    root = write_workspace(tmp_path / "lk", kreis_inhalt={
        "massnahmen": [dict(M, federfuehrung="vsh")]}, members={
        "ilsede": ({}, {"massnahmen": [dict(M, federfuehrung="vhs")]}),
        "edemissen": ({}, {"massnahmen": [dict(M, federfuehrung="vsh")]})})
    files = {p.location.file for p in validate_workspace(root, mitglied="ilsede").problems
             if p.code == "IK202"}
    assert files == {"gemeinden/ilsede/bildung.yaml"}
    files = {p.location.file for p in validate_workspace(root).problems if p.code == "IK202"}
    assert files == {"bildung.yaml", "gemeinden/ilsede/bildung.yaml",
                     "gemeinden/edemissen/bildung.yaml"}


@pytest.mark.skipif(__import__("shutil").which("git") is None, reason="git fehlt")
def test_member_from_another_git_repository(tmp_path: Path) -> None:
    import subprocess

    from ik_testing import gemeinde_konzept

    other = write_concept(tmp_path / "vechelde-repo", {
        "konzept.yaml": gemeinde_konzept("Vechelde"),
        "bildung.yaml": dict(BASE_INHALT, massnahmen=[dict(M, federfuehrung="kreis:vsh")])})
    git = ["git", "-C", str(other), "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run([*git[:3], "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "v1"], check=True)
    subprocess.run([*git, "tag", "v1"], check=True)
    (other / "bildung.yaml").write_text("kaputt: [", encoding="utf-8")  # not committed
    root = write_workspace(tmp_path / "lk", kreis={"gemeinden": [
        {"id": "vechelde", "git": "../vechelde-repo", "revision": "v1"},
        {"id": "wendeburg", "git": "../vechelde-repo", "revision": "v9"}]}, members={})
    report = validate_workspace(root)
    assert report.bereich.mitglieder["vechelde"].name == "Gemeinde Vechelde"
    found = [(p.location.file, p.location.line, p.code) for p in report.problems]
    assert ("../vechelde-repo@v1/bildung.yaml", 25, "IK208") in found
    [p] = [p for p in report.problems if p.code == "IK211"]
    assert "Git kennt die Revision „v9“ nicht" in p.message
    assert (p.location.file, p.location.line) == ("konzept.yaml", 30)


def test_refused_member_causes_no_reference_cascade(tmp_path: Path) -> None:
    root = write_workspace(tmp_path / "lk", kreis={"gemeinden": [
        {"id": "ilsede", "pfad": "gemeinden/ilsede"}, {"id": "peine", "pfad": "../peine"}]},
        members={"ilsede": ({}, {"ausgangslage": "Wie in [[peine:m-1]]."})})
    codes = [p.code for p in validate_workspace(root).problems]
    assert codes == ["IK211"] or codes == ["IK212"]


def test_subfolder_with_own_konzept_is_not_read_into_the_parent(tmp_path: Path) -> None:
    from integrationskonzept.model.loader import load_concept

    root = write_workspace(tmp_path / "lk", kreis={"gemeinden": []}, members={
        "ilsede": ({}, {"massnahmen": [dict(M, federfuehrung="vsh")]})})
    loaded = load_concept(root)
    assert loaded.problems == []
    assert sorted(loaded.konzept.files) == ["bildung.yaml", "konzept.yaml"]


def test_validate_json_names_member_files(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from integrationskonzept.cli import main

    root = write_workspace(tmp_path / "lk", members={
        "ilsede": ({}, {"massnahmen": [dict(M, federfuehrung="kreis:vsh")]})})
    with pytest.raises(SystemExit) as done:
        main(["validate", str(root), "--format", "json"])
    assert done.value.code == 1
    data = json.loads(capsys.readouterr().out)
    [p] = data["probleme"]
    assert p["datei"].endswith("lk/gemeinden/ilsede/bildung.yaml")
    assert (p["zeile"], p["code"]) == (25, "IK208")
    assert data["zusammenfassung"]["dateien"] == 4


def test_sibling_member_points_back_to_the_kreis_file(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    write_workspace(tmp_path / "peine", kreis={"gemeinden": []}, members={})
    inhalt = copy.deepcopy(BASE_INHALT)
    inhalt["massnahmen"] = [dict(M, federfuehrung="kreis:z-1")]
    write_concept(tmp_path / "peine", {"bildung.yaml": inhalt})
    root = write_workspace(tmp_path / "landkreis", kreis={"gemeinden": [
        {"id": "peine", "pfad": "../peine"}]}, members={})
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    monkeypatch.chdir(tmp_path / "peine")  # the result must not depend on the folder we are in
    [p] = [p for p in validate_workspace(root).problems if p.code == "IK208"]
    assert (p.location.file, p.location.line, p.code) == ("../peine/bildung.yaml", 25, "IK208")
    assert [(r.file, r.line) for r in p.related] == [("../landkreis/bildung.yaml", 11)]
