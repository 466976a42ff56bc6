"""Logo ohne Alternativtext oder ohne Datei.

Das Logo auf dem Titelblatt braucht einen Alternativtext (`logo: {datei: …, alt: …}`),
sonst ist das PDF nicht barrierefrei (PDF/UA); die Datei muss im Konzeptordner liegen.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.concept import Konzept, where
from ..problems import Severity
from . import CheckContext, Finding

CODE = "IK701"
NAME = "logo-ohne-alternativtext"
SEVERITY = Severity.ERROR
EXAMPLE = """\
logo:
  datei: bilder/wappen.png   # ohne „alt:“
"""


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    meta = konzept.meta
    if meta is None or meta.logo is None:
        return
    if not meta.logo.alt:
        yield Finding("Logo ohne Alternativtext", where(meta, "logo"),
                      f"Ergänzen Sie „alt: Wappen der {meta.kommune.art_und_name}“ "
                      "(was das Logo zeigt).")
    root = konzept.root.resolve()
    path = (konzept.root / meta.logo.datei).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        yield Finding(f"Logo-Datei „{meta.logo.datei}“ nicht gefunden", where(meta, "logo",
                                                                          "datei"),
                      "Legen Sie das Logo in den Konzeptordner, z. B. nach design/logo.png.")
