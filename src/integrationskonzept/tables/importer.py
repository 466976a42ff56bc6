"""`ik tabelle import`: upsert the rows of a table by ``id`` into the source files.

The plan is computed first (every problem of every cell at once, located as
``Maßnahmen!H17``); only a plan without errors is applied. An existing entry changes
only in the keys whose cell means something else than the source says; a new entry goes
into the file of its Handlungsfeld (or the file the user names).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic_core import PydanticUndefined

from ..model.concept import KIND_LABELS, LIST_KINDS, Konzept
from ..model.fields import ID_PATTERN, Entry, source_of
from ..model.indikator import HAUPTWERT, parse_periode
from ..problems import Location, Problem, Severity
from ..source.schemaerrors import suggest
from .columns import LIST, SHEETS, VOCABULARY_KINDS, Column, Sheet, columns_for, ist_column
from .export import value_at
from .reader import TableData, Workbook
from .values import CellError, from_cell, same
from .yamlwriter import DELETE, YamlFile, set_path

_IST = re.compile(r"^ist[ -]+(\S.*)$", re.IGNORECASE)
_ID = re.compile(ID_PATTERN)


@dataclass
class RowChange:
    """What one row changes: an existing entry's keys, or a whole new entry."""

    sheet: Sheet
    ident: str
    file: str
    new: bool
    values: dict[tuple[str, ...], Any]
    location: Location


@dataclass
class ImportPlan:
    """Everything an import would do, and every problem found on the way."""

    problems: list[Problem] = field(default_factory=list)
    changes: list[RowChange] = field(default_factory=list)
    missing: dict[str, list[str]] = field(default_factory=dict)  # sheet name -> ids
    deleted: list[tuple[str, str]] = field(default_factory=list)  # (sheet name, id)
    texts: dict[str, str] = field(default_factory=dict)  # changed files: rel path -> text

    @property
    def failed(self) -> bool:
        return any(p.severity == Severity.ERROR for p in self.problems)


def _problem(code: str, msg: str, loc: Location, hint: str = "",
             severity: Severity = Severity.ERROR) -> Problem:
    return Problem(code, severity, msg, loc, hint, "tabelle")


def cell_location(table: TableData, row: int, col: int) -> Location:
    from openpyxl.utils import get_column_letter

    return Location(f"{table.label}!{get_column_letter(col + 1)}{row}")


def _map_headers(table: TableData, columns: list[Column],
                 problems: list[Problem]) -> list[Column | None]:
    by_header = {c.header.casefold(): c for c in columns}
    mapped: list[Column | None] = []
    for i, header in enumerate(table.headers):
        key = header.casefold()
        col = by_header.get(key)
        if col is None and (m := _IST.match(header)):
            try:
                col = ist_column(parse_periode(m[1]).text)
            except Exception:  # not a period: reported as an unknown column below
                col = None
        if col is None and header:
            best = suggest(header, [c.header for c in columns])
            problems.append(_problem(
                "IK901", f"Unbekannte Spalte „{header}“", cell_location(table, 1, i),
                f"Meinten Sie „{best}“?" if best else
                "Spaltenüberschriften wie beim Export lassen (`ik tabelle export`)."))
        mapped.append(col)
    if not any(c is not None and c.path == ("id",) for c in mapped):
        problems.append(_problem("IK901", "Spalte „id“ fehlt", cell_location(table, 1, 0),
                                 "Die erste Spalte des Exports („id“) muss erhalten bleiben."))
    return mapped


def _known_ids(konzept: Konzept, workbook: Workbook) -> dict[str, set[str]]:
    """Ids per vocabulary list: the concept's and those of new rows in the workbook."""
    by_kind: dict[str, set[str]] = {}
    for ident, (kind, _loc) in konzept.ids.items():
        by_kind.setdefault(kind, set()).add(ident)
    for table in workbook.tables:
        kind = LIST_KINDS[table.sheet.key]
        for _n, values in table.rows:
            if values and values[0] is not None:
                by_kind.setdefault(kind, set()).add(str(values[0]).strip())
    return {name: set().union(*(by_kind.get(k, set()) for k in kinds))
            for name, kinds in VOCABULARY_KINDS.items()}


def _default(sheet: Sheet, column: Column) -> Any:
    if len(column.path) != 1:
        return None
    info = sheet.model.model_fields.get(column.path[0])
    if info is None or info.default is PydanticUndefined:
        return None
    return info.default


def plan_import(konzept: Konzept, workbook: Workbook, datei: str | None = None,
                loeschen: bool = False) -> ImportPlan:
    """What importing ``workbook`` into ``konzept`` would change (nothing is written)."""
    plan = ImportPlan()
    for name in workbook.unknown_sheets:
        plan.problems.append(_problem(
            "IK901", f"Blatt „{name}“ wird nicht gelesen", Location(f"{name}!A1"),
            "Gelesen werden die Blätter des Exports: Maßnahmen, Angebote, Bedarfe, Akteure, "
            "Ziele, Indikatoren.", Severity.INFO))
    known = _known_ids(konzept, workbook)
    for table in workbook.tables:
        _plan_table(konzept, table, known, datei, plan)
    if plan.failed:
        return plan
    _apply(konzept, plan, loeschen)
    return plan


