"""The JSON Schema of the source format, for editors (yaml-language-server, VS Code)."""

from __future__ import annotations

import json
from typing import Any

SCHEMA_FILES = {"konzept": "konzept.schema.json", "inhalt": "inhalt.schema.json"}
# Entries that may also be written as one line of text: „zeitraum: 2016–2020“,
# „- glossar“ in the outline.
AS_TEXT = {"Zeitraum": "Zeitraum als Text, z. B. „2016–2020“, „ab 2021“ oder „2024“",
           "Gliederungspunkt": "Kurzform: der Name eines erzeugten Teils, z. B. „glossar“"}


def schema(which: str) -> dict[str, Any]:
    """The schema of ``konzept.yaml`` (``which="konzept"``) or of a content file."""
    from .files import Inhalt, KonzeptDatei

    model = KonzeptDatei if which == "konzept" else Inhalt
    data = model.model_json_schema()
    for name, words in AS_TEXT.items():
        entry = data.get("$defs", {}).get(name)
        if entry is not None:
            data["$defs"][name] = {"anyOf": [entry, {"type": "string", "description": words}]}
    data["$schema"] = "http://json-schema.org/draft-07/schema#"
    data["title"] = "ik: konzept.yaml" if which == "konzept" else "ik: Inhaltsdatei"
    return data


def schema_text(which: str) -> str:
    return json.dumps(schema(which), ensure_ascii=False, indent=2, sort_keys=False)
