"""Counting a LimeSurvey response export against its structure (pure apart from reading).

Headings are question codes (``Q1``, ``Q1[SQ001]``, ``Q1[other]``, ``Q1[SQ001comment]``),
values answer codes. Complete responses (with ``submitdate``) are evaluated; incomplete
ones only counted. Free texts are counted, never copied: they may hold personal data.
"""

from __future__ import annotations

import csv
import io
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import SourceError
from ..problems import Location, Problem, Severity
from .limesurvey import Question, Structure
from .reader import decode, sniff_dialect

META_COLUMNS = frozenset({
    "id", "submitdate", "lastpage", "startlanguage", "seed", "token", "startdate",
    "datestamp", "ipaddr", "refurl", "interviewtime"})
_HEADING = re.compile(r"^(?P<code>[A-Za-z][A-Za-z0-9_]*?)"
                      r"(?:_C(?P<suffix>other|comment))?(?:\[(?P<sub>[^\]]*)\])?(?:\[.*\])?$")
_TIMING = re.compile(r"(?:^groupTime\d+$|Time$)")
_COMMENT = re.compile(r"(comment|other)$")


@dataclass
class Result:
    """The counts of one survey, ready to be recorded under ``befragungen``."""

    complete: int
    incomplete: int
    fragen: list[dict[str, Any]] = field(default_factory=list)


def _problem(code: str, msg: str, loc: Location, hint: str = "") -> Problem:
    return Problem(code, Severity.ERROR, msg, loc, hint, "befragung")


