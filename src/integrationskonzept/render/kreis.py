"""The extra chapters of a document: Konfliktanalyse (any concept), and for a Landkreis
workspace the Integrationsmanagement and the Gemeinden (see :mod:`..document.kreis`)."""

from __future__ import annotations

from typing import Any

from ..document import konflikt
from ..document import kreis as kreis_doc
from ..document.markdown import Md
from ..document.prosa import Sammlung
from ..model.concept import Konzept
from ..model.references import all_refs


def kreis_kapitel(konzept: Konzept, prosa: Sammlung, bereich: Any, intern: bool
                  ) -> dict[str, Md]:
    """The chapters by template key (``integrationsmanagement``, ``konfliktanalyse``,
    ``gemeinden``), only those with content."""
    out: dict[str, Md | None] = {
        "integrationsmanagement": kreis_doc.integrationsmanagement(konzept, prosa),
        "konfliktanalyse": konflikt.kapitel(konzept, prosa, intern),
    }
    if bereich is not None:
        from ..workspace.gaps import workspace_gaps
        from ..workspace.summary import summaries

        out["gemeinden"] = kreis_doc.gemeinden(summaries(bereich, workspace_gaps(bereich)))
        _fremde_verweise(konzept, prosa, bereich)
    return {k: v for k, v in out.items() if v is not None}


def _fremde_verweise(konzept: Konzept, prosa: Sammlung, bereich: Any) -> None:
    """[[peine:m-6-1]] in the Kreis's texts reads „Stadt Peine: <title>“."""
    for _entry, _field, ident, _path in all_refs(konzept):
        if ":" not in ident or ident in prosa.verweise:
            continue
        prefix, rest = ident.split(":", 1)
        member = bereich.mitglieder.get(prefix)
        if member is not None:
            prosa.verweise[ident] = {"label": f"{member.name}: {member.konzept.label(rest)}",
                                     "anchor": ""}
