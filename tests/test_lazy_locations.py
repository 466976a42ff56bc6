"""Checks locate what they report, and only that: positions are read when a problem is found.

References in Markdown texts are found in their file at the ``[[`` (also in files with
Windows line ends or a byte order mark, and for an id written twice in one text); a
clean concept is checked without reading the position of any entry.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

import integrationskonzept.model.concept as concept_module
from ik_testing import BASE_INHALT, BASE_KONZEPT, write_concept
from integrationskonzept.checks.runner import validate
from integrationskonzept.gaps import find_gaps
from integrationskonzept.model.loader import load_concept

BLOCK = (
    "handlungsfeld: bildung\n"
    "bedarfe:\n"
    "  - id: b-1\n"
    "    titel: Kursplätze\n"
    "    beschreibung: |\n"
    "      Erste Zeile mit [[fehlt-a]].\n"
    "      Zweite Zeile: [[fehlt-b]] und noch einmal [[fehlt-a|Text]].\n"
)

# (line endings, byte order mark): where each broken reference must be reported
CASES = [("\n", b""), ("\r\n", b""), ("\n", b"\xef\xbb\xbf"), ("\r\n", b"\xef\xbb\xbf")]
EXPECTED = [("bedarfe.yaml", 6, 23, "fehlt-a"), ("bedarfe.yaml", 7, 21, "fehlt-b"),
            ("bedarfe.yaml", 7, 49, "fehlt-a"), ("texte/vorwort.md", 3, 9, "fehlt-c")]


def _folder(tmp_path: Path, newline: str, bom: bytes) -> Path:
    konzept: dict[str, Any] = copy.deepcopy(BASE_KONZEPT)
    konzept["kapitel"] = [{"id": "vorwort", "titel": "Vorwort", "datei": "texte/vorwort.md"}]
    return write_concept(tmp_path, {
        "konzept.yaml": konzept, "bildung.yaml": copy.deepcopy(BASE_INHALT),
        "bedarfe.yaml": bom + BLOCK.replace("\n", newline).encode("utf-8"),
        "texte/vorwort.md": "# Vorwort\n\nSiehe   [[fehlt-c]].\n",
    })


@pytest.mark.parametrize(("newline", "bom"), CASES)
def test_text_references_are_reported_at_their_brackets(tmp_path: Path, newline: str,
                                                        bom: bytes) -> None:
    report = validate(_folder(tmp_path, newline, bom))
    found = [(p.location.file, p.location.line, p.location.column,
              p.message.split("[[")[1].split("]]")[0])
             for p in report.problems if p.code == "IK202"]
    assert sorted(found) == sorted(EXPECTED)


def test_a_clean_concept_is_checked_without_reading_positions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inhalt = copy.deepcopy(BASE_INHALT)
    inhalt["angebote"] = [{"id": "a-1", "titel": "Sprachkurs", "traeger": "gleichstellung",
                           "beschreibung": "Mit [[m-1]] verbunden.",
                           "zielgruppen": ["neuzugewanderte"]}]
    inhalt["bedarfe"] = [{"id": "b-1", "titel": "Kursplätze",
                          "zielgruppen": ["neuzugewanderte"],
                          "beschreibung": "Siehe [[a-1]]."}]
    konzept_yaml = copy.deepcopy(BASE_KONZEPT)
    konzept_yaml["pruefungen"] = {"bedarf-ohne-quelle": "aus"}
    folder = write_concept(tmp_path, {"konzept.yaml": konzept_yaml, "bildung.yaml": inhalt})
    konzept = load_concept(folder).konzept
    read: list[tuple[Any, ...]] = []
    original = concept_module.locate

    def counting(node: Any, path: tuple[Any, ...], *args: Any) -> tuple[int, int]:
        read.append(path)
        return original(node, path, *args)

    monkeypatch.setattr(concept_module, "locate", counting)
    report = validate(folder, konzept=konzept)
    assert [p.code for p in report.problems] == []
    assert read == []
    # the gap report locates a need only when its Fundstelle is read
    befund = find_gaps(konzept).befund("b-1")
    assert befund is not None and read == []
    lines = (folder / "bildung.yaml").read_text(encoding="utf-8").split("\n")
    line = next(i for i, text in enumerate(lines, 1) if text.endswith("id: b-1"))
    assert befund.fundstelle == f"bildung.yaml:{line}:{lines[line - 1].index('b-1') + 1}"
    assert len(read) == 1
