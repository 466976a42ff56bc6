"""Everything `ik` prints is German and names what the user typed; choices come from
the model's constants."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ik_testing import ik, ik_streams
from integrationskonzept.cli import COMMANDS
from integrationskonzept.model.catalogues import CATALOGUES
from integrationskonzept.model.files import KOMMUNE_TYPEN

# What typer/click would print in English; none of it may reach the user.
ENGLISH = re.compile(
    r"Usage|Error|Invalid value|Try '|Options:|Arguments:|Commands:|\[default|\[required|"
    r"Missing (argument|option)|No such|Got unexpected|requires an argument|does not take|"
    r"Show this message|\bTEXT\b|\bPATH\b|\bINTEGER\b|<str>|<path>|Aborted")

# (arguments, exit code, what the message says)
MISTAKES = [
    (["gibtsnicht"], 2, "Fehler: Unbekannter Befehl „gibtsnicht“. Alle Befehle: ik --help"),
    (["valdate"], 2, "Fehler: Unbekannter Befehl „valdate“. Meinten Sie „validate“?"),
    (["--version-gibts-nicht"], 2, "Fehler: Unbekannte Option „--version-gibts-nicht“."),
    (["validate", "--formt", "json"], 2,
     "Fehler: Unbekannte Option „--formt“. Meinten Sie „--format“?\nHilfe: ik validate --help"),
    (["validate", "--format"], 2, "Fehler: Die Option „--format“ braucht einen Wert."),
    (["validate", "--strict=ja"], 2, "Fehler: Die Option „--strict“ nimmt keinen Wert."),
    (["validate", "--format", "pdf"], 2,
     "Fehler: Ungültiger Wert „pdf“ für --format. Möglich: text, json, github, sarif."),
    (["validate", "a", "b"], 2, "Fehler: Zu viele Argumente: „b“.\nHilfe: ik validate --help"),
    (["init"], 2, "Fehler: Es fehlt das Argument ORDNER.\nHilfe: ik init --help"),
    (["init", "neu", "--typ", "Dorf"], 2,
     "Fehler: Ungültiger Wert „Dorf“ für --typ. Möglich: Stadt, Gemeinde, Landkreis, Region."),
    (["init", "neu", "--katalog", "x"], 2, "Möglich: nap, lehrte, kern, leer."),
    (["build", "--format", "docx,rtf"], 2,
     "Fehler: Ungültiger Wert „rtf“ für --format. Möglich: md, html, docx, odt, pdf."),
    (["build", "--format", ","], 2, "Fehler: --format braucht mindestens einen Wert."),
    (["gaps", "--format", "xls"], 2, "Möglich: table, markdown, json, csv."),
    (["diff", "--format", "xml"], 2, "Möglich: text, markdown, json."),
    (["schema", "--datei", "x"], 2, "Möglich: konzept, inhalt."),
]


@pytest.mark.parametrize(("args", "code", "message"), MISTAKES,
                         ids=[" ".join(m[0]) for m in MISTAKES])
def test_mistakes_are_german_usage_errors(args: list[str], code: int, message: str) -> None:
    got, out, err = ik_streams(*args)
    assert (got, out) == (code, "")
    assert message in err
    assert not ENGLISH.search(err), err


@pytest.mark.parametrize("command", [name for name, _ in COMMANDS])
def test_help_of_every_command_is_german(command: str) -> None:
    code, out, err = ik_streams(command, "--help")
    assert (code, err) == (0, "")
    assert out.startswith(f"Aufruf: ik {command} [OPTIONEN]")
    assert "Optionen:" in out and "-h, --help" in out and "Diese Hilfe anzeigen." in out
    assert not ENGLISH.search(out), out
    assert ik(command, "-h") == (0, out)


def test_help_shows_choices_and_defaults_from_the_model() -> None:
    out = ik("init", "--help")[1]
    assert f"Möglich: {', '.join(KOMMUNE_TYPEN)}. Standard: Stadt." in " ".join(out.split())
    assert f"Möglich: {', '.join(CATALOGUES)}." in " ".join(out.split())
    assert "  ORDNER " in out
    assert "Standard: der aktuelle Ordner." in " ".join(ik("validate", "-h")[1].split())


@pytest.mark.parametrize("typ", KOMMUNE_TYPEN)
def test_init_accepts_every_kommune_typ_of_the_format(tmp_path: Path, typ: str) -> None:
    target = tmp_path / "neu"
    code, out = ik("init", str(target), "--typ", typ.lower())
    assert code == 0, out
    assert f"typ: {typ}\n" in (target / "konzept.yaml").read_text(encoding="utf-8")
    code, out = ik("validate", str(target))  # --strict refuses the placeholders of init
    assert code == 0 and "0 Fehler" in out, out


def test_a_file_instead_of_the_folder_is_a_usage_error(concept, monkeypatch) -> None:
    root = concept()
    monkeypatch.chdir(root.parent)
    code, out, err = ik_streams("validate", "konzept/konzept.yaml")
    assert (code, out) == (2, "")
    assert err == ("Fehler: „konzept/konzept.yaml“ ist eine Datei. Geben Sie den Ordner des "
                   "Konzepts an (den Ordner, in dem konzept.yaml liegt) – hier „konzept“.\n")


def test_a_missing_folder_is_named_as_typed(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "a" / "b")
    for command in ("validate", "gaps", "build", "diff", "design"):
        code, out, err = ik_streams(command, "../../fehlt/")
        assert (code, out) == (1, "")
        assert err.startswith("Fehler: Ordner „../../fehlt/“ nicht gefunden."), err


def test_problem_locations_start_with_the_folder_as_typed(concept, monkeypatch) -> None:
    root = concept(inhalt={"titel_x": 1})
    monkeypatch.chdir(root.parent)
    code, out = ik("validate", "./konzept/")
    assert code == 1
    assert out.startswith("./konzept/bildung.yaml:")
