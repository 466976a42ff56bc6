"""Prefixed references (``kreis:jobcenter``, ``[[kreis:m-1]]``) read readably: a member
built alone names the entry and its concept; the Kreis document links to the member's
chapter."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from ik_testing import BASE_INHALT, ik_streams, write_workspace

M = BASE_INHALT["massnahmen"][0]
JOBCENTER = {"id": "jobcenter", "name": "Jobcenter im Kreis", "typ": "Verwaltung"}


def _workspace(tmp_path: Path) -> Path:
    ilsede: dict[str, Any] = {"massnahmen": [dict(
        M, titel="Sprachcafé Ilsede", federfuehrung="kreis:jobcenter",
        beschreibung="Wie die Kreismaßnahme [[kreis:m-1]].")]}
    return write_workspace(
        tmp_path / "lk",
        kreis_inhalt={"akteure": [*BASE_INHALT["akteure"], JOBCENTER],
                      "massnahmen": [dict(M, titel="Sprachcafé des Kreises",
                                          beschreibung="Vorbild: [[ilsede:m-1]].")]},
        members={"ilsede": ({}, ilsede)})


def _md(folder: Path, out: Path) -> str:
    code, _out, err = ik_streams("build", str(folder), "-f", "md", "-o", str(out))
    assert code == 0, err
    return (out / "integrationskonzept.md").read_text(encoding="utf-8")


def test_member_alone_shows_the_kreis_entry_title(tmp_path: Path) -> None:
    root = _workspace(tmp_path)
    md = _md(root / "gemeinden" / "ilsede", tmp_path / "out")
    assert "**Federführung:** Jobcenter im Kreis (Landkreis Peine)" in md
    assert "Wie die Kreismaßnahme Sprachcafé des Kreises (Landkreis Peine)." in md
    assert "kreis:" not in md


def test_member_without_its_kreis_shows_id_and_concept(tmp_path: Path) -> None:
    root = _workspace(tmp_path)
    alone = tmp_path / "anderswo" / "ilsede"
    shutil.copytree(root / "gemeinden" / "ilsede", alone)
    md = _md(alone, tmp_path / "out")
    assert "**Federführung:** jobcenter (Landkreis)" in md
    assert "Wie die Kreismaßnahme m-1 (Landkreis)." in md


def test_kreis_document_links_to_the_member_chapter(tmp_path: Path) -> None:
    root = _workspace(tmp_path)
    md = _md(root, tmp_path / "out")
    assert "Vorbild: [Gemeinde Ilsede: Sprachcafé Ilsede](#gemeinde-ilsede)." in md
    assert "{#gemeinde-ilsede}" in md
