"""Faults of the machine and odd values end with a German message and exit 1, not exit 3."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrationskonzept import cli


def run(capsys, *args: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as done:
        cli.main(list(args))
    out = capsys.readouterr()
    return int(done.value.code or 0), out.out + out.err


def test_init_below_a_file_is_a_user_error(capsys, tmp_path: Path) -> None:
    (tmp_path / "datei").write_text("x", encoding="utf-8")
    code, out = run(capsys, "init", str(tmp_path / "datei" / "neu"))
    assert code == 1
    assert "ein Teil des Pfads ist kein Ordner" in out and "Interner Fehler" not in out


def test_out_below_a_file_is_a_user_error(capsys, concept, tmp_path: Path) -> None:
    (tmp_path / "datei").write_text("x", encoding="utf-8")
    code, out = run(capsys, "build", str(concept()), "--format", "md", "--out",
                    str(tmp_path / "datei" / "aus"))
    assert code == 1
    assert "kann nicht angelegt werden: ein Teil des Pfads ist kein Ordner" in out


@pytest.mark.parametrize(("error", "words"), [
    (MemoryError(), "Nicht genug Arbeitsspeicher"),
    (OSError(28, "No space left on device", "/tmp/ik-build-x"),
     "„/tmp/ik-build-x“: kein Speicherplatz mehr frei"),
])
def test_machine_faults_are_german_user_errors(capsys, concept, monkeypatch, error: Exception,
                                               words: str) -> None:
    from integrationskonzept.checks import runner

    def fail(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr(runner, "_validate", fail)
    code, out = run(capsys, "validate", str(concept()))
    assert code == 1, out
    assert words in out
    assert "Fehler: Fehler" not in out and "MemoryFehler" not in out and "OSFehler" not in out


def test_internal_errors_keep_the_class_name(capsys, concept, monkeypatch) -> None:
    from integrationskonzept.checks import runner

    def fail(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("Error: kaputt")

    monkeypatch.setattr(runner, "_validate", fail)
    code, out = run(capsys, "validate", str(concept()))
    assert code == 3
    assert "Interner Fehler in ik (RuntimeError: Error: kaputt)" in out


@pytest.mark.parametrize("value", ["1" * 5000, "9" * 400, "1" * 16])
def test_huge_numbers_are_located_errors(concept, value: str) -> None:
    from integrationskonzept.checks.runner import validate

    root = concept(inhalt={"bedarfe": [{"id": "b-1", "titel": "Kita", "umfang": value}]})
    [p] = [p for p in validate(root).problems if p.code == "IK103"]
    assert p.location.file == "bildung.yaml"
    assert "ist zu groß (höchstens 15 Stellen)" in p.message
    assert "Value error" not in p.message and "∞" not in p.message


def test_emoji_codes_in_values_stay_text(capsys, concept) -> None:
    root = concept(inhalt={":x:": 1})
    code, out = run(capsys, "validate", str(root))
    assert code == 1
    assert "„:x:“" in out and "❌" not in out


@pytest.mark.skipif(__import__("sys").platform != "linux", reason="byte file names")
def test_sarif_with_an_undecodable_file_name(capsys, concept) -> None:
    import json
    import os

    root = concept()
    os.close(os.open(os.path.join(os.fsencode(root), b"q\xfe.yaml"), os.O_CREAT | os.O_WRONLY))
    code, out = run(capsys, "validate", str(root), "--format", "sarif")
    assert code == 1
    [result] = json.loads(out)["runs"][0]["results"]
    assert result["ruleId"] == "IK012"
