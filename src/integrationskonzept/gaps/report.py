"""The gap report as a value: frozen dataclasses that carry ids, not model objects.

The same value feeds `ik gaps` (all output formats), the check IK601 and the gap
chapters and charts of the document build. ``GapReport.to_dict()`` is the stable JSON
form (German keys, like the sources).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ..problems import Location
from .folgen import Auswahl as Auswahl
from .folgen import Befunde as Befunde

# The three verdicts of a need, from good to bad.
GEDECKT = "gedeckt"
TEILWEISE = "teilweise gedeckt"
UNGEDECKT = "ungedeckt"
URTEILE = (GEDECKT, TEILWEISE, UNGEDECKT)

# Where a need stands after tracing it forward to Maßnahmen (``Befund.lage``).
LAGE_GEDECKT = "gedeckt"
LAGE_AKZEPTIERT = "akzeptiert"
LAGE_MASSNAHME = "Maßnahme zugeordnet"
LAGE_OFFEN = "offen"
LAGEN = (LAGE_GEDECKT, LAGE_AKZEPTIERT, LAGE_MASSNAHME, LAGE_OFFEN)

# Column ids that stand for "no restriction" in the matrices (not valid source ids).
ALLE_ZIELGRUPPEN = "_alle"
OHNE_HANDLUNGSFELD = "_ohne"


def _empty_names() -> Mapping[str, str]:
    return MappingProxyType({})


def _empty_parents() -> Mapping[str, str | None]:
    return MappingProxyType({})


def _empty_trees() -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Grund:
    """Why a need is not (fully) covered, in a coordinator's words.

    ``art`` names the dimension (handlungsfeld, zielgruppe, sozialraum, sprache,
    lernsprache, merkmal, form, laufzeit, kapazitaet, kombination); ``angebote`` the
    offers the reason is about (empty when it is about the need as a whole).
    """

    art: str
    text: str
    angebote: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"art": self.art, "text": self.text, "angebote": list(self.angebote)}


@dataclass(frozen=True)
class Kandidat:
    """An offer that comes close to a need: how many dimensions fit, what does not."""

    angebot: str
    titel: str
    passend: int
    geprueft: int
    abweichungen: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"angebot": self.angebot, "titel": self.titel, "passend": self.passend,
                "geprueft": self.geprueft, "abweichungen": list(self.abweichungen)}


@dataclass(frozen=True)
class MassnahmeBezug:
    """A Maßnahme meant to close a need (``bedarfe:``); ``aktiv`` if its status counts."""

    massnahme: str
    titel: str
    status: str
    aktiv: bool

    def to_dict(self) -> dict[str, Any]:
        return {"massnahme": self.massnahme, "titel": self.titel, "status": self.status,
                "aktiv": self.aktiv}


@dataclass(frozen=True)
class Befund:
    """The outcome for one Bedarf.

    ``urteil`` is one of :data:`URTEILE`; ``anteil`` the covered share (1.0 gedeckt,
    0.0 ungedeckt, in between for teilweise: the smaller of the share of places/groups/
    languages covered and the share of places in capacity); ``lage`` one of
    :data:`LAGEN`. ``angebote`` are the offers that cover the need (fully or in part),
    nearest first (own place and group before the wider ones); for a covered need only
    as many as it takes to cover it. ``naechste`` are the closest other offers, best
    first, ranked by how many of the checked dimensions fit.
    """

    bedarf: str
    titel: str
    handlungsfeld: str | None
    zielgruppen: tuple[str, ...]
    sozialraeume: tuple[str, ...]
    sprachen: tuple[str, ...]
    merkmale: tuple[str, ...]
    urteil: str
    anteil: float
    lage: str
    umfang: int | None = None
    plaetze: int | None = None
    kapazitaet_unbekannt: tuple[str, ...] = ()
    prioritaet: str | None = None
    gruende: tuple[Grund, ...] = ()
    hinweise: tuple[str, ...] = ()
    angebote: tuple[str, ...] = ()
    naechste: tuple[Kandidat, ...] = ()
    massnahmen: tuple[MassnahmeBezug, ...] = ()
    akzeptiert: str | None = None
    ort: Location = field(default=Location(""), compare=False, repr=False)
    quellen: tuple[str, ...] = ()  # where the need was named; a survey with its question

    @property
    def fundstelle(self) -> str:
        """Where the need is written (file:line:column), looked up when asked for."""
        return str(self.ort)

    @property
    def offen(self) -> bool:
        """An open gap: not covered, not accepted, no active Maßnahme."""
        return self.lage == LAGE_OFFEN

    if not TYPE_CHECKING:
        def __getattr__(self, name: str) -> Any:
            """``gruende`` and ``naechste`` of a Befund made by :func:`befund_value` with
            ``spaeter``: worked out on first use, then kept (only for missing names)."""
            spaeter = self.__dict__.get(_SPAETER)
            if spaeter is None or name not in _ERKLAERT:
                raise AttributeError(name)
            gruende, naechste = spaeter()
            values = self.__dict__
            values["gruende"], values["naechste"] = gruende, naechste
            del values[_SPAETER]
            return values[name]

    def to_dict(self) -> dict[str, Any]:
        return {
            "bedarf": self.bedarf, "titel": self.titel, "handlungsfeld": self.handlungsfeld,
            "zielgruppen": list(self.zielgruppen), "sozialraeume": list(self.sozialraeume),
            "sprachen": list(self.sprachen), "merkmale": list(self.merkmale),
            "urteil": self.urteil, "anteil": round(self.anteil, 4), "lage": self.lage,
            "umfang": self.umfang, "plaetze": self.plaetze,
            "kapazitaet_unbekannt": list(self.kapazitaet_unbekannt),
            "prioritaet": self.prioritaet,
            "gruende": [g.to_dict() for g in self.gruende], "hinweise": list(self.hinweise),
            "angebote": list(self.angebote), "naechste": [k.to_dict() for k in self.naechste],
            "massnahmen": [m.to_dict() for m in self.massnahmen],
            "akzeptiert": self.akzeptiert, "fundstelle": self.fundstelle,
        }


_SPAETER = "_spaeter"
_ERKLAERT = ("gruende", "naechste")
# Their defaults live in __init__; as class attributes they would hide a missing value
# from __getattr__.
for _name in _ERKLAERT:
    delattr(Befund, _name)


def befund_value(spaeter: Callable[[], tuple[tuple[Grund, ...], tuple[Kandidat, ...]]] | None,
                 values: dict[str, Any]) -> Befund:
    """A :class:`Befund` of ``values`` (every field by name; the dict becomes the
    Befund's own). With ``spaeter`` its ``gruende`` and ``naechste`` are left to
    ``spaeter()``, called when one of them is first read (ranking the nearest offers and
    wording the reasons of every gap costs more than most views print). The value is
    the same either way: equal, hashed and shown alike."""
    # Made for every need: filled in directly, not through the frozen __init__ (which
    # sets each field through object.__setattr__, at twice the cost).
    befund = object.__new__(Befund)
    if spaeter is not None:
        del values["gruende"], values["naechste"]
        values[_SPAETER] = spaeter
    object.__setattr__(befund, "__dict__", values)
    return befund


@dataclass(frozen=True)
class Doppelstruktur:
    """Offers that serve the same people in the same place in the same field at once."""

    handlungsfeld: str
    angebote: tuple[str, ...]
    zielgruppen: tuple[str, ...]
    sozialraeume: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"handlungsfeld": self.handlungsfeld, "angebote": list(self.angebote),
                "zielgruppen": list(self.zielgruppen), "sozialraeume": list(self.sozialraeume)}


@dataclass(frozen=True)
class AngebotKurz:
    """An offer in the mirror view (offers no recorded need asks for)."""

    angebot: str
    titel: str
    handlungsfelder: tuple[str, ...]
    zielgruppen: tuple[str, ...]
    sozialraeume: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"angebot": self.angebot, "titel": self.titel,
                "handlungsfelder": list(self.handlungsfelder),
                "zielgruppen": list(self.zielgruppen), "sozialraeume": list(self.sozialraeume)}


@dataclass(frozen=True)
class Zelle:
    """One cell of a coverage matrix: needs per verdict, and how many are open gaps."""

    zeile: str
    spalte: str
    gedeckt: int = 0
    teilweise: int = 0
    ungedeckt: int = 0
    offen: int = 0

    @property
    def gesamt(self) -> int:
        return self.gedeckt + self.teilweise + self.ungedeckt

    @property
    def anteil(self) -> float | None:
        """Share of fully covered needs (for a heat map); ``None`` for an empty cell."""
        return self.gedeckt / self.gesamt if self.gesamt else None

    def to_dict(self) -> dict[str, Any]:
        anteil = self.anteil
        return {"zeile": self.zeile, "spalte": self.spalte, "gedeckt": self.gedeckt,
                "teilweise": self.teilweise, "ungedeckt": self.ungedeckt, "offen": self.offen,
                "gesamt": self.gesamt, "anteil": None if anteil is None else round(anteil, 4)}


@dataclass(frozen=True)
class Matrix:
    """Coverage per Handlungsfeld (rows) × Sozialraum or Zielgruppe (columns).

    A need counts once in every column it names (a need for two Ortsteile in both);
    a need without Sozialraum counts for the whole, one without Zielgruppe in
    :data:`ALLE_ZIELGRUPPEN`. Only non-empty cells are stored.
    """

    name: str
    zeilen: tuple[str, ...]
    spalten: tuple[str, ...]
    zellen: tuple[Zelle, ...]

    def zelle(self, zeile: str, spalte: str) -> Zelle | None:
        """The cell at (zeile, spalte), ``None`` if no need counts there."""
        index: dict[tuple[str, str], Zelle] | None = self.__dict__.get("_index")
        if index is None:
            index = {(z.zeile, z.spalte): z for z in self.zellen}
            object.__setattr__(self, "_index", index)  # a cache, not part of the value
        return index.get((zeile, spalte))

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "zeilen": list(self.zeilen), "spalten": list(self.spalten),
                "zellen": [z.to_dict() for z in self.zellen]}


@dataclass(frozen=True)
class GapReport:
    """The whole gap analysis of one concept.

    ``namen`` maps every id used in the report to its readable name (``kurz`` the short
    names of Handlungsfelder that have one); ``raum_eltern``
    and ``gruppe_umfasst`` keep the vocabulary trees so a report can be filtered
    without the concept.
    """

    stand: dt.date | None
    befunde: Sequence[Befund]  # a tuple, or Befunde made when read
    doppelstrukturen: Sequence[Doppelstruktur]  # a tuple, or a Folge made when read
    angebote_ohne_bedarf: tuple[AngebotKurz, ...]
    matrix_sozialraum: Matrix
    matrix_zielgruppe: Matrix
    namen: Mapping[str, str] = field(default_factory=_empty_names, compare=False)
    raum_eltern: Mapping[str, str | None] = field(default_factory=_empty_parents,
                                                  compare=False)
    gruppe_umfasst: Mapping[str, tuple[str, ...]] = field(default_factory=_empty_trees,
                                                          compare=False)
    gesamtraum: str | None = None
    zahl_angebote: int = 0
    kurz: Mapping[str, str] = field(default_factory=_empty_names, compare=False)

    def kurzname(self, ident: str) -> str:
        """The short name of a Handlungsfeld (``kurz:``), else its name."""
        return self.kurz.get(ident) or self.name(ident)

    def name(self, ident: str | None) -> str:
        """The readable name of an id (the id itself if unknown)."""
        if ident is None:
            return "–"
        return self.namen.get(ident, ident)

    def befund(self, bedarf: str) -> Befund | None:
        for b in self.befunde:
            if b.bedarf == bedarf:
                return b
        return None

    def _spalte(self, name: str) -> list[str]:
        """The verdicts (``urteil``) or ``lage`` of every need, in source order."""
        befunde = self.befunde
        if isinstance(befunde, Befunde):
            return befunde.urteile if name == "urteil" else befunde.lagen
        return [getattr(b, name) for b in befunde]

    def zaehlung(self) -> dict[str, int]:
        """Needs per verdict, in the order of :data:`URTEILE`."""
        out = dict.fromkeys(URTEILE, 0)
        for urteil in self._spalte("urteil"):
            out[urteil] += 1
        return out

    def zaehlung_lage(self) -> dict[str, int]:
        out = dict.fromkeys(LAGEN, 0)
        for lage in self._spalte("lage"):
            out[lage] += 1
        return out

    def _mit(self, name: str, test: Callable[[str], bool]) -> tuple[Befund, ...]:
        befunde = self.befunde
        if isinstance(befunde, Befunde):
            return befunde.where(self._spalte(name), test)
        return tuple(b for b in befunde if test(getattr(b, name)))

    def luecken_schlimmste_zuerst(self) -> Sequence[Befund]:
        """:attr:`luecken` with the uncovered ones first, the open gaps first among
        each (else in source order); a report's own Befunde made when read."""
        befunde = self.befunde
        if not isinstance(befunde, Befunde):
            return sorted(self.luecken, key=lambda b: (b.urteil != UNGEDECKT, not b.offen))
        lagen = befunde.lagen
        return befunde.at(sorted(
            (i for i, u in enumerate(befunde.urteile) if u != GEDECKT),
            key=lambda i: (befunde.urteile[i] != UNGEDECKT, lagen[i] != LAGE_OFFEN)))

    @property
    def luecken(self) -> tuple[Befund, ...]:
        """Needs not fully covered (teilweise or ungedeckt), in source order."""
        return self._mit("urteil", GEDECKT.__ne__)

    @property
    def offene(self) -> tuple[Befund, ...]:
        """Open gaps: not covered, not accepted, and no active Maßnahme."""
        return self._mit("lage", LAGE_OFFEN.__eq__)

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form; keys German, lists in source order."""
        return {
            "stand": self.stand.isoformat() if self.stand else None,
            "zusammenfassung": {
                "bedarfe": len(self.befunde), "angebote": self.zahl_angebote,
                "urteile": self.zaehlung(), "lage": self.zaehlung_lage(),
                "offene_luecken": len(self.offene),
                "doppelstrukturen": len(self.doppelstrukturen),
                "angebote_ohne_bedarf": len(self.angebote_ohne_bedarf),
            },
            "bedarfe": [b.to_dict() for b in self.befunde],
            "matrix_sozialraum": self.matrix_sozialraum.to_dict(),
            "matrix_zielgruppe": self.matrix_zielgruppe.to_dict(),
            "doppelstrukturen": [d.to_dict() for d in self.doppelstrukturen],
            "angebote_ohne_bedarf": [a.to_dict() for a in self.angebote_ohne_bedarf],
            "namen": dict(sorted(self.namen.items())),
        }
