"""Text, der im Dokument nicht so erscheint, wie er geschrieben ist.

Texte sind Inhalt, nie Code: HTML-Tags (z. B. aus einer Webseite kopiert), Roh-Blöcke
wie ```{=html} oder ```{=typst} und Links, die nicht mit http, https oder mailto
beginnen (file:, javascript: …), werden beim Bauen entfernt oder nur als Text gezeigt.
Diese Prüfung sagt vorher, wo das geschieht.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model.concept import Konzept
from ..model.references import markdown_joined, markdown_texts
from ..problems import Severity
from . import CheckContext, Finding
from .positions import Positions

CODE = "IK703"
NAME = "text-ohne-wirkung"
SEVERITY = Severity.WARNING
EXAMPLE = """\
beschreibung: "<b>wichtig</b>"   # HTML erscheint nicht im Dokument
"""

_HTML = re.compile(r"</?(script|style|iframe|object|embed|div|span|img|a|p|br|table|tr|td|"
                   r"font|b|i|u|center|form|input)\b[^<>]*>", re.IGNORECASE)  # [^<>]: linear
_RAW = re.compile(r"`\{=[a-zA-Z0-9_-]+\}")
_LINK = re.compile(r"\]\(\s*<?([a-zA-Z][a-zA-Z0-9+.-]*):")
_OK_SCHEMES = frozenset({"http", "https", "mailto"})


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    joined = markdown_joined(konzept)  # one look at all texts first
    if "<" not in joined and "`{=" not in joined and "](" not in joined:
        return
    for text, start, _basis in markdown_texts(konzept):
        if "<" not in text and "`{=" not in text and "](" not in text:
            continue
        where = Positions(start, text)
        tags = list(_HTML.finditer(text))
        if tags:
            more = f" (und {len(tags) - 1} weitere)" if len(tags) > 1 else ""
            yield Finding(f"HTML-Code „{_short(tags[0].group())}“{more} wird nicht übernommen",
                          where.at(tags[0].start()),
                          "Schreiben Sie den Text ohne HTML; Hervorhebungen mit *…* oder **…**, "
                          "Links als [Text](https://…).")
        for m in _RAW.finditer(text):
            yield Finding(f"Roh-Block „{m.group()}“ wird nicht übernommen", where.at(m.start()),
                          "Texte dürfen keinen Code für ein Ausgabeformat enthalten.")
        for m in _LINK.finditer(text):
            if m.group(1).lower() not in _OK_SCHEMES:
                yield Finding(f"Link mit „{m.group(1)}:“ wird nur als Text gezeigt",
                              where.at(m.start()),
                              "Verlinken Sie nur Adressen mit https://, http:// oder mailto:.")


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"
