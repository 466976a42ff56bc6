"""`ik validate` in its plain forms runs without typer: it must read them as click does
and answer exactly as through typer (the forms with ``--`` still go through typer)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command

from ik_testing import BASE_INHALT, ik_streams
from integrationskonzept.cli.commands import app
from integrationskonzept.cli.validate import plain_args

ROOT = Path(__file__).resolve().parents[1]

# (arguments after „validate“): read without typer, each as click reads it
PLAIN = [
    [], ["examples/peine"], ["--strict"], ["-f", "json", "ordner"],
    ["ordner", "--format", "github", "--strict"], ["--format=sarif"],
    ["--mitglied", "peine", "kreis"], ["--mitglied=peine"],
    ["--format", "json", "--format", "text"],
    ["--strict", "ordner", "--strict"], [""], ["--format="], ["-f", ""],
]
# left to typer: its messages for mistakes, and spellings the plain reader does not take
TO_TYPER = [
    ["a", "b"], ["--format"], ["-f"], ["--format", "-x"], ["--unbekannt"], ["-fjson"], ["-"],
    ["--strict=1"], ["-f=json"], ["--mitglied", "--strict"], ["--form", "json"], ["-s"],
]


@pytest.mark.parametrize("args", PLAIN, ids=lambda a: " ".join(a) or "(leer)")
def test_plain_forms_read_as_click_reads_them(args: list[str]) -> None:
    command = get_command(app).commands["validate"]  # type: ignore[attr-defined]
    params = command.make_context("validate", list(args)).params
    assert plain_args(args) == (params["path"], params["strict"], params["fmt"],
                                params["mitglied"])


@pytest.mark.parametrize("args", TO_TYPER, ids=" ".join)
def test_other_forms_are_left_to_typer(args: list[str]) -> None:
    assert plain_args(args) is None


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "pdf"])
def test_plain_and_typer_answers_are_the_same(concept, fmt: str) -> None:
    inhalt = dict(BASE_INHALT)
    inhalt["massnahmen"] = [{"id": "m-1", "titel": "", "status": "fertig", "extra": 1}]
    root = str(concept(inhalt=inhalt))
    plain = ik_streams("validate", "--format", fmt, "--strict", root)
    through_typer = ik_streams("validate", "--format", fmt, "--strict", "--", root)
    assert plain == through_typer
    assert plain[0] == (2 if fmt == "pdf" else 1)


@pytest.mark.parametrize("command", ["validate", "gaps"])
def test_plain_forms_do_not_load_typer(command: str) -> None:
    code = ("import sys; from integrationskonzept import cli; "
            f"code = cli.run(['{command}', '--format', 'json', 'examples/peine']); "
            "print('typer' in sys.modules, 'click' in sys.modules, code, file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    assert proc.stderr.split() == ["False", "False", "0"]
