"""A hyphen the author typed before a digit stays a hyphen in the PDF (typst would print −)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from integrationskonzept.render.build import build

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="pdftotext (poppler-utils) fehlt")


def test_phone_extension_keeps_its_hyphen(concept, tmp_path) -> None:
    root = concept(inhalt={"ausgangslage": "Telefon 05132/505-1033, -1034 oder -1035."})
    result = build(root, formats=["pdf"], out=tmp_path / "out")
    assert result.ok, result.problems
    text = subprocess.run(["pdftotext", str(tmp_path / "out" / "integrationskonzept.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "505-1033, -1034 oder -1035" in " ".join(text.split())
    assert "\u2212" not in text
