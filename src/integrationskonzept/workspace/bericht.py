"""The Umsetzungsbericht of a Landkreis aggregated over its Gemeinden (pure).

Per member the report of :mod:`..monitoring.report` is made on the member's own
period for the Kreis's Stichtag (its ``berichte:`` entry with that Stichtag, else the
last one before it in the same year), with the open gaps of the Kreis-wide gap
analysis (:func:`.gaps.workspace_gaps`, the same as ``ik gaps`` on the Kreis folder).
A member without a declared period there and without any history entry or Ampel in
that time has no report data (``bericht`` None).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from ..model.concept import Konzept
from ..monitoring import ampel_in, eintraege_in, waehle
from ..monitoring.periods import Berichtsperiode
from ..monitoring.report import OffeneLuecke, Umsetzungsbericht, to_dict, umsetzungsbericht
from .gaps import KreisLuecken
from .loader import Arbeitsbereich


@dataclass(frozen=True)
class MitgliedBericht:
    """One Gemeinde in the Kreis's report; ``bericht`` None: keine Berichtsdaten."""

    mitglied: str
    name: str
    anzeige: str
    bericht: Umsetzungsbericht | None
    # open gaps of the Kreis-wide analysis (also without report data)
    offene_luecken: tuple[OffeneLuecke, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"mitglied": self.mitglied, "name": self.name, "ordner": self.anzeige,
                "berichtsdaten": self.bericht is not None,
                "offene_luecken": [dataclasses.asdict(x) for x in self.offene_luecken],
                "bericht": to_dict(self.bericht) if self.bericht is not None else None}


def hat_berichtsdaten(konzept: Konzept, periode: Berichtsperiode) -> bool:
    """A declared period, or a history entry or Ampel dated within ``periode``."""
    if periode.id:
        return True
    for m in konzept.massnahmen.values():
        if eintraege_in(m, periode) or ampel_in(m.ampel, periode) is not None:
            return True
    return any(ampel_in(z.ampel, periode) is not None for z in konzept.ziele.values())


def mitglieder_berichte(bereich: Arbeitsbereich, periode: Berichtsperiode,
                        luecken: KreisLuecken | None = None) -> list[MitgliedBericht]:
    """The report of every member for the Kreis's ``periode``, in the order of
    ``gemeinden:``."""
    reports = {g.mitglied: g.report for g in luecken.gemeinden} if luecken else {}
    out = []
    for ident, member in bereich.mitglieder.items():
        eigene, vorher = waehle(member.konzept, stichtag=periode.stichtag)
        if not eigene.id:
            # no declared period: the Kreis's period stands in (dates, not its title)
            eigene = dataclasses.replace(periode, id="")
        gaps = reports.get(ident)
        bericht = None
        if hat_berichtsdaten(member.konzept, eigene):
            bericht = umsetzungsbericht(member.konzept, eigene, vorher, gaps)
        offen = tuple(OffeneLuecke(b.bedarf, b.titel, gaps.name(b.handlungsfeld), b.urteil)
                      for b in gaps.offene) if gaps is not None else ()
        out.append(MitgliedBericht(ident, member.name, member.anzeige, bericht, offen))
    return out
