"""The Kreis document: Integrationsmanagement, Konfliktanalyse (public and internal), the
Gemeinden overview and a chapter per Gemeinde, read from the built MD and DOCX."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from ik_testing import BASE_INHALT, write_workspace
from integrationskonzept.render.build import build

M = BASE_INHALT["massnahmen"][0]
AKTEURE = [
    {"id": "gleichstellung", "name": "Gleichstellungsbeauftragte", "typ": "Verwaltung"},
    {"id": "forumzfd", "name": "Forum Ziviler Friedensdienst", "typ": "Beratung"},
    {"id": "ksb", "name": "Kreissportbund Peine", "typ": "Zivilgesellschaft"},
    {"id": "abh", "name": "Ausländerbehörde", "typ": "Verwaltung"},
    {"id": "initiativen", "name": "Flüchtlingsinitiativen", "typ": "Zivilgesellschaft"},
]
KONFLIKT: dict[str, Any] = {
    "erstellt": 2018, "erstellt_von": "forumzfd",
    "konfliktlinien": [
        {"id": "kl-1", "thema": "Zuständigkeiten Kreis und Gemeinden", "dynamik": "deeskalierend",
         "seiten": [{"akteure": ["gleichstellung"], "position": "Der Kreis koordiniert."},
                    {"akteure": ["ksb"], "interessen": "Eigene Schwerpunkte im Sport."}]},
        {"id": "kl-2", "thema": "Wartezeiten in der Behörde", "dynamik": "offen",
         "vertraulich": True,
         "seiten": [{"akteure": ["initiativen"]}, {"akteure": ["abh"]}]}],
    "perspektiven": [{"akteur": "ksb", "sicht": "Sport verbindet."},
                     {"akteur": "initiativen", "sicht": "Wir fühlen uns übergangen.",
                      "vertraulich": True}],
}
KREIS: dict[str, Any] = {
    "integrationsmanagement": {
        "seit": 2017, "koordination": "gleichstellung", "beratung": "forumzfd",
        "beratung_seit": "2017-06", "steuerungsgruppe": ["gleichstellung", "forumzfd", "ksb"],
        "partner": [{"akteur": "ksb", "seit": "2017-06",
                     "rolle": "vertritt die Zivilgesellschaft"}]},
    "foerderung": [{"programm": "Asyl-, Migrations- und Integrationsfonds (AMIF)",
                    "foerdergeber": "Europäische Union", "zeitraum": {"beginn": "2017-06"}}],
    "entfernungen": [{"von": "ilsede", "nach": "peine", "km": 9}],
}
BEDARF = {"id": "b-kurs", "titel": "Deutsch üben am Abend", "zielgruppen": ["neuzugewanderte"],
          "merkmale": ["abends"], "quelle": []}


def _workspace(tmp_path: Path) -> Path:
    return write_workspace(
        tmp_path / "lk", kreis=KREIS,
        kreis_inhalt={"akteure": AKTEURE, "konfliktanalyse": KONFLIKT,
                      "massnahmen": [dict(M, kooperationspartner=["forumzfd", "ksb", "abh",
                                                                   "initiativen"])]},
        members={
            "ilsede": ({"beschluesse": [{"gremium": "Rat der Gemeinde Ilsede",
                                         "datum": "2024-02-01"}]},
                       {"bedarfe": [BEDARF],
                        "massnahmen": [dict(M, schwerpunkt=True, titel="Sprachcafé Ilsede",
                                            bedarfe=["b-kurs"])]}),
            "peine": ({}, {"angebote": [{"id": "a-cafe", "titel": "Sprachcafé Peine",
                                         "zielgruppen": ["neuzugewanderte"],
                                         "merkmale": ["abends"],
                                         "sozialraeume": ["ortskern"]}]})})


def _chapter(md: str, title: str) -> str:
    """The text of chapter ``# title`` up to the next chapter."""
    m = re.search(rf"^# {re.escape(title)} \{{#[^}}]+\}}\n(.*?)(?=^# |\Z)", md, re.M | re.S)
    assert m, f"chapter {title!r} missing"
    return m.group(1)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    tmp = tmp_path_factory.mktemp("kreisdoc")
    root = _workspace(tmp)
    result = build(root, formats=["md"], out=tmp / "out")
    assert result.ok, (result.error, result.problems)
    return root, (tmp / "out" / "integrationskonzept.md").read_text(encoding="utf-8")


