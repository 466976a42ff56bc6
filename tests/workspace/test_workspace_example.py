"""examples/landkreis-peine: the Landkreis Peine with the Stadt Peine and two Gemeinden."""

from __future__ import annotations

from pathlib import Path

import pytest

from ik_testing import EXAMPLES
from integrationskonzept.checks.runner import validate
from integrationskonzept.workspace import validate_workspace
from integrationskonzept.workspace.gaps import workspace_gaps

KREIS = EXAMPLES / "landkreis-peine"


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return validate_workspace(KREIS)


def test_validates_clean_under_strict(report) -> None:  # type: ignore[no-untyped-def]
    assert [f"{p.location} {p.code} {p.message}" for p in report.problems
            if p.severity.label != "Hinweis"] == []
    assert not report.failed(strict=True)
    assert list(report.bereich.mitglieder) == ["peine", "edemissen", "ilsede"]
    assert report.bereich.mitglieder["peine"].anzeige == "../peine/"


@pytest.mark.parametrize("member", ["gemeinden/edemissen", "gemeinden/ilsede"])
def test_members_validate_alone(member: str) -> None:
    alone = validate(KREIS / member)
    assert not alone.failed(strict=True)
    assert {p.code for p in alone.problems} == {"IK206"}  # prefixed references: a note


def test_seed_facts(report) -> None:  # type: ignore[no-untyped-def]
    k = report.bereich.kreis
    im = k.meta.integrationsmanagement
    assert (im.seit.text, im.beratung, im.beratung_seit.text) == ("2017", "forumzfd", "2017-06")
    partner = {p.akteur: p.seit.text for p in im.partner}
    assert partner == {"ksb": "2017-06", "stadt-peine": "2018-11"}
    foerderer = " ".join(f.foerdergeber or "" for f in k.foerderung)
    assert "Europäische Union" in foerderer
    assert "Niedersächsisches Ministerium für Soziales, Gesundheit und Gleichstellung" in foerderer
    [analyse] = [h.konfliktanalyse for h in k.heads if getattr(h, "konfliktanalyse", None)]
    assert analyse.erstellt.text == "2018" and analyse.erstellt_von == "forumzfd"
    assert any(v.datum and v.datum.first.year == 2019 for v in k.veranstaltungen.values())


def test_gap_cases() -> None:
    from integrationskonzept.workspace import load_workspace

    luecken = {g.mitglied: g for g in workspace_gaps(load_workspace(KREIS)).gemeinden}
    ed = luecken["edemissen"].report
    assert ed.befund("b-ed-migrationsberatung").angebote == ("kreis:a-lk-migrationsberatung",)
    assert ed.befund("b-ed-integrationskurs").angebote == ("peine:a-sb-integrationskurse",)
    assert all(b.urteil == "gedeckt" for b in ed.befunde)
    il = luecken["ilsede"]
    assert il.report.befund("b-il-sprachcafe").urteil == "ungedeckt"
    assert il.naechste["b-il-sprachcafe"].text == "nur in Stadt Peine – Kernstadt, 9 km"


@pytest.mark.slow
def test_kreis_document_builds(tmp_path: Path) -> None:
    from integrationskonzept.render.build import build

    result = build(KREIS, formats=["md"], out=tmp_path)
    assert result.ok, (result.error, result.problems)
    md = (tmp_path / "integrationskonzept.md").read_text(encoding="utf-8")
    for heading in ("# Integrationsmanagement", "# Konfliktanalyse",
                    "# Die Gemeinden im Überblick", "# Stadt Peine", "# Gemeinde Edemissen",
                    "# Gemeinde Ilsede"):
        assert f"\n{heading} {{#" in md, heading
    assert "Wartezeiten und Umgangston" not in md.split("# Konfliktanalyse", 1)[1]


def test_public_api() -> None:
    import integrationskonzept as ik

    bereich = ik.load_workspace(KREIS)
    assert list(bereich.mitglieder) == ["peine", "edemissen", "ilsede"]
    report = ik.validate_workspace(KREIS, mitglied="ilsede")
    assert not report.failed(strict=True) and report.dateien == 4
