"""The checks of `ik validate`: one module a check, each with code, name and severity.

A check module defines ``CODE`` (stable, e.g. ``IK501``), ``NAME`` (the word used in
``pruefungen:`` of konzept.yaml), ``SEVERITY`` (the default), a docstring that is its
documentation, and ``check(konzept, ctx)`` yielding :class:`Finding` values.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass, field
from types import ModuleType

from ..problems import Location, Severity

MODULES = (
    "verweise",
    "vokabulare",
    "keine_handlungsfelder",
    "zeitraeume",
    "stand",
    "ziel_ohne_massnahme",
    "massnahme_ohne_federfuehrung",
    "massnahme_ohne_zeitraum",
    "massnahme_ohne_indikator",
    "bedarf_ohne_quelle",
    "handlungsfeld_ohne_ziel",
    "gliederung",
    "nummer_doppelt",
    "massnahme_abgelaufen",
    "akteur_unbenutzt",
    "platzhalter",
    "offene_luecke",
    "logo_ohne_alternativtext",
    "bilder_in_texten",
    "text_ohne_wirkung",
)


@dataclass(frozen=True)
class Finding:
    """What a check found; the runner adds code, name and the configured severity."""

    message: str
    location: Location
    hint: str = ""
    related: tuple[Location, ...] = ()


@dataclass(frozen=True)
class CheckContext:
    """What checks may know besides the concept: today's date, for "in the future"."""

    heute: dt.date = field(default_factory=dt.date.today)


@dataclass(frozen=True)
class Check:
    code: str
    name: str
    severity: Severity
    doc: str
    module: ModuleType


def all_checks() -> list[Check]:
    """Every registered check, in code order."""
    out = []
    for name in MODULES:
        mod = importlib.import_module(f"{__name__}.{name}")
        out.append(Check(mod.CODE, mod.NAME, mod.SEVERITY, (mod.__doc__ or "").strip(), mod))
    return sorted(out, key=lambda c: c.code)
