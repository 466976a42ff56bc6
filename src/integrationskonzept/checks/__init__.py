"""The checks of `ik validate`: one module a check, each with code, name and severity.

A check module defines ``CODE`` (stable, e.g. ``IK501``), ``NAME`` (the word used in
``pruefungen:`` of konzept.yaml), ``SEVERITY`` (the default), a docstring that is its
documentation, ``EXAMPLE`` (sources that get it), and ``check(konzept, ctx)`` yielding
:class:`Finding` values; its module name goes into :data:`MODULES`.

:func:`all_codes` is the registry of every code `ik` can report: the checks and the
codes of :mod:`integrationskonzept.problems.codes`.
"""

from __future__ import annotations

import datetime as dt
import importlib
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING

from ..problems import Location, Severity
from ..problems.codes import CODES, Code

if TYPE_CHECKING:
    from ..model.concept import Konzept

MODULES = (
    "verweise",
    "verweise_mitglieder",
    "verweise_ohne_kreis",
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
    "konfliktlinien",
    "fussnoten",
    "ampel_ohne_begruendung",
    "monitoring_nach_stand",
    "verlauf_reihenfolge",
    "umgesetzt_dann_geplant",
    "istwert_ausserhalb",
    "indikator_ohne_richtung",
    "ohne_aktualisierung",
    "verschachtelung",
)


@dataclass(frozen=True)
class Finding:
    """What a check found; the runner adds code, name and the configured severity."""

    message: str
    location: Location
    hint: str = ""
    related: tuple[Location, ...] = ()


@dataclass(frozen=True)
class Nachbarkonzept:
    """Another concept of a Landkreis workspace, as a prefixed reference names it.

    ``anzeige`` is its folder as shown to the user (relative to the Kreis folder,
    ending in „/“, empty for the Kreis itself).
    """

    name: str
    anzeige: str
    konzept: Konzept


@dataclass(frozen=True)
class CheckContext:
    """What checks may know besides the concept: today's date, for "in the future".

    In a Landkreis workspace also the other concepts by prefix (``kreis``, the members'
    ids), the prefix of the Kreis, this concept's own folder as shown to the user and the
    Kreis folder as an absolute path; ``arbeitsbereich`` is None when the concept is
    checked alone.
    """

    heute: dt.date = field(default_factory=dt.date.today)
    arbeitsbereich: Mapping[str, Nachbarkonzept] | None = None
    kreis: str | None = None
    selbst: str = ""
    basis: str = "/"  # the Kreis folder as an absolute path: relative paths between concepts

    def dort(self, other: Nachbarkonzept, loc: Location) -> Location:
        """``loc`` in ``other`` as a path relative to this concept's folder."""
        if not loc.file:
            return loc
        target = posixpath.normpath(posixpath.join(self.basis, other.anzeige + loc.file))
        start = posixpath.normpath(posixpath.join(self.basis, self.selbst or "."))
        return Location(posixpath.relpath(target, start), loc.line, loc.column)


@dataclass(frozen=True)
class Check:
    code: str
    name: str
    severity: Severity
    doc: str
    module: ModuleType
    example: str = ""

    def as_code(self) -> Code:
        return Code(self.code, self.name, self.severity, self.doc, self.example,
                    configurable=True)


def all_checks() -> list[Check]:
    """Every registered check, in code order."""
    out = []
    for name in MODULES:
        mod = importlib.import_module(f"{__name__}.{name}")
        out.append(Check(mod.CODE, mod.NAME, mod.SEVERITY, (mod.__doc__ or "").strip(), mod,
                         getattr(mod, "EXAMPLE", "")))
    return sorted(out, key=lambda c: c.code)


def all_codes() -> list[Code]:
    """Every code `ik` can report, in code order (a check's code once, as its check)."""
    checks = [c.as_code() for c in all_checks()]
    taken = {c.code for c in checks}
    return sorted([*checks, *(c for c in CODES if c.code not in taken)],
                  key=lambda c: c.code)
