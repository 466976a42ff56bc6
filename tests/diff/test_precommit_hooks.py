"""The pre-commit hook definition that concept repositories use."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

HOOKS = Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml"


def test_ik_validate_hook() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    hook = hooks["ik-validate"]
    assert (hook["entry"], hook["language"], hook["pass_filenames"]) == (
        "ik validate", "python", False)
    pattern = re.compile(hook["files"])
    assert all(pattern.search(f) for f in ("konzept.yaml", "a/b.yml", "texte/vorwort.md"))
    assert not any(pattern.search(f) for f in ("bild.png", "konzept.yaml.bak"))
    assert hooks["ik-validate-strict"]["entry"] == "ik validate --strict"
