"""The extra chapters of a document: Konfliktanalyse (any concept), and for a Landkreis
workspace the Integrationsmanagement and the Gemeinden (see :mod:`..document.kreis`)."""

from __future__ import annotations

from typing import Any

from ..document import konflikt
from ..document import kreis as kreis_doc
from ..document.markdown import Md
from ..document.prosa import Sammlung
from ..model.concept import Konzept


def kreis_kapitel(konzept: Konzept, prosa: Sammlung, bereich: Any, intern: bool,
                  luecken: Any = None, voll: Konzept | None = None) -> dict[str, Md]:
    """The chapters by template key (``integrationsmanagement``, ``konfliktanalyse``,
    ``gemeinden``), only those with content. ``voll``: the concept before its internal
    conflict data was left out (for [[kl-…]] in texts)."""
    konflikt.verweise(voll or konzept, konzept, prosa)
    out: dict[str, Md | None] = {
        "integrationsmanagement": kreis_doc.integrationsmanagement(konzept, prosa),
        "konfliktanalyse": konflikt.kapitel(konzept, prosa, intern),
    }
    if bereich is not None:
        from ..workspace.gaps import workspace_gaps
        from ..workspace.summary import summaries

        if luecken is None:
            luecken = workspace_gaps(bereich)
        out["gemeinden"] = kreis_doc.gemeinden(summaries(bereich, luecken))
    return {k: v for k, v in out.items() if v is not None}


def kreis_verweise(konzept: Konzept, bereich: Any, gaps: Any = None
                   ) -> dict[str, tuple[str, str]]:
    """Prefixed ids in the Kreis document (its references, the Gemeinden's offers that
    cover its needs) → („Stadt Peine: <title>“, the anchor of that Gemeinde's chapter)."""
    from ..workspace import KREIS
    from ..workspace.fremd import prefixed

    idents = prefixed(konzept)
    if gaps is not None:
        idents += [a for b in gaps.befunde
                   for a in (*b.angebote, *(k.angebot for k in b.naechste)) if ":" in a]
    out: dict[str, tuple[str, str]] = {}
    for ident in dict.fromkeys(idents):
        prefix, rest = ident.split(":", 1)
        member = bereich.mitglieder.get(prefix)
        if member is not None:
            out[ident] = (f"{member.name}: {member.konzept.label(rest)}",
                          kreis_doc.anker(prefix))
        elif prefix == KREIS:
            out[ident] = (konzept.label(rest), "")
    return out
