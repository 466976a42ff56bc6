"""Time and memory limits for every pandoc and typst run, scaled to the document.

Sources come from other hands: a single hostile line (a footnote citing itself,
a zip bomb in ``reference.docx``, a giant logo) can make pandoc or typst grow
without bound. Every run therefore gets a heap limit (pandoc ``+RTS -M``), an
address-space limit (typst's child process) and a time limit, generous for the
real documents (Landkreis scale: about 5 MB of Markdown, 100 s and 1.5 GB per
format) and proportionate to the size of the Markdown.

Administrators may raise or lower them with the environment variables
``IK_ZEITLIMIT`` (seconds per run) and ``IK_SPEICHERLIMIT`` (MB per run).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..errors import UsageError

BASE_SECONDS = 60.0
SECONDS_PER_MB = 120.0
BASE_MEMORY = 1536 * 2**20
MEMORY_PER_BYTE = 500  # 5 MB of Markdown: 1.5 GB + 2.5 GB


@dataclass(frozen=True)
class Limits:
    """Per run: ``seconds`` of wall time and ``memory`` bytes (heap / address space)."""

    seconds: float
    memory: int


def limits_for(size: int) -> Limits:
    """The limits for a document of ``size`` bytes of Markdown (environment overrides)."""
    seconds = BASE_SECONDS + SECONDS_PER_MB * size / 1_000_000
    memory = BASE_MEMORY + MEMORY_PER_BYTE * size
    seconds = _override("IK_ZEITLIMIT", seconds)
    memory = int(_override("IK_SPEICHERLIMIT", memory / 2**20) * 2**20)
    return Limits(seconds, memory)


def _override(name: str, default: float) -> float:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 < number < float("inf"):
        raise UsageError(f"Umgebungsvariable {name}: »{value}« ist keine positive Zahl.")
    return number
