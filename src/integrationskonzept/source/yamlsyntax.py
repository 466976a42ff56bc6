"""What a YAML syntax error means, in German, and where the author can fix it.

libyaml says where it gave up, which is not always where the mistake is: a quoted text
whose closing quote is missing runs on into the next lines, and the reader stops lines
later – at an escape it does not know, at the end of the file, or at the next quote,
after which the rest of that line makes no sense. Such an error is reported where the
quoted text starts.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..problems import Location, Problem, Severity

if TYPE_CHECKING:
    import yaml


def yaml_problem(rel: str, line: int, col: int, code: str, msg: str, hint: str = "") -> Problem:
    """A problem of reading a YAML file."""
    return Problem(code, Severity.ERROR, msg, Location(rel, line, col), hint, rule="yaml")


_SYNTAX_HINTS = (
    ("mapping values are not allowed", "Doppelpunkt an unerwarteter Stelle",
     "Setzen Sie Text, der „: “ enthält, in Anführungszeichen, und prüfen Sie die Einrückung."),
    ("could not find expected ':'", "Doppelpunkt nach dem Schlüssel fehlt",
     "Jede Zeile eines Eintrags hat die Form „schluessel: wert“."),
    ("did not find expected key", "Einrückung passt nicht zum Eintrag darüber",
     "Rücken Sie alle Schlüssel eines Eintrags gleich weit ein."),
    ("did not find expected '-' indicator", "Listeneintrag ohne „-“ oder falsch eingerückt",
     "Beginnen Sie jeden Listeneintrag mit „- “ in derselben Spalte."),
    ("expected <block end>", "Einrückung passt nicht zum Eintrag darüber",
     "Rücken Sie alle Schlüssel eines Eintrags gleich weit ein."),
    ("found unexpected end of stream", "Datei endet mitten in einem Wert",
     "Schließen Sie Anführungszeichen und Klammern."),
    ("found unknown escape character", "Unbekannte Escape-Sequenz in Text mit \"…\"",
     "Verwenden Sie einfache Anführungszeichen '…' oder verdoppeln Sie den Backslash."),
    ("found character that cannot start any token", "Zeichen kann hier keinen Wert beginnen",
     "Setzen Sie Text, der mit @, ` oder % beginnt, in Anführungszeichen."),
    ("found undefined tag handle", "Unbekannte Typangabe mit „!“",
     "Entfernen Sie die Angabe mit „!“ oder setzen Sie den Text in Anführungszeichen."),
    ("expected alphabetic or numeric character", "Unvollständiger Anker oder Verweis (&, *)",
     "Setzen Sie Text, der mit & oder * beginnt, in Anführungszeichen."),
    ("expected ',' or ']'", "Liste in eckigen Klammern nicht richtig geschlossen",
     "Prüfen Sie Kommas und die schließende Klammer „]“."),
    ("expected ',' or '}'", "Eintrag in geschweiften Klammern nicht richtig geschlossen",
     "Prüfen Sie Kommas und die schließende Klammer „}“."),
)

# Parser messages that mean "too deeply nested" (libyaml's wording changed in 0.2.6).
_DEPTH = ("exceeded max depth", "exceeded maximum nesting depth", "maximum nesting depth")


# A value that starts with a quote: after „key:“ or „- “ (a quote inside plain text, as in
# „geht's“, starts nothing).
_OPENING = re.compile(r"""(?:^[ ]*(?:-[ ]+)*(?:[^\s#'"][^:#]*:[ ]+)?|[ ]-[ ]+)(["'])""")


def _opened_above(lines: list[str], line: int, quote: str) -> tuple[int, int] | None:
    """Where the ``quote`` opens that a quote on ``line`` closes, if a value opens it on
    one of the lines above (its closing quote was missing there)."""
    for number in range(line - 1, max(0, line - 200), -1):
        found = _OPENING.match(lines[number - 1])
        if found is not None and found.group(1) == quote and \
                lines[number - 1].count(quote) % 2 == 1:
            return number, found.start(1) + 1
        if quote in lines[number - 1]:
            return None
    return None


def _unclosed_quote(exc: yaml.MarkedYAMLError, rel: str, line: int, col: int, end_line: int,
                    end_col: int, inside: bool = True) -> Problem:
    """A quoted text that runs over into later lines: almost always its closing quote is
    missing, so the problem is where the text starts, not where the reader gave up
    (``inside``: the reader gave up inside the text, for the reason it names)."""
    reason = next((msg for needle, msg, _hint in _SYNTAX_HINTS
                   if inside and needle in (exc.problem or "")), "")
    stop = f"Zeile {end_line}, Spalte {end_col}" + (f" ({reason})" if reason else "")
    return yaml_problem(
        rel, line, col, "IK001", "YAML-Syntaxfehler: Text in Anführungszeichen wird nicht "
        "geschlossen",
        "Der Text, der hier mit einem Anführungszeichen beginnt, geht über das Zeilenende "
        f"hinaus; der YAML-Leser hat ihn bis {stop} gelesen. Setzen Sie am Ende des Textes "
        "dasselbe Anführungszeichen (\" oder ') oder schreiben Sie ihn ohne.")


def syntax_problem(exc: yaml.MarkedYAMLError, rel: str, text: str, max_depth: int) -> Problem:
    """The IK001 (or IK004) problem of a parser error, located where the author can fix it."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 0
    col = mark.column + 1 if mark else 0
    problem = f"{exc.context or ''} {exc.problem or ''}"
    start = exc.context_mark
    if "quoted scalar" in (exc.context or "") and start and mark and mark.line > start.line:
        return _unclosed_quote(exc, rel, start.line + 1, start.column + 1, line, col)
    # the reader stopped right after a closing quote: of a text opened lines above, or of
    # a value on this line that goes on after it
    lines = text.splitlines() if mark else []
    before = lines[line - 1][: col - 1].rstrip() if 1 <= line <= len(lines) else ""
    quote = before[-1:] if before[-1:] in ("\"", "'") else ""
    if quote and before.count(quote) % 2 == 1:
        opened = _opened_above(lines, line, quote)
        if opened is not None:
            return _unclosed_quote(exc, rel, *opened, line, col, inside=False)
    if quote and _OPENING.match(lines[line - 1]) is not None:
        return yaml_problem(
            rel, line, col, "IK001", "YAML-Syntaxfehler: Text nach dem schließenden "
            "Anführungszeichen",
            "Ein Wert in Anführungszeichen endet mit dem zweiten Anführungszeichen. Setzen Sie "
            "den ganzen Wert in Anführungszeichen, mit anderen Zeichen innen (titel: "
            "'„Mama lernt Deutsch“ – ein Kurs'), oder lassen Sie sie weg.")
    if any(needle in problem for needle in _DEPTH):
        return yaml_problem(rel, line, col, "IK004",
                            f"Datei ist zu tief verschachtelt (mehr als {max_depth} Ebenen)",
                            "Prüfen Sie Einrückung und Klammern.")
    for needle, msg, hint in _SYNTAX_HINTS:
        if needle in problem:
            return yaml_problem(rel, line, col, "IK001", f"YAML-Syntaxfehler: {msg}", hint)
    original = (exc.problem or exc.context or "").strip()
    return yaml_problem(rel, line, col, "IK001", "YAML-Syntaxfehler",
                        "Vergleichen Sie die Zeile mit einem funktionierenden Eintrag."
                        + (f" (Meldung des YAML-Lesers: {original})" if original else ""))
