"""The Markdown fields of a document, collected for the prosa filter.

Each Markdown field of the sources gets a key (``p1``, ``p2`` …) and a placeholder in
the document; the texts travel in a JSON file to ``render/lua/prosa.lua``, which parses
each text on its own (a field that opens a fence or a div cannot swallow the rest)
and resolves ``[[id]]`` references to numbered links.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model.references import IMAGE_IN_TEXT, image_file
from .markdown import Prosa
from .numbering import Register

MAX_IMAGE_BYTES = 20 * 1024 * 1024
READER = ("commonmark_x-raw_html-raw_attribute-tex_math_dollars-yaml_metadata_block"
          "-implicit_header_references+wikilinks_title_after_pipe")
# READER differs from pandoc's commonmark_x only in constructs that need one of
# AUSLOESER (raw HTML „<“, a raw attribute „{=html}“ – also „{ =html}“ –, TeX math
# „$“, a YAML block „---“, references to headings and [[wikilinks]] „[“). A text
# without any of them reads the same with commonmark_x as it is, whose reader pandoc
# builds once; a changed extension set is built again for every text (1.2 against
# 0.2 ms: at Landkreis size, 1,300 texts).
READER_SCHLICHT = "commonmark_x"
AUSLOESER = ("<", "{", "$", "---", "[")


_GENDER_STAR = re.compile(r"(?<=[^\W\d_])\*(?=[^\W\d_])")


def gender_stars(text: str) -> str:
    """Escape the gender star between letters (Akteur*innen) so Markdown keeps it as text.

    Authors type ``Akteur*innen und Migrant*innen`` in prose; unescaped, the two stars
    would open and close an emphasis. Emphasis with stars starts after a space or
    punctuation, never between two letters, so this escapes nothing an author meant.
    """
    return _GENDER_STAR.sub(r"\*", text)


@dataclass
class Sammlung:
    """Collects the texts; :meth:`data` is what the filter reads."""

    texte: dict[str, dict[str, object]] = field(default_factory=dict)
    verweise: dict[str, dict[str, str]] = field(default_factory=dict)

    def add(self, text: str | None, ebene: int, basis: str = "") -> Prosa | None:
        """A placeholder for ``text`` under a heading of level ``ebene`` (None for no text).

        ``basis``: the folder (relative to the concept) that image paths in the text
        are relative to; the concept folder itself for fields in YAML files.
        """
        if text is None or not text.strip():
            return None
        key = f"p{len(self.texte) + 1}"
        self.texte[key] = {"text": gender_stars(text), "ebene": ebene, "basis": basis}
        return Prosa(key, ebene)

    def bilder(self, root: Path) -> dict[str, bytes]:
        """The image files the texts show (inside the concept folder), by build path.

        Records per text which written path became which build path, so the filter can
        rewrite them; anything else is dropped later by the pipeline's safety filter.
        """
        assets: dict[str, bytes] = {}
        for entry in self.texte.values():
            mapping: dict[str, str] = {}
            for m in IMAGE_IN_TEXT.finditer(str(entry["text"])):
                src = m.group(2)
                found = image_file(root, str(entry["basis"]), src)
                if found is None:
                    continue
                name, path = found
                if name not in assets:
                    if path.stat().st_size > MAX_IMAGE_BYTES:
                        continue
                    assets[name] = path.read_bytes()
                mapping[src] = name
            if mapping:
                entry["bilder"] = mapping
        return assets

    def set_register(self, register: Register, names: dict[str, str]) -> None:
        """Where ``[[id]]`` points: numbered entries link, vocabularies show their name."""
        for ident, name in names.items():
            self.verweise[ident] = {"label": name, "anchor": ""}
        for ident, entry in register.eintraege.items():
            self.verweise[ident] = {"label": entry.label, "anchor": entry.anchor}

    def data(self) -> dict[str, object]:
        return {"reader": READER, "reader_schlicht": READER_SCHLICHT,
                "ausloeser": list(AUSLOESER), "texte": self.texte, "verweise": self.verweise}

    def dumps(self) -> str:
        return json.dumps(self.data(), ensure_ascii=False, sort_keys=True, indent=1)
