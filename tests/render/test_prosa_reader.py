"""The texts of the sources read with pandoc's plain commonmark_x where that is the same.

``prosa.lua`` reads a text without any of ``AUSLOESER`` with ``READER_SCHLICHT``
(pandoc builds that reader once, a changed extension set for every text again); the
Markdown it writes back must be the same as with ``READER`` for every such text.
"""

from __future__ import annotations

import random
import re
import subprocess

import pytest

from integrationskonzept.document import prosa as dokument
from integrationskonzept.document.prosa import AUSLOESER, READER, READER_SCHLICHT, Sammlung
from integrationskonzept.render.pandoc import pandoc_path
from integrationskonzept.render.prosa import prosa_texte

# what starts each extension in which READER differs from READER_SCHLICHT
START = {"raw_html": "<", "raw_attribute": "{", "tex_math_dollars": "$",
         "yaml_metadata_block": "---", "implicit_header_references": "[",
         "wikilinks_title_after_pipe": "["}

# Markdown: every construct the readers know
TOKENS = (
    "Wort", "Akteur\\*innen", "Integrationskurs", " ", " ", "  ", "\n", "\n\n", "\n\n",
    "*", "**", "_", "__", "`", "```", "```python", "~~~", "# ", "## ", "### ", "#", "> ",
    "- ", "+ ", "* ", "1. ", "2) ", "a. ", "iv. ", ":", ": ", "::: ", ":::", "~", "~~",
    "^", "|", "| a | b |\n| - | - |\n| 1 | 2 |\n",
    "}", "{.klasse}", "{#anker}", '"', "'", "\\", "&amp;", "&", "&#x41;", "!", "(",
    ")", "    code", "\t", "--", "...", "http://example.org", "www.example.de",
    ":smile:", "Begriff\n: Erklärung", "===", "___", "***", "\\\n", "  \n", "1.", "§ 3",
    "„Zitat“", "‚halb‘", "–", "€", "50 %", "x^2^", "H~2~O", "\u00a0", "😀",
    # the constructs of AUSLOESER: texts with them go to READER (were one missing
    # there, they would reach READER_SCHLICHT and the comparison would fail)
    "<b>fett</b>", "`x`{=html}", "`x`{ =html}", "```{ =latex }\nx\n```\n", "$x^2$",
    "\n---\ntitel: x\n---\n", "[Vorwort]",
    "[[m-1]]", "[[m-1|der Maßnahme]]",
)


def _trigger_free(rng: random.Random) -> str:
    while True:
        text = "".join(rng.choice(TOKENS) for _ in range(rng.randint(1, 40)))
        if text.strip() and not any(t in text for t in AUSLOESER):
            return text


def test_auslöser_cover_every_extension_in_which_the_readers_differ() -> None:
    out = subprocess.run([pandoc_path(), f"--list-extensions={READER_SCHLICHT}"],
                         capture_output=True, check=True, text=True).stdout
    default = {line[1:] for line in out.splitlines() if line.startswith("+")}
    base, *changes = re.split(r"(?=[+-])", READER)
    assert base == READER_SCHLICHT
    differ = {change[1:] for change in changes
              if (change[0] == "+") != (change[1:] in default)}
    assert differ == set(START), differ
    assert {START[ext] for ext in differ} == set(AUSLOESER)


@pytest.mark.slow
def test_texts_without_auslöser_are_written_back_the_same(
        monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(15)
    texts = [_trigger_free(rng) for _ in range(400)]
    texts += ["# Vorwort\n\nDie Stadt **Peine** hat 51.086 Einwohner*innen.\n",
              "Ein Text mit [[m-1]] und <b>HTML</b> und $x$.\n\n---\ntitel: x\n---\n",
              "```{=html}\n<script>x</script>\n```\n"]
    sammlung = Sammlung()
    for number, text in enumerate(texts):
        sammlung.add(text, ebene=1 + number % 3)
    sammlung.verweise["m-1"] = {"label": "M 1 Sprachcafé", "anchor": "massnahme-m-1"}
    fast = prosa_texte(sammlung)
    data = Sammlung.data
    monkeypatch.setattr(dokument.Sammlung, "data", lambda self: {
        k: v for k, v in data(self).items() if k != "reader_schlicht"})
    assert prosa_texte(sammlung) == fast
    assert len(fast) == len(texts)
