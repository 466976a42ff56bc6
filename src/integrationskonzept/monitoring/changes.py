"""What changed since the previous report period, in German sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text.german import word_list

if TYPE_CHECKING:
    from .report import Umsetzungsbericht

_AMPEL_RANG = {"rot": 0, "gelb": 1, "grün": 2}


def _liste(items: list[str], limit: int = 8) -> str:
    return word_list([f"„{i}“" for i in items], limit=limit)


def aenderungen(bericht: Umsetzungsbericht) -> list[str]:
    """Sentences on status, Ampel and indicator changes since ``bericht.vorher``."""
    vorher = bericht.vorher
    if vorher is None:
        return ["Dies ist der erste Bericht; ein Vergleich mit einem früheren "
                "Berichtszeitraum ist nicht möglich."]
    out: list[str] = []
    wechsel: dict[str, list[str]] = {}
    for feld in bericht.felder:
        for m in feld.massnahmen:
            if m.status_vorher is not None and m.status_vorher != m.status:
                wechsel.setdefault(m.status, []).append(m.titel)
    for status, titel in wechsel.items():
        n = len(titel)
        out.append(f"{n} {'Maßnahme ist' if n == 1 else 'Maßnahmen sind'} seit "
                   f"„{vorher.titel}“ neu „{status}“: {_liste(titel)}.")
    besser: list[str] = []
    schlechter: list[str] = []
    for feld in bericht.felder:
        for z in feld.ziele:
            alt, neu = _AMPEL_RANG.get(z.ampel_vorher or ""), _AMPEL_RANG.get(z.ampel)
            if alt is None or neu is None or alt == neu:
                continue
            text = f"{z.titel} ({z.ampel_vorher} → {z.ampel})"
            (besser if neu > alt else schlechter).append(text)
    if schlechter:
        out.append(f"Schlechter bewertet als im Vorbericht: {_liste(schlechter)}.")
    if besser:
        out.append(f"Besser bewertet als im Vorbericht: {_liste(besser)}.")
    umschlag = [f"{i.name} ({i.stufe_vorher} → {i.stufe})" for feld in bericht.felder
                for i in feld.indikatoren
                if i.stufe_vorher is not None and i.stufe_vorher != i.stufe]
    if umschlag:
        out.append(f"Neu bewertete Indikatoren: {_liste(umschlag)}.")
    if not out:
        out.append(f"Seit „{vorher.titel}“ hat sich an Status, Ampeln und Indikatoren nichts "
                   "geändert.")
    return out
