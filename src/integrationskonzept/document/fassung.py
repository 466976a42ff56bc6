"""Which version a document is, in words: for the title page and the Impressum.

„2.0, beschlossen vom Rat der Stadt Peine am 12. März 2024, gültig 2024 bis 2028“ when a
Beschluss names the concept's version; „2.0, Entwurf zur Beschlussfassung im Rat … (geplant:
Juni 2026)“ when that Beschluss is still in preparation; else just the version. A git commit
belongs only on drafts (see ``render.build``).
"""

from __future__ import annotations

from ..model.concept import Konzept
from ..model.files import Beschluss
from .fields import zeitraum


def beschluss_der_fassung(konzept: Konzept) -> Beschluss | None:
    """The Beschluss that names the concept's version (the last one, if several)."""
    if konzept.meta is None:
        return None
    version = konzept.meta.version
    found = [b for b in konzept.beschluesse if b.version == version]
    return found[-1] if found else None


def fassung(konzept: Konzept) -> str:
    """The version in words (without the word „Version“)."""
    if konzept.meta is None:
        return ""
    text = konzept.meta.version
    b = beschluss_der_fassung(konzept)
    if b is None:
        return text
    if b.status == "beschlossen":
        text += f", beschlossen vom {b.gremium} am {b.datum.lang}" if b.datum.precision == "tag" \
            else f", beschlossen vom {b.gremium} im {b.datum.lang}"
    else:
        text += f", Entwurf zur Beschlussfassung ({b.gremium}, geplant: {b.datum.lang})"
    if b.geltung is not None:
        text += f", gültig {zeitraum(b.geltung)}"
    return text
