"""Helpers for the document tests: golden files, pandoc's AST of a Markdown text."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from integrationskonzept.document.context import build_context
from integrationskonzept.document.templates import render_markdown
from integrationskonzept.gaps import find_gaps
from integrationskonzept.model.loader import load_concept
from integrationskonzept.render.prosa import expand_prosa

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("IK_UPDATE_GOLDEN") == "1"


def markdown_of(root: Path) -> tuple[str, str]:
    """(template Markdown with placeholders, prosa data as JSON) of a concept folder."""
    loaded = load_concept(root)
    konzept = loaded.konzept
    dok, prosa = build_context(konzept, find_gaps(konzept))
    return render_markdown(dok, root), prosa.dumps()


def expanded_of(root: Path) -> str:
    """The complete Markdown (placeholders filled by the prosa filter)."""
    loaded = load_concept(root)
    dok, prosa = build_context(loaded.konzept, find_gaps(loaded.konzept))
    return expand_prosa(render_markdown(dok, root), prosa)


def check_golden(name: str, actual: str) -> None:
    """Compare with golden/<name>; IK_UPDATE_GOLDEN=1 rewrites it instead."""
    path = GOLDEN / name
    if UPDATE or not path.exists():
        if not UPDATE:
            raise AssertionError(f"golden file {path} missing; run with IK_UPDATE_GOLDEN=1")
        path.write_text(actual, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from its golden file (IK_UPDATE_GOLDEN=1 updates)"


def pandoc_ast(markdown: str) -> dict[str, Any]:
    """The document as pandoc reads it in the pipeline (same reader), as JSON AST."""
    from integrationskonzept.render.pandoc import READER, pandoc_path

    proc = subprocess.run([pandoc_path(), "-f", READER, "-t", "json"],
                          input=markdown.encode(), capture_output=True, check=True, timeout=120)
    return json.loads(proc.stdout)


def nodes(tree: Any, kind: str) -> list[Any]:
    """Every AST node of type ``kind``."""
    out = []
    if isinstance(tree, dict):
        if tree.get("t") == kind:
            out.append(tree)
        for value in tree.values():
            out.extend(nodes(value, kind))
    elif isinstance(tree, list):
        for value in tree:
            out.extend(nodes(value, kind))
    return out


def text(tree: Any) -> str:
    """The plain text of an AST part (Str and Space joined)."""
    if isinstance(tree, dict):
        if tree.get("t") == "Str":
            return str(tree["c"])
        if tree.get("t") in ("Space", "SoftBreak", "LineBreak"):
            return " "
        if tree.get("t") == "Code":
            return str(tree["c"][1])
        return "".join(text(v) for v in tree.values() if isinstance(v, (dict, list)))
    if isinstance(tree, list):
        return "".join(text(v) for v in tree)
    return ""


def headings(ast: dict[str, Any]) -> list[tuple[int, str]]:
    return [(h["c"][0], text(h["c"][2])) for h in nodes(ast["blocks"], "Header")]
