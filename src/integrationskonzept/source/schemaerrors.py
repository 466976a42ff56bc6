"""Pydantic validation errors, translated into located German problems."""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from ..problems import Location, Problem, Severity
from .safeyaml import locate

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe",
                          "Ü": "Ue"})


def suggest(word: str, candidates: typing.Iterable[str]) -> str | None:
    """The closest candidate to ``word`` (case- and umlaut-insensitive), if any is close."""
    cands = list(candidates)
    norm = {c.lower().translate(_UMLAUTS): c for c in cands}
    key = word.lower().translate(_UMLAUTS)
    if key in norm:
        return norm[key]
    match = difflib.get_close_matches(key, list(norm), n=1, cutoff=0.6)
    return norm[match[0]] if match else None


def describe(value: Any) -> str:
    """How a found value looks, in words a non-programmer understands."""
    if value is None:
        return "einen leeren Wert"
    if isinstance(value, dict):
        return "einen Eintrag mit Unterschlüsseln"
    if isinstance(value, list):
        return "eine Liste"
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "…"
    return f"„{text}“"


def _model_at(model: type[BaseModel] | None, loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that owns the last key of ``loc`` (for key suggestions)."""
    for step in loc:
        if model is None:
            return None
        if isinstance(step, int):
            continue
        field = model.model_fields.get(step)
        if field is None:
            return None
        model = _inner_model(field.annotation)
    return model


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _literal_values(model: type[BaseModel] | None, key: str) -> tuple[str, ...]:
    if model is None or key not in model.model_fields:
        return ()
    return _literals(model.model_fields[key].annotation)


def _literals(annotation: Any) -> tuple[str, ...]:
    if typing.get_origin(annotation) is typing.Literal:
        return tuple(str(a) for a in typing.get_args(annotation))
    for arg in typing.get_args(annotation):
        found = _literals(arg)
        if found:
            return found
    return ()


def _field_names(model: type[BaseModel] | None) -> list[str]:
    return list(model.model_fields) if model is not None else []


def translate(
    exc: ValidationError,
    model: type[BaseModel],
    node: Any,
    file: str,
    context: str = "",
    prefix: tuple[Any, ...] = (),
    context_of: Callable[[tuple[Any, ...]], str] | None = None,
) -> list[Problem]:
    """One problem per pydantic error; ``node`` is the raw YAML the model was built from.

    ``prefix`` is the path from the file's top to ``node`` (for the message only);
    ``context_of`` names the entry an error lies in, by the error's path (else ``context``).
    """
    out = []
    for err in exc.errors(include_url=False):
        loc = tuple(s for s in err["loc"] if not (isinstance(s, str) and "[" in s and s != "[key]"))
        named = context_of(loc) if context_of is not None else ""
        out.append(_one(err, loc, model, node, file, named or context))
    return out


def _path_words(loc: tuple[Any, ...]) -> str:
    parts = [str(s) for s in loc if isinstance(s, str) and s != "[key]"]
    return " → ".join(parts)


def _one(err: Any, loc: tuple[Any, ...], model: type[BaseModel], node: Any, file: str,
         context: str) -> Problem:
    etype = err["type"]
    value = err.get("input")
    key = next((s for s in reversed(loc) if isinstance(s, str) and s != "[key]"), "")
    owner_loc = loc[:-1] if loc and isinstance(loc[-1], str) else loc
    owner = _model_at(model, tuple(s for s in owner_loc if s != "[key]"))
    where = f"{context}: " if context else ""
    field = f"„{_path_words(loc)}“" if loc else "Eintrag"
    hint = ""
    code = "IK103"
    if etype == "missing":
        code = "IK102"
        line, col = locate(node, loc[:-1])
        msg = f"{where}Pflichtfeld „{key}“ fehlt"
        hint = f"Ergänzen Sie eine Zeile „{key}: …“."
    elif etype == "extra_forbidden":
        code = "IK101"
        line, col = locate(node, loc, key_position=True)
        msg = f"{where}Unbekannter Schlüssel „{key}“"
        allowed = _field_names(owner)
        best = suggest(key, allowed)
        hint = allowed_words(allowed)
        if best:
            hint = f"Meinten Sie „{best}“? {hint}"
            if best == key.lower().translate(_UMLAUTS):
                hint = f"Schlüssel werden ohne Umlaute geschrieben: „{best}“."
    elif etype == "literal_error":
        code = "IK104"
        line, col = locate(node, loc)
        allowed_values = _literal_values(owner, key)
        shown = ", ".join(f"„{v}“" for v in allowed_values) or err["ctx"]["expected"]
        msg = f"{where}{field}: {describe(value)} ist nicht zulässig; erwartet wird {shown}"
        best = suggest(str(value), allowed_values) if isinstance(value, str) else None
        if best:
            hint = f"Meinten Sie „{best}“?"
    else:
        line, col = locate(node, loc)
        msg = f"{where}{field}: {_expected(etype, err)}, gefunden {describe(value)}"
        if etype.startswith("ik_"):
            text = err["msg"]
            if etype == "ik_text_length" and isinstance(value, str):
                # raised by the core schema with a fixed context: the length is the input's
                text = text.replace("{length}", str(len(value)))
            if isinstance(value, (dict, list)):  # never a Python repr in a message
                text = re.sub(r"gefunden „.*“$", f"gefunden {describe(value)}", text,
                              flags=re.S)
            msg = f"{where}{field}: {text}"
        if etype in {"string_too_short", "too_short"}:
            msg = f"{where}{field} darf nicht leer sein"
        if etype == "string_pattern_mismatch":
            msg = (f"{where}{field}: keine gültige ID: {describe(value)} (erlaubt sind "
                   "Buchstaben, Ziffern, „-“, „_“ und „.“, ohne Leerzeichen)")
    return Problem(code, Severity.ERROR, msg, Location(file, line, col), hint, rule="schema")


def allowed_words(allowed: typing.Iterable[str]) -> str:
    """„Erlaubt sind: a, b, c.“ for the hint of an unknown key."""
    names = list(allowed)
    return "Erlaubt sind: " + ", ".join(names) + "." if names else ""


def _expected(etype: str, err: Any) -> str:
    if etype in {"string_type", "str_type"}:
        return "erwartet Text"
    if etype in {"list_type", "tuple_type", "set_type"}:
        return "erwartet eine Liste (Zeilen mit „- “ oder [a, b])"
    if etype in {"model_type", "model_attributes_type", "dict_type", "mapping_type"}:
        return "erwartet einen Eintrag mit Unterschlüsseln („schluessel: wert“)"
    if etype.startswith("int") or etype.startswith("float"):
        return "erwartet eine Zahl"
    if etype.startswith("bool"):
        return "erwartet „true“ oder „false“"
    return f"ungültiger Wert ({err.get('msg', etype)})"
