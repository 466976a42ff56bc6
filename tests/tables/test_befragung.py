"""`ik befragung import`: LimeSurvey structure (old and new format) and responses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from lsskit import Q, lss, write_responses

from ik_testing import EXAMPLES
from integrationskonzept.cli import main
from integrationskonzept.errors import SourceError
from integrationskonzept.tables.limesurvey import read_structure
from integrationskonzept.tables.survey import evaluate, read_responses

QUESTIONS = [
    Q("Q1", "L", "Wo wohnen Sie?", answers=[("A1", "Kernstadt"), ("A2", "Ortsteil")]),
    Q("Q2", "M", "Was fehlt?", subs=[("SQ001", "Sprachkurs"), ("SQ002", "Beratung")],
      other=True),
    Q("Q3", "F", "Wie gut informiert?", subs=[("SQ001", "Kita"), ("SQ002", "Arzt")],
      answers=[("A1", "gut"), ("A2", "schlecht")]),
    Q("Q4", "Y", "Schon ein Angebot genutzt?"),
    Q("Q5", "N", "Wie viele Kinder?"),
    Q("Q6", "T", "Ihre Ideen?"),
    Q("Q7", "X", "Danke!"),
]
ROWS = [
    {"submitdate": "2023-07-01 10:00:00", "Q1": "A1", "Q2[SQ001]": "Y", "Q3[SQ001]": "A1",
     "Q3[SQ002]": "A2", "Q4": "Y", "Q5": "2", "Q6": "Frau Müller, Tel. 0171 …"},
    {"submitdate": "2023-07-02 10:00:00", "Q1": "A2", "Q2[SQ001]": "Y", "Q2[SQ002]": "Y",
     "Q3[SQ001]": "A1", "Q4": "N", "Q5": "1"},
    {"submitdate": "2023-07-03 10:00:00", "Q1": "A1", "Q2[other]": "Schwimmkurs",
     "Q5": "4", "Q6": "mehr Kurse"},
    {"Q1": "A2"},  # broken off: counted, not evaluated
]
EXPECTED = {
    "Q1": ("einfach", 3, 3, [("A1", "Kernstadt", 2), ("A2", "Ortsteil", 1)]),
    "Q2": ("mehrfach", 3, 3, [("SQ001", "Sprachkurs", 2), ("SQ002", "Beratung", 1),
                               ("-oth-", "Sonstiges", 1)]),
    "Q4": ("janein", 2, 3, [("Y", "Ja", 1), ("N", "Nein", 1)]),
    "Q5": ("zahl", 3, 3, []),
    "Q6": ("freitext", 2, 3, []),
}


def _files(tmp: Path, new: bool, delimiter: str = ",") -> tuple[Path, Path]:
    structure = tmp / "struktur.lss"
    structure.write_text(lss(123456, "Elternbefragung", QUESTIONS, new=new), encoding="utf-8")
    answers = write_responses(tmp / "antworten.csv", QUESTIONS, ROWS, delimiter)
    return answers, structure


@pytest.mark.parametrize("new", [False, True], ids=["dbversion-366", "dbversion-600"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_both_lss_formats_and_any_separator_count_the_same(tmp_path: Path, new: bool,
                                                           delimiter: str) -> None:
    answers, structure = _files(tmp_path, new, delimiter)
    s = read_structure(structure)
    assert (s.sid, s.title) == ("123456", "Elternbefragung")
    assert [q.code for q in s.questions] == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"]
    headings, rows = read_responses(answers)
    result, problems = evaluate(s, headings, rows, "antworten.csv")
    assert problems == []
    assert (result.complete, result.incomplete) == (3, 1)
    fragen = {f["code"]: f for f in result.fragen}
    for code, (typ, gueltig, gesamt, options) in EXPECTED.items():
        f = fragen[code]
        assert (f["typ"], f["gueltig"], f["gesamt"]) == (typ, gueltig, gesamt), code
        assert [(o["code"], o["text"], o["anzahl"]) for o in f.get("optionen", [])] == options
    assert (fragen["Q5"]["mittelwert"], fragen["Q5"]["median"]) == (2.33, 2)
    matrix = {t["code"]: [(o["code"], o["anzahl"]) for o in t["optionen"]]
              for t in fragen["Q3"]["teilfragen"]}
    assert matrix == {"SQ001": [("A1", 2), ("A2", 0)], "SQ002": [("A1", 0), ("A2", 1)]}


def _run(*args: str) -> int:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    return int(exc.value.code or 0)


def test_import_records_counts_never_free_texts(concept, tmp_path: Path) -> None:
    folder = concept(extra={"beteiligung.yaml": "# Beteiligung\nbeteiligung:\n  befragungen:\n"
                            "    - id: f-alt\n      titel: Alte Befragung  # bleibt\n"})
    answers, structure = _files(tmp_path, new=True)
    assert _run("befragung", "import", str(answers), str(structure), str(folder),
                "--id", "f-eltern") == 0
    text = (folder / "beteiligung.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Beteiligung\nbeteiligung:\n  befragungen:\n    - id: f-alt\n"
                           "      titel: Alte Befragung  # bleibt\n    - id: f-eltern\n")
    assert "Müller" not in text and "Schwimmkurs" not in text and "mehr Kurse" not in text
    entry = yaml.safe_load(text)["beteiligung"]["befragungen"][1]
    assert (entry["titel"], entry["ruecklauf"], entry["unvollstaendig"], entry["umfrage"]) == \
        ("Elternbefragung", 3, 1, "123456")
    # a second import of the same survey changes nothing
    before = (folder / "beteiligung.yaml").read_bytes()
    assert _run("befragung", "import", str(answers), str(structure), str(folder),
                "--id", "f-eltern") == 0
    assert (folder / "beteiligung.yaml").read_bytes() == before


def test_bad_files_get_located_german_messages(concept, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    folder = concept(extra={"beteiligung.yaml": {"beteiligung": {"befragungen": [
        {"id": "f-eltern", "titel": "Eltern", "umfrage": "999999"}]}}})
    answers, structure = _files(tmp_path, new=False)
    text = answers.read_text(encoding="utf-8-sig").splitlines()
    text[0] += ',"Q9[SQ001]"'
    text[2] = text[2].replace('"A2"', '"A7"', 1)  # line 3: Q1 = A7, not defined
    bad = tmp_path / "results-survey123457.csv"
    bad.write_text("\n".join(text) + "\n", encoding="utf-8-sig")
    before = (folder / "beteiligung.yaml").read_bytes()
    assert _run("befragung", "import", str(bad), str(structure), str(folder),
                "--id", "f-eltern") == 1
    err = capsys.readouterr().err
    expected = [  # (location, code, words)
        ("results-survey123457.csv:1:1", "IK913", "aus Umfrage 123457, die Struktur „struktur.lss“ "
         "aus Umfrage 123456"),
        ("struktur.lss:1:1", "IK913", "Befragung „f-eltern“ ist Umfrage 999999"),
        ("results-survey123457.csv:1:15", "IK911",
         "Spalte „Q9[SQ001]“ ist nicht in der Umfragestruktur"),
        ("results-survey123457.csv:3:1", "IK912",
         "Spalte „Q1“: Antwortcode „A7“ ist in der Struktur nicht definiert"),
    ]
    for loc, code, words in expected:
        assert any(line.startswith(f"{loc}: Fehler {code}") and words in line
                   for line in err.splitlines()), (loc, err)
    assert "results-survey123457.csv:1:1: Fehler IK913" in err
    assert "results-survey123457.csv:1:15: Fehler IK911" in err
    assert "results-survey123457.csv:3:1: Fehler IK912" in err
    assert (folder / "beteiligung.yaml").read_bytes() == before


def test_lehrte_example_survey_is_recorded_and_cited(tmp_path: Path) -> None:
    folder = shutil.copytree(EXAMPLES / "lehrte", tmp_path / "lehrte")
    before = (folder / "beteiligung.yaml").read_bytes()
    befragungen = folder / "befragungen"
    assert _run("befragung", "import", str(befragungen / "antworten-einwohner.csv"),
                str(befragungen / "fragebogen-einwohner.lss"), str(folder),
                "--id", "f-einwohner") == 0
    assert (folder / "beteiligung.yaml").read_bytes() == before  # the example is up to date
    data = yaml.safe_load(before)["beteiligung"]["befragungen"]
    entry = next(b for b in data if b["id"] == "f-einwohner")
    assert (entry["ruecklauf"], entry["unvollstaendig"]) == (143, 12)
    assert [f["code"] for f in entry["fragen"]] == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"]


def test_quelle_names_a_question_and_the_gap_report_shows_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = shutil.copytree(EXAMPLES / "lehrte", tmp_path / "lehrte")
    capsys.readouterr()
    _run("gaps", str(folder))
    assert "Quelle: Fragebogen zu Bedarfen und Ideen (mehrsprachig), Frage Q2: Welche " \
        "Angebote fehlen Ihnen in Lehrte?" in capsys.readouterr().out
    source = folder / "handlungsfelder" / "arbeit.yaml"
    text = source.read_text(encoding="utf-8")
    line = text[:text.index('"f-einwohner#Q2"')].count("\n") + 1
    source.write_text(text.replace('"f-einwohner#Q2"', '"f-einwohner#Q9"', 1), encoding="utf-8")
    assert _run("validate", str(folder)) == 1
    out = capsys.readouterr().out
    assert f"handlungsfelder/arbeit.yaml:{line}:" in out
    assert "Fehler IK202 „quelle“: Befragung „f-einwohner“ hat keine Frage „Q9“" in out


HOSTILE_LSS = [  # (what the file does, how it is written) -> refused before any reading
    ("document type after a long comment",
     lambda good: good.replace("<document>", "<!-- " + "x" * 5000 + " -->\n"
                               "<!DOCTYPE document [<!ENTITY q \"Q\">]>\n<document>", 1)
     .encode("utf-8")),
    ("entity expansion",
     lambda good: ('<?xml version="1.0"?>\n<!DOCTYPE document [<!ENTITY a "aaaaaaaa">'
                   '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
                   + good.split("?>", 1)[1].replace("Elternbefragung", "&b;")).encode()),
    ("external entity, UTF-16 encoded",
     lambda good: ('<?xml version="1.0" encoding="UTF-16"?>\n'
                   '<!DOCTYPE document [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
                   + good.split("?>", 1)[1].replace("Elternbefragung", "&x;"))
     .encode("utf-16")),
]


@pytest.mark.parametrize(("what", "write"), HOSTILE_LSS, ids=[h[0] for h in HOSTILE_LSS])
def test_lss_with_document_type_or_entities_is_refused(tmp_path: Path, what: str,
                                                       write: object) -> None:
    _, structure = _files(tmp_path, new=True)
    good = structure.read_text(encoding="utf-8")
    assert "<document>" in good and good.startswith("<?xml")
    structure.write_bytes(write(good))  # type: ignore[operator]
    with pytest.raises(SourceError) as err:
        read_structure(structure)
    assert err.value.message == ("„struktur.lss“: Dokumenttyp- und Entity-Angaben sind nicht "
                                 "erlaubt (erwartet die .lss-Datei, wie LimeSurvey sie "
                                 "exportiert)")


def test_lss_that_is_no_xml_gets_its_line(tmp_path: Path) -> None:
    _, structure = _files(tmp_path, new=True)
    lines = structure.read_text(encoding="utf-8").splitlines()
    lines[3] += "<unclosed"
    structure.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SourceError) as err:
        read_structure(structure)
    assert err.value.message.startswith("struktur.lss: Zeile ")
    assert "keine gültige XML-Datei (erwartet die .lss-Datei aus LimeSurvey)" in \
        err.value.message
