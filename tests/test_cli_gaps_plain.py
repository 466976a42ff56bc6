"""`ik gaps` in its plain forms runs without typer: it must read them as click does and
answer exactly as through typer (help, ``--`` and mistakes still go through typer)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.main import get_command

from ik_testing import ik_streams
from integrationskonzept.cli.commands import app
from integrationskonzept.cli.gaps import plain_args

ROOT = Path(__file__).resolve().parents[1]

# (arguments after „gaps“): read without typer, each as click reads it
PLAIN = [
    [], ["examples/peine"], ["--fehler-bei-luecken"], ["-f", "json", "ordner"],
    ["ordner", "--format", "csv", "--fehler-bei-luecken"], ["--format=markdown"],
    ["--mitglied", "peine", "kreis"], ["--mitglied=peine"],
    ["--format", "json", "--format", "table"], ["--handlungsfeld", "hf-sprache"],
    ["--sozialraum=sr-1", "--zielgruppe", "zg-kinder", "ordner"], ["--handlungsfeld="],
    ["--fehler-bei-luecken", "ordner", "--fehler-bei-luecken"], [""], ["--format="],
    ["-f", ""],
]
# left to typer: its messages for mistakes, and spellings the plain reader does not take
TO_TYPER = [
    ["a", "b"], ["--format"], ["-f"], ["--format", "-x"], ["--unbekannt"], ["-fjson"], ["-"],
    ["--fehler-bei-luecken=1"], ["-f=json"], ["--mitglied", "--fehler-bei-luecken"],
    ["--form", "json"], ["--handlungsfeld"], ["--zielgruppe", "-"],
]


@pytest.mark.parametrize("args", PLAIN, ids=lambda a: " ".join(a) or "(leer)")
def test_plain_forms_read_as_click_reads_them(args: list[str]) -> None:
    command = get_command(app).commands["gaps"]  # type: ignore[attr-defined]
    p = command.make_context("gaps", list(args)).params
    assert plain_args(args) == (p["path"], p["fmt"], p["handlungsfeld"], p["sozialraum"],
                                p["zielgruppe"], p["fehler_bei_luecken"], p["mitglied"])


@pytest.mark.parametrize("args", TO_TYPER, ids=" ".join)
def test_other_forms_are_left_to_typer(args: list[str]) -> None:
    assert plain_args(args) is None


@pytest.mark.parametrize("options", [
    ["--format", "table"], ["--format", "markdown"], ["-f", "json"], ["--format=csv"],
    ["--format", "pdf"], ["--fehler-bei-luecken"], ["--handlungsfeld", "Sprache"],
    ["--handlungsfeld", "hf-unbekannt"], ["--zielgruppe", "zg-gefluechtete", "-f", "csv"],
])
def test_plain_and_typer_answers_are_the_same(options: list[str]) -> None:
    root = str(ROOT / "examples" / "peine")
    plain = ik_streams("gaps", *options, root)
    through_typer = ik_streams("gaps", *options, "--", root)
    assert plain == through_typer
    assert plain[1] or plain[2]


def test_plain_and_typer_answers_are_the_same_on_a_workspace() -> None:
    root = str(ROOT / "examples" / "landkreis-peine")
    assert ik_streams("gaps", "-f", "json", root) == ik_streams("gaps", "-f", "json", "--", root)
