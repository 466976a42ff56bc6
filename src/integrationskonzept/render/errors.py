"""The one exception the rendering pipeline raises, with a German message for the user."""

from __future__ import annotations


class RenderError(Exception):
    """Rendering failed; ``message`` is German, complete and safe to print as is.

    ``detail`` carries tool output (pandoc's stderr, typst's diagnostic) for a
    verbose mode; it may be empty.
    """

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message
