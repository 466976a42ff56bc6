"""Safe, bounded YAML reading into plain containers that remember positions.

Files in a concept folder come from other people, so reading them must never
construct objects, follow anchors or explode in size. We let libyaml (or PyYAML's
pure-Python parser when libyaml is missing) produce *events* and build the
containers ourselves with an explicit stack: no recursion (deep nesting cannot
crash the interpreter), no aliases, no merge keys, no custom tags, duplicate keys
are found, and every mapping records the line and column of its keys and values.

Scalars are never coerced the YAML 1.1 way: a plain scalar stays the text the
author typed (``NO``, ``12:30``, ``01067``, ``3.10``, ``2017-08-17``), only the
empty value, ``~`` and ``null`` become ``None``. The model decides what a text
means where a number, date or truth value is expected.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any

from ..problems import Problem
from . import fastyaml, parsecache
from .containers import YList as YList
from .containers import YMap as YMap
from .files import Unreadable, read_regular
from .gcpause import gc_paused
from .yamlsyntax import syntax_problem, yaml_problem

MAX_FILE_BYTES = 8 * 1024 * 1024
BOM = b"\xef\xbb\xbf"  # what "utf-8-sig" leaves out
MAX_DEPTH = 64

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_ALLOWED_TAGS = frozenset({"tag:yaml.org,2002:str", "!", "tag:yaml.org,2002:null"})
_CONTAINER_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f\ufffe\uffff]")


# In parsed values: control characters an escape in a double-quoted scalar can produce
# (tab and newline stay allowed, as in Markdown; raw ones are refused per file).
_VALUE_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")


def locate(node: Any, loc: tuple[Any, ...], key_position: bool = False) -> tuple[int, int]:
    """Line and column of the value at ``loc`` inside a YMap/YList tree."""
    if loc == ("id",) and not key_position:  # an entry's id: from the text if it can tell
        found = fastyaml.id_position(node)
        if found is not None:
            return found
    line, col = getattr(node, "line", 0), getattr(node, "column", 0)
    for i, step in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, YMap) and isinstance(step, str) and step in node.pos:
            kl, kc, vl, vc = node.pos[step]
            line, col = (kl, kc) if (last and key_position) else (vl, vc)
            node = node[step]
        elif isinstance(node, YList) and isinstance(step, int) and step < len(node.pos):
            line, col = node.pos[step]
            node = node[step]
        elif isinstance(node, YMap) and step == "[key]":
            continue
        else:
            break
    return line, col


@dataclass
class YamlFile:
    """A read file: its data (``None`` when unreadable) and the problems found."""

    path: str
    data: Any
    problems: list[Problem]
    # the decoded file, for checks that scan the text (read once); also of a file with
    # problems, when it could be decoded
    text: str = ""


def _yaml() -> Any:
    """PyYAML, imported when the safe reader first runs (the fast reader does without)."""
    import yaml

    return yaml


def have_libyaml() -> bool:
    return (bool(getattr(_yaml(), "__with_libyaml__", False))
            and not os.environ.get("IK_NO_LIBYAML"))



def read_yaml(path: str, rel: str | None = None) -> YamlFile:
    """Read one YAML file safely; problems carry ``rel`` (the path shown to users)."""
    rel = rel or path
    try:
        raw = read_regular(path, MAX_FILE_BYTES)
    except Unreadable as exc:
        return unreadable_file(rel, exc)
    return parse_yaml_bytes(raw, rel)


def unreadable_file(rel: str, exc: Unreadable) -> YamlFile:
    """The file ``rel`` that :func:`read_regular` refused, with the reason as its problem."""
    if exc.too_large:
        return YamlFile(rel, None, [yaml_problem(
            rel, 0, 0, "IK004", exc.reason, "Teilen Sie den Inhalt auf mehrere Dateien auf.")])
    return YamlFile(rel, None, [yaml_problem(rel, 0, 0, "IK001", exc.reason)])


def parse_yaml_bytes(raw: bytes, rel: str, keep: bool = True) -> YamlFile:
    """Decode, check and parse YAML bytes; never raises for bad input. ``keep=False``:
    a file the safe reader parses is not stored in the parse cache (a file of a concept
    read for the first time: see :class:`~integrationskonzept.model.snapshot.Session`)."""
    if len(raw) > MAX_FILE_BYTES:
        return YamlFile(rel, None, [yaml_problem(
            rel, 0, 0, "IK004", "Datei ist zu groß",
            "Teilen Sie den Inhalt auf mehrere Dateien auf.")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = raw[exc.start]
        return YamlFile(rel, None, [yaml_problem(
            rel, line, col, "IK002",
            f"Datei ist nicht UTF-8-kodiert (Byte 0x{byte:02X} an dieser Stelle)",
            "Speichern Sie die Datei als UTF-8 (in Notepad++: Kodierung → UTF-8; in Word-"
            "Exporten „Unicode (UTF-8)“ wählen).")])
    # The fast path takes only files without tabs and control characters (the subset
    # has none), so the scan for them is needed only where it falls back.
    with gc_paused():  # (the bytes are the text's UTF-8: it decoded without an error)
        data = fastyaml.parse(text, rel, MAX_DEPTH, raw[3:] if raw[:3] == BOM else raw)
    if data is not fastyaml.FALLBACK:  # positions come from the safe reader on first use
        return YamlFile(rel, data, [], text)
    problems = _check_characters(text, rel)
    if problems:
        return YamlFile(rel, None, problems, text)
    parser = "libyaml" if have_libyaml() else "python"
    hit, data = parsecache.load(raw, parser)
    if hit:  # the same bytes parsed before without a problem (see parsecache)
        return YamlFile(rel, data, [], text)
    read = parse_yaml_text(text, rel)
    if keep and not read.problems:
        parsecache.store(raw, parser, read.data)
    return read


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _check_characters(text: str, rel: str) -> list[Problem]:
    out = []
    tab = text.find("\t")
    if tab >= 0:
        line, col = _line_col(text, tab)
        more = text.count("\t") - 1
        extra = f" (und {more} weitere)" if more else ""
        out.append(yaml_problem(
            rel, line, col, "IK003", f"Tabulatorzeichen in der Datei{extra}",
            "YAML erlaubt keine Tabulatoren zum Einrücken: ersetzen Sie sie durch Leerzeichen "
            "(im Editor „Tabs in Leerzeichen umwandeln“)."))
    bad = _BAD_CHARS.search(text)
    if bad:
        line, col = _line_col(text, bad.start())
        out.append(yaml_problem(
            rel, line, col, "IK003",
            f"Unzulässiges Steuerzeichen U+{ord(bad.group()):04X} in der Datei",
            "Entfernen Sie das unsichtbare Zeichen (oft beim Kopieren aus PDF oder Word "
            "eingefügt)."))
    return out


def parse_yaml_text(text: str, rel: str) -> YamlFile:
    """Build positioned containers from parser events (see module docstring)."""
    yaml = _yaml()
    loader = yaml.CSafeLoader if have_libyaml() else yaml.SafeLoader
    try:
        with gc_paused():
            data = _build(loader(text), rel)
    except _Stop as stop:
        problem = stop.problem
    except yaml.MarkedYAMLError as exc:
        problem = syntax_problem(exc, rel, text, MAX_DEPTH)
    except yaml.YAMLError as exc:  # reader errors without a mark
        problem = yaml_problem(
            rel, 0, 0, "IK001", "YAML-Syntaxfehler",
            f"Die Datei ist kein gültiges YAML (Meldung des YAML-Lesers: {exc}).")
    except RecursionError:
        problem = yaml_problem(rel, 0, 0, "IK004", "Datei ist zu tief verschachtelt")
    else:
        return YamlFile(rel, data, [], text)
    # the text goes along: the loader reads the probable ids of a file that is not YAML
    return YamlFile(rel, None, [problem], text)


class _Stop(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _mark(ev: Any) -> tuple[int, int]:
    m = ev.start_mark
    return m.line + 1, m.column + 1


def _build(loader: Any, rel: str) -> Any:  # noqa: C901 - one tight loop on purpose
    """Turn the parser's events into YMap/YList/str/None; raises _Stop on a problem."""
    yaml = _yaml()
    ScalarEvent = yaml.ScalarEvent
    MappingStartEvent = yaml.MappingStartEvent
    SequenceStartEvent = yaml.SequenceStartEvent
    MappingEndEvent = yaml.MappingEndEvent
    SequenceEndEvent = yaml.SequenceEndEvent
    AliasEvent = yaml.AliasEvent
    DocumentStartEvent = yaml.DocumentStartEvent
    StreamEndEvent = yaml.StreamEndEvent
    allowed_tags = _ALLOWED_TAGS
    control = _VALUE_CONTROL.search
    nulls = _NULLS
    no_key = _NO_KEY

    def fail(ev: Any, code: str, msg: str, hint: str = "") -> _Stop:
        line, col = _mark(ev)
        return _Stop(yaml_problem(rel, line, col, code, msg, hint))

    # The innermost open container and, for a mapping, the key waiting for its value.
    stack: list[tuple[Any, Any, int, int]] = []
    cont: Any = None
    key: Any = no_key
    key_line = key_col = 0
    root: Any = None
    documents = 0
    get_event = loader.get_event

    while True:
        ev = get_event()
        t = type(ev)
        if t is ScalarEvent:
            if ev.anchor is not None or (ev.tag is not None and ev.tag not in allowed_tags):
                _check_node(ev, False, fail)
            m = ev.start_mark
            value = ev.value
            if not ev.style and value in nulls and ev.implicit[0]:
                value = None
            elif ev.style == '"' and (bad := control(value)) is not None:
                raise fail(ev, "IK003", f"Unzulässiges Steuerzeichen U+{ord(bad.group()):04X} "
                           "im Wert (als Escape mit „\\“ geschrieben)",
                           "Entfernen Sie die Escape-Folge (z. B. \\e, \\0 oder \\x01); "
                           "erlaubt sind nur \\n (Zeilenumbruch) und \\t (Tabulator).")
            line = m.line + 1
            col = m.column + 1
            if type(cont) is YList:
                cont.append(value)
                cont.pos.append((line, col))
            elif cont is None:
                root = value
            elif key is no_key:
                if value is None:
                    value = ""
                if value in cont:
                    first = cont.pos[value][0]
                    raise fail(ev, "IK007",
                               f"Schlüssel „{value}“ kommt doppelt vor (zuerst in Zeile {first})",
                               "Löschen oder vereinigen Sie einen der beiden Einträge.")
                if value == "<<" and not ev.style:
                    raise fail(ev, "IK005", "Zusammenführungs-Schlüssel „<<“ sind nicht erlaubt",
                               "Schreiben Sie die Felder aus, statt sie mit << einzufügen.")
                key = value
                key_line = line
                key_col = col
            else:
                cont[key] = value
                cont.pos[key] = (key_line, key_col, line, col)
                key = no_key
        elif t is MappingStartEvent or t is SequenceStartEvent:
            if ev.anchor is not None or ev.tag is not None:
                _check_node(ev, True, fail)
            if len(stack) >= MAX_DEPTH:
                raise fail(ev, "IK004", f"Zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen)",
                           "Prüfen Sie Einrückung und Klammern.")
            m = ev.start_mark
            line = m.line + 1
            col = m.column + 1
            new: Any = YMap(line, col) if t is MappingStartEvent else YList(line, col)
            if type(cont) is YList:
                cont.append(new)
                cont.pos.append((line, col))
            elif cont is None:
                root = new
            elif key is no_key:
                raise fail(ev, "IK001", "Ein Schlüssel muss ein einfacher Text sein",
                           "Prüfen Sie Einrückung und Doppelpunkte in dieser Zeile.")
            else:
                cont[key] = new
                cont.pos[key] = (key_line, key_col, line, col)
            stack.append((cont, key, key_line, key_col))
            cont = new
            key = no_key
        elif t is MappingEndEvent or t is SequenceEndEvent:
            cont, key, key_line, key_col = stack.pop()
            key = no_key
        elif t is AliasEvent:
            raise fail(ev, "IK005", f"Verweis „*{ev.anchor}“ ist nicht erlaubt",
                       "Schreiben Sie den Wert aus, statt ihn mit * zu wiederholen.")
        elif t is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise fail(ev, "IK001", "Mehrere YAML-Dokumente („---“) in einer Datei",
                           "Legen Sie jedes Dokument in eine eigene Datei.")
        elif t is StreamEndEvent:
            return root


def _check_node(ev: Any, container: bool, fail: Any) -> None:
    if ev.anchor is not None:
        raise fail(ev, "IK005", f"Anker „&{ev.anchor}“ sind nicht erlaubt",
                   "Schreiben Sie die Werte aus, statt sie mit &/* zu wiederholen.")
    tag = ev.tag
    if tag is not None and tag not in _ALLOWED_TAGS and not (container and tag in _CONTAINER_TAGS):
        raise fail(ev, "IK006", f"Typangabe „{tag}“ ist nicht erlaubt",
                   "Entfernen Sie die Angabe mit „!“; Werte werden als Text gelesen.")


_NO_KEY: Any = object()
