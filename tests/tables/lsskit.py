"""Writing LimeSurvey structure files (.lss) of the old and the new format, and responses.

The layout follows LimeSurvey's own exports: before DBVersion 400 texts sit in the rows
of ``questions``, ``subquestions`` and ``answers`` (with a ``language``); from 400 on in
``question_l10ns`` and ``answer_l10ns`` joined by ``qid`` and ``aid``.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape


@dataclass
class Q:
    code: str
    type: str
    text: str
    subs: list[tuple[str, str]] = field(default_factory=list)
    answers: list[tuple[str, str]] = field(default_factory=list)
    other: bool = False


def _cdata(value: object) -> str:
    return f"<![CDATA[{value}]]>"


def _table(name: str, fields: list[str], rows: list[dict[str, object]]) -> str:
    out = [f" <{name}>", "  <fields>"]
    out += [f"   <fieldname>{f}</fieldname>" for f in fields]
    out += ["  </fields>", "  <rows>"]
    for row in rows:
        out.append("   <row>")
        for f in fields:
            if f in row:
                out.append(f"    <{f}>{_cdata(row[f])}</{f}>")
        out.append("   </row>")
    out += ["  </rows>", f" </{name}>"]
    return "\n".join(out)


def lss(sid: int, title: str, questions: list[Q], new: bool, language: str = "de") -> str:
    """The .lss text of a one-group survey; ``new`` selects DBVersion 600 over 366."""
    qrows, srows, arows, ql10n, al10n = [], [], [], [], []
    qid, aid = 100, 1000
    for order, q in enumerate(questions, start=1):
        qid += 1
        parent = qid
        row: dict[str, object] = {"qid": parent, "parent_qid": 0, "sid": sid, "gid": 10,
                                  "type": q.type, "title": q.code,
                                  "other": "Y" if q.other else "N", "mandatory": "N",
                                  "question_order": order, "scale_id": 0, "relevance": 1}
        if new:
            ql10n.append({"id": len(ql10n) + 1, "qid": parent, "question": q.text, "help": "",
                          "language": language})
        else:
            row.update(question=q.text, help="", language=language)
        qrows.append(row)
        for sorder, (code, text) in enumerate(q.subs, start=1):
            qid += 1
            sub: dict[str, object] = {"qid": qid, "parent_qid": parent, "sid": sid, "gid": 10,
                                      "type": "T", "title": code, "question_order": sorder,
                                      "scale_id": 0, "relevance": 1}
            if new:
                ql10n.append({"id": len(ql10n) + 1, "qid": qid, "question": text,
                              "language": language})
            else:
                sub.update(question=text, language=language)
            srows.append(sub)
        for sorder, (code, text) in enumerate(q.answers, start=1):
            aid += 1
            ans: dict[str, object] = {"qid": parent, "code": code, "sortorder": sorder,
                                      "assessment_value": 0, "scale_id": 0}
            if new:
                ans["aid"] = aid
                al10n.append({"id": len(al10n) + 1, "aid": aid, "answer": text,
                              "language": language})
            else:
                ans.update(answer=text, language=language)
            arows.append(ans)
    qfields = ["qid", "parent_qid", "sid", "gid", "type", "title", "other", "mandatory",
               "question_order", "scale_id", "relevance"]
    if not new:
        qfields[6:6] = ["question", "help"]
        qfields.append("language")
    afields = (["aid", "qid", "code", "sortorder", "assessment_value", "scale_id"] if new else
               ["qid", "code", "answer", "sortorder", "assessment_value", "language", "scale_id"])
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', "<document>",
             " <LimeSurveyDocType>Survey</LimeSurveyDocType>",
             f" <DBVersion>{600 if new else 366}</DBVersion>",
             f" <languages>\n  <language>{language}</language>\n </languages>",
             _table("answers", afields, arows)]
    if new:
        parts.append(_table("answer_l10ns", ["id", "aid", "answer", "language"], al10n))
    parts.append(_table("groups", ["gid", "sid", "group_order", "randomization_group",
                                   "grelevance"] + ([] if new else ["group_name", "language"]),
                        [{"gid": 10, "sid": sid, "group_order": 1, "group_name": "Fragen",
                          "language": language}]))
    parts.append(_table("questions", qfields, qrows))
    parts.append(_table("subquestions", qfields, srows))
    if new:
        parts.append(_table("question_l10ns", ["id", "qid", "question", "help", "language"],
                            ql10n))
    parts.append(_table("surveys", ["sid", "admin", "language", "additional_languages",
                                    "datestamp", "anonymized"],
                        [{"sid": sid, "admin": "Administrator", "language": language,
                          "additional_languages": "", "datestamp": "N", "anonymized": "Y"}]))
    parts.append(_table("surveys_languagesettings",
                        ["surveyls_survey_id", "surveyls_language", "surveyls_title"],
                        [{"surveyls_survey_id": sid, "surveyls_language": language,
                          "surveyls_title": escape(title)}]))
    parts.append("</document>\n")
    return "\n".join(parts)


def headings(questions: list[Q]) -> list[str]:
    out = ["id", "submitdate", "lastpage", "startlanguage", "seed"]
    for q in questions:
        if q.type in ("X", "*"):
            continue  # text display and equations have no answer column
        if q.type in ("M", "P", "F", "A", "B", "C", "E", "H"):
            out += [f"{q.code}[{code}]" for code, _ in q.subs]
            if q.other:
                out.append(f"{q.code}[other]")
        else:
            out.append(q.code)
            if q.other:
                out.append(f"{q.code}[other]")
    return out


def write_responses(path: Path, questions: list[Q], rows: list[dict[str, str]],
                    delimiter: str = ",") -> Path:
    """A response export as LimeSurvey writes it: UTF-8 with BOM, every field quoted."""
    heads = headings(questions)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter, quoting=csv.QUOTE_ALL)
        writer.writerow(heads)
        for i, row in enumerate(rows, start=1):
            full = {"id": str(i), "lastpage": "1", "startlanguage": "de", "seed": str(i * 7919)}
            full.update(row)
            writer.writerow([full.get(h, "") for h in heads])
    return path


def random_rows(questions: list[Q], n: int, incomplete: int, seed: int,
                texts: list[str]) -> list[dict[str, str]]:
    """``n`` complete and ``incomplete`` broken-off responses with plausible answers."""
    rnd = random.Random(seed)
    rows = []
    for i in range(n + incomplete):
        row: dict[str, str] = {}
        if i < n:
            row["submitdate"] = f"2023-07-{1 + i % 28:02d} 10:{i % 60:02d}:00"
        for q in questions:
            if rnd.random() < 0.08:
                continue  # not answered
            if q.type in ("L", "!", "Y", "5", "G"):
                codes = [c for c, _ in q.answers] or ["Y", "N"]
                row[q.code] = rnd.choices(codes, weights=range(len(codes), 0, -1))[0]
            elif q.type == "M":
                for code, _ in q.subs:
                    row[f"{q.code}[{code}]"] = "Y" if rnd.random() < 0.45 else ""
                if q.other and rnd.random() < 0.1:
                    row[f"{q.code}[other]"] = rnd.choice(texts)
            elif q.type in ("F", "A", "B", "C", "E", "H"):
                codes = [c for c, _ in q.answers]
                for code, _ in q.subs:
                    row[f"{q.code}[{code}]"] = rnd.choice(codes)
            elif q.type == "N":
                row[q.code] = str(rnd.choice([0, 0, 1, 1, 1, 2, 2, 3]))
            else:
                row[q.code] = rnd.choice(texts)
        rows.append(row)
    return rows
