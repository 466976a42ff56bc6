"""Small concepts: new rows, missing rows, CSV details, formula texts, odd indentation."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from integrationskonzept.cli import main


def _run(*args: str) -> int:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    return int(exc.value.code or 0)


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    return path


def test_new_row_without_a_file_is_located(concept, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    folder = concept()
    table = _write_csv(tmp_path / "bedarfe.csv", [["id", "Titel"], ["b-neu", "Kita-Plätze"]])
    assert _run("tabelle", "import", str(table), str(folder)) == 1
    err = capsys.readouterr().err
    assert "bedarfe.csv!A2: Fehler IK906 Neue Zeile „b-neu“" in err
    assert _run("tabelle", "import", str(table), str(folder), "--datei", "bildung.yaml") == 0
    assert "- id: b-neu\n  titel: Kita-Plätze\n" in (folder / "bildung.yaml").read_text()


def test_missing_rows_are_reported_and_deleted_only_on_request(
        concept, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = concept(inhalt={"ziele": [{"id": "z-1", "titel": "A", "indikatoren": ["i-1"]},
                                       {"id": "z-2", "titel": "B"}]})
    table = _write_csv(tmp_path / "ziele.csv", [["id", "Titel"], ["z-1", "A"]])
    assert _run("tabelle", "import", str(table), str(folder)) == 0
    out = capsys.readouterr()
    assert "ziele.csv" not in out.err
    assert "Ziele!A1: Warnung IK908 Ziele: 1 Einträge fehlen in der Tabelle" in out.err
    assert "z-2" in (folder / "bildung.yaml").read_text()
    assert _run("tabelle", "import", str(table), str(folder), "--loeschen") == 0
    assert "z-2" not in (folder / "bildung.yaml").read_text()
    assert "− B (z-2): entfallen" in capsys.readouterr().out


def test_csv_is_german_excel_csv_and_neutralises_formulas(concept, tmp_path: Path) -> None:
    folder = concept(inhalt={"massnahmen": [{
        "id": "m-1", "titel": "=HYPERLINK(\"http://x\")", "ziele": ["z-1"],
        "federfuehrung": "gleichstellung", "zeitraum": {"beginn": "2024-03-15", "ende": "2025"},
        "indikatoren": ["i-1"], "beschreibung": "- Punkt eins\n- Punkt zwei\n"}]})
    before = (folder / "bildung.yaml").read_bytes()
    assert _run("tabelle", "export", str(folder), "-f", "csv", "-o", str(tmp_path / "c")) == 0
    raw = (tmp_path / "c" / "massnahmen.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid;Titel;")
    text = raw.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "\"'- Punkt eins" in text
    assert ";15.03.2024;2025;" in text  # a full date German, a year as written
    assert _run("tabelle", "import", str(tmp_path / "c" / "massnahmen.csv"), str(folder)) == 0
    assert (folder / "bildung.yaml").read_bytes() == before


def test_workbook_has_lists_validations_and_a_hidden_info_sheet(concept, tmp_path: Path) -> None:
    folder = concept(inhalt={"massnahmen": [{
        "id": "m-1", "titel": "=1+1", "federfuehrung": "gleichstellung", "status": "laufend",
        "zeitraum": {"beginn": "2024-03-15", "ende": "2025-06"}}]})
    out = tmp_path / "t.xlsx"
    assert _run("tabelle", "export", str(folder), "-o", str(out)) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:6] == ["Maßnahmen", "Angebote", "Bedarfe", "Akteure", "Ziele",
                                 "Indikatoren"]
    ws = wb["Maßnahmen"]
    headers = [c.value for c in ws[1]]
    assert headers[:5] == ["id", "Titel", "Nummer", "Beschreibung", "Handlungsfeld"]
    assert ws.freeze_panes == "B2"
    row = {h: c for h, c in zip(headers, ws[2], strict=False)}
    assert row["Titel"].value == "=1+1" and row["Titel"].data_type == "s"
    assert row["Titel"].quotePrefix and not row["id"].quotePrefix
    assert row["Zeitraum: Beginn"].is_date and row["Zeitraum: Ende"].value == "2025-06"
    validations = {str(dv.sqref).split(":")[0]: dv.formula1
                   for dv in ws.data_validations.dataValidation}
    col = openpyxl.utils.get_column_letter(headers.index("Federführung") + 1)
    assert validations[f"{col}2"] == "liste_akteur"
    target = wb.defined_names["liste_akteur"].attr_text
    assert target.startswith("Listen!$F$2")
    assert wb["Listen"]["F1"].value == "liste_akteur" and wb["Listen"]["F2"].value == \
        "gleichstellung"
    info = wb["ik"]
    assert info.sheet_state == "hidden"
    assert [r[0] for r in info.iter_rows(values_only=True)][:3] == [
        "Konzept", "Formatversion", "Quellstand"]


def test_unusual_indentation_keeps_its_other_entries(concept, tmp_path: Path) -> None:
    text = ("ziele:\n -   id: z-8\n     titel: Ein langer Titel,\n       auf zwei Zeilen\n"
            " -   id: z-9\n     titel: Alt  # Kommentar\n")
    folder = concept(extra={"extra.yaml": text})
    table = _write_csv(tmp_path / "ziele.csv", [
        ["id", "Titel"], ["z-1", "Mehr Kursplätze"],
        ["z-8", "Ein langer Titel, auf zwei Zeilen"], ["z-9", "Neu"]])
    assert _run("tabelle", "import", str(table), str(folder)) == 0
    assert (folder / "extra.yaml").read_text() == text.replace("Alt  #", "Neu  #")


def test_only_the_changed_key_is_rewritten(concept, tmp_path: Path) -> None:
    text = ("ziele:\n  - id: z-8  # erstes Ziel\n    titel: Alt\n    beschreibung: Ein langer "
            "Text,\n      über zwei Zeilen umbrochen\n    zielgruppen: [neuzugewanderte]\n\n"
            "  # Ende\n")
    folder = concept(extra={"extra.yaml": text})
    table = _write_csv(tmp_path / "ziele.csv", [
        ["id", "Titel", "Beschreibung", "Zieljahr"], ["z-1", "Mehr Kursplätze", "", ""],
        ["z-8", "Neu", "Ein langer Text, über zwei Zeilen umbrochen", "2030"]])
    assert _run("tabelle", "import", str(table), str(folder)) == 0
    assert (folder / "extra.yaml").read_text() == text.replace(
        "titel: Alt", "titel: Neu").replace(
        "[neuzugewanderte]\n", "[neuzugewanderte]\n    zieljahr: 2030\n")


def test_a_list_in_flow_form_is_written_as_a_whole(concept, tmp_path: Path, capsys) -> None:
    folder = concept(extra={"extra.yaml": "# Ziele\nziele: [{id: z-9, titel: Alt}]\n"})
    table = _write_csv(tmp_path / "ziele.csv", [["id", "Titel"], ["z-1", "Mehr Kursplätze"],
                                                ["z-9", "Neu"]])
    assert _run("tabelle", "import", str(table), str(folder)) == 0
    assert "extra.yaml:1:1: Hinweis IK907" in capsys.readouterr().err
    assert (folder / "extra.yaml").read_text() == "# Ziele\nziele: [{id: z-9, titel: Neu}]\n"


def test_calamine_and_openpyxl_read_a_workbook_alike(tmp_path: Path) -> None:
    pytest.importorskip("python_calamine")
    import datetime as dt
    import shutil

    from ik_testing import EXAMPLES
    from integrationskonzept.model.loader import load_concept
    from integrationskonzept.tables.importer import plan_import
    from integrationskonzept.tables.reader import read_table

    folder = shutil.copytree(EXAMPLES / "lehrte", tmp_path / "lehrte")
    book = tmp_path / "t.xlsx"
    assert _run("tabelle", "export", str(folder), "-o", str(book)) == 0
    wb = openpyxl.load_workbook(book)
    ws = wb["Angebote"]
    headers = [c.value for c in ws[1]]
    ws.cell(2, headers.index("Kapazität") + 1).value = 40
    ws.cell(2, headers.index("Stand") + 1).value = dt.datetime(2026, 1, 15)
    ws.cell(3, headers.index("Zeiten") + 1).value = 31275  # a number where text belongs
    ms = wb["Maßnahmen"]
    beginn = [c.value for c in ms[1]].index("Zeitraum: Beginn") + 1
    assert ms.cell(2, beginn).value == "2026-01"  # a month as text
    ms.cell(2, beginn).value = 2027  # a year typed as a number
    wb.save(book)
    konzept = load_concept(folder).konzept
    plans = [plan_import(konzept, read_table(book, engine)) for engine in ("", "openpyxl")]
    changes = [[(c.ident, c.values) for c in p.changes] for p in plans]
    assert changes[0] == changes[1]
    assert {k: str(v) for _i, values in changes[0] for k, v in values.items()} == {
        ("kapazitaet",): "40", ("stand",): "2026-01-15", ("zeitraum", "beginn"): "2027",
        ("zeiten",): "31275"}


def test_the_main_value_of_a_breakdown_keeps_the_german_decimal(tmp_path: Path) -> None:
    import shutil

    from ik_testing import EXAMPLES

    folder = shutil.copytree(EXAMPLES / "peine", tmp_path / "peine")
    book = tmp_path / "t.xlsx"
    assert _run("tabelle", "export", str(folder), "-o", str(book)) == 0
    wb = openpyxl.load_workbook(book)
    ws = wb["Indikatoren"]
    headers = [c.value for c in ws[1]]
    row = next(r for r in range(2, ws.max_row + 1)
               if ws.cell(r, 1).value == "i-schulabgang-ohne-abschluss")
    assert ws.cell(row, headers.index("Ist 2023") + 1).value == 12.9  # the "gesamt" value
    ws.cell(row, headers.index("Ist 2023") + 1).value = 13.5
    wb.save(book)
    before = (folder / "indikatoren.yaml").read_text(encoding="utf-8")
    assert _run("tabelle", "import", str(book), str(folder)) == 0
    after = (folder / "indikatoren.yaml").read_text(encoding="utf-8")
    assert after == before.replace('2023: {gesamt: "12,9", weiblich:',
                                   '2023: {gesamt: "13,5", weiblich:')


def test_windows_line_ends_stay(concept, tmp_path: Path) -> None:
    text = "ziele:\r\n  - id: z-8\r\n    titel: Alt\r\n\r\n  - id: z-9\r\n    titel: Bleibt\r\n"
    folder = concept(extra={"extra.yaml": text})
    (folder / "extra.yaml").write_bytes(text.encode())
    table = _write_csv(tmp_path / "ziele.csv", [
        ["id", "Titel"], ["z-1", "Mehr Kursplätze"], ["z-8", "Neu"], ["z-9", "Bleibt"],
        ["z-10", "Ganz neu"]])
    assert _run("tabelle", "import", str(table), str(folder)) == 0
    assert (folder / "extra.yaml").read_bytes() == (
        text.replace("Alt", "Neu") + "  - id: z-10\r\n    titel: Ganz neu\r\n").encode()
