"""The toolchain that renders, with every version known: what is not pinned is asked.

:func:`integrationskonzept.toolchain.versions` knows the programs inside the pinned
packages without starting them; for any other release pandoc and typst are asked here,
the only place that runs them.
"""

from __future__ import annotations

import functools

from ..toolchain import TYPST, Program, Versions, versions
from .pandoc import pandoc_version
from .typesetter import typst_version


@functools.cache
def toolchain() -> Versions:
    """ik, Python, pandoc and typst as installed (computed once per process)."""
    found = versions()
    return found._replace(pandoc=_complete(found.pandoc), typst=_complete(found.typst))


def _complete(program: Program) -> Program:
    if program.version is not None or program.installed is None:
        return program
    ask = typst_version if program.pin.package == TYPST.package else pandoc_version
    return program._replace(version=ask())