def read_responses(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Headings and (line, values) rows of a response CSV (any separator, BOM or not)."""
    if not path.is_file():
        raise SourceError(f"Antworten „{path}“ nicht gefunden")
    text = decode(path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""), sniff_dialect(text))
    headings = [h.strip() for h in next(reader, [])]
    if not headings:
        raise SourceError(f"„{path.name}“ ist leer")
    rows = []
    line = reader.line_num
    for values in reader:
        start = line + 1
        line = reader.line_num
        if any(v.strip() for v in values):
            rows.append((start, values))
    return headings, rows


def _split(heading: str) -> tuple[str, str | None]:
    """(question code, sub part) of a heading; sub is ``SQ001``, ``other``, ``SQ001comment``."""
    m = _HEADING.match(heading)
    if not m:
        return heading, None
    if m["suffix"]:
        return m["code"], m["suffix"]
    return m["code"], m["sub"]


def evaluate(structure: Structure, headings: list[str], rows: list[tuple[int, list[str]]],
             name: str) -> tuple[Result, list[Problem]]:
    """Count every question; problems name file, line and column heading."""
    problems: list[Problem] = []
    by_code = structure.by_code()
    columns: dict[str, dict[str | None, int]] = {}
    for i, heading in enumerate(headings):
        if heading.lower() in META_COLUMNS or _TIMING.search(heading):
            continue
        code, sub = _split(heading)
        q = by_code.get(code)
        valid_sub = q is not None and (
            sub is None or sub in ("other", "comment") or _COMMENT.search(sub) is not None
            or sub.split("_")[0] in {c for c, _ in q.subquestions} or q.kind == "freitext")
        if not valid_sub:
            problems.append(_problem(
                "IK911", f"Spalte „{heading}“ ist nicht in der Umfragestruktur",
                Location(name, 1, i + 1),
                "Antworten und Struktur müssen aus derselben Umfrage stammen; exportieren Sie "
                "die Antworten mit „Fragecode“ als Überschrift."))
            continue
        columns.setdefault(code, {})[sub] = i
    submit = headings.index("submitdate") if "submitdate" in headings else None
    complete = [(line, v) for line, v in rows if submit is None or
                (submit < len(v) and v[submit].strip())]
    result = Result(len(complete), len(rows) - len(complete))
    for q in structure.questions:
        cols = columns.get(q.code)
        if cols:
            result.fragen.append(_count(q, cols, complete, headings, name, problems))
    return result, problems


def _num(value: float) -> int | float:
    value = round(value, 2)
    return int(value) if value.is_integer() else value


def _cell(values: list[str], i: int) -> str:
    return values[i].strip() if i < len(values) else ""


def _bad(name: str, line: int, heading: str, value: str, q: Question) -> Problem:
    codes = ", ".join(c for c, _ in q.answers) or "Y oder leer"
    return _problem("IK912", f"Spalte „{heading}“: Antwortcode „{value}“ ist in der Struktur "
                    f"nicht definiert (erlaubt: {codes})", Location(name, line, 0),
                    "Exportieren Sie die Antworten als „Antwortcodes“, nicht als Volltext.")


def _options(q: Question, counts: dict[str, int]) -> list[dict[str, Any]]:
    return [{"code": c, "text": t or c, "anzahl": counts.get(c, 0)} for c, t in q.answers]


def _count_codes(rows: list[tuple[int, list[str]]], col: int, allowed: set[str], name: str,
                 headings: list[str], q: Question, problems: list[Problem]
                 ) -> tuple[dict[str, int], set[int]]:
    """Answers per code in column ``col`` and the lines that gave a valid one; an
    undefined code is a problem (IK912) and not counted."""
    counts: dict[str, int] = {}
    answered: set[int] = set()
    for line, values in rows:
        value = _cell(values, col)
        if not value:
            continue
        if value not in allowed:
            problems.append(_bad(name, line, headings[col], value, q))
            continue
        counts[value] = counts.get(value, 0) + 1
        answered.add(line)
    return counts, answered


def _count(q: Question, cols: dict[str | None, int], rows: list[tuple[int, list[str]]],
           headings: list[str], name: str, problems: list[Problem]) -> dict[str, Any]:
    base: dict[str, Any] = {"code": q.code, "text": q.text or q.code, "typ": q.kind}
    n = len(rows)
    main = cols.get(None)
    if q.kind in ("einfach", "janein") and main is not None:
        allowed = {c for c, _ in q.answers} | ({"-oth-"} if q.other else set())
        counts, _lines = _count_codes(rows, main, allowed, name, headings, q, problems)
        options = _options(q, counts)
        if q.other:
            options.append({"code": "-oth-", "text": "Sonstiges", "anzahl": counts.get("-oth-", 0)})
        return {**base, "gueltig": sum(counts.values()), "gesamt": n, "optionen": options}
    if q.kind == "mehrfach":
        counts = {}
        answered = 0
        for line, values in rows:
            any_yes = False
            for code, _text in q.subquestions:
                i = cols.get(code)
                if i is None:
                    continue
                value = _cell(values, i)
                if value in ("Y", "1"):
                    counts[code] = counts.get(code, 0) + 1
                    any_yes = True
                elif value not in ("", "N"):
                    problems.append(_problem(
                        "IK912", f"Spalte „{headings[i]}“: erwartet „Y“ oder leer, gefunden "
                        f"„{value}“", Location(name, line, 0)))
            other = cols.get("other")
            if other is not None and _cell(values, other):
                counts["-oth-"] = counts.get("-oth-", 0) + 1
                any_yes = True
            answered += any_yes
        options = [{"code": c, "text": t or c, "anzahl": counts.get(c, 0)}
                   for c, t in q.subquestions]
        if "other" in cols:
            options.append({"code": "-oth-", "text": "Sonstiges", "anzahl": counts.get("-oth-", 0)})
        return {**base, "gueltig": answered, "gesamt": n, "optionen": options}
    if q.kind == "matrix":
        allowed = {c for c, _ in q.answers}
        teile = []
        answered_rows: set[int] = set()
        for code, text in q.subquestions:
            i = cols.get(code)
            if i is None:
                continue
            counts, lines = _count_codes(rows, i, allowed, name, headings, q, problems)
            answered_rows |= lines
            teile.append({"code": code, "text": text or code, "gueltig": sum(counts.values()),
                          "optionen": _options(q, counts)})
        return {**base, "gueltig": len(answered_rows), "gesamt": n, "teilfragen": teile}
    if q.kind == "zahl" and main is not None:
        numbers = []
        for line, values in rows:
            value = _cell(values, main)
            if not value:
                continue
            try:
                numbers.append(float(value.replace(",", ".")))
            except ValueError:
                problems.append(_problem(
                    "IK912", f"Spalte „{headings[main]}“: erwartet eine Zahl, gefunden "
                    f"„{value}“", Location(name, line, 0)))
        out = {**base, "gueltig": len(numbers), "gesamt": n}
        if numbers:
            out["mittelwert"] = _num(statistics.fmean(numbers))
            out["median"] = _num(float(statistics.median(numbers)))
        return out
    # free text and everything else: count who answered, never copy what they wrote
    answered = sum(1 for _line, values in rows
                   if any(_cell(values, i) for i in cols.values()))
    return {**base, "typ": "freitext", "gueltig": answered, "gesamt": n}
