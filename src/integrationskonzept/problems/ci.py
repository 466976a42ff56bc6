"""Problems for CI systems: GitHub workflow annotations and SARIF 2.1.0 for code scanning.

``ik validate --format github`` prints one ``::error …::`` line per problem, which
GitHub Actions shows at the line in the pull request; ``--format sarif`` writes a
SARIF log that GitHub code scanning (and other tools) read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from urllib.parse import quote

from ..checks import all_checks
from . import Problem, Severity

# The problems the reader and loader report themselves (not checks): code -> (name, text).
STRUCTURAL_CODES: dict[str, tuple[str, str]] = {
    "IK001": ("yaml-syntax", "YAML-Syntaxfehler: die Datei lässt sich nicht lesen."),
    "IK002": ("kodierung", "Die Datei ist nicht UTF-8-kodiert."),
    "IK003": ("zeichen", "Tabulator oder unzulässiges Steuerzeichen in der Datei."),
    "IK004": ("groesse", "Datei zu groß oder zu tief verschachtelt."),
    "IK005": ("anker", "YAML-Anker, Verweise und „<<“ sind nicht erlaubt."),
    "IK006": ("typangabe", "Typangaben mit „!“ sind nicht erlaubt."),
    "IK007": ("doppelter-schluessel", "Ein Schlüssel kommt in einer Zuordnung doppelt vor."),
    "IK008": ("dateiinhalt", "Die Datei ist leer oder besteht nicht aus Schlüsseln."),
    "IK009": ("dateiendung", "Eine Datei wird nicht gelesen, weil sie nicht auf .yaml endet."),
    "IK010": ("konzeptordner", "Der Konzeptordner oder seine konzept.yaml fehlt."),
    "IK101": ("unbekannter-schluessel", "Unbekannter Schlüssel."),
    "IK102": ("pflichtfeld", "Ein Pflichtfeld fehlt."),
    "IK103": ("falscher-wert", "Ein Wert hat nicht die erwartete Form."),
    "IK104": ("erlaubte-werte", "Ein Wert ist nicht aus der Liste der erlaubten Werte."),
    "IK105": ("handlungsfeld-fehlt", "Ausgangslage oder Leitziel ohne Handlungsfeld der Datei."),
    "IK106": ("handlungsfeld-doppelt", "Ausgangslage und Leitziel eines Handlungsfelds stehen "
              "in zwei Dateien."),
    "IK107": ("pruefungen", "Unbekannte Prüfung in „pruefungen“ der konzept.yaml."),
    "IK201": ("ids", "Eine ID ist im Konzept doppelt vergeben."),
    "IK801": ("tabelle-spalte", "Eine Spalte oder ein Blatt der Tabelle ist unbekannt, oder die "
              "Spalte „id“ fehlt (`ik tabelle import`)."),
    "IK802": ("tabelle-wert", "Ein Zellwert passt nicht zur Spalte (Datum, Zahl, erlaubte Werte)."),
    "IK803": ("tabelle-verweis", "Eine Zelle nennt eine ID, die es im Konzept nicht gibt."),
    "IK804": ("tabelle-id", "Eine Zeile hat keine, eine ungültige oder eine doppelte id."),
    "IK805": ("tabelle-pflichtfeld", "Ein Pflichtfeld ist in der Tabelle leer oder fehlt."),
    "IK806": ("tabelle-zieldatei", "Für eine neue Zeile ist keine Datei bekannt (--datei angeben)."),
    "IK807": ("tabelle-ganze-datei", "Eine geänderte Datei wird als Ganzes neu geschrieben "
              "(Liste in Kurzform oder neue Liste), nicht nur die geänderten Einträge."),
    "IK808": ("tabelle-zeile-fehlt", "Ein Eintrag der Quellen fehlt in der Tabelle (gelöscht nur "
              "mit --loeschen)."),
    "IK811": ("befragung-spalte", "Eine Spalte der Antworten gehört zu keiner Frage der "
              "Umfragestruktur (`ik befragung import`)."),
    "IK812": ("befragung-antwortcode", "Ein Antwortcode ist in der Umfragestruktur nicht "
              "definiert."),
    "IK813": ("befragung-umfrage", "Antworten, Struktur und Befragung stammen aus "
              "verschiedenen Umfragen."),
    "IK401": ("markdown-datei", "Eine Markdown-Datei fehlt oder liegt außerhalb des "
              "Konzeptordners."),
}

GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def escape_data(text: str) -> str:
    """Escape the message part of a workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (file, title) of a workflow command."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _message(p: Problem) -> str:
    return p.message + (f"\nHinweis: {p.hint}" if p.hint else "")


