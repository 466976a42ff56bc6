"""Expected failures and the exit codes of `ik`, defined once.

Every failure the user can cause or fix is an :class:`IkError` with a complete German
message; the CLI's one handler maps the class to an exit code. Anything else that
escapes a command is a bug in `ik` (exit 3).
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130


class IkError(Exception):
    """An expected failure; ``message`` is German, complete and safe to print as is.

    ``detail`` carries tool output (pandoc's stderr, typst's diagnostic) for a verbose
    mode; it may be empty. ``exit_code`` is what the CLI ends with.
    """

    exit_code = EXIT_PROBLEMS

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message


class SourceError(IkError):
    """The concept's sources cannot be read (missing folder, unreadable file)."""


class TemplateError(IkError):
    """A user template in the concept's ``templates/`` failed."""


class RenderError(IkError):
    """Rendering failed: pandoc, typst, a design file, writing the output."""


class GitError(IkError):
    """A git revision cannot be read."""


class UsageError(IkError):
    """The command line asks for something impossible (exit 2)."""

    exit_code = EXIT_USAGE


# Older name, kept for library callers of the first version.
UserError = SourceError