def test_integrationsmanagement_chapter(built: tuple[Path, str]) -> None:
    text = _chapter(built[1], "Integrationsmanagement")
    assert "- **Seit:** 2017" in text
    assert "- **Beratung:** [Forum Ziviler Friedensdienst](#akteur-forumzfd) (seit Juni 2017)" \
        in text
    steuerung = text.split("## Steuerungsgruppe", 1)[1].split("##", 1)[0]
    assert re.findall(r"^- \[([^]]+)\]", steuerung, re.M) == [
        "Gleichstellungsbeauftragte", "Forum Ziviler Friedensdienst", "Kreissportbund Peine"]
    assert "| [Kreissportbund Peine](#akteur-ksb) | Juni 2017 | vertritt die " \
           "Zivilgesellschaft |" in text
    assert "| Asyl-, Migrations- und Integrationsfonds (AMIF) | Europäische Union | ab Juni " \
           "2017 |" in text


def test_public_konfliktanalyse_leaves_out_internal_data(built: tuple[Path, str]) -> None:
    text = _chapter(built[1], "Konfliktanalyse")
    assert "Zuständigkeiten Kreis und Gemeinden" in text
    assert "deeskalierend (entspannt sich)" in text
    assert "Eigene Schwerpunkte im Sport." in text
    assert "Sport verbindet." in text
    assert "Wartezeiten" not in built[1] and "übergangen" not in built[1]
    assert "Interne Fassung" not in built[1]


def test_internal_build_has_everything(tmp_path: Path) -> None:
    root = _workspace(tmp_path)
    result = build(root, formats=["md"], out=tmp_path / "out", intern=True)
    assert result.ok, (result.error, result.problems)
    assert [f.name for f in result.files] == ["integrationskonzept-intern.md"]
    md = (tmp_path / "out" / "integrationskonzept-intern.md").read_text(encoding="utf-8")
    text = _chapter(md, "Konfliktanalyse")
    assert "**Interne Fassung:**" in text
    assert ("| [Wartezeiten in der Behörde](#konfliktlinie-kl-2) | "
            "[Flüchtlingsinitiativen](#akteur-initiativen) ↔ [Ausländerbehörde](#akteur-abh) | "
            "offen (wird ausgetragen) |") in text
    assert "Wir fühlen uns übergangen." in text


def test_gemeinden_overview_and_chapters(built: tuple[Path, str]) -> None:
    md = built[1]
    overview = _chapter(md, "Die Gemeinden im Überblick")
    rows = [line for line in overview.splitlines() if line.startswith("| [")]
    assert rows == [
        "| [Gemeinde Ilsede](#gemeinde-ilsede) | beschlossen am 1. Februar 2024 (Rat der "
        "Gemeinde Ilsede) | 1 | 1 | 0 von 1 | 0 |",
        "| [Gemeinde Peine](#gemeinde-peine) | Entwurf (noch nicht beschlossen) | 1 | 1 | "
        "0 von 0 | 0 |"]
    ilsede = _chapter(md, "Gemeinde Ilsede")
    assert "- **Eigenes Dokument:** gemeinden/ilsede/build/integrationskonzept.pdf" in ilsede
    assert "- Bildung\n" in ilsede
    assert ("- Deutsch üben am Abend (Bildung): ungedeckt, Maßnahme zugeordnet; nur in "
            "Gemeinde Peine – Peine Ortskern, 9 km") in ilsede
    assert "- Sprachcafé Ilsede (Bildung; geplant, 2024 bis 2025)" in ilsede
    assert md.index("# Maßnahmenkatalog") < md.index("# Integrationsmanagement") < md.index(
        "# Konfliktanalyse") < md.index("# Die Gemeinden im Überblick")


