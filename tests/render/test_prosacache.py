"""Texts read before come from the cache: the same Markdown, only changed texts read anew."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from integrationskonzept.document.prosa import Sammlung
from integrationskonzept.render import prosa

TEXTE = ["# Ausgangslage\n\nPeine hat 51.086 Einwohner*innen in 14 Ortsteilen.\n",
         "Der Runde Tisch tagte am 17.08.2017; siehe [[m-1]].\n",
         "- Sprachcafé\n- Patenschaften[^1]\n\n[^1]: Beispieldaten.\n"]


def _sammlung(texte: list[str], label: str = "M 1 Sprachcafé") -> Sammlung:
    sammlung = Sammlung()
    for text in texte:
        sammlung.add(text, ebene=2)
    sammlung.verweise["m-1"] = {"label": label, "anchor": "massnahme-m-1"}
    return sammlung


def _read(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The keys of the texts pandoc reads from now on, one list per pandoc run."""
    runs: list[list[str]] = []
    run_pandoc = prosa.run_pandoc

    def counted(args: list[str], **kwargs: object) -> None:
        source = Path(str(kwargs["env"]["IK_PROSA"]))  # type: ignore[index]
        runs.append(sorted(json.loads(source.read_text(encoding="utf-8"))["texte"]))
        run_pandoc(args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(prosa, "run_pandoc", counted)
    return runs


def _entries(cache_home: Path) -> list[Path]:
    folder = cache_home / "ik" / "texte"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_unchanged_texts_are_not_read_again(cache_home: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    runs = _read(monkeypatch)
    first = prosa.prosa_texte(_sammlung(TEXTE))
    assert runs == [["p1", "p2", "p3"]] and len(_entries(cache_home)) == 3
    assert "[M 1 Sprachcafé](#massnahme-m-1)" in first["p2"]
    again = prosa.prosa_texte(_sammlung(TEXTE))
    assert again == first and runs == [["p1", "p2", "p3"]]


def test_a_changed_text_alone_is_read_again(cache_home: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    prosa.prosa_texte(_sammlung(TEXTE))
    runs = _read(monkeypatch)
    changed = [TEXTE[0], "Das Forum Migration und Teilhabe tagte; siehe [[m-1]].\n", TEXTE[2]]
    texte = prosa.prosa_texte(_sammlung(changed))
    assert runs == [["p2"]]
    assert texte["p2"].startswith("Das Forum Migration und Teilhabe tagte")


def test_a_renamed_reference_target_reads_every_text_again(
        cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    prosa.prosa_texte(_sammlung(TEXTE))
    runs = _read(monkeypatch)
    texte = prosa.prosa_texte(_sammlung(TEXTE, label="M 2 Sprachcafé"))
    assert runs == [["p1", "p2", "p3"]]
    assert "[M 2 Sprachcafé](#massnahme-m-1)" in texte["p2"]


def test_cached_texts_are_what_pandoc_writes(cache_home: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Mixed: texts from the cache and texts read now give what a run without it gives."""
    prosa.prosa_texte(_sammlung(TEXTE[:2]))
    mixed = prosa.prosa_texte(_sammlung(TEXTE))
    monkeypatch.setenv("IK_CACHE", "0")
    assert mixed == prosa.prosa_texte(_sammlung(TEXTE))


def test_a_damaged_entry_is_read_again(cache_home: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    first = prosa.prosa_texte(_sammlung(TEXTE))
    for entry in _entries(cache_home):
        blob = entry.read_bytes()
        entry.write_bytes(blob[:-3] + b"xyz")
    runs = _read(monkeypatch)
    assert prosa.prosa_texte(_sammlung(TEXTE)) == first
    assert runs == [["p1", "p2", "p3"]]


def test_without_cache_nothing_is_kept(cache_home: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IK_CACHE", "0")
    runs = _read(monkeypatch)
    prosa.prosa_texte(_sammlung(TEXTE))
    prosa.prosa_texte(_sammlung(TEXTE))
    assert runs == [["p1", "p2", "p3"]] * 2 and _entries(cache_home) == []
