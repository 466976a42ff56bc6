"""Entry point of the `ik` command: exit-code policy and the fast top-level help.

Exit codes: 0 ok · 1 problems in the sources (or bad input) · 2 wrong usage ·
3 internal error of ik (a bug: please report) · 130 interrupted.

`ik` and `ik --help` print :data:`HELP` without importing typer, so the most common
first call answers at once; a test keeps :data:`COMMANDS` equal to the typer app.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from ..errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, IkError

__all__ = ["IkError", "main"]

SUMMARY = "Integrationskonzepte als Code: Quellen prüfen, Lücken finden, Dokumente bauen."

# (command, first line of its help): kept equal to the typer app by tests/test_cli.py.
COMMANDS = (
    ("validate", "Prüft die Quellen eines Konzepts wie ein Compiler und meldet alle Probleme."),
    ("init", "Legt ein neues Konzept an, das sofort geprüft und gebaut werden kann."),
    ("schema", "Gibt das JSON-Schema des Quellformats aus (für Editoren mit YAML-Unterstützung)."),
    ("gaps", "Zeigt, welche Bedarfe kein Angebot deckt, und warum."),
    ("build", "Baut das vollständige Integrationskonzept als DOCX, barrierefreies PDF und HTML."),
    ("diff", "Zeigt, was sich zwischen zwei Fassungen des Konzepts geändert hat."),
    ("design", "Schreibt die Standard-Gestaltung (reference.docx, Typst-Thema, CSS) zum Anpassen."),
    ("tabelle", "Tabellen für Mitwirkende: Export nach Excel oder CSV und Import zurück in die "
     "Quellen."),
    ("befragung", "Übernimmt Ergebnisse einer LimeSurvey-Befragung in die Beteiligung."),
    ("pruefungen", "Listet alle Prüfungen mit Code, Name, Standard-Schweregrad und Beschreibung."),
)


def help_text() -> str:
    width = max(len(name) for name, _ in COMMANDS) + 2
    lines = [
        "Aufruf: ik [OPTIONEN] BEFEHL [ARGUMENTE]...",
        "",
        f"  {SUMMARY}",
        "",
        "Befehle:",
        *(f"  {name.ljust(width)}{text}" for name, text in COMMANDS),
        "",
        "Optionen:",
        f"  {'-h, --help'.ljust(width)}Diese Hilfe anzeigen.",
        "",
        "Hilfe zu einem Befehl: ik BEFEHL --help",
        "Ende mit 0: ohne Probleme · 1: Probleme in den Quellen · 2: falscher Aufruf · "
        "3: interner Fehler",
    ]
    return "\n".join(lines) + "\n"


# typer/click write their own help and usage errors in English; these are the fragments.
_GERMAN = (
    ("Usage:", "Aufruf:"), ("[OPTIONS]", "[OPTIONEN]"), (" COMMAND ", " BEFEHL "),
    ("[ARGS]...", "[ARGUMENTE]..."), ("Value error, ", ""), ("Arguments:", "Argumente:"), ("Options:", "Optionen:"),
    ("Commands:", "Befehle:"), ("[default: ", "[Standard: "), ("[required]", "[Pflicht]"),
    ("Show this message and exit.", "Diese Hilfe anzeigen."),
    ("Try '", "Hilfe: '"), ("' for help.", "'"), ("Error: ", "Fehler: "),
    ("No such option: ", "Unbekannte Option: "), ("No such command ", "Unbekannter Befehl "),
    ("Missing argument ", "Fehlendes Argument "), ("Missing option ", "Fehlende Option "),
    ("Invalid value for ", "Ungültiger Wert für "), (" is not one of ", " ist keiner von "),
    ("Did you mean", "Meinten Sie"), ("Got unexpected extra argument",
                                       "Unerwartetes zusätzliches Argument"),
    ("does not exist.", "existiert nicht."), ("requires an argument.", "braucht einen Wert."),
)


class _German:
    """A text stream that translates typer's English help and usage fragments on write."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        for en, de in _GERMAN:
            if en in text:
                text = text.replace(en, de)
        return int(self._stream.write(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def main(argv: list[str] | None = None) -> None:
    """Run `ik`; maps every outcome to a documented exit code."""
    args = sys.argv[1:] if argv is None else argv
    if args in ([], ["--help"], ["-h"]):
        sys.stdout.write(help_text())
        sys.exit(EXIT_OK)
    try:
        from .commands import app

        if "--help" in args or "-h" in args:
            sys.stdout = _German(sys.stdout)  # type: ignore[assignment]
        sys.stderr = _German(sys.stderr)  # type: ignore[assignment]
        app(args=args, prog_name="ik")
    except SystemExit as done:
        if argv is None:
            _hard_exit(done.code)
        raise
    except KeyboardInterrupt:
        sys.stderr.write("Abgebrochen.\n")
        _end(EXIT_INTERRUPTED, argv)
    except IkError as exc:  # an expected failure: the user can act on the message
        sys.stderr.write(f"Fehler: {exc.message}\n")
        if exc.detail and os.environ.get("IK_DEBUG"):
            sys.stderr.write(exc.detail.rstrip() + "\n")
        _end(exc.exit_code, argv)
    except Exception as exc:  # a bug in ik, not a problem in the sources
        if os.environ.get("IK_DEBUG"):
            raise
        sys.stderr.write(
            f"Interner Fehler in ik ({type(exc).__name__}: {exc}).\n"
            "Das ist ein Fehler im Programm, nicht in Ihren Dateien. Bitte melden Sie ihn mit "
            "dieser Ausgabe; IK_DEBUG=1 zeigt Details.\n")
        _end(EXIT_INTERNAL, argv)


def _end(code: int, argv: list[str] | None) -> None:
    if argv is None:
        _hard_exit(code)
    sys.exit(code)


def _hard_exit(code: object) -> None:
    """End the process without freeing every object one by one (a large concept is about
    a million of them: 0.3 s of pure clean-up). All output is written and flushed; files
    are closed by the commands themselves."""
    status = code if isinstance(code, int) else (0 if code is None else 1)
    if not isinstance(code, (int, type(None))):
        sys.stderr.write(f"{code}\n")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":
    main()
