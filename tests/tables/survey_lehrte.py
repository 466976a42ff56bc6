"""The example survey of examples/lehrte (invented answers): definition and generator.

    python tests/tables/survey_lehrte.py examples/lehrte/befragungen
writes fragebogen-einwohner.lss (LimeSurvey 6 format) and antworten-einwohner.csv.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lsskit import Q, lss, random_rows, write_responses  # noqa: E402

SID = 482193
TITEL = "Fragebogen zu Bedarfen und Ideen"
ORTSTEILE = [("A1", "Lehrte Kernstadt"), ("A2", "Ahlten"), ("A3", "Arpke"),
             ("A4", "Hämelerwald"), ("A5", "Immensen"), ("A6", "Sievershausen"),
             ("A7", "anderer Ortsteil")]
QUESTIONS = [
    Q("Q1", "L", "In welchem Ortsteil wohnen Sie?", answers=ORTSTEILE),
    Q("Q2", "M", "Welche Angebote fehlen Ihnen in Lehrte?", subs=[
        ("SQ001", "Sprachkurs mit Kinderbetreuung"),
        ("SQ002", "Beratung in meiner Sprache"),
        ("SQ003", "Angebote in meinem Ortsteil"),
        ("SQ004", "Hilfe bei Bewerbungen"),
        ("SQ005", "Treffpunkte für Frauen")], other=True),
    Q("Q3", "F", "Wie gut fühlen Sie sich informiert über …", subs=[
        ("SQ001", "Kita und Schule"), ("SQ002", "Gesundheit und Ärzt*innen"),
        ("SQ003", "Arbeit und Ausbildung")],
      answers=[("A1", "gut"), ("A2", "teils"), ("A3", "schlecht")]),
    Q("Q4", "Y", "Haben Sie schon ein Angebot der Stadt Lehrte genutzt?"),
    Q("Q5", "N", "Wie viele Kinder unter 6 Jahren leben in Ihrem Haushalt?"),
    Q("Q6", "T", "Welche Ideen haben Sie für Lehrte?"),
]
TEXTE = ["Mehr Sprachcafés am Abend", "Beratung auch in Arpke", "Kinderbetreuung im Kurs",
         "Ein Treffpunkt für Familien", "Informationen in einfacher Sprache"]


def write(folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    structure = folder / "fragebogen-einwohner.lss"
    structure.write_text(lss(SID, TITEL, QUESTIONS, new=True), encoding="utf-8")
    answers = write_responses(folder / "antworten-einwohner.csv", QUESTIONS,
                              random_rows(QUESTIONS, 143, 12, seed=2023, texts=TEXTE))
    return answers, structure


if __name__ == "__main__":
    write(Path(sys.argv[1]))
