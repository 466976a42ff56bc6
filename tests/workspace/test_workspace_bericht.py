"""`ik bericht` on a Landkreis folder: the Kreis's report plus, per Gemeinde, a summary of
its report period and the overview table Gemeinde × Maßnahmen per status, Ziele per
Ampel; members without report data read „keine Berichtsdaten“; JSON has the members."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from ik_testing import BASE_INHALT, ik_streams, write_workspace
from integrationskonzept.gaps import find_gaps
from integrationskonzept.workspace import load_workspace
from integrationskonzept.workspace.gaps import workspace_gaps

BEDARF = {"id": "b-kurs", "titel": "Deutschkurs am Abend", "zielgruppen": ["neuzugewanderte"],
          "lernsprache": "de", "merkmale": ["abends"]}
ANGEBOT = {"id": "a-kurs", "titel": "Abendkurs Peine", "zielgruppen": ["neuzugewanderte"],
           "lernsprache": "de", "merkmale": ["abends"]}
PERIODE = {"zeitraum": {"beginn": "2024-01", "ende": "2024-12"}, "stichtag": "2024-09-30"}
M = BASE_INHALT["massnahmen"][0]
Z = BASE_INHALT["ziele"][0]


def _workspace(tmp_path: Path) -> Path:
    ilsede_inhalt: dict[str, Any] = {
        "bedarfe": [dict(BEDARF, titel="Deutschkurs am Abend in Ilsede")],
        "ziele": [dict(Z, ampel=[{"ampel": "rot", "bericht": "b-il-2024",
                                  "datum": "2024-09-01", "begruendung": "Kein Kursraum."}])],
        "massnahmen": [dict(M, verlauf=[{"datum": "2024-06-01", "status": "verzögert",
                                         "text": "Raum fehlt."}],
                            zeitraum={"beginn": "2023", "ende": "2023"})],
    }
    return write_workspace(
        tmp_path / "lk",
        kreis={"stand": "2024-10-01",
               "berichte": [dict(PERIODE, id="b-2024", titel="Umsetzungsbericht 2024")]},
        # a need of the Kreis in Peine: only Peine's own offer covers it
        kreis_inhalt={"bedarfe": [dict(BEDARF, sozialraeume=["peine"])]},
        members={
            "ilsede": ({"stand": "2024-10-01",
                        "berichte": [dict(PERIODE, id="b-il-2024",
                                          titel="Bericht Ilsede 2024")]}, ilsede_inhalt),
            "peine": ({}, {"angebote": [ANGEBOT]}),
        })


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("kreisbericht")
    root = _workspace(tmp)
    code, _out, err = ik_streams("bericht", str(root), "-f", "md,json", "-o", str(tmp / "out"))
    assert code == 0, err
    md = (tmp / "out" / "umsetzungsbericht.md").read_text(encoding="utf-8")
    data = json.loads((tmp / "out" / "umsetzungsbericht.json").read_text(encoding="utf-8"))
    return root, md, data


def _row(md: str, name: str) -> dict[str, str]:
    """The overview table row of Gemeinde ``name`` as header → cell."""
    lines = md.split("\n")
    head = next(i for i, line in enumerate(lines) if line.startswith("| Gemeinde |"))
    kopf = [c.strip() for c in lines[head].strip("|").split("|")]
    row = next(line for line in lines[head:] if line.startswith(f"| [{name}]"))
    return dict(zip(kopf, (c.strip() for c in row.strip("|").split("|")), strict=True))


def test_overview_table_counts_per_gemeinde(built: tuple[Path, str, dict[str, Any]]) -> None:
    _root, md, _data = built
    ilsede = _row(md, "Gemeinde Ilsede")
    assert ilsede["Maßnahmen verzögert"] == "1"
    assert (ilsede["Ziele rot"], ilsede["Ziele grün"], ilsede["Ziele gelb"]) == ("1", "0", "0")
    peine = _row(md, "Gemeinde Peine")
    assert peine["Maßnahmen verzögert"] == "keine Berichtsdaten"


def _section(md: str, title: str) -> str:
    m = re.search(rf"^## {re.escape(title)} \{{#[^}}]+\}}\n(.*?)(?=^#|\Z)", md, re.M | re.S)
    assert m, f"section {title!r} missing"
    return m.group(1)


def test_gemeinde_summary_of_its_own_period(built: tuple[Path, str, dict[str, Any]]) -> None:
    _root, md, _data = built
    text = _section(md, "Gemeinde Ilsede")
    assert "Bericht Ilsede 2024" in text and "Stichtag 30. September 2024" in text
    assert "**Maßnahmen:** 1 verzögert" in text
    assert "**Ziele:** 1 rot" in text
    # overdue (ended 2023, not done) and the open gap of the Kreis-wide analysis
    assert "**Überfällige Maßnahmen:**\n\n- Sprachcafé" in text
    assert "- Deutschkurs am Abend in Ilsede (Bildung): ungedeckt" in text
    assert "keine Berichtsdaten" in _section(md, "Gemeinde Peine")


def test_json_has_the_members(built: tuple[Path, str, dict[str, Any]]) -> None:
    _root, _md, data = built
    members = {g["mitglied"]: g for g in data["gemeinden"]}
    assert set(members) == {"ilsede", "peine"}
    ilsede = members["ilsede"]
    assert ilsede["berichtsdaten"] is True
    assert ilsede["bericht"]["periode"]["id"] == "b-il-2024"
    assert ilsede["bericht"]["status_zaehlung"]["verzögert"] == 1
    assert ilsede["bericht"]["ueberfaellig"] == ["m-1"]
    assert [x["bedarf"] for x in ilsede["offene_luecken"]] == ["b-kurs"]
    assert members["peine"]["berichtsdaten"] is False
    assert members["peine"]["bericht"] is None


def test_kreis_open_gaps_are_those_of_ik_gaps(built: tuple[Path, str, dict[str, Any]]) -> None:
    """The Kreis's need is covered by a Gemeinde's offer: `ik gaps` says so, and the
    report does not list it as open."""
    root, _md, data = built
    [kreis] = [g for g in workspace_gaps(load_workspace(root)).gemeinden
               if g.mitglied == "kreis"]
    assert kreis.report.befund("b-kurs").angebote == ("peine:a-kurs",)
    alone = find_gaps(load_workspace(root).kreis).befund("b-kurs")  # the Kreis's offers only
    assert alone is not None and alone.offen
    assert [x["bedarf"] for x in data["offene_luecken"]] == [b.bedarf for b in
                                                             kreis.report.offene] == []


def test_kreis_document_judges_needs_like_ik_gaps(tmp_path: Path) -> None:
    """The Kreis document's „Bedarfe und Lücken“ says what `ik gaps` on the Kreis folder
    says: the Kreis's need in Peine is covered by Peine's offer, named readably."""
    root = _workspace(tmp_path)
    code, out, err = ik_streams("gaps", str(root), "-f", "json")
    assert code == 0, err
    [kreis] = [g for g in json.loads(out)["gemeinden"] if g["mitglied"] == "kreis"]
    urteile = {b["bedarf"]: b["urteil"] for b in kreis["befunde"]}
    assert urteile == {"b-kurs": "gedeckt"}
    code, _out, err = ik_streams("build", str(root), "-f", "md", "-o", str(tmp_path / "out"))
    assert code == 0, err
    md = (tmp_path / "out" / "integrationskonzept.md").read_text(encoding="utf-8")
    bedarf = md.split("{#bedarf-b-kurs", 1)[1].split("\n## ", 1)[0]
    assert f"**Bewertung:** {urteile['b-kurs']}" in bedarf
    zaehlung = md.split("- **gedeckt:** ", 1)[1].split("\n", 4)
    assert zaehlung[0] == "1" and "- **offene Lücken:** 0" in zaehlung
