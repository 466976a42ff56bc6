"""Readable names for prefixed references (``kreis:jobcenter``, ``[[peine:m-6-1]]``) when a
member concept is built on its own.

A member names entries of its Landkreis or of another Gemeinde with a prefix. Built
alone, the document shows the referenced id with the concept's name („jobcenter
(Landkreis Peine)“). If the Kreis folder is found next to the member (an ancestor folder
up to :data:`HOEHE` levels up, or a direct subfolder of one, whose konzept.yaml names
this member under ``gemeinden:`` by ``pfad``) and reads without failing, the entry's
title is shown instead („Jobcenter Peine (Landkreis Peine)“).
"""

from __future__ import annotations

from pathlib import Path

from ..model.concept import Konzept
from ..model.loader import load_concept
from ..model.references import REF_IN_TEXT, prefixed_refs
from .loader import KREIS, names_members

HOEHE = 3  # how many folders up the Kreis folder is looked for


def prefixed(konzept: Konzept) -> list[str]:
    """The prefixed ids the concept refers to (fields and texts), in first-seen order."""
    # (the fields that name one; most concepts name none, found without a second walk)
    out = [ident for _e, _f, ident, _p in prefixed_refs(konzept) if ":" in ident]
    for text in konzept.texte.values():
        out += [m.group(1) for m in REF_IN_TEXT.finditer(text or "") if ":" in m.group(1)]
    return list(dict.fromkeys(out))


def _kreis_of(root: Path) -> tuple[Konzept, Path] | None:
    """The Landkreis concept that names ``root`` as a member (by ``pfad``), if found."""
    member = root.resolve()
    seen: set[Path] = set()
    for ancestor in list(member.parents)[:HOEHE]:
        try:
            kandidaten = [ancestor, *sorted(p for p in ancestor.iterdir() if p.is_dir())]
        except OSError:
            continue
        for folder in kandidaten:
            if folder in seen or folder == member or not names_members(folder):
                continue
            seen.add(folder)
            try:
                kreis = load_concept(folder).konzept
            except Exception:  # noqa: BLE001 - an unreadable Kreis just gives no titles
                continue
            meta = kreis.meta
            if meta is not None and any(
                    g.pfad and not g.git and (folder / g.pfad).resolve() == member
                    for g in meta.gemeinden):
                return kreis, folder
    return None


def _name(konzept: Konzept) -> str:
    meta = konzept.meta
    return meta.kommune.art_und_name if meta else ""


def fremde_namen(konzept: Konzept, root: Path) -> dict[str, tuple[str, str]]:
    """Prefixed id → (label, "") for a member built on its own (empty: none used)."""
    idents = prefixed(konzept)
    if not idents:
        return {}
    found = _kreis_of(root)
    konzepte: dict[str, tuple[Konzept | None, str]] = {}
    pfade: dict[str, Path] = {}  # other members of the Kreis, read when first referred to
    meta = konzept.meta
    if found is not None:
        kreis, folder = found
        konzepte[KREIS] = (kreis, _name(kreis))
        for g in kreis.meta.gemeinden if kreis.meta else []:
            if g.pfad and not g.git and (folder / g.pfad).resolve() != root.resolve():
                pfade[g.id] = folder / g.pfad
    out: dict[str, tuple[str, str]] = {}
    for ident in idents:
        prefix, rest = ident.split(":", 1)
        if prefix not in konzepte:
            konzepte[prefix] = _lies(pfade[prefix], prefix) if prefix in pfade else (
                None, (meta.kommune.landkreis if meta and meta.kommune.landkreis else "Landkreis")
                if prefix == KREIS else prefix)
        quelle, name = konzepte[prefix]
        titel = quelle.label(rest) if quelle is not None else rest
        out[ident] = (f"{titel} ({name})", "")
    return out


def _lies(folder: Path, prefix: str) -> tuple[Konzept | None, str]:
    try:
        other = load_concept(folder).konzept
    except Exception:  # noqa: BLE001 - an unreadable member just gives no titles
        return None, prefix
    return other, _name(other)
