"""The declared outline (``gliederung:``): chapters in the declared order, parts placed,
renamed or left out, the Maßnahmenkatalog's columns and grouping."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from doc_helpers import expanded_of, headings, pandoc_ast

from ik_testing import BASE_INHALT, BASE_KONZEPT, EXAMPLES, write_concept
from integrationskonzept.checks.runner import validate
from integrationskonzept.document.outline import TITEL
from integrationskonzept.model.files import Gliederungspunkt


def _expected_chapters(root: Path) -> list[str]:
    """The level-1 headings the declared outline promises, in order."""
    konzept = validate(root).konzept
    assert konzept.meta is not None
    out = []
    for p in konzept.meta.gliederung:
        if p.kapitel is not None:
            out.append(p.titel or konzept.kapitel[p.kapitel].titel)
        elif p.teil == "handlungsfelder" and not p.titel:
            out += [hf.name for hf in konzept.handlungsfelder.values()]
        elif p.teil is not None:
            out.append(p.titel or TITEL[p.teil])
        else:
            out.append(p.titel or "")
    return out


def _chapters(root: Path) -> list[str]:
    return [t for level, t in headings(pandoc_ast(expanded_of(root)))
            if level == 1 and t != "Impressum"]


OUTLINED = sorted(p.name for p in EXAMPLES.iterdir()
                  if (p / "konzept.yaml").is_file() and "gliederung:" in
                  (p / "konzept.yaml").read_text(encoding="utf-8"))


def test_an_example_uses_the_outline() -> None:
    assert "goeppingen" in OUTLINED


@pytest.mark.parametrize("name", OUTLINED)
def test_every_example_outline_gives_its_chapters_in_order(name: str) -> None:
    root = EXAMPLES / name
    assert _chapters(root) == _expected_chapters(root)


def _concept(tmp_path: Path, gliederung: list[Any], inhalt: dict[str, Any] | None = None,
             konzept: dict[str, Any] | None = None) -> Path:
    k = copy.deepcopy(BASE_KONZEPT)
    k.update(konzept or {})
    k["gliederung"] = gliederung
    k.setdefault("kapitel", [{"id": "einleitung", "titel": "Einleitung",
                              "datei": "texte/einleitung.md"}])
    i = copy.deepcopy(BASE_INHALT)
    i.update(inhalt or {})
    return write_concept(tmp_path / "k", {"konzept.yaml": k, "bildung.yaml": i,
                                          "texte/einleitung.md": "Warum dieses Konzept.\n"})


# (gliederung, headings (level, text) the document shows in this order; leading ones only)
LAYOUTS = [
    ([{"kapitel": "einleitung"}, "handlungsfelder", "massnahmenkatalog"],
     [(1, "Einleitung"), (1, "Bildung"), (2, "Ausgangslage"), (2, "Leitziel"), (2, "Ziele"),
      (3, "Z 2.1 Mehr Kursplätze"), (2, "Maßnahmen"), (3, "M 2.1 Sprachcafé"),
      (1, "Maßnahmenkatalog")]),
    ([{"kapitel": "einleitung"}, {"teil": "ist-analyse"},
      {"teil": "ziele", "titel": "Strategie"}, {"teil": "massnahmenkatalog",
                                                 "gruppiert": "handlungsfeld"},
      {"teil": "massnahmen", "titel": "Maßnahmen im Einzelnen"},
      {"titel": "Anhang", "teile": ["akteursverzeichnis", "glossar"]}],
     [(1, "Einleitung"), (1, "Ist-Analyse"), (2, "Bildung"), (3, "Ausgangslage"),
      (1, "Strategie"), (2, "Bildung"), (3, "Leitziel"), (3, "Ziele"),
      (4, "Z 1.1 Mehr Kursplätze"), (1, "Maßnahmenkatalog"), (2, "Bildung"),
      (1, "Maßnahmen im Einzelnen"), (2, "Bildung"), (3, "M 1.1 Sprachcafé"), (1, "Anhang"),
      (2, "Akteursverzeichnis")]),
    ([{"kapitel": "einleitung", "titel": "Vorwort", "teile": [{"teil": "indikatoren"}]}],
     [(1, "Vorwort"), (2, "Indikatoren"), (3, "Kursplätze")]),
]


@pytest.mark.parametrize(("gliederung", "expected"), LAYOUTS)
def test_layouts(tmp_path: Path, gliederung: list[Any], expected: list[tuple[int, str]]
                 ) -> None:
    root = _concept(tmp_path, gliederung)
    assert not validate(root).failed(), validate(root).problems
    got = [h for h in headings(pandoc_ast(expanded_of(root))) if h[1] != "Impressum"
           and not h[1].startswith(("Herausgeber", "Kontakt"))]
    assert got[:len(expected)] == expected


@pytest.mark.parametrize(("gliederung", "ebene"), [
    ([{"kapitel": "einleitung"}, "handlungsfelder",
      {"titel": "Anhang", "teile": ["angebotsuebersicht"]}], 3),
    ([{"kapitel": "einleitung"}, "handlungsfelder", "angebotsuebersicht"], 2),
])
def test_a_long_angebotsuebersicht_placed_has_its_handlungsfelder_below_it(
        tmp_path: Path, gliederung: list[Any], ebene: int) -> None:
    from integrationskonzept.document.parts import LANG_AB

    angebote = [{"id": f"a-{i}", "titel": f"Angebot {i}", "traeger": "gleichstellung"}
                for i in range(LANG_AB + 1)]
    root = _concept(tmp_path, gliederung, inhalt={"angebote": angebote})
    got = headings(pandoc_ast(expanded_of(root)))
    at = got.index((ebene - 1, "Angebotsübersicht"))
    assert got[at + 1] == (ebene, "Bildung")


def test_catalogue_columns_as_chosen(tmp_path: Path) -> None:
    m = dict(copy.deepcopy(BASE_INHALT["massnahmen"][0]), kosten="ca. 12.000 € jährlich",
             finanzierung="AMIF", kooperationspartner=["gleichstellung"])
    root = _concept(tmp_path, ["handlungsfelder", {
        "teil": "massnahmenkatalog",
        "spalten": ["nummer", "titel", "ziele", "kooperationspartner", "kosten",
                    "finanzierung"]}], inhalt={"massnahmen": [m]})
    md = expanded_of(root)
    assert "| Nr. |Maßnahme |Ziele |Kooperationspartner |Kosten |Finanzierung |" in md
    assert "ca. 12.000 € jährlich |AMIF |" in md


# (gliederung, expected (file, line, code)) of `ik validate`
OUTLINE_PROBLEMS = [
    ([{"kapitel": "einleitung"}, "bevoelkerung"], [("konzept.yaml", 29, "IK509")]),
    (["handlungsfelder"], [("konzept.yaml", 30, "IK509")]),  # Einleitung not placed
    ([{"kapitel": "einleitng"}], [("konzept.yaml", 28, "IK202")]),
    ([{"teil": "luecken"}], [("konzept.yaml", 28, "IK104")]),
    ([{"kapitel": "einleitung", "teil": "glossar"}], [("konzept.yaml", 28, "IK103")]),
]


@pytest.mark.parametrize(("gliederung", "expected"), OUTLINE_PROBLEMS)
def test_outline_problems(tmp_path: Path, gliederung: list[Any],
                          expected: list[tuple[str, int, str]]) -> None:
    root = _concept(tmp_path, gliederung)
    codes = {c for *_x, c in expected}
    found = [(p.location.file, p.location.line, p.code) for p in validate(root).problems
             if p.code in codes]
    assert found == expected, validate(root).problems


def test_short_form_names_a_part() -> None:
    assert Gliederungspunkt.model_validate("glossar").teil == "glossar"


ALL_EXAMPLES = sorted(p.name for p in EXAMPLES.iterdir() if (p / "konzept.yaml").is_file())


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_every_internal_link_has_its_target(name: str) -> None:
    import re

    md = expanded_of(EXAMPLES / name)
    anchors = set(re.findall(r"\{#([A-Za-z0-9_-]+)", md))
    links = set(re.findall(r"\]\(#([A-Za-z0-9_-]+)\)", md))
    assert links and sorted(links - anchors) == []


@pytest.mark.parametrize("gliederung", [
    [{"kapitel": "einleitung"}, "massnahmenkatalog"],
    [{"kapitel": "einleitung"}, "ziele"],
    ["ist-analyse"],
])
def test_left_out_entries_are_named_not_linked(tmp_path: Path, gliederung: list[Any]) -> None:
    import re

    root = _concept(tmp_path, gliederung, inhalt={
        "ausgangslage": "Siehe [[z-1]], [[m-1]] und [[gleichstellung|die Beauftragte]]."})
    md = expanded_of(root)
    anchors = set(re.findall(r"\{#([A-Za-z0-9_-]+)", md))
    links = set(re.findall(r"\]\(#([A-Za-z0-9_-]+)\)", md))
    assert sorted(links - anchors) == []
