"""Everything `ik` prints is German and names what the user typed; choices come from
the model's constants."""

from __future__ import annotations

import enum
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


def _commands() -> list[tuple[str, ...]]:
    """Every command as typed, with sub-commands spelt out (``tabelle export``)."""
    from integrationskonzept.cli.help import sub_names

    out: list[tuple[str, ...]] = []
    for name, _ in COMMANDS:
        subs = sub_names(name)
        out += [(name, sub) for sub in subs] if subs else [(name,)]
    return out


@pytest.mark.parametrize("command", _commands(), ids=" ".join)
def test_help_of_every_command_is_german(command: tuple[str, ...]) -> None:
    code, out, err = ik_streams(*command, "--help")
    assert (code, err) == (0, "")
    assert out.startswith(f"Aufruf: ik {' '.join(command)} [OPTIONEN]")
    assert "Optionen:" in out and "-h, --help" in out and "Diese Hilfe anzeigen." in out
    assert not ENGLISH.search(out), out
    assert ik(*command, "-h") == (0, out)


@pytest.mark.parametrize("group", ["tabelle", "befragung"])
def test_a_command_with_sub_commands_lists_them(group: str) -> None:
    code, out, err = ik_streams(group)
    assert (code, err) == (0, "")
    assert out.startswith(f"Aufruf: ik {group} BEFEHL [ARGUMENTE]") and "Befehle:" in out
    assert ik(group, "--help") == (0, out)
    code, out, err = ik_streams(group, "gibtsnicht")
    assert code == 2 and f"Unbekannter Befehl „ik {group} gibtsnicht“" in err


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


def test_an_unwritable_out_file_is_a_german_usage_error(tmp_path: Path) -> None:
    code, out, err = ik_streams("schema", "--out", str(tmp_path / "fehlt" / "s.json"))
    assert (code, out) == (2, "")
    assert err.startswith(f"Fehler: „{tmp_path / 'fehlt' / 's.json'}“ kann nicht geschrieben "
                          "werden (")


def test_ctrl_c_ends_with_130(monkeypatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("integrationskonzept.checks.runner.validate", interrupted)
    assert ik_streams("validate", ".") == (
        130, "", "Abgebrochen; angefangene Dateien und temporäre Ordner wurden entfernt.\n")


def test_tool_detail_only_with_ik_debug(monkeypatch) -> None:
    from integrationskonzept.errors import RenderError

    def failing(*args: object, **kwargs: object) -> None:
        raise RenderError("Pandoc ist gescheitert.", detail="pandoc: line 3: boom")

    monkeypatch.setattr("integrationskonzept.checks.runner.validate", failing)
    assert ik_streams("validate", ".") == (1, "", "Fehler: Pandoc ist gescheitert.\n")
    monkeypatch.setenv("IK_DEBUG", "1")
    assert ik_streams("validate", ".")[2] == (
        "Fehler: Pandoc ist gescheitert.\npandoc: line 3: boom\n")


@pytest.mark.parametrize(("args", "code", "stream", "text"), [
    (["validate", "examples/peine"], 0, "stdout",
     "0 Fehler, 0 Warnungen, 2 Hinweise in 12 Dateien."),
    (["validate", "--format", "pdf"], 2, "stderr", "Fehler: Ungültiger Wert „pdf“"),
    (["validate", "examples/peine/konzept.yaml"], 2, "stderr", "ist eine Datei"),
])
def test_the_installed_program(args: list[str], code: int, stream: str, text: str) -> None:
    """The real process: one handler, exit codes, output flushed before the hard exit."""
    import subprocess
    import sys

    from ik_testing import ROOT

    done = subprocess.run([sys.executable, "-m", "integrationskonzept", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == code, done.stderr
    assert text in getattr(done, stream)
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--versio"], "Fehler: Unbekannte Option „--versio“. Meinten Sie „--version“?"),
    (["--version", "validate"], "Fehler: „--version“ steht allein: ik --version"),
    (["-x", "validate"], "Fehler: Unbekannte Option „-x“."),
])
def test_options_before_the_command(args: list[str], message: str) -> None:
    code, out, err = ik_streams(*args)
    assert (code, out) == (2, "")
    assert err.startswith(message)


def test_help_before_the_command_is_the_top_level_help() -> None:
    assert ik("-h", "validate") == ik("--help")


class Art(str, enum.Enum):
    kurz = "kurz"
    lang = "lang"


def test_a_command_with_plain_typer_types_still_speaks_german(monkeypatch) -> None:
    """A command added later with Path, Enum and on/off flags: German help and errors."""
    import typer

    from integrationskonzept.cli.commands import app

    monkeypatch.setattr(app, "registered_commands", list(app.registered_commands))

    @app.command()
    def probe(datei: Path, art: Art = Art.kurz,
              schnell: bool = typer.Option(True, "--schnell/--langsam")) -> int:
        """Nur für den Test."""
        return 0

    code, out = ik("probe", "--help")
    assert code == 0 and not ENGLISH.search(out), out
    assert "Aufruf: ik probe [OPTIONEN] PFAD" in out and "--schnell, --langsam" in out
    assert "Möglich: kurz, lang. Standard: kurz." in out
    code, out, err = ik_streams("probe", "x", "--art", "mittel")
    assert (code, out) == (2, "")
    assert err.startswith("Fehler: Ungültiger Wert für die Option „--art“. Möglich: kurz, lang.")
    assert ik_streams("probe")[2].startswith("Fehler: Es fehlt das Argument PFAD.")
