"""Shared test helpers: concept folders built from small dicts (import as ik_testing)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

# The smallest concept that validates clean under --strict.
BASE_KONZEPT: dict[str, Any] = {
    "kommune": {"name": "Peine", "typ": "Stadt"},
    "titel": "Integrationskonzept der Stadt Peine",
    "version": "1.0",
    "stand": "2024-03-01",
    "herausgeber": {"name": "Stadt Peine"},
    "federfuehrung": "gleichstellung",
    "kontakt": {"stelle": "Beauftragte für Gleichstellung, Familie und Integration"},
    "handlungsfelder": [{"id": "bildung", "name": "Bildung"}],
    "zielgruppen": [{"id": "neuzugewanderte", "name": "Neuzugewanderte"}],
    "sozialraeume": [
        {"id": "stadtweit", "name": "Stadt Peine", "art": "gesamt"},
        {"id": "stederdorf", "name": "Stederdorf"},
    ],
    "sprachen": [{"id": "de", "name": "Deutsch"}],
}

BASE_INHALT: dict[str, Any] = {
    "handlungsfeld": "bildung",
    "ausgangslage": "Viele Akteur*innen sind aktiv.",
    "leitziel": {"text": "Bildung für alle", "horizont": 2030},
    "akteure": [{"id": "gleichstellung", "name": "Gleichstellungsbeauftragte",
                 "typ": "Verwaltung"}],
    "ziele": [{"id": "z-1", "titel": "Mehr Kursplätze", "indikatoren": ["i-1"]}],
    "indikatoren": [{"id": "i-1", "name": "Kursplätze", "definition": "Zahl der Plätze",
                     "datenquelle": "VHS"}],
    "massnahmen": [{"id": "m-1", "titel": "Sprachcafé", "ziele": ["z-1"],
                    "federfuehrung": "gleichstellung",
                    "zeitraum": {"beginn": "2024", "ende": "2025"},
                    "indikatoren": ["i-1"]}],
}


def write_concept(root: Path, files: dict[str, Any]) -> Path:
    """Write files into ``root``: dicts are dumped as YAML, strings written as they are."""
    root.mkdir(parents=True, exist_ok=True)
    for rel, content in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, (dict, list)):
            target.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False),
                              encoding="utf-8")
        elif isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return root



def kreis_konzept(members: list[str], **changes: Any) -> dict[str, Any]:
    """konzept.yaml of a Landkreis naming ``members`` (folders gemeinden/<id>)."""
    k = copy.deepcopy(BASE_KONZEPT)
    k.update({
        "kommune": {"name": "Peine", "typ": "Landkreis"},
        "titel": "Integrationskonzept des Landkreises Peine",
        "herausgeber": {"name": "Landkreis Peine"},
        "sozialraeume": [{"id": "kreisweit", "name": "Landkreis Peine", "art": "gesamt"}]
        + [{"id": m, "name": m.capitalize(), "art": "Gemeinde"} for m in members],
        "gemeinden": [{"id": m, "pfad": f"gemeinden/{m}"} for m in members],
    })
    k.update(changes)
    return k


def gemeinde_konzept(name: str, **changes: Any) -> dict[str, Any]:
    """konzept.yaml of a Gemeinde (a member of a Landkreis workspace)."""
    k = copy.deepcopy(BASE_KONZEPT)
    k.update({
        "kommune": {"name": name, "typ": "Gemeinde"},
        "titel": f"Integrationskonzept der Gemeinde {name}",
        "herausgeber": {"name": f"Gemeinde {name}"},
        "sozialraeume": [{"id": "gemeindeweit", "name": name, "art": "gesamt"},
                         {"id": "ortskern", "name": f"{name} Ortskern"}],
    })
    k.update(changes)
    return k


def write_workspace(root: Path, kreis: dict[str, Any] | None = None,
                    kreis_inhalt: dict[str, Any] | None = None,
                    members: dict[str, tuple[dict[str, Any], dict[str, Any]]] | None = None,
                    ) -> Path:
    """A Landkreis folder with members in gemeinden/<id>: each member as (konzept.yaml
    changes, bildung.yaml changes) over the base concept."""
    members = members if members is not None else {"ilsede": ({}, {}), "edemissen": ({}, {})}
    k = kreis_konzept(list(members))
    k.update(kreis or {})
    inhalt = copy.deepcopy(BASE_INHALT)
    inhalt.update(kreis_inhalt or {})
    write_concept(root, {"konzept.yaml": k, "bildung.yaml": inhalt})
    for ident, (konzept, inhalt_changes) in members.items():
        mk = gemeinde_konzept(ident.capitalize())
        mk.update(konzept)
        mi = copy.deepcopy(BASE_INHALT)
        mi.update(inhalt_changes)
        write_concept(root / "gemeinden" / ident, {"konzept.yaml": mk, "bildung.yaml": mi})
    return root


def ik_streams(*args: str) -> tuple[int, str, str]:
    """`ik ARGS` through the real entry point and its one handler: (code, stdout, stderr)."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from integrationskonzept import cli

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            cli.main(list(args))
        except SystemExit as done:
            code = done.code
        else:  # pragma: no cover - main always exits
            raise AssertionError("cli.main returned without exiting")
    assert isinstance(code, int)
    return code, out.getvalue(), err.getvalue()


def ik(*args: str) -> tuple[int, str]:
    """`ik ARGS` as a user sees it: (exit code, stdout followed by stderr)."""
    code, out, err = ik_streams(*args)
    return code, out + err