def _plan_table(konzept: Konzept, table: TableData, known: dict[str, set[str]],
                datei: str | None, plan: ImportPlan) -> None:
    sheet = table.sheet
    columns = _map_headers(table, columns_for(sheet, konzept), plan.problems)
    id_index = next((i for i, c in enumerate(columns) if c and c.path == ("id",)), None)
    if id_index is None:
        return
    registry: dict[str, Entry] = getattr(konzept, sheet.key)
    kind = LIST_KINDS[sheet.key]
    seen: dict[str, Location] = {}
    for number, values in table.rows:
        id_loc = cell_location(table, number, id_index)
        raw_id = values[id_index]
        ident = "" if raw_id is None else str(raw_id).strip()
        if isinstance(raw_id, float) and raw_id.is_integer():
            ident = str(int(raw_id))
        if not ident:
            plan.problems.append(_problem(
                "IK904", "Zeile ohne id", id_loc,
                "Jede Zeile braucht eine eindeutige id, z. B. „m-sprache-05“."))
            continue
        if not _ID.match(ident):
            plan.problems.append(_problem(
                "IK904", f"Spalte „id“: „{ident}“ ist keine gültige ID", id_loc,
                "Erlaubt sind Buchstaben, Ziffern, „-“, „_“ und „.“ (ohne Leerzeichen)."))
            continue
        if ident in seen:
            plan.problems.append(_problem(
                "IK904", f"id „{ident}“ steht doppelt in der Tabelle (zuerst in {seen[ident]})",
                id_loc, "Jede id darf nur in einer Zeile stehen."))
            continue
        seen[ident] = id_loc
        other = konzept.ids.get(ident)
        if other is not None and other[0] != kind:
            plan.problems.append(_problem(
                "IK904", f"id „{ident}“ ist schon als {KIND_LABELS[other[0]]} vergeben "
                f"({other[1]})", id_loc, "IDs müssen im ganzen Konzept eindeutig sein."))
            continue
        parsed = _parse_row(table, number, columns, values, known, plan.problems)
        entry = registry.get(ident)
        if entry is None:
            _plan_new(konzept, table, number, ident, columns, parsed, datei, plan)
        else:
            _plan_existing(table, number, ident, entry, columns, parsed, plan)
    missing = [i for i in registry if i not in seen]
    if missing:
        plan.missing[sheet.name] = missing


def _parse_row(table: TableData, number: int, columns: list[Column | None], values: list[Any],
               known: dict[str, set[str]], problems: list[Problem]) -> dict[int, Any]:
    parsed: dict[int, Any] = {}
    for i, col in enumerate(columns):
        if col is None or col.path == ("id",):
            continue
        loc = cell_location(table, number, i)
        try:
            value = from_cell(col, values[i])
        except CellError as exc:
            problems.append(_problem("IK902", f"Spalte „{col.header}“: {exc}", loc))
            continue
        if col.vocabulary and value:
            allowed = known[col.vocabulary]
            for ident in (value if col.kind == LIST else [value]):
                if ":" not in ident and ident.partition("#")[0] not in allowed:
                    best = suggest(ident, allowed)
                    problems.append(_problem(
                        "IK903", f"Spalte „{col.header}“: unbekannte ID „{ident}“", loc,
                        f"Meinten Sie „{best}“?" if best else
                        "Wählen Sie einen Wert aus der Liste (Blatt „Listen“)."))
        parsed[i] = value
    return parsed


def _required(table: TableData, number: int, columns: list[Column | None],
              parsed: dict[int, Any], new: bool, problems: list[Problem]) -> None:
    present = {c.path for c in columns if c is not None}
    for i, col in enumerate(columns):
        if col is not None and col.required and i in parsed and parsed[i] in (None, []):
            problems.append(_problem(
                "IK905", f"Spalte „{col.header}“ ist ein Pflichtfeld und leer",
                cell_location(table, number, i)))
    if new:
        for col in columns_for(table.sheet):
            if col.required and col.path not in present:
                problems.append(_problem(
                    "IK905", f"Neue Zeile: Spalte „{col.header}“ fehlt in der Tabelle",
                    cell_location(table, number, 0)))


def _plan_existing(table: TableData, number: int, ident: str, entry: Entry,
                   columns: list[Column | None], parsed: dict[int, Any],
                   plan: ImportPlan) -> None:
    _required(table, number, columns, parsed, False, plan.problems)
    changes: dict[tuple[str, ...], Any] = {}
    for i, value in parsed.items():
        col = columns[i]
        assert col is not None
        old = value_at(entry, col)
        if same(old, value):
            continue
        if value in (None, []) and same(old, _default(table.sheet, col)):
            continue
        path = col.path
        if col.periode and _breakdown(entry, col.periode):
            path = (*path, HAUPTWERT)  # the main value of a breakdown by groups
        changes[path] = DELETE if value in (None, []) else value
    src = source_of(entry)
    if changes and src is not None:
        plan.changes.append(RowChange(table.sheet, ident, str(src[0]), False, changes,
                                      cell_location(table, number, 0)))


