"""`ik befragung import`: count a LimeSurvey export and record it under ``befragungen``."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import SourceError
from ..model.concept import Konzept
from ..model.fields import ID_PATTERN, source_of
from ..problems import Location, Problem, Severity
from .importer import write_texts
from .limesurvey import Structure, read_structure
from .run import load_checked
from .survey import Result, evaluate, read_responses
from .yamlwriter import YamlFile, set_path

_SID_IN_NAME = re.compile(r"survey_?(\d{3,})", re.IGNORECASE)
# Keys the import owns; the rest of an existing Befragung (Zeitraum, Zielgruppen …) stays.
_OWNED = ("instrument", "ruecklauf", "unvollstaendig", "umfrage", "fragen")


def _survey_id_problems(structure: Structure, antworten: Path, struktur: Path,
                        konzept: Konzept, ident: str) -> list[Problem]:
    out = []
    m = _SID_IN_NAME.search(antworten.name)
    if m and structure.sid and m[1] != structure.sid:
        out.append(Problem(
            "IK913", Severity.ERROR, f"Die Antworten stammen aus Umfrage {m[1]}, die Struktur "
            f"„{struktur.name}“ aus Umfrage {structure.sid}", Location(antworten.name, 1, 1),
            "Exportieren Sie Antworten und Umfragestruktur aus derselben Umfrage.", "befragung"))
    known = konzept.befragungen.get(ident)
    if known is not None and known.umfrage and structure.sid and known.umfrage != structure.sid:
        out.append(Problem(
            "IK913", Severity.ERROR, f"Befragung „{ident}“ ist Umfrage {known.umfrage}, die "
            f"Struktur „{struktur.name}“ gehört zu Umfrage {structure.sid}",
            Location(struktur.name, 1, 1), "Wählen Sie die passende --id oder Struktur.",
            "befragung"))
    return out


def befragung_values(structure: Structure, result: Result) -> dict[str, Any]:
    return {"instrument": "LimeSurvey", "ruecklauf": result.complete,
            "unvollstaendig": result.incomplete, "umfrage": structure.sid,
            "fragen": as_yaml(result.fragen)}


def as_yaml(fragen: list[dict[str, Any]]) -> Any:
    """The questions as block mappings, each option on one line (``{code: A1, …}``)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    def options(items: list[dict[str, Any]]) -> Any:
        seq = CommentedSeq()
        for item in items:
            m = CommentedMap(item)
            m.fa.set_flow_style()
            seq.append(m)
        return seq

    out = CommentedSeq()
    for frage in fragen:
        m = CommentedMap()
        for key, value in frage.items():
            if key == "optionen":
                m[key] = options(value)
            elif key == "teilfragen":
                teile = CommentedSeq()
                for teil in value:
                    t = CommentedMap((k, options(v) if k == "optionen" else v)
                                     for k, v in teil.items())
                    teile.append(t)
                m[key] = teile
            else:
                m[key] = value
        out.append(m)
    return out


def _target(konzept: Konzept, datei: str | None) -> str:
    if datei:
        return datei
    for registry in (konzept.befragungen, konzept.veranstaltungen, konzept.arbeitsgruppen):
        for entry in registry.values():
            src = source_of(entry)
            if src is not None:
                return str(src[0])
    return "konzept.yaml"


def run_survey_import(path: Path, antworten: Path, struktur: Path, ident: str,
                      datei: str | None = None) -> tuple[str, list[Problem], bool]:
    """Import one survey into the concept at ``path``: (text, problems, written?).

    Nothing is written when there are problems; the caller validates what was written.
    """
    if not re.match(ID_PATTERN, ident):
        raise SourceError(f"--id „{ident}“ ist keine gültige ID (Buchstaben, Ziffern, „-“)")
    konzept = load_checked(path)
    other = konzept.ids.get(ident)
    if other is not None and other[0] != "befragung":
        raise SourceError(f"--id „{ident}“ ist schon vergeben ({other[1]})")
    structure = read_structure(struktur)
    headings, rows = read_responses(antworten)
    result, problems = evaluate(structure, headings, rows, antworten.name)
    problems = _survey_id_problems(structure, antworten, struktur, konzept, ident) + problems
    if problems:
        return (f"Nichts geschrieben: {len(problems)} Fehler in den Dateien der Befragung.",
                problems, False)
    values = befragung_values(structure, result)
    existing = konzept.befragungen.get(ident)
    src = source_of(existing) if existing is not None else None
    rel = str(src[0]) if src is not None else _target(konzept, datei)
    if not (path / rel).is_file():
        raise SourceError(f"--datei „{rel}“: Datei nicht gefunden im Konzeptordner")
    yf = YamlFile(path / rel, rel)
    from ..model.items import Befragung

    order = list(Befragung.model_fields)
    entry = yf.find("befragungen", ident)
    if entry is None:
        from ruamel.yaml.comments import CommentedMap

        entry = CommentedMap()
        set_path(entry, ("id",), ident, order)
        set_path(entry, ("titel",), structure.title or ident, order)
        yf.append("befragungen", entry)
    for key in _OWNED:
        if key == "instrument" and entry.get("instrument"):
            continue  # keep the author's wording (e.g. "LimeSurvey und Papierfragebogen")
        yf.set(entry, (key,), values[key], order)
    yf.changed = True
    write_texts(path, {rel: yf.dump()})
    return (f"Befragung „{ident}“ in {rel}: {result.complete} vollständige Antworten"
            f" ({result.incomplete} unvollständige nicht ausgewertet), "
            f"{len(result.fragen)} Fragen.", [], True)
