"""Stand in der Zukunft.

Der Stand in konzept.yaml ist das Datum, zu dem das Dokument gilt; er liegt nicht
nach dem heutigen Tag. Auch Beschlüsse können nicht in der Zukunft gefasst sein.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept, where
from ..problems import Severity
from ..text.german import datum_lang
from . import CheckContext, Finding

CODE = "IK302"
NAME = "stand-in-zukunft"
SEVERITY = Severity.ERROR
EXAMPLE = """\
stand: 2099-01-01
"""


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    meta = konzept.meta
    if meta is not None and meta.stand.first > ctx.heute:
        yield Finding(
            f"Stand {meta.stand.lang} liegt in der Zukunft (heute: "
            f"{datum_lang(ctx.heute)})", where(meta, "stand"),
            "Setzen Sie den Stand auf das Datum der letzten inhaltlichen Änderung.")
    for beschluss in konzept.beschluesse:
        if beschluss.status == "beschlossen" and beschluss.datum.first > ctx.heute:
            yield Finding(
                f"Beschluss vom {beschluss.datum.lang} liegt in der Zukunft",
                where(beschluss, "datum"),
                "Tragen Sie Beschlüsse erst ein, wenn sie gefasst sind; einen geplanten "
                "Beschluss kennzeichnet „status: in Vorbereitung“.")
