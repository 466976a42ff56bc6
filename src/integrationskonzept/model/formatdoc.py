"""The reference of the source format (docs/format.md), generated from the models.

`python -m integrationskonzept.model.formatdoc > docs/format.md` rewrites it; a test fails
when the file and the models disagree, so the documentation cannot drift.
"""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from .fields import Entry


def _type_words(ann: Any) -> str:
    text = str(ann)
    if typing.get_origin(ann) is typing.Literal:
        return ", ".join(f"`{a}`" for a in typing.get_args(ann))
    args = [a for a in typing.get_args(ann) if a is not type(None)]
    if typing.get_origin(ann) in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        return " oder ".join(_type_words(a) for a in args)
    if typing.get_origin(ann) is list:
        return f"Liste von {_type_words(args[0])}" if args else "Liste"
    if typing.get_origin(ann) is dict:
        return f"Zuordnung {_type_words(args[0])} → {_type_words(args[1])}"
    if typing.get_origin(ann) is typing.Annotated:
        base = typing.get_args(ann)[0]
        markers = {type(m).__name__ for m in getattr(ann, "__metadata__", ())}
        if "RefMarker" in markers:
            return "Liste von IDs" if typing.get_origin(base) is list else "ID-Verweis"
        if "MarkdownMarker" in markers:
            return "Markdown"
        return _type_words(base)
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return f"[{ann.__name__}](#{ann.__name__.lower()})"
    names = {"str": "Text", "int": "ganze Zahl", "float": "Zahl", "bool": "true/false",
             "date": "Datum", "Zeitpunkt": "Datum, Monat oder Jahr",
             "Periode": "Jahr, Schuljahr oder Zeitraum"}
    return names.get(getattr(ann, "__name__", text), text)


def _field_words(info: Any) -> str:
    markers = {type(m).__name__ for m in info.metadata}
    if "RefMarker" in markers:
        return "Liste von IDs" if typing.get_origin(info.annotation) is list else "ID-Verweis"
    if "MarkdownMarker" in markers:
        return "Markdown"
    return _type_words(info.annotation)


def _models(root: type[BaseModel]) -> list[type[BaseModel]]:
    seen: list[type[BaseModel]] = []
    stack = [root]
    while stack:
        cls = stack.pop(0)
        if cls in seen:
            continue
        seen.append(cls)
        for info in cls.model_fields.values():
            stack.extend(_nested(info.annotation))
    return seen


def _nested(ann: Any) -> list[type[BaseModel]]:
    if isinstance(ann, type) and issubclass(ann, Entry):
        return [ann]
    out = []
    for arg in typing.get_args(ann):
        out.extend(_nested(arg))
    return out


def render() -> str:
    from .files import Inhalt, KonzeptDatei

    lines = ["# Das Quellformat von ik", "",
             "Erzeugt aus den Modellen (`python -m integrationskonzept.model.formatdoc`); "
             "nicht von Hand ändern.", "",
             "Pflichtfelder sind **fett**. IDs sind im ganzen Konzept eindeutig. Datumsangaben "
             "als 2017-08-17 oder 17.08.2017; Zeiträume auch als Monat (2024-03) oder Jahr "
             "(2024). In Markdown-Feldern verweist `[[id]]` auf einen Eintrag.", ""]
    done: set[type[BaseModel]] = set()
    for root in (KonzeptDatei, Inhalt):
        for cls in _models(root):
            if cls in done:
                continue
            done.add(cls)
            lines += [f"## {cls.__name__}", ""]
            doc = (cls.__doc__ or "").strip().splitlines()
            if doc:
                lines += [doc[0], ""]
            lines += ["| Schlüssel | Typ | Beschreibung |", "|---|---|---|"]
            for name, info in cls.model_fields.items():
                key = f"**{name}**" if info.is_required() else name
                desc = (info.description or "").replace("|", "\\|")
                default = info.default
                if not info.is_required() and default not in (None, [], {}, PydanticUndefined):
                    desc = f"{desc} (Standard: {default})".strip()
                lines.append(f"| {key} | {_field_words(info)} | {desc} |")
            lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(render(), end="")
