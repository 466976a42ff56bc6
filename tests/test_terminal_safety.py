"""Values from the sources never reach a terminal or a CI log as escape sequences."""

from __future__ import annotations

import json

import pytest

from ik_testing import BASE_INHALT, ik, ik_streams
from integrationskonzept.text.terminal import json_visible, visible

HACK = "\x1b]0;HACKED\x07"
SHOWN = "\\x1b]0;HACKED\\x07"
# Raw control characters, C1 controls and bidi overrides/isolates that must not appear.
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\r")


@pytest.mark.parametrize(("text", "shown"), [
    (HACK, SHOWN),
    ("\x1b[2J\x1b[H", "\\x1b[2J\\x1b[H"),
    ("a\x9b31mb", "a\\x9b31mb"),
    ("abc\u202edef\u2066x\u2069", "abc\\u202edef\\u2066x\\u2069"),
    ("Zeile\rÜber", "Zeile\\x0dÜber"),
    ("Tab\tund\nZeile, Umlaute äöü, „Zitat“ – ok", "Tab\tund\nZeile, Umlaute äöü, „Zitat“ – ok"),
])
def test_visible(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_json_visible_keeps_the_data() -> None:
    text = json_visible(json.dumps({"k": "a\u202eb\x85c"}, ensure_ascii=False))
    assert "\u202e" not in text and "\x85" not in text
    assert json.loads(text) == {"k": "a\u202eb\x85c"}


def _hostile(concept):  # type: ignore[no-untyped-def]
    massnahme = dict(BASE_INHALT["massnahmen"][0])
    # YAML's double-quoted escapes \e and \a give the raw ESC and BEL in the key
    return concept(extra={"angriff.yaml": '"\\e]0;HACKED\\a": 1\n'},
                   inhalt={"massnahmen": [massnahme]})


def _clean(output: str) -> None:
    for char in RAW:
        assert char not in output, repr(output)


def test_validate_text_shows_the_key_escaped(concept) -> None:
    root = _hostile(concept)
    assert '"\\e]0;HACKED\\a": 1' in (root / "angriff.yaml").read_text(encoding="utf-8")
    code, out = ik("validate", str(root))
    assert code == 1
    _clean(out)
    # the reader refuses the control characters (IK003) before any message could quote them
    assert "angriff.yaml:1:" in out and "IK003" in out


@pytest.mark.parametrize("fmt", ["github", "sarif", "json"])
def test_ci_formats_escape_the_key(concept, fmt: str) -> None:
    code, out = ik("validate", str(_hostile(concept)), "--format", fmt)
    assert code == 1
    _clean(out)
    assert "IK003" in out


def test_rich_markup_and_emoji_codes_in_values_are_printed_as_written(concept) -> None:
    bedarf = {"id": "b-x", "titel": "[bold red]Alarm[/] :smile: abc",
              "sozialraeume": ["stederdorf"]}
    root = concept(inhalt={"bedarfe": [bedarf]})
    code, out, err = ik_streams("gaps", str(root))
    assert code == 0, err
    _clean(out)
    assert "[bold red]Alarm[/] :smile: abc" in out
    assert "😄" not in out


def test_gaps_markdown_and_csv_escape_control_characters(concept) -> None:
    bedarf = {"id": "b-x", "titel": "Kurs " + HACK, "sozialraeume": ["stederdorf"]}
    root = concept(inhalt={"bedarfe": [bedarf]})
    for fmt in ("markdown", "csv", "json"):
        code, out = ik("gaps", str(root), "--format", fmt)
        assert code == 1  # refused by the reader (IK003); the message is clean
        for char in ("\x1b", "\x07"):
            assert char not in out, (fmt, out)


def test_error_messages_with_values_are_escaped(tmp_path) -> None:
    code, out, err = ik_streams("validate", str(tmp_path / f"fehlt{HACK}"))
    assert code == 1
    _clean(err)
    assert f"fehlt{SHOWN}" in err


def test_diff_report_escapes_values(concept, tmp_path) -> None:
    import shutil

    new = concept()
    old = tmp_path / "alt"
    shutil.copytree(new, old)
    text = (new / "bildung.yaml").read_text(encoding="utf-8")
    text = text.replace("titel: Sprachcafé", 'titel: "Sprachcafé \\e[31m"')
    (new / "bildung.yaml").write_text(text, encoding="utf-8")
    for fmt in ("text", "markdown", "json"):
        code, out = ik("diff", str(new), "--from", str(old), "--format", fmt)
        _clean(out)


def test_rich_markup_in_a_key_is_printed_as_written(concept) -> None:
    root = concept(extra={"markup.yaml": '"[red]rot[/red] :smile:": 1\n'})
    code, out = ik("validate", str(root))
    assert code == 1
    assert "Unbekannter Schlüssel „[red]rot[/red] :smile:“" in out
    assert "😄" not in out


def test_the_output_layer_escapes_every_value(capsys) -> None:  # type: ignore[no-untyped-def]
    """Whatever reaches a Problem (a file name, a key, a hint) is printed escaped."""
    from integrationskonzept.cli.output import print_problems
    from integrationskonzept.problems import Location, Problem, Severity
    from integrationskonzept.problems.ci import format_github, format_sarif
    from integrationskonzept.problems.output import format_json

    problem = Problem("IK101", Severity.ERROR, f"Unbekannter Schlüssel „{HACK}“",
                      Location(f"a{HACK}.yaml", 1, 1), f"Hinweis \u202e{HACK}")
    print_problems([problem], 1)
    printed = capsys.readouterr().out
    assert f"a{SHOWN}.yaml:1:1: Fehler IK101 Unbekannter Schlüssel „{SHOWN}“" in printed
    assert f"Hinweis: Hinweis \\u202e{SHOWN}" in printed
    for text in (printed, format_github([problem]), format_sarif([problem]),
                 format_json([problem], 1)):
        _clean(text)
