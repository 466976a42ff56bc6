"""The JSON Schema of the source format, for editors (yaml-language-server, VS Code)."""

from __future__ import annotations

import json
from typing import Any

SCHEMA_FILES = {"konzept": "konzept.schema.json", "inhalt": "inhalt.schema.json"}


def schema(which: str) -> dict[str, Any]:
    """The schema of ``konzept.yaml`` (``which="konzept"``) or of a content file."""
    from .files import Inhalt, KonzeptDatei

    model = KonzeptDatei if which == "konzept" else Inhalt
    data = model.model_json_schema()
    data["$schema"] = "http://json-schema.org/draft-07/schema#"
    data["title"] = "ik: konzept.yaml" if which == "konzept" else "ik: Inhaltsdatei"
    return data


def schema_text(which: str) -> str:
    return json.dumps(schema(which), ensure_ascii=False, indent=2, sort_keys=False)
