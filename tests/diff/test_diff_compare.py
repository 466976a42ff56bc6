"""compare(): field changes in words, matched by id, moves, summary (no git needed)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from gitrepo import version_one, write_concept

from integrationskonzept.diff import compare, diff_dict, format_markdown, format_text
from integrationskonzept.diff.fields import word_diff
from integrationskonzept.model.loader import load_concept

Files = dict[str, Any]


def _load(tmp_path: Path, name: str, files: Files) -> Any:
    write_concept(tmp_path / name, files)
    result = load_concept(tmp_path / name)
    assert not [p for p in result.problems if p.severity.name == "ERROR"], result.problems
    return result.konzept


def _changes(tmp_path: Path, mutate: Callable[[Files], None]) -> dict[str, tuple[str, list[str]]]:
    """id -> (change word, field texts) for the difference ``mutate`` makes to version one."""
    new = version_one()
    mutate(new)
    diff = compare(_load(tmp_path, "alt", version_one()), _load(tmp_path, "neu", new))
    return {i.id: (i.change, [f.text for f in i.fields]) for i in diff.items}


def _kurs(files: Files) -> dict[str, Any]:
    return files["sprache.yaml"]["massnahmen"][0]  # type: ignore[no-any-return]


CASES: list[tuple[str, Callable[[Files], None], dict[str, tuple[str, list[str]]]]] = [
    ("status", lambda f: _kurs(f).update(status="in Umsetzung"),
     {"m-kurs": ("geändert", ["Status: geplant → in Umsetzung"])}),
    ("zeitraum beide", lambda f: _kurs(f).update(zeitraum={"beginn": "2025", "ende": "2025"}),
     {"m-kurs": ("geändert", ["Zeitraum verschoben von 2024 auf 2025"])}),
    ("zeitraum ende", lambda f: _kurs(f).update(zeitraum={"beginn": "2024", "ende": "2026"}),
     {"m-kurs": ("geändert", ["Zeitraum: Ende verschoben von 2024 auf 2026"])}),
    ("zeitraum gleich", lambda f: _kurs(f).update(
        zeitraum={"beginn": "2024-01-01", "ende": "31.12.2024"}), {}),
    ("zeitraum monat", lambda f: _kurs(f).update(zeitraum={"beginn": "2024-03", "ende": "2025"}),
     {"m-kurs": ("geändert",
                 ["Zeitraum verschoben von 2024 auf März 2024–2025"])}),
    ("zeitraum entfernt", lambda f: _kurs(f).pop("zeitraum"),
     {"m-kurs": ("geändert", ["Zeitraum entfernt (war: 2024)"])}),
    ("federfuehrung", lambda f: _kurs(f).update(federfuehrung="stadt"),
     {"m-kurs": ("geändert", ["Federführung: VHS → Stadt"])}),
    ("federfuehrung entfernt", lambda f: _kurs(f).pop("federfuehrung"),
     {"m-kurs": ("geändert", ["Federführung entfernt (war: VHS)"])}),
    ("zielgruppen", lambda f: _kurs(f).update(zielgruppen=["frauen"]),
     {"m-kurs": ("geändert", ["Zielgruppen: + Frauen, − Jugendliche"])}),
    ("reihenfolge egal", lambda f: _kurs(f).update(zielgruppen=["jugendliche"]), {}),
    ("beschreibung", lambda f: _kurs(f).update(beschreibung="Ein Kurs dreimal in der Woche."),
     {"m-kurs": ("geändert", ["Beschreibung geändert: „zweimal“ → „dreimal“"])}),
    ("schwerpunkt", lambda f: _kurs(f).update(schwerpunkt="true"),
     {"m-kurs": ("geändert", ["Schwerpunktmaßnahme: nein → ja"])}),
    ("kosten neu", lambda f: _kurs(f).update(kosten="ca. 12.000 € jährlich"),
     {"m-kurs": ("geändert", ["Kosten ergänzt: ca. 12.000 € jährlich"])}),
    ("kapazitaet neu", lambda f: f["sprache.yaml"]["angebote"][0].update(kapazitaet="80"),
     {"a-kurs": ("geändert", ["Kapazität ergänzt: 80"])}),
    ("nur ca. davor", lambda f: f["sprache.yaml"]["angebote"][0].update(kapazitaet="ca. 80"),
     {"a-kurs": ("geändert", ["Kapazität ergänzt: ca. 80"])}),
    ("titel", lambda f: _kurs(f).update(titel="Sprachkurs"),
     {"m-kurs": ("geändert", ["Titel: Sprachkurs mit Kinderbetreuung → Sprachkurs"])}),
    ("laufzeit angebot", lambda f: f["sprache.yaml"]["angebote"][0]["laufzeit"].update(
        ende="2026-06"),
     {"a-kurs": ("geändert", ["Laufzeit: Ende verschoben von Dezember 2024 auf Juni 2026"])}),
    ("akteur kurzname", lambda f: f["akteure.yaml"]["akteure"][0].update(kurz="Volkshochschule"),
     {"vhs": ("geändert", ["Kurzname: VHS → Volkshochschule"])}),
    ("neu und entfallen", lambda f: f["arbeit.yaml"].update(
        massnahmen=[{"id": "m-praktikum", "titel": "Praktikumsbörse"}]),
     {"m-praktikum": ("neu", []), "m-messe": ("entfallen", [])}),
    ("verschoben in andere datei und feld", lambda f: f["arbeit.yaml"]["massnahmen"].append(
        f["sprache.yaml"]["massnahmen"].pop(2)),
     {"m-lotsen": ("verschoben", ["Handlungsfeld: Sprache → Arbeit",
                                  "Datei: sprache.yaml → arbeit.yaml"])}),
    ("verschoben nur datei", lambda f: f.update({"weitere.yaml": {
        "handlungsfeld": "arbeit", "massnahmen": [f["arbeit.yaml"].pop("massnahmen")[0]]}}),
     {"m-messe": ("verschoben", ["Datei: arbeit.yaml → weitere.yaml"])}),
    ("verschoben mit aenderung", lambda f: f["sprache.yaml"]["massnahmen"][2].update(
        handlungsfeld="arbeit", status="laufend"),
     {"m-lotsen": ("verschoben", ["Handlungsfeld: Sprache → Arbeit",
                                  "Status: geplant → laufend"])}),
    ("handlungsfeld name", lambda f: f["konzept.yaml"]["handlungsfelder"][1].update(
        name="Arbeit und Wirtschaft"),
     {"arbeit": ("geändert", ["Name: Arbeit → Arbeit und Wirtschaft"])}),
    ("ausgangslage", lambda f: f["arbeit.yaml"].update(ausgangslage="Viele suchen Arbeit."),
     {"arbeit": ("geändert", ["Ausgangslage ergänzt"])}),
]


@pytest.mark.parametrize(("mutate", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_field_changes(tmp_path: Path, mutate: Callable[[Files], None],
                       expected: dict[str, tuple[str, list[str]]]) -> None:
    assert _changes(tmp_path, mutate) == expected


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("80", "ca. 80", ["Kapazität: 80 → ca. 80"]),
    ("ca. 80", "80", ["Kapazität: ca. 80 → 80"]),
    ("ca. 80", "über 80", ["Kapazität: ca. 80 → über 80"]),
    ("ca. 80", "ca. 80", []),
])
def test_a_change_of_only_the_qualifier_is_a_change(tmp_path: Path, old: str, new: str,
                                                    expected: list[str]) -> None:
    before, after = version_one(), version_one()
    before["sprache.yaml"]["angebote"][0]["kapazitaet"] = old
    after["sprache.yaml"]["angebote"][0]["kapazitaet"] = new
    diff = compare(_load(tmp_path, "alt", before), _load(tmp_path, "neu", after))
    assert {i.id: [f.text for f in i.fields] for i in diff.items} == (
        {"a-kurs": expected} if expected else {})


def test_same_concept_has_no_changes(tmp_path: Path) -> None:
    konzept = _load(tmp_path, "a", version_one())
    diff = compare(konzept, _load(tmp_path, "b", version_one()))
    assert diff.empty
    assert "Keine inhaltlichen Änderungen." in format_text(diff)


def test_summary_and_formats(tmp_path: Path) -> None:
    new = version_one()
    _kurs(new).update(status="laufend")
    new["sprache.yaml"]["massnahmen"].pop(1)
    new["konzept.yaml"]["version"] = "2.0"
    diff = compare(_load(tmp_path, "a", version_one()), _load(tmp_path, "b", new), "v1", "v2")
    assert diff.totals() == {"neu": 0, "entfallen": 1, "geändert": 1, "verschoben": 0}
    assert diff.counts() == {"massnahmen": {"neu": 0, "entfallen": 1, "geändert": 1,
                                            "verschoben": 0}}
    text = format_text(diff)
    assert text.splitlines()[0] == "Änderungen von v1 zu v2"
    assert "  ~ Sprachkurs mit Kinderbetreuung (m-kurs): geändert" in text
    assert "      Status: geplant → laufend" in text
    assert "  − Sprachcafé (m-cafe): entfallen" in text
    assert "Zusammenfassung: 1 entfallen, 1 geändert" in text
    md = format_markdown(diff, level=2)
    assert md.startswith("## Änderungen von v1 zu v2\n")
    assert "| Maßnahmen | 0 | 1 | 1 | 0 |" in md
    assert "- **Geändert:** Sprachkurs mit Kinderbetreuung (`m-kurs`)" in md
    assert "- Version: 1.0 → 2.0" in md
    data = json.loads(json.dumps(diff_dict(diff)))
    assert data["zusammenfassung"]["gesamt"] == {"neu": 0, "entfallen": 1, "geaendert": 1,
                                                 "verschoben": 0}
    kurs = next(c for c in data["aenderungen"] if c["id"] == "m-kurs")
    assert kurs["felder"] == [{"feld": "status", "text": "Status: geplant → laufend",
                               "alt": "geplant", "neu": "laufend", "alt_text": "geplant",
                               "neu_text": "laufend"}]
    cafe = next(c for c in data["aenderungen"] if c["id"] == "m-cafe")
    assert cafe["aenderung"] == "entfallen" and cafe["felder"] == []
    assert cafe["inhalt"] == [{"feld": "Titel", "wert": "Sprachcafé"},
                              {"feld": "Handlungsfeld", "wert": "Sprache"},
                              {"feld": "Ziele", "wert": "Mehr Menschen sprechen Deutsch"}]
    assert data["konzept"][0]["text"] == "Version: 1.0 → 2.0"


def test_markdown_escapes_titles(tmp_path: Path) -> None:
    new = version_one()
    _kurs(new)["titel"] = "Kurs *fett* [x]"
    diff = compare(_load(tmp_path, "a", version_one()), _load(tmp_path, "b", new))
    assert r"Kurs \*fett\* \[x\]" in format_markdown(diff)


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("ein Kurs", "ein Kurs", "nur Zeilenumbrüche oder Leerzeichen geändert"),
    ("ein Kurs", "ein neuer Kurs", "+ „neuer“"),
    ("ein alter Kurs", "ein Kurs", "− „alter“"),
    ("a " * 30, "b " * 30, "30 Wörter neu, 30 Wörter entfernt"),
])
def test_word_diff(old: str, new: str, expected: str) -> None:
    assert word_diff(old, new) == expected


def test_document_chapter_and_synopse(tmp_path: Path) -> None:
    import dataclasses

    from integrationskonzept.document.changes import changes_chapter, synopse

    new = version_one()
    _kurs(new).update(status="laufend", federfuehrung="stadt", titel="Kurs | *neu*")
    new["sprache.yaml"]["massnahmen"].pop(1)  # m-cafe entfällt
    new["weitere.yaml"] = {"handlungsfeld": "arbeit",
                           "massnahmen": [new["arbeit.yaml"].pop("massnahmen")[0]]}
    diff = compare(_load(tmp_path, "a", version_one()), _load(tmp_path, "b", new),
                   "v1.0 (abc1234)", "Arbeitsstand")
    diff = dataclasses.replace(diff, beschluss="12. März 2024 (Rat der Stadt)")
    chapter = changes_chapter(diff, level=2)
    assert chapter.startswith("## Änderungen seit dem Beschluss vom 12. März 2024 "
                              "{#aenderungen}\n")
    assert "- **Geändert:** Kurs \\| \\*neu\\*" in chapter
    assert "    - Federführung: VHS → Stadt" in chapter
    assert "Jobmesse" not in chapter  # only moved to another file: not news for the council
    assert "| Maßnahmen | 0 | 1 | 1 | 0 |" in chapter
    table = synopse(diff)
    assert table.startswith("# Synopse: Beschluss vom 12. März 2024 und neue Fassung {#synopse}")
    assert "| | Beschlossene Fassung | Neue Fassung |" in table
    assert "| Status | geplant | laufend |" in table
    assert "| Federführung | VHS | Stadt |" in table
    assert "| Titel | Sprachcafé | – |" in table
    assert "| Schwerpunktmaßnahme |" not in table  # defaults the author did not write


def test_document_without_changes(tmp_path: Path) -> None:
    from integrationskonzept.document.changes import changes_chapter, synopse

    diff = compare(_load(tmp_path, "a", version_one()), _load(tmp_path, "b", version_one()),
                   "v1.0", "v2.0")
    assert "Es gibt keine inhaltlichen Änderungen." in changes_chapter(diff)
    assert synopse(diff).startswith("# Synopse: v1.0 und v2.0 {#synopse}")


INDIKATOR = {"id": "i-kurs", "name": "Kursplätze", "definition": "Plätze in Sprachkursen",
             "datenquelle": "VHS", "basiswert": {"wert": "120", "jahr": "2022"},
             "istwerte": {"2023": "130"}}


def test_indikator_and_beziehungen(tmp_path: Path) -> None:
    old = version_one()
    old["indikatoren.yaml"] = {"indikatoren": [INDIKATOR]}
    new = version_one()
    new["indikatoren.yaml"] = {"indikatoren": [dict(
        INDIKATOR, basiswert={"wert": "125,5", "jahr": "2022"},
        istwerte={"2023": "131", "2024": "140"})]}
    new["akteure.yaml"]["akteure"][0]["beziehungen"] = [{"zu": "stadt", "art": "Kooperation",
                                                          "thema": "Kurse"}]
    diff = compare(_load(tmp_path, "a", old), _load(tmp_path, "b", new))
    assert {i.id: [f.text for f in i.fields] for i in diff.items} == {
        "vhs": ["Beziehungen: + Kooperation mit Stadt (Kurse)"],
        "i-kurs": ["Basiswert – Wert: 120 → 125,5",
                   "Ist-Werte: 2023: 130 → 131; + 2024: 140"],
    }


def test_shipped_examples_compare_in_every_format() -> None:
    from integrationskonzept.diff.report import format_json
    from integrationskonzept.document.changes import changes_chapter, synopse

    root = Path(__file__).resolve().parents[2] / "examples"
    peine, lehrte = (load_concept(root / name).konzept for name in ("peine", "lehrte"))
    for old, new in ((peine, lehrte), (lehrte, peine)):
        diff = compare(old, new, "alt", "neu")
        assert diff.totals()["neu"] > 0 and diff.totals()["entfallen"] > 0
        for text in (format_text(diff), format_markdown(diff), changes_chapter(diff),
                     synopse(diff)):
            assert "Änderungen" in text or "Synopse" in text
        json.loads(format_json(diff))
    assert compare(peine, peine).empty