def _breakdown(entry: Entry, periode: str) -> bool:
    return any(p.text == periode and isinstance(v, dict)
               for p, v in getattr(entry, "istwerte", {}).items())


def _hf_of(sheet: Sheet, columns: list[Column | None], parsed: dict[int, Any]) -> str | None:
    for i, col in enumerate(columns):
        if col is None or i not in parsed or not parsed[i]:
            continue
        if col.path == ("handlungsfeld",):
            return str(parsed[i])
        if col.path == ("handlungsfelder",):
            return str(parsed[i][0])
    return None


def _target_file(konzept: Konzept, sheet: Sheet, hf: str | None,
                 datei: str | None) -> str | None:
    if datei:
        return datei
    if hf and hf in konzept.inhalte:
        return konzept.inhalte[hf].file
    counts: dict[str, int] = {}
    for entry in getattr(konzept, sheet.key).values():
        src = source_of(entry)
        if src is not None:
            counts[str(src[0])] = counts.get(str(src[0]), 0) + 1
    return max(counts, key=lambda f: counts[f]) if counts else None


def _plan_new(konzept: Konzept, table: TableData, number: int, ident: str,
              columns: list[Column | None], parsed: dict[int, Any], datei: str | None,
              plan: ImportPlan) -> None:
    _required(table, number, columns, parsed, True, plan.problems)
    hf = _hf_of(table.sheet, columns, parsed)
    target = _target_file(konzept, table.sheet, hf, datei)
    loc = cell_location(table, number, 0)
    if target is None:
        plan.problems.append(_problem(
            "IK906", f"Neue Zeile „{ident}“: keine Datei, in die sie gehört", loc,
            "Geben Sie mit --datei an, in welche YAML-Datei neue Einträge kommen."))
        return
    inhalt = konzept.inhalte.get(hf) if hf else None
    file_hf = inhalt.file if inhalt else None
    values: dict[tuple[str, ...], Any] = {("id",): ident}
    for i, value in parsed.items():
        col = columns[i]
        assert col is not None
        if value in (None, []) or same(value, _default(table.sheet, col)):
            continue
        if file_hf == target and col.path in (("handlungsfeld",), ("handlungsfelder",)) \
                and value in (hf, [hf]):
            continue  # the file's Handlungsfeld is the default
        values[col.path] = value
    plan.changes.append(RowChange(table.sheet, ident, target, True, values, loc))


def _apply(konzept: Konzept, plan: ImportPlan, loeschen: bool) -> None:
    files: dict[str, YamlFile] = {}

    def file(rel: str) -> YamlFile:
        if rel not in files:
            files[rel] = YamlFile(konzept.root / rel, rel)
        return files[rel]

    for change in plan.changes:
        order = list(change.sheet.model.model_fields)
        yf = file(change.file)
        if change.new:
            from ruamel.yaml.comments import CommentedMap

            entry = CommentedMap()
            for path, value in change.values.items():
                set_path(entry, path, value, order)
            yf.append(change.sheet.key, entry)
            continue
        entry = yf.find(change.sheet.key, change.ident)
        if entry is None:
            continue
        for path, value in change.values.items():
            yf.set(entry, path, value, order)
        yf.changed = True
    for sheet_name, idents in plan.missing.items():
        sheet_key = next(s.key for s in SHEETS if s.name == sheet_name)
        registry = getattr(konzept, sheet_key)
        for ident in idents:
            src = source_of(registry[ident])
            if loeschen and src is not None and file(str(src[0])).remove(sheet_key, ident):
                plan.deleted.append((sheet_name, ident))
    for rel, yf in files.items():
        if not yf.changed:
            continue
        text = yf.dump()
        if text != yf.text:
            plan.texts[rel] = text
            if not yf.exact:
                plan.problems.append(_problem(
                    "IK907", f"{rel}: die Datei wird als Ganzes neu geschrieben (eine Liste in "
                    "Kurzform [..] oder eine neue Liste); Kommentare bleiben, Zeilenumbrüche "
                    "in langen Texten nicht", Location(rel, 1, 1), severity=Severity.INFO))


def write_texts(root: Path, texts: dict[str, str]) -> None:
    """Write all changed files, each first to a temporary file and then renamed into place,
    so an interruption leaves every file either old or new."""
    import os

    staged = []
    for rel, text in texts.items():
        target = root / rel
        tmp = target.with_name(f".{target.name}.ik-tmp")
        tmp.write_text(text, encoding="utf-8", newline="")
        staged.append((tmp, target))
    for tmp, target in staged:
        os.replace(tmp, target)
