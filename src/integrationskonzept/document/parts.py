"""The typed parts of the template context (see :mod:`.context`).

Values are ready to print: plain ``str`` is text (the template escapes it), :class:`Md`
is Markdown written by the package (links, joined lists), :class:`Prosa` a Markdown
field of the sources (a placeholder the prosa filter fills).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .markdown import Md, Prosa, escape

_MARKUP = re.compile(r"\]\([^)]*\)|[\\*_\[\]`]")


def _plain(text: str) -> str:
    """The visible text of a Markdown cell (link targets and markup removed)."""
    return _MARKUP.sub("", str(text))


# Tables with more rows are written as lists: typst lays out a 10,000-row table in
# gigabytes of memory, a list of the same entries in a fraction (Landkreis scale).
LANG_AB = 200


def als_liste(zeilen: int) -> bool:
    """Whether a table of ``zeilen`` rows is shown as a list (more than :data:`LANG_AB`)."""
    return zeilen > LANG_AB


# Characters of table text that fit on one line of the page (portrait, landscape), the
# cell padding of a column and how much wider than an average letter a word's letters may
# be (digits, capitals, the bold header): at 11 pt over 16 cm about 84 average letters.
ZEILE = 80
ZEILE_QUER = 120
RAND = 2
BREIT = 1.15
# A column whose whole text is this short is kept on one line if the line allows.
KURZ = 16
# When even the longest words overflow a line, the wide columns get at least this share
# of their width (their long words break) and the narrow ones keep theirs.
MINDESTENS = 0.6


def column_widths(needs: list[int], wants: list[int], line: int) -> list[int]:
    """Column widths in characters for columns whose longest word has ``needs`` letters
    and whose typical text ``wants`` letters.

    Each column gets its longest word (and padding) first; short columns (numbers,
    dates, „24,8 %“) then get their whole text, so that it stays on one line; what is
    left of ``line`` goes to the longer columns in proportion to how much more they
    want. When everything fits, the wanted widths stand; when the longest words alone
    overflow the line, the narrow columns keep theirs (see :func:`_narrow_first`).
    """
    low = [int(n * BREIT + 0.999) + RAND for n in needs]
    high = [max(lo, w + RAND) for lo, w in zip(low, wants, strict=True)]
    if sum(high) <= line:
        return high
    if sum(low) >= line:
        return _narrow_first(low, line)
    spare = line - sum(low)
    out = list(low)
    short = [i for i, h in enumerate(high) if h <= KURZ]
    if sum(high[i] - low[i] for i in short) <= spare:
        for i in short:
            spare -= high[i] - low[i]
            out[i] = high[i]
    rest = [i for i in range(len(out)) if out[i] < high[i]]
    more = sum(high[i] - low[i] for i in rest)
    for i in rest:
        out[i] += int((high[i] - low[i]) * spare / more)
    return out


def _narrow_first(widths: list[int], line: int) -> list[int]:
    """``widths`` that overflow ``line``, fitted: the narrowest columns (numbers, dates,
    short words) keep their width as long as the others still get at least
    :data:`MINDESTENS` of theirs; those others share the rest in proportion."""
    kept: set[int] = set()
    for i in sorted(range(len(widths)), key=lambda i: (widths[i], i)):
        others = [j for j in range(len(widths)) if j not in kept and j != i]
        left = line - sum(widths[j] for j in kept) - widths[i]
        if not others or left < MINDESTENS * sum(widths[j] for j in others):
            break
        kept.add(i)
    left = line - sum(widths[j] for j in kept)
    rest = sum(w for j, w in enumerate(widths) if j not in kept)
    out = [w if j in kept else max(3, int(w * left / rest)) for j, w in enumerate(widths)]
    # the floor of 3 letters can overflow the line again (many narrow columns): the
    # widest columns give a letter each until the table fits
    while sum(out) > line and max(out) > 3:
        widest = max(range(len(out)), key=lambda j: (out[j], -j))
        out[widest] -= 1
    return out


@dataclass(frozen=True)
class Feld:
    """One „Name: Wert“ line of an entry."""

    name: str
    wert: Md


@dataclass(frozen=True)
class Abschnitt:
    """A labelled Markdown text of an entry, e.g. „Definition“ of an Indikator."""

    name: str
    text: Prosa


@dataclass(frozen=True)
class Punkt:
    """A numbered or named entry shown under its own heading (Maßnahme, Ziel, …)."""

    id: str
    anchor: str
    nummer: str
    titel: str
    beschreibung: Prosa | None = None
    felder: list[Feld] = field(default_factory=list)
    abschnitte: list[Abschnitt] = field(default_factory=list)
    bewertung: str = ""
    gruende: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.nummer} {self.titel}" if self.nummer else self.titel


@dataclass(frozen=True)
class Tabelle:
    """A pipe table: header, rows of Markdown cells, caption; ``quer`` for landscape
    (the table turns its page), ``querseite`` when a part around it turns the pages.
    ``gruppen``: consecutive rows under a heading each (title, anchor, number of rows),
    used when it is shown as a list (:attr:`lang`)."""

    anchor: str
    titel: str
    kopf: list[str]
    zeilen: list[list[Md]]
    quer: bool = False
    querseite: bool = False
    gruppen: tuple[tuple[str, str, int], ...] = ()

    @property
    def trenner(self) -> Md:
        """The separator line of the pipe table, its dashes giving relative column widths.

        Each column's width follows its content: the longest word (never split) or the
        typical cell length, whichever is larger, bounded so that one long text column
        cannot squeeze the others. „Nr.“ stays narrow, a title column wide.
        """
        return Md("|" + "".join("-" * n + "|" for n in self.breiten()))

    def breiten(self) -> list[int]:
        """Relative column widths (characters) from header and cells.

        Every column first gets room for its longest word (never split: „51.086“,
        „31.12.2020“), the rest of a line goes to the columns with longer texts in
        proportion to what they would want more (see :func:`column_widths`).
        """
        needs, wants = [], []
        for index, kopf in enumerate(self.kopf):
            cells = [_plain(zeile[index]) for zeile in self.zeilen[:200] if index < len(zeile)]
            words = [len(w) for text in [kopf, *cells] for w in text.split()] or [3]
            lengths = sorted(len(text) for text in cells) or [len(kopf)]
            typical = lengths[(len(lengths) * 3) // 4]  # the upper quartile
            need = max(3, min(max(words), 24))
            needs.append(need)
            wants.append(max(need, min(typical, 45)))
        return column_widths(needs, wants,
                             ZEILE_QUER if self.quer or self.querseite else ZEILE)

    @property
    def lang(self) -> bool:
        """More rows than a page-laid table should hold: shown as a list (see LANG_AB)."""
        return als_liste(len(self.zeilen))

    def abschnitte(self) -> list[tuple[str, str, list[Md]]]:
        """The list entries (:meth:`eintraege`) by :attr:`gruppen`: title, anchor, entries."""
        out, start = [], 0
        for titel, anchor, rows in self.gruppen:
            out.append((titel, anchor, self.eintraege(self.zeilen[start:start + rows])))
            start += rows
        return out

    def eintraege(self, zeilen: list[list[Md]] | None = None) -> list[Md]:
        """The rows (or ``zeilen``) as list entries: „**first cell** Kopf: Wert; Kopf: Wert“."""
        named = 2 if self.kopf and self.kopf[0] == "Nr." else 1  # „Nr.“ then the title
        out = []
        for zeile in self.zeilen if zeilen is None else zeilen:
            teile = [f"{escape(k)}: {c}" for k, c in zip(self.kopf[named:], zeile[named:],
                                                         strict=False) if c and c != "–"]
            kopf = " ".join(str(c) for c in zeile[1:named])
            out.append(Md(f"**{zeile[0]}** {kopf}" + (" – " if kopf and teile else "")
                          + "; ".join(teile)))
        return out


@dataclass(frozen=True)
class Abbildung:
    """A chart: file in the build (SVG, with a PNG twin for DOCX), alt text, caption."""

    anchor: str
    datei: str
    alt: str
    titel: str


@dataclass(frozen=True)
class Kapitel:
    """A text chapter from a Markdown file (``kapitel:`` in konzept.yaml)."""

    id: str
    anchor: str
    titel: str
    text: Prosa | None
    unterzeichnung: tuple[str, ...] = ()  # name, amt: the signature block under the text


@dataclass(frozen=True)
class HandlungsfeldKapitel:
    """One chapter per Handlungsfeld, in the order of konzept.yaml."""

    id: str
    anchor: str
    nummer: int
    name: str
    querschnitt: bool = False
    beschreibung: Prosa | None = None
    ausgangslage: Prosa | None = None
    leitziel: Prosa | None = None
    horizont: str = ""
    leitziel_anchor: str = ""
    leitziel_nummer: str = ""
    steuerung: Prosa | None = None
    angebote: list[Punkt] = field(default_factory=list)
    angebote_hinweis: list[Md] = field(default_factory=list)
    weitere_angebote: list[Md] = field(default_factory=list)
    bedarfe: list[Punkt] = field(default_factory=list)
    bedarfe_tabelle: Tabelle | None = None
    ziele: list[Punkt] = field(default_factory=list)
    massnahmen: list[Punkt] = field(default_factory=list)
    # Ziele and Maßnahmen of other fields that name this one too (or all: querschnitt)
    weitere_ziele: list[Md] = field(default_factory=list)
    weitere_massnahmen: list[Md] = field(default_factory=list)


@dataclass(frozen=True)
class Impressum:
    herausgeber: list[str]
    beschluesse: list[list[Feld]]
    foerderung: list[list[Feld]]
    hinweise: list[str]
    kontakt: list[Feld]


@dataclass(frozen=True)
class Luecken:
    """The gap analysis in numbers, plus the lists the Anhang shows."""

    zaehlung: list[Feld]
    doppelstrukturen: list[Md]
    ungefragt: list[Md]
    abbildungen: list[Abbildung] = field(default_factory=list)


@dataclass(frozen=True)
class Teil:
    """A point of the declared outline (``gliederung:``), ready to print.

    ``art`` is „kapitel“ (an author's chapter, ``kapitel`` its text), „gruppe“ (a heading
    over ``unter``) or the name of a generated part. ``felder`` maps each Handlungsfeld a
    per-field part shows to the anchor of its heading there; ``katalog`` holds the
    Maßnahmenkatalog's tables, one per Handlungsfeld when grouped (name, anchor, table).
    """

    art: str
    titel: str
    anchor: str
    ebene: int
    kapitel: Kapitel | None = None
    felder: dict[str, str] = field(default_factory=dict)
    katalog: list[tuple[str, str, Tabelle]] = field(default_factory=list)
    unter: list[Teil] = field(default_factory=list)
    # headings of its own: False for the Handlungsfelder as chapters (each field one)
    ueberschrift: bool = True
    # the grouped Maßnahmenkatalog on landscape pages as a whole, not a page per table
    quer: bool = False


@dataclass(frozen=True)
class Dokument:
    """The whole template context, in document order."""

    titel: str
    untertitel: str
    kommune: str
    stand: str
    version: str
    impressum: Impressum
    vorne: list[Kapitel]
    ausgangslage_kapitel: Kapitel | None
    bevoelkerung: list[Tabelle]
    bevoelkerung_abbildungen: list[Abbildung]
    beteiligung_kapitel: Kapitel | None
    veranstaltungen: list[Punkt]
    arbeitsgruppen: list[Punkt]
    befragungen: list[Punkt]
    handlungsfelder: list[HandlungsfeldKapitel]
    katalog: Tabelle | None
    katalog_abbildungen: list[Abbildung]
    hinten: list[Kapitel]
    indikatoren_tabelle: Tabelle | None
    indikatoren: list[Punkt]
    luecken: Luecken | None
    akteure: Tabelle | None
    akteur_abbildungen: list[Abbildung]
    angebote: Tabelle | None
    glossar: list[Abschnitt]
    abkuerzungen: Tabelle | None
    anhang: list[Kapitel]
    quellen: list[Md] = field(default_factory=list)  # the source list of the Anhang
    # Per Befragung id: its results (document.befragungen.Ergebnis), in survey order.
    befragung_ergebnisse: dict[str, list[Any]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    # The declared outline; empty: the standard order of dokument.md.j2
    gliederung: list[Teil] = field(default_factory=list)
