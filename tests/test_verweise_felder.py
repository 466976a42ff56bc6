"""IK202 and IK508 on references by field: each reference of a list at its own place,
sources that are addresses or titles left alone, the ids of texts counted."""

from __future__ import annotations

import datetime as dt

from ik_testing import BASE_INHALT
from integrationskonzept.checks import CheckContext
from integrationskonzept.checks.runner import validate
from integrationskonzept.model.loader import load_concept
from integrationskonzept.model.references import all_refs, prefixed_refs, text_refs

QUELLEN = ["https://example.org/studie", "Bericht des Landes 2023", "v-1", "v-2#Q1",
           "v-9", "gleichstellung"]
BETEILIGUNG = {"beteiligung": {"veranstaltungen": [
    {"id": "v-1", "titel": "Runder Tisch", "datum": "2023-05-04"},
    {"id": "v-2", "titel": "Forum", "datum": "2023-06-01"}]}}
INHALT = {
    "bedarfe": [{"id": "b-1", "titel": "Kita-Plätze", "quelle": QUELLEN,
                 "zielgruppen": ["gibtsnicht"], "sozialraeume": []}],
    "massnahmen": [dict(BASE_INHALT["massnahmen"][0], bedarfe=["b-1"], ziele=["z-1", "m-1"],
                        beschreibung="Mit [[gleichstellung]], [[z-9]] und [[z-9|Ziel]].")],
}


def _ik(problems: list, code: str) -> list[tuple[str, int, int, str]]:
    return [(p.location.file, p.location.line, p.location.column, p.message)
            for p in problems if p.code == code]


def test_each_reference_of_a_field_is_reported_at_its_place(concept) -> None:
    root = concept(inhalt=INHALT, extra={"beteiligung.yaml": BETEILIGUNG})
    problems = validate(root, CheckContext(heute=dt.date(2024, 6, 1))).problems
    assert _ik(problems, "IK202") == [
        ("bildung.yaml", 25, 5, "„ziele“: „m-1“ ist ein Eintrag der Art Maßnahme (definiert "
         "in bildung.yaml:21:7); erwartet: Ziel oder Leitziel"),
        ("bildung.yaml", 34, 41, "Verweis [[z-9]] im Text: keine solche ID im Konzept"),
        ("bildung.yaml", 34, 53, "Verweis [[z-9]] im Text: keine solche ID im Konzept"),
        ("bildung.yaml", 42, 5, "„quelle“: „v-2#Q1“ – nur eine Befragung hat Fragen "
         "(„v-2“ ist Veranstaltung)"),
        ("bildung.yaml", 43, 5, "„quelle“: unbekannte Veranstaltung oder Arbeitsgruppe oder "
         "Befragung-ID „v-9“"),
        ("bildung.yaml", 44, 5, "„quelle“: „gleichstellung“ ist ein Eintrag der Art Akteur "
         "(definiert in bildung.yaml:7:7); erwartet: Veranstaltung oder Arbeitsgruppe oder "
         "Befragung"),
        ("bildung.yaml", 46, 5, "„zielgruppen“: unbekannte Zielgruppe-ID „gibtsnicht“"),
    ]
    # the Akteur named only in a text and in a source counts as used
    assert not _ik(problems, "IK508")


def test_references_by_field_one_by_one(concept) -> None:
    """all_refs lists every written reference at its own path, sources that are
    addresses or titles left out; text references count each id in its text."""
    k = load_concept(concept(inhalt=INHALT, extra={"beteiligung.yaml": BETEILIGUNG})).konzept
    quellen = [(field, ident, path) for entry, field, ident, path in all_refs(k)
               if getattr(entry, "id", None) == "b-1" and field == "quelle"]
    assert quellen == [("quelle", "v-1", ("quelle", 2)), ("quelle", "v-2#Q1", ("quelle", 3)),
                       ("quelle", "v-9", ("quelle", 4)),
                       ("quelle", "gleichstellung", ("quelle", 5))]
    im_text = [(ident, path) for entry, field, ident, path in all_refs(k)
               if field == "[[…]]"]
    assert im_text == [("gleichstellung", ("beschreibung",)), ("z-9", ("beschreibung",)),
                       ("z-9", ("beschreibung",))]
    assert [(ident, n) for ident, _start, n in text_refs(k)] == [
        ("gleichstellung", 0), ("z-9", 0), ("z-9", 1)]
    assert prefixed_refs(k) == []


def test_the_walk_without_references_by_field_finds_the_same_ids_and_texts(concept) -> None:
    """`ik validate` walks without listing the references by field (they are walked
    again only when one is not known): the ids by field, the texts and the [[id]] in
    them are the same as those of the full walk, whichever of the two runs first."""
    from pathlib import Path

    from integrationskonzept.model.references import ids_by_field, markdown_texts

    roots = [concept(inhalt=INHALT, extra={"beteiligung.yaml": BETEILIGUNG}),
             Path(__file__).parent.parent / "examples" / "peine"]
    for root in roots:
        fast = load_concept(root).konzept
        full = load_concept(root).konzept
        full_refs = all_refs(full)  # the full walk first
        seen = (ids_by_field(fast), [(t, s.location(), b) for t, s, b in markdown_texts(fast)],
                [(i, s.location(), n) for i, s, n in text_refs(fast)])
        assert "ref_fields" not in fast.cache  # the references by field not listed
        assert seen == (ids_by_field(full),
                        [(t, s.location(), b) for t, s, b in markdown_texts(full)],
                        [(i, s.location(), n) for i, s, n in text_refs(full)])
        assert sum(map(len, seen[0].values())) == len(full_refs)
        assert all_refs(fast) == full_refs  # walked again, now with them
