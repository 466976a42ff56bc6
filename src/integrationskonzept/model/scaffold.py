"""`ik init`: a new concept folder that validates clean and builds at once.

Texts that the authors still have to write carry the marker „‹bitte ergänzen›“;
`ik validate` lists them as Hinweise (check IK590), so none slips into print.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from ..errors import SourceError, UsageError
from ..source.placeholders import MARKER  # (texts still to write; check IK590)
from .catalogues import CATALOGUES
from .files import KOMMUNE_TYPEN
from .jsonschema import SCHEMA_FILES, schema_text

# The id of the Sozialraum "whole area" per KOMMUNE_TYPEN entry.
GESAMT = {"Stadt": "stadtweit", "Gemeinde": "gemeindeweit", "Landkreis": "kreisweit",
          "Region": "regionsweit"}


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _modeline(which: str, depth: int) -> str:
    up = "../" * depth
    return f"# yaml-language-server: $schema={up}.ik/{SCHEMA_FILES[which]}\n"


def scaffold(path: Path, *, kommune: str, typ: str, katalog: str,
             heute: dt.date | None = None) -> list[Path]:
    """Write the starter files; refuses to touch a folder that already holds files."""
    if katalog not in CATALOGUES:
        raise UsageError(f"Unbekannter Katalog „{katalog}“ ({', '.join(CATALOGUES)})")
    if typ not in KOMMUNE_TYPEN:
        raise UsageError(f"Unbekannte Art der Kommune „{typ}“ ({', '.join(KOMMUNE_TYPEN)})")
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise SourceError(f"„{path}“ existiert bereits und ist nicht leer; wählen Sie einen neuen "
                        "Ordner.")
    heute = heute or dt.date.today()
    files = _files(kommune, typ, CATALOGUES[katalog], heute)
    written = []
    for rel, text in files.items():
        target = path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
        written.append(target)
    return written


def _files(kommune: str, typ: str, felder: tuple[tuple[str, str], ...],
           heute: dt.date) -> dict[str, str]:
    gesamt = GESAMT[typ]
    name = f"{typ} {kommune}" if not kommune.startswith(typ) else kommune
    files: dict[str, str] = {}
    hf_lines = "".join(f"  - id: {i}\n    name: {q(n)}\n" for i, n in felder) or "  []\n"
    files["konzept.yaml"] = (
        _modeline("konzept", 0)
        + f"""# Metadaten und Vokabulare des Konzepts. `ik schema` beschreibt alle Schlüssel.
kommune:
  name: {q(kommune)}
  typ: {typ}
titel: {q(f"Integrationskonzept {name}")}
version: "0.1"
stand: {heute.isoformat()}
herausgeber:
  name: {q(name)}
federfuehrung: koordinierungsstelle
kontakt:
  stelle: "Koordinierungsstelle Integration"
  email: "integration@example.org"
beschluesse: []
handlungsfelder:
{hf_lines}zielgruppen:
  - id: neuzugewanderte
    name: "Neuzugewanderte"
  - id: laenger-hier-lebende
    name: "Länger hier lebende Zugewanderte"
sozialraeume:
  - id: {gesamt}
    name: {q(name)}
    art: gesamt
sprachen:
  - id: de
    name: "Deutsch"
kapitel:
  - id: vorwort
    titel: "Vorwort"
    datei: texte/vorwort.md
  - id: einleitung
    titel: "Anlass und Auftrag"
    datei: texte/einleitung.md
  - id: umsetzung
    titel: "Umsetzung, Monitoring und Fortschreibung"
    datei: texte/umsetzung.md
    teil: hinten
# Die Reihenfolge des Dokuments bestimmt, wer mag, selbst (ohne Angabe: die
# Standardgliederung; alle Teile in docs/format.md unter „Gliederung“), z. B.:
# gliederung:
#   - kapitel: vorwort
#   - kapitel: einleitung
#   - handlungsfelder
#   - massnahmenkatalog
#   - kapitel: umsetzung
#     teile: [indikatoren]
#   - titel: Anhang
#     teile: [akteursverzeichnis, angebotsuebersicht, glossar]
""")
    files["akteure.yaml"] = _modeline("inhalt", 0) + f"""akteure:
  - id: koordinierungsstelle
    name: "Koordinierungsstelle Integration"
    typ: Verwaltung
    ebene: {typ if typ in ("Landkreis", "Region") else "Gemeinde"}
    kontakt:
      stelle: "Koordinierungsstelle Integration"
      email: "integration@example.org"
"""
    ende = heute.year + 2
    indikatoren = []
    for i, (hf, hf_name) in enumerate(felder, 1):
        indikatoren.append(
            f"  - id: i-{hf}-1\n    name: {q(f'Indikator {hf_name}')}\n"
            f"    definition: {q(MARKER)}\n    datenquelle: {q(MARKER)}\n")
        files[f"handlungsfelder/{hf}.yaml"] = _modeline("inhalt", 1) + f"""handlungsfeld: {hf}
ausgangslage: |
  {MARKER} Wie ist die Lage im Handlungsfeld „{hf_name}“? Zahlen, Angebote, Herausforderungen.
leitziel:
  text: {q(MARKER + " Was wollen wir bis zum Zieljahr erreichen?")}
  horizont: {heute.year + 10}
ziele:
  - id: z-{hf}-1
    titel: {q(MARKER + " Ziel 1")}
    indikatoren: [i-{hf}-1]
massnahmen:
  - id: m-{hf}-1
    titel: {q(MARKER + " Maßnahme 1")}
    ziele: [z-{hf}-1]
    federfuehrung: koordinierungsstelle
    zeitraum: {{beginn: {heute.year}, ende: {ende}}}
    indikatoren: [i-{hf}-1]
    status: geplant
angebote: []
bedarfe: []
"""
        del i
    files["indikatoren.yaml"] = _modeline("inhalt", 0) + (
        "indikatoren:\n" + "".join(indikatoren) if indikatoren else "indikatoren: []\n")
    files["beteiligung.yaml"] = _modeline("inhalt", 0) + """beteiligung:
  veranstaltungen: []
  arbeitsgruppen: []
  befragungen: []
"""
    files["texte/vorwort.md"] = f"{MARKER} Vorwort der Bürgermeisterin oder des Bürgermeisters.\n"
    files["texte/einleitung.md"] = (
        f"{MARKER} Warum entsteht dieses Konzept, wer hat es beauftragt, wer hat mitgewirkt?\n")
    files["texte/umsetzung.md"] = (
        f"{MARKER} Wer steuert die Umsetzung, wie wird berichtet, wann wird fortgeschrieben?\n")
    files[".ik/" + SCHEMA_FILES["konzept"]] = schema_text("konzept") + "\n"
    files[".ik/" + SCHEMA_FILES["inhalt"]] = schema_text("inhalt") + "\n"
    files[".vscode/settings.json"] = json.dumps({"yaml.schemas": {
        ".ik/konzept.schema.json": ["konzept.yaml"],
        ".ik/inhalt.schema.json": ["**/*.yaml", "!konzept.yaml"],
    }}, indent=2) + "\n"
    files[".gitignore"] = "build/\n"
    return files
