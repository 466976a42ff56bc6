"""LimeSurvey files: the survey structure (.lss) and the response export (CSV).

The .lss is XML mirroring LimeSurvey's tables. Before database version 400 every row
of ``questions``/``subquestions``/``answers`` carries its text and language; from
LimeSurvey 4 on (DBVersion ≥ 400) the texts live in ``question_l10ns`` and
``answer_l10ns``, joined by ``qid`` and ``aid``. Only the first survey language is read.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as parse_xml

from ..errors import SourceError

MAX_LSS_BYTES = 50 * 1024 * 1024
_TAG = re.compile(r"<[^>]+>")

# LimeSurvey question type letters -> kind of evaluation.
TYPES: dict[str, str] = {
    "L": "einfach", "!": "einfach", "O": "einfach", "5": "einfach", "G": "einfach",
    "M": "mehrfach", "P": "mehrfach",
    "F": "matrix", "A": "matrix", "B": "matrix", "C": "matrix", "E": "matrix", "H": "matrix",
    "Y": "janein",
    "N": "zahl",
    "S": "freitext", "T": "freitext", "U": "freitext", "Q": "freitext", "D": "freitext",
    "K": "freitext", ";": "freitext", ":": "freitext", "R": "freitext", "1": "freitext",
    "|": "freitext",
}
# Types without answer rows in the .lss: the codes LimeSurvey uses for them.
FIXED_ANSWERS: dict[str, list[tuple[str, str]]] = {
    "5": [(str(i), str(i)) for i in range(1, 6)],
    "A": [(str(i), str(i)) for i in range(1, 6)],
    "B": [(str(i), str(i)) for i in range(1, 11)],
    "C": [("Y", "Ja"), ("U", "Unsicher"), ("N", "Nein")],
    "E": [("I", "Mehr"), ("S", "Gleich"), ("D", "Weniger")],
    "G": [("F", "weiblich"), ("M", "männlich")],
    "Y": [("Y", "Ja"), ("N", "Nein")],
}
SKIPPED_TYPES = frozenset({"X", "*"})  # text display and equation: no answers


@dataclass
class Question:
    qid: str
    code: str
    type: str
    text: str
    order: tuple[int, int]
    subquestions: list[tuple[str, str]] = field(default_factory=list)  # (code, text)
    answers: list[tuple[str, str]] = field(default_factory=list)  # (code, text), scale 0
    other: bool = False

    @property
    def kind(self) -> str:
        return TYPES.get(self.type, "freitext")


@dataclass
class Structure:
    """The questions of one survey, in survey order."""

    sid: str
    title: str
    language: str
    db_version: int
    questions: list[Question]

    def by_code(self) -> dict[str, Question]:
        return {q.code: q for q in self.questions}


def plain(text: str) -> str:
    """Question text without HTML tags and surplus white space."""
    import html

    return " ".join(html.unescape(_TAG.sub(" ", text)).split())


def _rows(root: ET.Element, table: str) -> list[dict[str, str]]:
    out = []
    for row in root.findall(f"./{table}/rows/row"):
        out.append({child.tag: (child.text or "") for child in row})
    return out


def _int(text: str, default: int = 0) -> int:
    try:
        return int(text)
    except ValueError:
        return default


def read_structure(path: Path) -> Structure:
    """Parse a .lss file; raises :class:`SourceError` with a German message."""
    if not path.is_file():
        raise SourceError(f"Umfragestruktur „{path}“ nicht gefunden")
    raw = path.read_bytes()
    if len(raw) > MAX_LSS_BYTES:
        raise SourceError(f"„{path.name}“ ist zu groß für eine Umfragestruktur")
    try:  # defusedxml: no document type, no entities, wherever they stand and encoded
        root: ET.Element = parse_xml(raw, forbid_dtd=True)
    except DefusedXmlException:
        raise SourceError(f"„{path.name}“: Dokumenttyp- und Entity-Angaben sind nicht erlaubt "
                          "(erwartet die .lss-Datei, wie LimeSurvey sie exportiert)") from None
    except ET.ParseError as exc:
        line = exc.position[0]
        raise SourceError(f"{path.name}: Zeile {line}: keine gültige XML-Datei "
                          "(erwartet die .lss-Datei aus LimeSurvey)") from None
    if root.tag != "document" or root.findtext("LimeSurveyDocType") not in ("Survey", None):
        raise SourceError(f"„{path.name}“ ist keine Umfragestruktur aus LimeSurvey "
                          "(Export „Umfragestruktur (.lss)“)")
    version = _int(root.findtext("DBVersion") or "0")
    languages = [e.text or "" for e in root.findall("./languages/language")]
    surveys = _rows(root, "surveys")
    sid = surveys[0].get("sid", "") if surveys else ""
    language = (surveys[0].get("language") if surveys else None) or \
        (languages[0] if languages else "")
    titles = [r for r in _rows(root, "surveys_languagesettings")
              if r.get("surveyls_language") == language] or \
        _rows(root, "surveys_languagesettings")
    title = plain(titles[0].get("surveyls_title", "")) if titles else ""
    questions = _questions(root, language, version)
    if not questions:
        raise SourceError(f"„{path.name}“ enthält keine Fragen")
    return Structure(sid, title, language, version, questions)


def _lang_ok(row: dict[str, str], language: str) -> bool:
    return not row.get("language") or row.get("language") == language


def _questions(root: ET.Element, language: str, version: int) -> list[Question]:
    groups = {r.get("gid", ""): _int(r.get("group_order", "0")) for r in _rows(root, "groups")}
    texts = {r.get("qid", ""): r.get("question", "") for r in _rows(root, "question_l10ns")
             if _lang_ok(r, language)}
    rows = [r for r in _rows(root, "questions") + _rows(root, "subquestions")
            if _lang_ok(r, language)]
    tops: dict[str, Question] = {}
    subs: list[dict[str, str]] = []
    for r in rows:
        if r.get("parent_qid", "0") not in ("", "0"):
            subs.append(r)
            continue
        qid = r.get("qid", "")
        if qid in tops or r.get("type") in SKIPPED_TYPES:
            continue
        tops[qid] = Question(
            qid, r.get("title", ""), r.get("type", ""),
            plain(texts.get(qid, r.get("question", ""))),
            (groups.get(r.get("gid", ""), 0), _int(r.get("question_order", "0"))),
            other=r.get("other") == "Y")
    sub_rows = sorted(subs, key=lambda r: _int(r.get("question_order", "0")))
    seen: set[tuple[str, str]] = set()
    for r in sub_rows:
        parent = tops.get(r.get("parent_qid", ""))
        key = (r.get("parent_qid", ""), r.get("title", ""))
        if parent is None or key in seen or r.get("scale_id", "0") not in ("", "0"):
            continue
        seen.add(key)
        parent.subquestions.append(
            (r.get("title", ""), plain(texts.get(r.get("qid", ""), r.get("question", "")))))
    _answers(root, tops, language)
    for q in tops.values():
        if not q.answers and q.type in FIXED_ANSWERS:
            q.answers = list(FIXED_ANSWERS[q.type])
    return sorted(tops.values(), key=lambda q: q.order)


def _answers(root: ET.Element, tops: dict[str, Question], language: str) -> None:
    l10n = {r.get("aid", ""): r.get("answer", "") for r in _rows(root, "answer_l10ns")
            if _lang_ok(r, language)}
    rows = sorted((r for r in _rows(root, "answers") if _lang_ok(r, language)),
                  key=lambda r: _int(r.get("sortorder", "0")))
    seen: set[tuple[str, str]] = set()
    for r in rows:
        q = tops.get(r.get("qid", ""))
        key = (r.get("qid", ""), r.get("code", ""))
        if q is None or key in seen or r.get("scale_id", "0") not in ("", "0"):
            continue
        seen.add(key)
        text = r.get("answer") or l10n.get(r.get("aid", ""), "") or r.get("code", "")
        q.answers.append((r.get("code", ""), plain(text)))
