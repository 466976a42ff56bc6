"""Golden Markdown of the intermediate document (IK_UPDATE_GOLDEN=1 rewrites the files).

The goldens hold the template output (with prosa placeholders) and the prosa data:
pure Python, no pandoc, so they run in every quick test pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from doc_helpers import check_golden, markdown_of

from ik_testing import EXAMPLES
from integrationskonzept.checks.runner import validate


@pytest.mark.parametrize("name", ["peine", "lehrte", "goeppingen"])
def test_example_golden(name: str) -> None:
    root = EXAMPLES / name
    if validate(root).failed():
        pytest.skip(f"examples/{name} does not validate yet")
    markdown, prosa = markdown_of(root)
    check_golden(f"{name}.md", markdown)
    check_golden(f"{name}.prosa.json", prosa + "\n")


def test_small_concept_golden(concept) -> None:  # type: ignore[no-untyped-def]
    root: Path = concept(
        konzept={"beschluesse": [{"gremium": "Rat der Stadt Peine", "datum": "2024-06-27",
                                  "vorlage": "2024/1"}],
                 "foerderung": [{"programm": "AMIF", "hinweis": "Kofinanziert von der EU."}],
                 "bevoelkerung": [{"merkmal": "Einwohner*innen", "wert": "51086",
                                   "stichtag": "2020-12-31", "quelle": "Stadt Peine"},
                                  {"merkmal": "Anteil", "wert": "21,5", "einheit": "%",
                                   "stichtag": "2020-12-31", "quelle": "Stadt Peine"}]},
        inhalt={"angebote": [{"id": "a-1", "titel": "Sprachkurs", "traeger": "gleichstellung",
                              "sozialraeume": ["stederdorf"]}],
                "bedarfe": [{"id": "b-1", "titel": "Kurs mit Kinderbetreuung",
                             "merkmale": ["kinderbetreuung"], "quelle": []}]})
    markdown, prosa = markdown_of(root)
    check_golden("klein.md", markdown)
    assert "51.086" in markdown and "21,5\u00a0%" in markdown
    assert "Einwohner\\*innen" in markdown


def test_many_offers_and_needs_become_tables(concept) -> None:  # type: ignore[no-untyped-def]
    from integrationskonzept.document.chapters import KOMPAKT_AB

    n = KOMPAKT_AB + 1
    root = concept(inhalt={
        "angebote": [{"id": f"a-{i}", "titel": f"Angebot {i}", "traeger": "gleichstellung",
                      "beschreibung": f"Text {i}"} for i in range(n)],
        "bedarfe": [{"id": f"b-{i}", "titel": f"Bedarf {i}", "quelle": []} for i in range(n)]})
    markdown, prosa = markdown_of(root)
    assert "### A 1.1 " not in markdown and "### B 1.1 " not in markdown
    assert f"Die {n} bestehenden Angebote dieses Handlungsfelds (A 1.1 bis A 1.{n})" in markdown
    assert "| [A 1.1]{#angebot-a-0} |Angebot 0 |" in markdown
    assert "| [B 1.1]{#bedarf-b-0} |Bedarf 0 |" in markdown
    assert "Text 1" not in prosa  # descriptions of offers shown only in the table are left out


def test_long_tables_become_lists(concept) -> None:  # type: ignore[no-untyped-def]
    from integrationskonzept.document.parts import LANG_AB

    root = concept(inhalt={"angebote": [
        {"id": f"a-{i}", "titel": f"Angebot {i}", "traeger": "gleichstellung"}
        for i in range(LANG_AB + 1)]})
    markdown, _ = markdown_of(root)
    start = markdown.index("## Angebotsübersicht")
    end = markdown.find("\n## ", start + 5)
    part = markdown[start:end if end > 0 else None]
    assert "|---|" not in part and "[**Angebotsübersicht**]{#tbl-angebote}" in part
    assert ("- **[A 1.1]{#angebot-a-0}** Angebot 0 – Träger: "
            "[Gleichstellungsbeauftragte](#akteur-gleichstellung); Zielgruppen: alle") in part



def test_a_long_angebotsuebersicht_has_a_heading_per_handlungsfeld(concept) -> None:  # type: ignore[no-untyped-def]
    """The list of a Landkreis's Angebote under the Handlungsfeld of each (in the PDF's
    bookmarks and the contents; a long document is cut there, see render/chunks.py);
    a Handlungsfeld's chapter points to its own heading."""
    from integrationskonzept.document.parts import LANG_AB

    n = LANG_AB // 2 + 1
    root = concept(
        konzept={"handlungsfelder": [{"id": "bildung", "name": "Bildung"},
                                     {"id": "arbeit", "name": "Arbeit & Beruf"}]},
        inhalt={"angebote": [
            {"id": f"{hf}-{i}", "titel": f"Angebot {i}", "traeger": "gleichstellung",
             "handlungsfelder": [hf]} for hf in ("arbeit", "bildung") for i in range(n)]})
    markdown, _ = markdown_of(root)
    part = markdown[markdown.index("## Angebotsübersicht"):]
    bildung = part.index("### Bildung {#angebotsuebersicht-bildung}\n")
    arbeit = part.index("### Arbeit \\& Beruf {#angebotsuebersicht-arbeit}\n")  # escaped
    assert bildung < part.index("- **[A 1.1]{#angebot-bildung-0}**") < arbeit
    assert arbeit < part.index(f"- **[A 2.{n}]{{#angebot-arbeit-{n - 1}}}**")
    assert (f"Die {n} bestehenden Angebote dieses Handlungsfelds (A 2.1 bis A 2.{n}) stehen "
            "in der [Angebotsübersicht](#angebotsuebersicht-arbeit) im Anhang.") in markdown


@pytest.mark.parametrize(("kommune", "shown"), [
    ({"name": "Peine", "typ": "Landkreis"}, "Landkreis Peine"),
    ({"name": "Landkreis Peine", "typ": "Landkreis"}, "Landkreis Peine"),  # not twice
    ({"name": "Stadtallendorf", "typ": "Stadt"}, "Stadt Stadtallendorf"),
    ({"name": "Stuttgart", "typ": "Stadt", "bezeichnung": "Landeshauptstadt Stuttgart"},
     "Landeshauptstadt Stuttgart"),
])
def test_the_kommune_is_named_with_its_kind_once(concept, kommune: dict[str, str],  # type: ignore[no-untyped-def]
                                                 shown: str) -> None:
    root = concept(konzept={"kommune": kommune})
    meta = validate(root).konzept.meta
    assert meta is not None and meta.kommune.anzeigename == shown
    assert meta.kommune.art_und_name == (shown if "bezeichnung" not in kommune
                                         else "Stadt Stuttgart")
