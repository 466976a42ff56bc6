"""A file that is not YAML is one error, not a cascade of unknown ids after it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ik_testing import EXAMPLES, ik
from integrationskonzept.model.loader import load_concept
from integrationskonzept.model.unreadable import probable_ids


@pytest.mark.parametrize("example", ["peine", "lehrte", "goeppingen", "landkreis-peine"])
def test_probable_ids_are_the_ids_each_example_file_defines(example: str) -> None:
    root = EXAMPLES / example
    konzept = load_concept(root).konzept
    defined: dict[str, set[tuple[str, str]]] = {}
    for ident, (kind, loc) in konzept.ids.items():
        defined.setdefault(loc.file, set()).add((ident, kind))
    for rel in konzept.files:
        text = (root / rel).read_text(encoding="utf-8")
        found = {(ident, kind) for ident, kind, _loc in probable_ids(text, rel)}
        assert found == defined.get(rel, set()), rel


def _broken_peine(tmp_path: Path) -> Path:
    root = tmp_path / "peine"
    shutil.copytree(EXAMPLES / "peine", root, ignore=shutil.ignore_patterns("build"))
    akteure = root / "akteure.yaml"
    lines = akteure.read_text(encoding="utf-8").splitlines()
    assert lines[6] == ("    name: Stadt Peine – Beauftragte für Gleichstellung, Familie und "
                        "Integration")
    lines[6] = lines[6].replace("name: ", 'name: "')  # the closing quote forgotten
    akteure.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_a_forgotten_quote_is_one_error_where_the_text_starts(tmp_path: Path) -> None:
    root = _broken_peine(tmp_path)
    code, out = ik("validate", str(root))
    assert code == 1
    errors = [line for line in out.splitlines() if ": Fehler " in line or ": Warnung " in line]
    assert len(errors) == 1, out
    assert errors[0].endswith("akteure.yaml:7:11: Fehler IK001 YAML-Syntaxfehler: Text in "
                              "Anführungszeichen wird nicht geschlossen")
    assert "bis Zeile 83, Spalte 49" in out
    assert "1 Fehler, 0 Warnungen" in out


def test_a_wrong_id_is_still_reported_while_a_file_is_broken(tmp_path: Path) -> None:
    root = _broken_peine(tmp_path)
    beteiligung = root / "beteiligung.yaml"
    text = beteiligung.read_text(encoding="utf-8")
    assert "veranstalter: stadt-gfi" in text
    beteiligung.write_text(text.replace("veranstalter: stadt-gfi", "veranstalter: stadt-gif",
                                        1), encoding="utf-8")
    code, out = ik("validate", str(root))
    assert code == 1
    assert "beteiligung.yaml:13:21: Fehler IK202 „veranstalter“: unbekannte Akteur-ID " \
        "„stadt-gif“" in out
    assert "Meinten Sie „stadt-gfi“?" in out
    assert "2 Fehler" in out
