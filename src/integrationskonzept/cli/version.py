"""``ik --version``: the versions of ik, Python, pandoc and typst, without importing typer."""

from __future__ import annotations


def version_text() -> str:
    """The German lines ``ik --version`` prints."""
    from ..toolchain import versions

    found = versions()
    if not all(p.pinned for p in found.programs):  # not the tested release: ask the program
        from ..render.versions import toolchain

        found = toolchain()
    return found.text()
