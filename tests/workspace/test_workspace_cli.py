"""The commands on a Kreis folder, as a user calls them: formats and errors."""

from __future__ import annotations

import json
from pathlib import Path

from ik_testing import BASE_INHALT, ik, write_workspace

M = BASE_INHALT["massnahmen"][0]
BEDARF = {"id": "b-kurs", "titel": "Deutschkurs am Abend", "zielgruppen": ["neuzugewanderte"],
          "merkmale": ["abends"]}


def _broken(tmp_path: Path, **changes: str) -> Path:
    return write_workspace(tmp_path / "lk", members={
        "ilsede": ({}, {"massnahmen": [dict(M, **(changes or {"federfuehrung": "vsh"}))]}),
        "edemissen": ({}, {})})


def test_validate_github_and_sarif_name_member_files(tmp_path: Path) -> None:
    root = _broken(tmp_path)
    code, out = ik("validate", str(root), "--format", "github")
    assert code == 1
    assert "gemeinden/ilsede/bildung.yaml,line=25,col=18,title=IK202::" in out
    code, out = ik("validate", str(root), "--format", "sarif")
    assert code == 1
    [result] = json.loads(out)["runs"][0]["results"]
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].endswith("gemeinden/ilsede/bildung.yaml")
    assert loc["region"]["startLine"] == 25


def test_validate_text_and_mitglied(tmp_path: Path) -> None:
    root = _broken(tmp_path)
    code, out = ik("validate", str(root), "--mitglied", "edemissen")
    assert (code, out.strip()) == (0, "Keine Probleme in 2 Dateien.")
    code, out = ik("validate", str(root))
    assert code == 1
    assert "gemeinden/ilsede/bildung.yaml:25:18: Fehler IK202" in out


def test_gaps_refuses_broken_sources_and_unknown_format(tmp_path: Path) -> None:
    root = _broken(tmp_path, status="fertig")
    code, out = ik("gaps", str(root))
    assert code == 1
    assert "gemeinden/ilsede/bildung.yaml:31:11: Fehler IK104" in out
    assert "Die Lückenanalyse braucht fehlerfreie Quellen" in out
    code, out = ik("gaps", str(root), "--format", "csv")
    assert code == 2
    assert "Format „csv“ gibt es für einen Landkreis nicht" in out


def test_gaps_markdown(tmp_path: Path) -> None:
    root = write_workspace(tmp_path / "lk", members={
        "ilsede": ({}, {"bedarfe": [BEDARF]}),
        "peine": ({}, {"angebote": [{"id": "a-p", "titel": "Abendkurs",
                                     "zielgruppen": ["neuzugewanderte"],
                                     "merkmale": ["abends"], "offen_fuer_nachbarn": True}]})})
    code, out = ik("gaps", str(root), "--format", "markdown")
    assert code == 0
    assert "| Gemeinde | Bildung |" in out
    assert "| Gemeinde Ilsede | 1 von 1 |" in out
    assert "## Gemeinde Ilsede" in out
    assert "    - gedeckt durch „Abendkurs“ von Gemeinde Peine, offen für Nachbarn" in out


def test_diff_markdown_and_unknown_revision(tmp_path: Path) -> None:
    old = write_workspace(tmp_path / "alt", members={"ilsede": ({}, {})})
    new = write_workspace(tmp_path / "neu", members={
        "ilsede": ({}, {"massnahmen": [dict(M, status="in Umsetzung")]})})
    code, out = ik("diff", str(new), "--from", str(old), "--format", "markdown")
    assert code == 0
    assert "## Landkreis Peine: unverändert" in out
    assert "## Gemeinde Ilsede: 1 geändert" in out
    code, out = ik("diff", str(new), "--from", "v9")
    assert code == 1
    assert out.startswith("Fehler: ")
