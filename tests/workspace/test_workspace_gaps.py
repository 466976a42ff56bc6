"""Kreis-wide gap analysis: a Gemeinde's needs against its own, the Kreis's and the
neighbours' open offers; the nearest offer elsewhere; the Gemeinde × Handlungsfeld matrix."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from ik_testing import write_workspace
from integrationskonzept.gaps import find_gaps
from integrationskonzept.workspace import load_workspace
from integrationskonzept.workspace.ausgabe import format_json, format_text
from integrationskonzept.workspace.gaps import workspace_gaps

BEDARF = {"id": "b-kurs", "titel": "Deutschkurs am Abend", "zielgruppen": ["neuzugewanderte"],
          "lernsprache": "de", "merkmale": ["abends"]}


def _angebot(ident: str, **changes: Any) -> dict[str, Any]:
    a = {"id": ident, "titel": f"Kurs {ident}", "zielgruppen": ["neuzugewanderte"],
         "lernsprache": "de", "merkmale": ["abends"]}
    a.update(changes)
    return a


def _workspace(tmp_path: Path, kreis_angebote: list[dict[str, Any]] | None = None,
               nachbar_angebote: list[dict[str, Any]] | None = None,
               kreis: dict[str, Any] | None = None) -> Path:
    return write_workspace(
        tmp_path / "lk", kreis=kreis,
        kreis_inhalt={"angebote": kreis_angebote or []},
        members={"ilsede": ({}, {"bedarfe": [BEDARF]}),
                 "peine": ({}, {"angebote": nachbar_angebote or []})})


def _befund(tmp_path: Path, root: Path) -> tuple[Any, Any]:
    luecken = workspace_gaps(load_workspace(root))
    [ilsede] = [g for g in luecken.gemeinden if g.mitglied == "ilsede"]
    return ilsede, ilsede.report.befund("b-kurs")


def test_alone_the_need_is_a_gap(tmp_path: Path) -> None:
    root = _workspace(tmp_path, kreis_angebote=[_angebot("a-kreis")])
    alone = find_gaps(load_workspace(root).mitglieder["ilsede"].konzept)
    assert alone.befund("b-kurs").urteil == "ungedeckt"


def test_kreis_offer_covers_need_in_every_gemeinde(tmp_path: Path) -> None:
    root = _workspace(tmp_path, kreis_angebote=[_angebot("a-kreis")])
    g, b = _befund(tmp_path, root)
    assert b.urteil == "gedeckt"
    assert b.angebote == ("kreis:a-kreis",)
    assert g.herkunft("kreis:a-kreis") == "kreis"


def test_kreis_offer_for_another_gemeinde_is_not_in_reach(tmp_path: Path) -> None:
    root = _workspace(tmp_path, kreis_angebote=[_angebot("a-kreis", sozialraeume=["peine"])],
                      kreis={"entfernungen": [{"von": "ilsede", "nach": "peine", "km": 9}]})
    g, b = _befund(tmp_path, root)
    assert b.urteil == "ungedeckt"
    assert g.naechste["b-kurs"].text == "nur in Gemeinde Peine, 9 km"


def test_open_neighbour_offer_covers(tmp_path: Path) -> None:
    root = _workspace(tmp_path, nachbar_angebote=[_angebot("a-p", offen_fuer_nachbarn=True)])
    g, b = _befund(tmp_path, root)
    assert b.urteil == "gedeckt"
    assert b.angebote == ("peine:a-p",)


@pytest.mark.parametrize(("kreis", "text"), [
    ({}, "nur in Gemeinde Peine – Peine Ortskern"),
    ({"entfernungen": [{"von": "peine", "nach": "ilsede", "km": "12,5"}]},
     "nur in Gemeinde Peine – Peine Ortskern, 12 km"),
    ({"gemeinden": [
        {"id": "ilsede", "pfad": "gemeinden/ilsede",
         "koordinaten": {"breite": "52,2667", "laenge": "10,1833"}},
        {"id": "peine", "pfad": "gemeinden/peine",
         "koordinaten": {"breite": "52,3203", "laenge": "10,2336"}}]},
     "nur in Gemeinde Peine – Peine Ortskern, 6,9 km"),
])
def test_closed_neighbour_offer_is_the_nearest_elsewhere(tmp_path: Path, kreis: dict[str, Any],
                                                         text: str) -> None:
    root = _workspace(tmp_path, kreis=kreis,
                      nachbar_angebote=[_angebot("a-p", sozialraeume=["ortskern"])])
    g, b = _befund(tmp_path, root)
    assert b.urteil == "ungedeckt"
    fund = g.naechste["b-kurs"]
    assert (fund.angebot, fund.mitglied, fund.text) == ("peine:a-p", "peine", text)


def test_offer_that_does_not_fit_is_not_named_nearest(tmp_path: Path) -> None:
    root = _workspace(tmp_path, nachbar_angebote=[_angebot("a-p", merkmale=[])])
    g, b = _befund(tmp_path, root)
    assert b.urteil == "ungedeckt"
    assert "b-kurs" not in g.naechste


def test_mapped_handlungsfeld_matches_across_concepts(tmp_path: Path) -> None:
    root = write_workspace(
        tmp_path / "lk", kreis_inhalt={"angebote": [_angebot("a-kreis")]},
        members={"ilsede": ({"handlungsfelder": [{"id": "lernen", "name": "Lernen",
                                                  "entspricht": "bildung"}]},
                            {"handlungsfeld": "lernen", "bedarfe": [BEDARF]})})
    g, b = _befund(tmp_path, root)
    assert (b.handlungsfeld, b.urteil) == ("lernen", "gedeckt")


def test_matrix_and_outputs(tmp_path: Path) -> None:
    root = _workspace(tmp_path, kreis_angebote=[_angebot("a-kreis")])
    luecken = workspace_gaps(load_workspace(root))
    m = luecken.matrix
    assert m.zeilen == ("ilsede", "peine")
    assert m.spalten == ("bildung",)
    cell = m.zelle("ilsede", "bildung")
    assert (cell.gedeckt, cell.ungedeckt) == (1, 0)
    text = format_text(luecken)
    assert "Gemeinde Ilsede  1 von 1" in text
    assert "gedeckt durch „Kurs a-kreis“ des Landkreises (Landkreis Peine)" in text
    data = json.loads(format_json(luecken))
    assert data["gemeinden"][0]["befunde"][0]["angebote"] == ["kreis:a-kreis"]


def test_cli_gaps_on_the_kreis_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                      ) -> None:
    from integrationskonzept.cli import main

    root = _workspace(tmp_path, kreis={"entfernungen": [
        {"von": "peine", "nach": "ilsede", "km": 9}]},
        nachbar_angebote=[_angebot("a-p", sozialraeume=["ortskern"])])
    with pytest.raises(SystemExit) as done:
        main(["gaps", str(root), "--mitglied", "ilsede", "--fehler-bei-luecken"])
    assert done.value.code == 1
    out = capsys.readouterr().out
    assert "Nächstes Angebot: „Kurs a-p“ – nur in Gemeinde Peine – Peine Ortskern, 9 km" in out


def test_handlungsfeld_filter_by_kreis_field(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from integrationskonzept.cli import main

    root = write_workspace(
        tmp_path / "lk", kreis={"handlungsfelder": [
            {"id": "bildung", "name": "Bildung"}, {"id": "arbeit", "name": "Arbeit"}]},
        kreis_inhalt={"angebote": [_angebot("a-kreis")]},
        members={"ilsede": ({"handlungsfelder": [
            {"id": "lernen", "name": "Lernen", "entspricht": "bildung"},
            {"id": "job", "name": "Job", "entspricht": "arbeit"}]},
            {"handlungsfeld": "lernen", "bedarfe": [BEDARF, dict(
                copy.deepcopy(BEDARF), id="b-job", titel="Jobcoaching",
                handlungsfeld="job")]})})
    with pytest.raises(SystemExit) as done:
        main(["gaps", str(root), "--handlungsfeld", "Arbeit"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "Jobcoaching (b-job, Job): ungedeckt" in out
    assert "Deutschkurs am Abend" not in out
    assert "Gemeinde Ilsede  0 von 1" in out
    with pytest.raises(SystemExit) as done:
        main(["gaps", str(root), "--sozialraum", "ortskern"])
    assert done.value.code == 2
    assert "--sozialraum und --zielgruppe nicht" in capsys.readouterr().err


def test_nearest_offer_elsewhere_with_shared_and_own_vocabularies(tmp_path: Path) -> None:
    """Members that share the vocabulary get the offers elsewhere from one block of facts;
    one with its own Zielgruppe (``entspricht``) gets them translated: both find the same
    nearest offer, in member order."""
    eigene = {"zielgruppen": [{"id": "neu", "name": "Neu", "entspricht": "neuzugewanderte"}]}
    root = write_workspace(tmp_path / "lk", members={
        "ilsede": ({}, {"bedarfe": [BEDARF]}),
        "edemissen": (eigene, {"bedarfe": [dict(BEDARF, zielgruppen=["neu"])]}),
        "lengede": ({}, {"bedarfe": [BEDARF]}),
        "peine": ({}, {"angebote": [_angebot("a-1", titel="Abendkurs Peine")]}),
        "vechelde": ({}, {"angebote": [_angebot("a-2")]}),
    })
    luecken = workspace_gaps(load_workspace(root))
    found = {g.mitglied: (g.report.befund("b-kurs").urteil, g.naechste["b-kurs"].angebot,
                          g.naechste["b-kurs"].titel, g.naechste["b-kurs"].text)
             for g in luecken.gemeinden if g.mitglied in ("ilsede", "edemissen", "lengede")}
    expected = ("ungedeckt", "peine:a-1", "Abendkurs Peine", "nur in Gemeinde Peine")
    assert found == {"ilsede": expected, "edemissen": expected, "lengede": expected}


def test_only_the_gaps_befunde_are_made(tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The Kreis-wide analysis reads the verdicts of all needs as columns and makes the
    whole Befund only of the gaps (a Landkreis has thousands of covered needs)."""
    from integrationskonzept.gaps import analysis

    root = write_workspace(
        tmp_path / "lk", kreis_inhalt={"angebote": [_angebot("a-kreis")]},
        members={"ilsede": ({}, {"bedarfe": [copy.deepcopy(BEDARF), {
                     **copy.deepcopy(BEDARF), "id": "b-frueh", "merkmale": ["kinderbetreuung"]}]}),
                 "peine": ({}, {"bedarfe": [{**copy.deepcopy(BEDARF), "id": "b-peine"}]})})
    made: list[str] = []
    real = analysis._befund

    def counted(*args: Any) -> Any:
        befund = real(*args)
        made.append(befund.bedarf)
        return befund

    monkeypatch.setattr(analysis, "_befund", counted)
    luecken = workspace_gaps(load_workspace(root))
    gaps = [(g.mitglied, b.bedarf) for g in luecken.gemeinden for b in g.report.luecken]
    assert [b for _, b in gaps] == ["b-frueh"] and made == ["b-frueh"]
    assert [(z.zeile, z.spalte, z.gedeckt, z.ungedeckt, z.offen)
            for z in luecken.matrix.zellen if z.gesamt] == [
        ("ilsede", "bildung", 1, 1, 1), ("peine", "bildung", 1, 0, 0)]