def format_github(problems: Iterable[Problem], prefix: str = "") -> str:
    """One GitHub Actions annotation per problem (``::error file=…,line=…::…``)."""
    lines = []
    for p in problems:
        props = []
        if p.location.file:
            props.append(f"file={escape_property(prefix + p.location.file)}")
        if p.location.line:
            props.append(f"line={p.location.line}")
            if p.location.column:
                props.append(f"col={p.location.column}")
        props.append(f"title={escape_property(p.code)}")
        lines.append(f"::{GITHUB_LEVEL[p.severity]} {','.join(props)}::"
                     f"{escape_data(_message(p))}")
    return "\n".join(lines)


def _rule(code: str, name: str, doc: str, level: Severity | None) -> dict[str, object]:
    short = doc.strip().splitlines()[0] if doc.strip() else name
    rule: dict[str, object] = {
        "id": code,
        "name": name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": doc.strip() or short},
        "help": {"text": doc.strip() or short},
    }
    if level is not None:
        rule["defaultConfiguration"] = {"level": SARIF_LEVEL[level]}
    return rule


def sarif_rules() -> list[dict[str, object]]:
    """Every code ik can report: the loader's structural codes and the checks."""
    rules = [_rule(code, name, text, Severity.ERROR)
             for code, (name, text) in STRUCTURAL_CODES.items()]
    rules += [_rule(c.code, c.name, c.doc, c.severity) for c in all_checks()]
    return sorted(rules, key=lambda r: str(r["id"]))


def _uri(prefix: str, file: str) -> str:
    return quote((prefix + file).replace("\\", "/"), safe="/")


def _location(prefix: str, file: str, line: int, column: int) -> dict[str, object]:
    physical: dict[str, object] = {"artifactLocation": {"uri": _uri(prefix, file)}}
    if line > 0:
        region: dict[str, int] = {"startLine": line}
        if column > 0:
            region["startColumn"] = column
        physical["region"] = region
    return {"physicalLocation": physical}


def sarif_log(problems: Iterable[Problem], prefix: str = "",
              tool_version: str = "") -> dict[str, object]:
    """The SARIF 2.1.0 log as a dict (one run of ik)."""
    rules = sarif_rules()
    index = {str(r["id"]): i for i, r in enumerate(rules)}
    results = []
    for p in problems:
        if p.code not in index:  # a code added later: describe it from the problem
            index[p.code] = len(rules)
            rules.append(_rule(p.code, p.rule or p.code, p.message, None))
        result: dict[str, object] = {
            "ruleId": p.code,
            "ruleIndex": index[p.code],
            "level": SARIF_LEVEL[p.severity],
            "message": {"text": _message(p)},
        }
        if p.location.file:
            result["locations"] = [_location(prefix, p.location.file, p.location.line,
                                             p.location.column)]
        related = [dict(_location(prefix, r.file, r.line, r.column), id=i)
                   for i, r in enumerate(p.related) if r.file]
        if related:
            result["relatedLocations"] = related
        results.append(result)
    driver: dict[str, object] = {"name": "ik", "rules": rules}
    if tool_version:
        driver["version"] = tool_version
        driver["semanticVersion"] = tool_version
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def format_sarif(problems: Iterable[Problem], prefix: str = "", tool_version: str = "") -> str:
    """The SARIF 2.1.0 log as JSON text."""
    return json.dumps(sarif_log(problems, prefix, tool_version), ensure_ascii=False, indent=2)
