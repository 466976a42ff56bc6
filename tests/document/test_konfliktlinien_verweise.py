"""[[kl-…]] in a text links to its Konfliktlinie in the Konfliktanalyse chapter; a
confidential line left out of the public build is not named there; an unknown one is
IK202 at its line."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from ik_testing import BASE_INHALT, BASE_KONZEPT, ik_streams, write_concept

AKTEURE = [*BASE_INHALT["akteure"],
           {"id": "abh", "name": "Ausländerbehörde", "typ": "Verwaltung"},
           {"id": "ini", "name": "Flüchtlingsinitiativen", "typ": "Zivilgesellschaft"}]
KONFLIKT: dict[str, Any] = {"konfliktlinien": [
    {"id": "kl-wege", "thema": "Zuständigkeiten", "dynamik": "offen",
     "seiten": [{"akteure": ["gleichstellung"]}, {"akteure": ["abh"]}]},
    {"id": "kl-geheim", "thema": "Wartezeiten in der Behörde", "dynamik": "offen",
     "vertraulich": True, "seiten": [{"akteure": ["ini"]}, {"akteure": ["abh"]}]}]}


def _concept(tmp_path: Path, text: str) -> Path:
    inhalt = copy.deepcopy(BASE_INHALT)
    inhalt.update(akteure=AKTEURE, konfliktanalyse=KONFLIKT,
                  ausgangslage=text)
    return write_concept(tmp_path / "k", {"konzept.yaml": BASE_KONZEPT, "bildung.yaml": inhalt})


def _md(root: Path, *extra: str) -> str:
    out = root.parent / "out"
    code, _o, err = ik_streams("build", str(root), "-f", "md", "-o", str(out), *extra)
    assert code == 0, err
    name = "integrationskonzept-intern.md" if extra else "integrationskonzept.md"
    return (out / name).read_text(encoding="utf-8")


def test_link_to_the_konfliktlinie(tmp_path: Path) -> None:
    md = _md(_concept(tmp_path, "Siehe [[kl-wege]] und [[kl-geheim]]."))
    assert ("Siehe [Konfliktlinie „Zuständigkeiten“](#konfliktlinie-kl-wege) und "
            "(vertrauliche Konfliktlinie).") in md
    assert "[**Zuständigkeiten**]{#konfliktlinie-kl-wege}" in md
    assert "Wartezeiten" not in md


def test_internal_build_links_the_confidential_line(tmp_path: Path) -> None:
    md = _md(_concept(tmp_path, "Siehe [[kl-geheim]]."), "--intern")
    assert "Siehe [Konfliktlinie „Wartezeiten in der Behörde“](#konfliktlinie-kl-geheim)." in md
    assert "{#konfliktlinie-kl-geheim}" in md


def test_unknown_konfliktlinie_is_reported(tmp_path: Path) -> None:
    root = _concept(tmp_path, "Siehe [[kl-wegee]].")
    code, out, _err = ik_streams("validate", str(root))
    assert code == 1
    line = next(i for i, t in enumerate(
        (root / "bildung.yaml").read_text(encoding="utf-8").splitlines(), 1)
        if t.startswith("ausgangslage"))
    assert f"bildung.yaml:{line}:" in out and "IK202" in out and "[[kl-wegee]]" in out
    assert "Meinten Sie [[kl-wege]]?" in out
