"""Problems for CI systems: GitHub workflow annotations and SARIF 2.1.0 for code scanning.

``ik validate --format github`` prints one ``::error …::`` line per problem, which
GitHub Actions shows at the line in the pull request; ``--format sarif`` writes a
SARIF log that GitHub code scanning (and other tools) read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from urllib.parse import quote

from ..text.terminal import json_visible, visible
from . import Problem, Severity
from .codes import Code

GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def escape_data(text: str) -> str:
    """Escape the message part of a workflow command (control characters made visible)."""
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


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


def sarif_rules(codes: Sequence[Code]) -> list[dict[str, object]]:
    """The SARIF rules for the registered codes (``checks.all_codes()``)."""
    rules = [_rule(c.code, c.name, c.doc, c.severity) for c in codes]
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


def sarif_log(problems: Iterable[Problem], prefix: str = "", tool_version: str = "",
              codes: Sequence[Code] = ()) -> dict[str, object]:
    """The SARIF 2.1.0 log as a dict (one run of ik); ``codes`` describe the rules."""
    rules = sarif_rules(codes)
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


def format_sarif(problems: Iterable[Problem], prefix: str = "", tool_version: str = "",
                 codes: Sequence[Code] = ()) -> str:
    """The SARIF 2.1.0 log as JSON text."""
    log = sarif_log(problems, prefix, tool_version, codes)
    return json_visible(json.dumps(log, ensure_ascii=False, indent=2))
