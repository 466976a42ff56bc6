"""Periods in words: "2024", "März 2024", "2024–2026" and how a Zeitraum shifted."""

from __future__ import annotations

from ..model.fielddates import Zeitpunkt
from ..model.items import Zeitraum
from ..text.german import zeitpunkt


def zeitpunkt_text(z: Zeitpunkt) -> str:
    """2024, März 2024 or 15.03.2024."""
    return zeitpunkt(z.first, z.precision, False, z.text, z.vorlaeufig)


def same_point(a: Zeitpunkt | None, b: Zeitpunkt | None, part: str = "") -> bool:
    """Whether two points mean the same: a Beginn by its first day, an Ende by its last."""
    if a is None or b is None:
        return a is b
    if part == "beginn":
        return a.first == b.first
    if part == "ende":
        return a.last == b.last
    return (a.first, a.last) == (b.first, b.last)


def span_text(z: Zeitraum) -> str:
    """``2024–2026``, ``ab 2024``, ``bis 2026`` or ``2024``."""
    b, e = z.beginn, z.ende
    if b is not None and e is not None:
        if same_point(b, e):
            return zeitpunkt_text(b)
        return f"{zeitpunkt_text(b)}–{zeitpunkt_text(e)}"
    if b is not None:
        return f"ab {zeitpunkt_text(b)}"
    if e is not None:
        return f"bis {zeitpunkt_text(e)}"
    return "ohne Angabe"


def _shift(label: str, part: str, old: Zeitpunkt | None, new: Zeitpunkt | None) -> str:
    if old is None and new is not None:
        return f"{label}: {part} ergänzt: {zeitpunkt_text(new)}"
    if new is None and old is not None:
        return f"{label}: {part} entfernt (war: {zeitpunkt_text(old)})"
    assert old is not None and new is not None
    return f"{label}: {part} verschoben von {zeitpunkt_text(old)} auf {zeitpunkt_text(new)}"


def zeitraum_change(label: str, old: Zeitraum | None, new: Zeitraum | None) -> str | None:
    """A period's change in words, or None when it means the same dates."""
    old_set = old is not None and (old.beginn or old.ende)
    new_set = new is not None and (new.beginn or new.ende)
    if not old_set and not new_set:
        return None
    if not old_set:
        assert new is not None
        return f"{label} ergänzt: {span_text(new)}"
    if not new_set:
        assert old is not None
        return f"{label} entfernt (war: {span_text(old)})"
    assert old is not None and new is not None
    same_b = same_point(old.beginn, new.beginn, "beginn")
    same_e = same_point(old.ende, new.ende, "ende")
    if same_b and same_e:
        return None
    if same_e:
        return _shift(label, "Beginn", old.beginn, new.beginn)
    if same_b:
        return _shift(label, "Ende", old.ende, new.ende)
    return f"{label} verschoben von {span_text(old)} auf {span_text(new)}"
