"""Entry point of the `ik` command: exit-code policy and the fast top-level help.

Exit codes: 0 ok · 1 problems in the sources (or bad input) · 2 wrong usage ·
3 internal error of ik (a bug: please report) · 130 interrupted.

`ik` and `ik --help` print :func:`help_text`, `ik --version` the versions (:mod:`.version`),
without importing typer, so the most common first calls answer at once; tests keep
:data:`COMMANDS` and :data:`OPTIONS` equal to the typer app.
Help for one command is German, written by :mod:`.help`; click's usage errors become
German in :mod:`.usage`; run-wide side effects (collector, hard exit) are in
:mod:`.runtime`. A new command: see CONTRIBUTING.md.
"""

from __future__ import annotations

import os
import sys

from ..errors import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    IkError,
    UsageError,
)

__all__ = ["COMMANDS", "IkError", "main", "run"]

SUMMARY = "Integrationskonzepte als Code: Quellen prüfen, Lücken finden, Dokumente bauen."

# (command, first line of its help): kept equal to the typer app by tests/test_cli.py.
COMMANDS = (
    ("validate", "Prüft die Quellen eines Konzepts wie ein Compiler und meldet alle Probleme."),
    ("init", "Legt ein neues Konzept an, das sofort geprüft und gebaut werden kann."),
    ("schema", "Gibt das JSON-Schema des Quellformats aus (für Editoren mit YAML-Unterstützung)."),
    ("gaps", "Zeigt, welche Bedarfe kein Angebot deckt, und warum."),
    ("build", "Baut das vollständige Integrationskonzept als DOCX, barrierefreies PDF und HTML."),
    ("diff", "Zeigt, was sich zwischen zwei Fassungen des Konzepts geändert hat."),
    ("bericht", "Baut den Umsetzungsbericht eines Berichtszeitraums (Status, Ampeln, "
                "Indikatoren)."),
    ("design", "Schreibt die Standard-Gestaltung (reference.docx, Typst-Thema, CSS) zum Anpassen."),
    ("tabelle", "Tabellen für Mitwirkende: Export nach Excel oder CSV und Import zurück in die "
     "Quellen."),
    ("befragung", "Übernimmt Ergebnisse einer LimeSurvey-Befragung in die Beteiligung."),
    ("pruefungen", "Listet alle Prüfungen mit Code, Name, Standard-Schweregrad und Beschreibung."),
    ("vorschau", "Zeigt das Dokument als Vorschau im Browser und baut es bei jeder Änderung neu."),
)
# (option, help): the options before the command; kept equal to the typer app by tests.
OPTIONS = (
    ("-h, --help", "Diese Hilfe anzeigen."),
    ("--version", "Die Versionen von ik, Python, Pandoc und Typst anzeigen."),
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
        *(f"  {name.ljust(width)}{text}" for name, text in OPTIONS),
        "",
        "Hilfe zu einem Befehl: ik BEFEHL --help",
        "Ende mit 0: ohne Probleme · 1: Probleme in den Quellen · 2: falscher Aufruf · "
        "3: interner Fehler",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    """Run `ik` and end with its exit code (the process itself when run as a program)."""
    if argv is None:
        from .runtime import ends_after, hard_exit, without_pydantic_plugins

        ends_after()
        without_pydantic_plugins()
        hard_exit(run(sys.argv[1:]))
    code = run(argv)
    sys.exit(code)


def run(args: list[str]) -> int:
    """Run `ik ARGS` and return the exit code; the one place that handles every outcome."""
    from .output import echo

    _on_signals()
    try:
        return _dispatch(args)
    except KeyboardInterrupt:
        echo("Abgebrochen; angefangene Dateien und temporäre Ordner wurden entfernt.", err=True)
        return 128 + _SIGNALLED[-1] if _SIGNALLED else EXIT_INTERRUPTED
    except IkError as exc:  # an expected failure: the user can act on the message
        echo(f"Fehler: {exc.message}", err=True)
        if exc.detail and os.environ.get("IK_DEBUG"):
            echo(exc.detail.rstrip(), err=True)
        return exc.exit_code
    except MemoryError:
        echo("Fehler: Nicht genug Arbeitsspeicher. Schließen Sie andere Programme oder bauen "
             "Sie weniger Formate auf einmal (--format).", err=True)
        return EXIT_PROBLEMS
    except OSError as exc:  # the machine, not ik: full disk, read-only folder, permissions
        from ..text.oserrors import os_error_text

        echo(f"Fehler: {os_error_text(exc)}.", err=True)
        return EXIT_PROBLEMS
    except Exception as exc:  # a bug in ik, not a problem in the sources
        if os.environ.get("IK_DEBUG"):
            raise
        echo(f"Interner Fehler in ik ({type(exc).__name__}: {exc}).\n"
             "Das ist ein Fehler im Programm, nicht in Ihren Dateien. Bitte melden Sie ihn mit "
             "dieser Ausgabe; IK_DEBUG=1 zeigt Details.", err=True)
        return EXIT_INTERNAL


_SIGNALLED: list[int] = []


def _on_signals() -> None:
    """SIGTERM (a cancelled CI job), SIGINT and SIGHUP stop pandoc, typst and git at once
    and unwind like Ctrl-C: the ``with`` blocks remove the temporary folders and unfinished
    files; the exit code is 128 + the signal's number."""
    import signal

    def stop(signum: int, _frame: object) -> None:
        from ..source.processes import stop_all

        stop_all()
        _SIGNALLED.append(signum)
        raise KeyboardInterrupt

    for name in ("SIGTERM", "SIGINT", "SIGHUP"):
        if hasattr(signal, name):
            try:
                signal.signal(getattr(signal, name), stop)
            except ValueError:  # not the main thread (library use): leave it be
                return


def _dispatch(args: list[str]) -> int:
    if not args or args[0] in ("--help", "-h"):
        sys.stdout.write(help_text())
        return EXIT_OK
    command = args[0]
    if command == "--version" and len(args) == 1:
        from .version import version_text

        sys.stdout.write(version_text())
        return EXIT_OK
    if command in ("validate", "gaps"):
        from importlib import import_module

        # the plain forms without typer (see .validate, .gaps); help, ``--`` and every
        # other option are left to typer by the plain reader (.plain)
        code = import_module(f".{command}", __name__).run_plain(args[1:])
        if code is not None:
            return int(code)
    from .usage import click_errors, german, unknown_command, unknown_option

    if command.startswith("-"):
        raise unknown_option(command, [name for name, _ in OPTIONS])
    from .help import command_names

    if command not in command_names():
        raise unknown_command(command, [name for name, _ in COMMANDS])
    options = args[1:args.index("--")] if "--" in args else args[1:]
    from .help import command_help, group_help, sub_names

    subs = sub_names(command)
    if subs is not None:  # a command with sub-commands: ik tabelle export …
        sub = options[0] if options and not options[0].startswith("-") else None
        if sub is None:
            sys.stdout.write(group_help(command))
            return EXIT_OK if not options or options[0] in ("--help", "-h") else EXIT_USAGE
        if sub not in subs:
            raise UsageError(f"Unbekannter Befehl „ik {command} {sub}“; möglich: "
                             + ", ".join(subs))
        if "--help" in options or "-h" in options:
            sys.stdout.write(command_help(command, sub))
            return EXIT_OK
    elif "--help" in options or "-h" in options:
        sys.stdout.write(command_help(command))
        return EXIT_OK
    import typer

    from .commands import app
    from .runtime import collector_policy

    try:
        with collector_policy(command):
            code = app(args=args, prog_name="ik", standalone_mode=False)
    except click_errors().ClickException as exc:
        raise german(exc, command) from None
    except typer.Abort:
        raise KeyboardInterrupt from None
    if code == EXIT_INTERRUPTED:
        raise KeyboardInterrupt
    return code if isinstance(code, int) else EXIT_OK


if __name__ == "__main__":
    main()
