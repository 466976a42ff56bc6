"""The gap analysis of a concept folder: load, refuse sources with errors, filter.

:func:`gaps_for_folder` is what `ik gaps` calls; it returns a value (the report, or the
errors that prevent one) and raises :class:`~integrationskonzept.errors.UsageError`
for a filter value that names nothing in the concept. Printing is the CLI's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from ..model.concept import Konzept
from ..model.loader import load_concept
from ..problems import Problem, Severity
from ..source.schemaerrors import suggest
from .cache import report_for
from .filter import filter_report
from .report import GapReport


@dataclass(frozen=True)
class FolderGaps:
    """The outcome: ``report`` is ``None`` when ``errors`` (from loading) prevent it;
    ``konzept`` is the concept it was made of."""

    files: int
    report: GapReport | None
    errors: list[Problem] = field(default_factory=list)
    konzept: Konzept | None = None


def resolve(table: Mapping[str, object], value: str | None) -> str | None:
    """A filter value as an id: the id itself, or the id of the entry with that name."""
    if value is None or value in table:
        return value
    for ident, entry in table.items():
        if str(getattr(entry, "name", "")).casefold() == value.casefold():
            return ident
    return value


def check_filters(konzept: Konzept, handlungsfeld: str | None, sozialraum: str | None,
                  zielgruppe: str | None) -> list[str]:
    """Messages for filter values that name no id of the concept (with a suggestion)."""
    out = []
    for label, value, table in (
            ("Unbekanntes Handlungsfeld", handlungsfeld, konzept.handlungsfelder),
            ("Unbekannter Sozialraum", sozialraum, konzept.sozialraeume),
            ("Unbekannte Zielgruppe", zielgruppe, konzept.zielgruppen)):
        if value is None or value in table:
            continue
        by_name = {entry.name: ident for ident, entry in table.items()}
        best = suggest(value, [*table, *by_name])
        best = by_name.get(best, best) if best else None
        hint = f" Meinten Sie „{best}“?" if best else (
            f" Bekannt sind: {', '.join(table)}." if table else "")
        out.append(f"{label} „{value}“.{hint}")
    return out


def gaps_for_folder(path: str | Path, handlungsfeld: str | None = None,
                    sozialraum: str | None = None, zielgruppe: str | None = None
                    ) -> FolderGaps:
    """Load the concept at ``path`` and analyse its gaps, filtered by id or name.

    Loading errors come back in ``errors`` (no report: the analysis needs clean
    sources); an unknown filter value raises :class:`UsageError` with a suggestion.
    """
    loaded = load_concept(path)
    konzept = loaded.konzept
    errors = [p for p in loaded.problems if p.severity >= Severity.ERROR]
    if errors:
        return FolderGaps(len(konzept.files), None, errors, konzept)
    handlungsfeld = resolve(konzept.handlungsfelder, handlungsfeld)
    sozialraum = resolve(konzept.sozialraeume, sozialraum)
    zielgruppe = resolve(konzept.zielgruppen, zielgruppe)
    bad = check_filters(konzept, handlungsfeld, sozialraum, zielgruppe)
    if bad:
        raise UsageError("\n".join(bad))
    report = filter_report(report_for(konzept), handlungsfeld, sozialraum, zielgruppe)
    return FolderGaps(len(konzept.files), report, konzept=konzept)