def test_build_refuses_member_errors_with_member_path(tmp_path: Path) -> None:
    root = write_workspace(tmp_path / "lk", members={
        "ilsede": ({}, {"massnahmen": [dict(M, federfuehrung="kreis:vsh")]})})
    result = build(root, formats=["md"], out=tmp_path / "out")
    assert not result.ok and not result.files
    assert [(p.location.file, p.code) for p in result.problems] == [
        ("gemeinden/ilsede/bildung.yaml", "IK208")]


def test_plain_concept_gets_the_konfliktanalyse_chapter(concept, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = concept(inhalt={"akteure": AKTEURE, "konfliktanalyse": KONFLIKT, "massnahmen": [
        dict(M, kooperationspartner=["forumzfd", "ksb", "abh", "initiativen"])]})
    result = build(root, formats=["md"], out=tmp_path / "out")
    assert result.ok, (result.error, result.problems)
    md = (tmp_path / "out" / "integrationskonzept.md").read_text(encoding="utf-8")
    assert "Zuständigkeiten Kreis und Gemeinden" in _chapter(md, "Konfliktanalyse")
    assert "# Die Gemeinden im Überblick" not in md


@pytest.mark.slow
def test_docx_has_the_kreis_chapters(tmp_path: Path) -> None:
    import docx

    root = _workspace(tmp_path)
    result = build(root, formats=["docx"], out=tmp_path / "out")
    assert result.ok, (result.error, result.problems)
    doc = docx.Document(str(tmp_path / "out" / "integrationskonzept.docx"))
    heads = [p.text.split("\t")[-1] for p in doc.paragraphs if p.style.name == "Heading 1"]
    wanted = ["Integrationsmanagement", "Konfliktanalyse", "Die Gemeinden im Überblick",
              "Gemeinde Ilsede", "Gemeinde Peine"]
    assert [h for h in heads if h in wanted] == wanted
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Gemeinde")
    assert [c.text for c in table.rows[0].cells] == [
        "Gemeinde", "Stand des Konzepts", "Handlungsfelder", "Maßnahmen", "Bedarfe gedeckt",
        "offene Lücken"]
    assert [c.text for c in table.rows[1].cells][:2] == [
        "Gemeinde Ilsede", "beschlossen am 1. Februar 2024 (Rat der Gemeinde Ilsede)"]


def test_actor_map_draws_konfliktlinien_public_ones_only(concept) -> None:  # type: ignore[no-untyped-def]
    from integrationskonzept.document.figures import chart_data
    from integrationskonzept.document.konflikt import oeffentlich
    from integrationskonzept.model.loader import load_concept

    root = concept(inhalt={"akteure": AKTEURE, "konfliktanalyse": KONFLIKT})
    konzept = load_concept(root).konzept

    def lines(k: Any) -> set[tuple[str, str, str, str]]:
        actors = chart_data(k, None)["akteure"][1][0]
        return {(a["id"], r["zu"], r["art"], r["thema"]) for a in actors
                for r in a["beziehungen"]}

    assert lines(konzept) == {
        ("gleichstellung", "ksb", "Spannung", "Zuständigkeiten Kreis und Gemeinden"),
        ("initiativen", "abh", "Konflikt", "Wartezeiten in der Behörde")}
    assert lines(oeffentlich(konzept)) == {
        ("gleichstellung", "ksb", "Spannung", "Zuständigkeiten Kreis und Gemeinden")}


def test_konfliktlinie_twice_or_actor_on_both_sides(concept) -> None:  # type: ignore[no-untyped-def]
    import copy

    from integrationskonzept.checks.runner import validate

    konflikt = copy.deepcopy(KONFLIKT)
    konflikt["konfliktlinien"][1]["id"] = "kl-1"
    konflikt["konfliktlinien"][0]["seiten"][1]["akteure"] = ["ksb", "gleichstellung"]
    root = concept(inhalt={"akteure": AKTEURE, "konfliktanalyse": konflikt})
    found = [(p.location.file, p.location.line, p.code, p.message)
             for p in validate(root).problems if p.code == "IK207"]
    assert [f[:3] for f in found] == [("bildung.yaml", 56, "IK207"),
                                      ("bildung.yaml", 58, "IK207")]
    assert "Akteur „gleichstellung“ steht auf Seite 1 und Seite 2" in found[0][3]
    assert "Konfliktlinie „kl-1“: die ID ist schon vergeben (bildung.yaml:47:" in found[1][3]


# (gliederung of the Kreis, the headings of the MD from the Maßnahmenkatalog on)
OUTLINES = [
    ([{"teil": "massnahmenkatalog"}, "konfliktanalyse", "integrationsmanagement",
      "gemeinden"],
     ["# Maßnahmenkatalog", "# Konfliktanalyse", "## Konfliktlinien",
      "## Perspektiven der Akteure", "# Integrationsmanagement", "## Steuerungsgruppe",
      "## Kooperationspartner", "## Förderung", "# Die Gemeinden im Überblick",
      "# Gemeinde Ilsede", "## Handlungsfelder", "## Lücken", "## Wichtige Maßnahmen",
      "# Gemeinde Peine", "## Handlungsfelder", "## Lücken", "## Wichtige Maßnahmen"]),
    ([{"teil": "massnahmenkatalog"},
      {"titel": "Kreis und Gemeinden", "teile": [
          {"teil": "integrationsmanagement", "titel": "Wie der Kreis koordiniert"},
          {"teil": "gemeinden", "titel": "Überblick"}]}],
     ["# Maßnahmenkatalog", "# Kreis und Gemeinden", "## Wie der Kreis koordiniert",
      "### Steuerungsgruppe", "### Kooperationspartner", "### Förderung", "## Überblick",
      "## Gemeinde Ilsede", "### Handlungsfelder", "### Lücken", "### Wichtige Maßnahmen",
      "## Gemeinde Peine", "### Handlungsfelder", "### Lücken", "### Wichtige Maßnahmen"]),
]


@pytest.mark.parametrize(("gliederung", "expected"), OUTLINES)
def test_gliederung_places_the_kreis_chapters(tmp_path: Path, gliederung: list[Any],
                                              expected: list[str]) -> None:
    root = _workspace(tmp_path)
    konzept = root / "konzept.yaml"
    import yaml

    data = yaml.safe_load(konzept.read_text(encoding="utf-8"))
    data["gliederung"] = gliederung
    konzept.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                       encoding="utf-8")
    result = build(root, formats=["md"], out=tmp_path / "out")
    assert result.ok, (result.error, result.problems)
    md = (tmp_path / "out" / "integrationskonzept.md").read_text(encoding="utf-8")
    found = [re.sub(r" \{[^}]*\}$", "", line) for line in md.splitlines()
             if line.startswith("#")]
    assert found[found.index("# Maßnahmenkatalog"):] == expected
    # the anchors stay, so references into the chapters still land
    assert "{#integrationsmanagement}" in md and "{#gemeinde-ilsede}" in md
    if len(gliederung) == 2:  # the Konfliktanalyse is not named: left out, and said so
        assert "{#konfliktanalyse}" not in md
        [warning] = [p for p in result.problems if p.code == "IK509"]
        assert "„konfliktanalyse“ (das Kapitel Konfliktanalyse) steht nicht in der " \
            "Gliederung" in warning.message
        assert warning.location.file == "konzept.yaml" and warning.location.line > 0


def test_no_heading_level_is_skipped(built: tuple[Path, str]) -> None:
    """PDF/UA and screen readers: a heading is at most one level below the one before."""
    levels = [len(line) - len(line.lstrip("#")) for line in built[1].splitlines()
              if re.match(r"#{1,6} ", line)]
    skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    assert levels and skips == []
