"""The shipped examples are real concepts: they load completely and pass --strict."""

from __future__ import annotations

import pytest

from ik_testing import EXAMPLES
from integrationskonzept.checks.runner import validate

# Facts from the seeds that each example must carry (what a reader checks first).
FACTS = {
    "peine": {"einwohner": 51086, "ortsteile": 14, "runder_tisch": "2017-08-17"},
    "lehrte": {"forum": "2023-10-10"},
    "goeppingen": {"auftakt": "2017-11-25", "ort": "Stadthalle"},
}
SUBSTANTIAL = ("lehrte", "peine")


@pytest.mark.parametrize("name", sorted(FACTS))
def test_example_validates_clean_under_strict(name: str) -> None:
    report = validate(EXAMPLES / name)
    assert [str(p.location) + " " + p.message for p in report.problems
            if p.severity.label != "Hinweis"] == []
    assert not report.failed(strict=True)


@pytest.mark.parametrize("name", SUBSTANTIAL)
def test_example_is_substantial(name: str) -> None:
    k = validate(EXAMPLES / name).konzept
    assert len(k.handlungsfelder) >= 5
    assert len(k.akteure) >= 20
    for hf in k.handlungsfelder:
        assert k.inhalte[hf].leitziel is not None, hf
    assert len(k.massnahmen) >= 15 and len(k.angebote) >= 15 and len(k.bedarfe) >= 10
    assert k.arbeitsgruppen or k.veranstaltungen
    assert all(b.quelle for b in k.bedarfe.values())


def test_peine_facts() -> None:
    k = validate(EXAMPLES / "peine").konzept
    assert any(b.wert == FACTS["peine"]["einwohner"] for b in k.bevoelkerung)
    ortsteile = [s for s in k.sozialraeume.values() if s.art == "Ortsteil"]
    assert len(ortsteile) == FACTS["peine"]["ortsteile"]
    assert any(v.art == "Runder Tisch" and v.datum is not None
               and v.datum.first.isoformat() == FACTS["peine"]["runder_tisch"]
               for v in k.veranstaltungen.values())


def test_lehrte_facts() -> None:
    k = validate(EXAMPLES / "lehrte").konzept
    assert any(v.art == "Forum" and v.datum is not None
               and v.datum.first.isoformat() == FACTS["lehrte"]["forum"]
               for v in k.veranstaltungen.values())
    ag_titles = " ".join(a.titel for a in k.arbeitsgruppen.values())
    for field in ("Gesundheit", "Arbeit und Wirtschaft", "Bildung und Erziehung"):
        assert field in ag_titles
    assert k.befragungen and all(b.ruecklauf for b in k.befragungen.values())


def test_goeppingen_facts() -> None:
    k = validate(EXAMPLES / "goeppingen").konzept
    facts = FACTS["goeppingen"]
    assert any(v.art == "Auftaktveranstaltung" and v.datum is not None
               and v.datum.first.isoformat() == facts["auftakt"]
               and facts["ort"] in (v.ort or "")
               for v in k.veranstaltungen.values())
    assert k.meta is not None and k.meta.kommune.anzeigename == "Große Kreisstadt Göppingen"
    # a Fortschreibung: an earlier version and the one being prepared
    assert [b.status for b in k.beschluesse] == ["beschlossen", "in Vorbereitung"]
    # the by-layer outline
    assert [p.teil for p in k.meta.gliederung if p.teil][:3] == [
        "ist-analyse", "ziele", "massnahmenkatalog"]
    # invented facts are marked, the inferred date too
    assert all(m.angabe == "beispiel" for m in k.massnahmen.values())
    assert k.veranstaltungen["v-auftakt"].angabe == "erschlossen"
