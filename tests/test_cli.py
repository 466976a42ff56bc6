"""The `ik` command as a user runs it: exit codes, German output, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ik_testing import BASE_INHALT
from ik_testing import ik as run
from integrationskonzept import cli
from integrationskonzept.cli.commands import app


def test_validate_clean_exits_0(concept) -> None:
    code, out = run("validate", str(concept()))
    assert code == 0
    assert "Keine Probleme in 2 Dateien." in out


def test_validate_errors_exit_1_with_location_and_hint(concept) -> None:
    root = concept(inhalt={"massnahmen": [dict(BASE_INHALT["massnahmen"][0], statu="x")]})
    code, out = run("validate", str(root))
    assert code == 1
    assert "konzept/bildung.yaml:31:3: Fehler IK101" in out
    assert "Hinweis: Meinten Sie „status“?" in out
    assert "1 Fehler, 0 Warnungen in 2 Dateien." in out


def test_strict_turns_warnings_into_exit_1(concept) -> None:
    root = concept(inhalt={"massnahmen": [dict(BASE_INHALT["massnahmen"][0], indikatoren=[])]})
    assert run("validate", str(root))[0] == 0
    assert run("validate", str(root), "--strict")[0] == 1


def test_json_format_is_stable(concept) -> None:
    root = concept(inhalt={"massnahmen": [dict(BASE_INHALT["massnahmen"][0], indikatoren=[])]})
    code, out = run("validate", str(root), "--format", "json")
    data = json.loads(out)
    assert data["zusammenfassung"] == {"dateien": 2, "fehler": 0, "warnungen": 1, "hinweise": 0}
    [p] = data["probleme"]
    assert {k: p[k] for k in ("datei", "zeile", "code", "regel", "schweregrad")} == {
        "datei": "bildung.yaml", "zeile": 21, "code": "IK504",
        "regel": "massnahme-ohne-indikator", "schweregrad": "Warnung"}


def test_usage_error_exits_2() -> None:
    assert run("validate", "--format", "pdf")[0] == 2
    assert run("gibtsnicht")[0] == 2


def test_missing_folder_is_a_user_error(tmp_path: Path) -> None:
    code, out = run("validate", str(tmp_path / "fehlt"))
    assert code == 1
    assert "nicht gefunden" in out


def test_internal_error_exits_3_without_traceback(monkeypatch, capsys) -> None:
    def boom(*a, **k):
        raise RuntimeError("kaputt")

    monkeypatch.setattr("integrationskonzept.checks.runner.validate", boom)
    with pytest.raises(SystemExit) as exc:
        cli.main(["validate", "."])
    assert exc.value.code == 3
    err = capsys.readouterr().err
    assert "Interner Fehler in ik" in err and "Traceback" not in err


@pytest.mark.parametrize("katalog", ["nap", "lehrte", "kern", "leer"])
@pytest.mark.parametrize("typ", ["Stadt", "Landkreis"])
def test_init_scaffold_validates_with_placeholder_warnings_only(tmp_path: Path, katalog: str,
                                                               typ: str) -> None:
    target = tmp_path / "neu"
    code, out = run("init", str(target), "--kommune", "Peine", "--typ", typ,
                    "--katalog", katalog)
    assert code == 0, out
    assert (target / "konzept.yaml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=.ik/konzept.schema.json")
    assert json.loads((target / ".ik" / "inhalt.schema.json").read_text(encoding="utf-8"))
    code, out = run("validate", str(target))
    assert code == 0, out
    assert "0 Fehler" in out and "Platzhalter „‹bitte ergänzen›“ noch nicht ersetzt" in out
    warnings = [line for line in out.splitlines() if "Warnung" in line and "IK" in line]
    assert warnings and all("IK590" in line for line in warnings), out
    code, out = run("validate", str(target), "--strict")
    assert code == 1, out  # placeholders are not decision-ready


def test_init_refuses_non_empty_folder(concept) -> None:
    code, out = run("init", str(concept()))
    assert code == 1
    assert "nicht leer" in out


def test_schema_lists_german_keys() -> None:
    code, out = run("schema", "--datei", "konzept")
    data = json.loads(out)
    assert {"kommune", "stand", "handlungsfelder", "sozialraeume"} <= set(data["properties"])
    assert data["additionalProperties"] is False
    code, out = run("schema")
    assert "federfuehrung" in json.dumps(json.loads(out))


def test_every_command_and_check_is_documented(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    registered = [(c.name or c.callback.__name__, c.callback.__doc__.strip().splitlines()[0])
                  for c in app.registered_commands]
    registered += [(g.name, g.typer_instance.info.help.splitlines()[0])
                   for g in app.registered_groups]
    assert sorted(registered) == sorted(cli.COMMANDS)
    for name, first in registered:
        assert f"  {name}" in out and first in out
    code, out = run("pruefungen")
    assert "IK501  ziel-ohne-massnahme  (Warnung)" in out


def test_every_top_level_option_in_the_help_works() -> None:
    # the options before a command are handled by cli itself, not by the typer app
    from integrationskonzept.cli.version import version_text

    code, out = run("--help")
    assert code == 0 and out == cli.help_text()
    for name, text in cli.OPTIONS:
        assert f"  {name}" in out and text in out
        for option in name.split(", "):
            code, said = run(option)
            assert code == 0
            assert said == (cli.help_text() if option in ("-h", "--help") else version_text())
    assert run("--version")[1].startswith("ik ")


def test_help_is_fast_enough_to_feel_instant() -> None:
    # Not a benchmark: guards against importing pydantic/pandoc at start-up.
    env = dict(os.environ, PYTHONPATH=str(Path(cli.__file__).parents[1]))
    code = ("import sys, integrationskonzept.cli.commands; "
            "bad = [m for m in ('pydantic', 'yaml', 'jinja2', 'pypandoc', 'typst', 'babel') "
            "if m in sys.modules]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_format_reference_is_up_to_date() -> None:
    from integrationskonzept.model.formatdoc import render

    doc = Path(__file__).resolve().parent.parent / "docs" / "format.md"
    assert doc.read_text(encoding="utf-8") == render(), (
        "docs/format.md is stale: python -m integrationskonzept.model.formatdoc > docs/format.md")


# Owned by the monitoring, Landkreis and survey work, which describe them with their next
# changes.
UNDESCRIBED_FOR_NOW = {"Indikator", "Messwert", "Bericht", "Einschaetzung", "Konfliktanalyse",
                       "Konfliktlinie", "Perspektive", "Entfernung", "Integrationsmanagement",
                       "Partnerschaft", "Frage", "Option", "Teilfrage"}


def test_every_model_field_is_described() -> None:
    from integrationskonzept.model.files import Inhalt, KonzeptDatei
    from integrationskonzept.model.formatdoc import _models

    missing = [f"{cls.__name__}.{name}" for root in (KonzeptDatei, Inhalt)
               for cls in _models(root) if cls.__name__ not in UNDESCRIBED_FOR_NOW
               for name, info in cls.model_fields.items() if not info.description]
    assert missing == []
