"""Matching one need against one offer, dimension by dimension, with reasons in words.

Dimensions and the rules (see also the package docstring):

- Handlungsfeld: the need's field must be one of the offer's fields.
- Zielgruppe: an offer without Zielgruppen is for everyone; an offer for G also serves
  every group G ``umfasst`` (transitively). A need without Zielgruppen asks for no
  particular group. A need with several groups asks for each of them: an offer for
  some of them covers the need in part.
- Sozialraum: empty means the whole (stadt-/kreisweit). An offer covers the place it is
  listed for and everything below it (``teil_von``); an offer for the whole covers every
  Ortsteil or Gemeinde. A need for several places asks for each of them.
- Sprache: each of the need's languages must be offered (some of them: in part). An
  offer without ``sprachen`` is taken to be held in German.
- Lernsprache, Merkmale (each required one), Form (hybrid satisfies Präsenz and online;
  a need for hybrid needs a hybrid offer) and Laufzeit at the concept's Stand are hard:
  an offer failing one of them does not cover the need at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..model.items import Bedarf
from ..text.german import word_list
from .index import FORM_OK, LAUFZEIT_OK, OfferFacts, Vokabular, bit, bits

_FORM_NUR = {"Präsenz": "nur in Präsenz", "online": "nur online", "hybrid": "nur hybrid"}
_ORT_PRAEP = {"Ortsteil": "im Ortsteil", "Stadtteil": "im Stadtteil", "Quartier": "im Quartier",
              "Gemeinde": "in der Gemeinde", "Stadt": "in der Stadt"}
_ORTE_PRAEP = {"Ortsteil": "in den Ortsteilen", "Stadtteil": "in den Stadtteilen",
               "Quartier": "in den Quartieren", "Gemeinde": "in den Gemeinden",
               "Stadt": "in den Städten"}


@dataclass(slots=True)
class NeedFacts:
    """What matching needs of a Bedarf (made for every need: slots, not frozen, are
    three times faster to make; nothing changes it after :func:`need_facts`)."""

    id: str
    hf: str | None
    gruppen: tuple[str, ...]  # empty: no particular group
    raeume: tuple[str, ...]  # never empty: the whole if none given
    sprachen: tuple[str, ...]
    lernsprache: str | None
    form: str | None
    merkmale: tuple[str, ...]
    umfang: int | None
    merkmal_set: frozenset[str] = frozenset()
    sprachen_set: frozenset[str] = frozenset()
    ober: tuple[frozenset[str], ...] = ()  # per group: itself and the groups including it
    ketten: tuple[frozenset[str], ...] = ()  # per place: itself and the places above it
    pflicht: int = LAUFZEIT_OK  # the bits an offer must have all of (OfferFacts.profil)
    sprachbits: int = 0  # the bits of which an offer needs one (none: any language)


def pflicht_bits(form: str | None, lern: str | None, merkmale: tuple[str, ...] | list[str]
                 ) -> int:
    """The bits an offer must have all of to serve a need (``NeedFacts.pflicht``)."""
    pflicht = LAUFZEIT_OK
    if form is not None:
        pflicht |= bit("f", form)
    if lern is not None:
        pflicht |= bit("l", lern)
    if merkmale:
        pflicht |= bits("m", merkmale)
    return pflicht


def need_facts(bedarf: Bedarf, vok: Vokabular) -> NeedFacts:
    folge, menge, teile = vok.folge, vok.menge, vok.teile
    listed = bedarf.sozialraeume
    raeume = folge(listed) if listed else folge((vok.gesamt,))
    gruppen = folge(bedarf.zielgruppen)
    merkmale = folge(bedarf.merkmale)
    sprachen = folge(bedarf.sprachen)
    lern, form = bedarf.lernsprache, bedarf.form
    # what needs with the same values share, made once (keyed by the shared tuples)
    pflicht = teile.get(("pflicht", form, lern, merkmale))
    if pflicht is None:
        pflicht = teile[("pflicht", form, lern, merkmale)] = pflicht_bits(form, lern, merkmale)
    ober = teile.get(("ober", gruppen))
    if ober is None:
        ober = teile[("ober", gruppen)] = tuple([vok.ober(g) for g in gruppen])
    ketten = teile.get(("ketten", raeume))
    if ketten is None:
        ketten = teile[("ketten", raeume)] = tuple([vok.kette_set(r) for r in raeume])
    sprachbits = teile.get(("sprachen", sprachen))
    if sprachbits is None:
        sprachbits = teile[("sprachen", sprachen)] = bits("s", sprachen)
    return NeedFacts(
        bedarf.id, bedarf.handlungsfeld, gruppen, raeume, sprachen, lern, form, merkmale,
        bedarf.umfang, menge(merkmale), menge(sprachen), ober, ketten, pflicht, sprachbits)


@dataclass
class Fehler:
    """One failed dimension: the words for the offer and the words for the need."""

    art: str
    bei_angebot: str
    beim_bedarf: str


@dataclass
class Fit:
    """How one offer fits one need."""

    offer: OfferFacts
    gruppen: frozenset[str | None]
    raeume: frozenset[str]
    sprachen: frozenset[str | None]
    passend: int = 0
    geprueft: int = 0
    teilweise: int = 0
    fehler: list[Fehler] = field(default_factory=list)

    def rank(self) -> tuple[int, int, int, int]:
        """The same key as :func:`score`: fewest failures, least important ones first."""
        schwere = sum(GEWICHT[art] for art in {e.art for e in self.fehler})
        return (-self.passend, schwere, -self.teilweise, self.offer.pos)


def ort(raum: str, vok: Vokabular) -> str:
    """The place with its preposition: „im Ortsteil Stederdorf“, „stadtweit“."""
    if raum == vok.gesamt:
        return vok.weit
    name = vok.name(raum)
    art = vok.raum_art.get(raum, "Sonstige")
    if art == "Kernstadt":
        return f"in der {name}" if "kernstadt" in name.lower() else f"in der Kernstadt {name}"
    praep = _ORT_PRAEP.get(art)
    return f"{praep} {name}" if praep else f"in {name}"


def orte(raeume: list[str], vok: Vokabular) -> str:
    """Several places: „in den Ortsteilen Stederdorf und Vöhrum“, „stadtweit und …“."""
    arten = {vok.raum_art.get(r, "Sonstige") for r in raeume if r != vok.gesamt}
    if len(raeume) > 1 and len(arten) == 1 and vok.gesamt not in raeume:
        praep = _ORTE_PRAEP.get(arten.pop())
        if praep:
            return f"{praep} {word_list([vok.name(r) for r in raeume])}"
    return word_list([ort(r, vok) for r in raeume])


def ohne_merkmal(merkmal: str, vok: Vokabular) -> str:
    """„ohne Kinderbetreuung“ for a noun, „nicht barrierefrei“ for an adjective,
    „kein Angebot nur für Frauen“ for a restriction."""
    name = vok.name(merkmal)
    if name.startswith("nur "):
        return f"kein Angebot {name}"
    return f"ohne {name}" if name[:1].isupper() else f"nicht {name}"


def _orte_kurz(raeume: tuple[str, ...], vok: Vokabular) -> str:
    return word_list([vok.weit if r == vok.gesamt else vok.name(r) for r in raeume])


def fits(need: NeedFacts, offer: OfferFacts) -> bool:
    """Fast test for an offer found by the index (so it already meets the need's field,
    and at least one of its groups and places): does it cover at least part of it?

    It runs at the Stand, has the form, the Lernsprache and every Merkmal the need asks
    for, and one of its languages (the bits of :func:`~.index.bit`)."""
    profil, pflicht = offer.profil, need.pflicht
    return profil & pflicht == pflicht and (not need.sprachbits
                                            or bool(profil & need.sprachbits))


def abdeckung(need: NeedFacts, offer: OfferFacts, vok: Vokabular
              ) -> tuple[frozenset[str | None], frozenset[str], frozenset[str | None]]:
    """Which of the need's groups, places and languages the offer reaches."""
    og = offer.zielgruppen
    gruppen: frozenset[str | None] = frozenset(
        g for g, ober in zip(need.gruppen, need.ober, strict=True)
        if not og or not og.isdisjoint(ober)
    ) if need.gruppen else frozenset((None,))
    oraeume = offer.raeume
    raeume = frozenset(r for r, kette in zip(need.raeume, need.ketten, strict=True)
                       if not kette.isdisjoint(oraeume))
    sprachen: frozenset[str | None] = frozenset(
        s for s in need.sprachen if s in offer.sprachen) if need.sprachen else frozenset((None,))
    return gruppen, raeume, sprachen


def _count(needed: tuple[frozenset[str], ...], have: Iterable[str]) -> int:
    """How many of the needed sets meet ``have``."""
    n = 0
    for want in needed:
        if not want.isdisjoint(have):
            n += 1
    return n


# How much failing a dimension weighs when offers fail equally many: the nearest offer is
# the one whose failures matter least (another field, an ended offer or another language
# taught weigh most, then the group, the place, the features, the language spoken, form).
GEWICHT = {"handlungsfeld": 128, "laufzeit": 64, "lernsprache": 32, "zielgruppe": 16,
           "sozialraum": 8, "merkmal": 4, "sprache": 2, "form": 1}


def score(need: NeedFacts, offer: OfferFacts, vok: Vokabular, stand_known: bool
          ) -> tuple[int, int, int, int]:
    """The rank key of the nearest offers (best first), without building any reasons:
    fewest failed conditions, then the least important failures, then partial matches."""
    return scorer(need, stand_known)(offer)


def scorer(need: NeedFacts, stand_known: bool
           ) -> Callable[[OfferFacts], tuple[int, int, int, int]]:
    """:func:`score` for one need, with what depends on the need alone worked out once."""
    hf = need.hf
    n_gruppen = len(need.gruppen)
    ober = need.ober
    ketten = need.ketten
    n_raeume = len(need.raeume)
    sprachen_set = need.sprachen_set
    n_sprachen = len(need.sprachen)
    lern = need.lernsprache
    merkmal_set = need.merkmal_set if need.merkmale else None
    form_ok = FORM_OK.get(need.form, (need.form,)) if need.form is not None else None
    w_hf, w_gruppe, w_raum = GEWICHT["handlungsfeld"], GEWICHT["zielgruppe"], GEWICHT[
        "sozialraum"]
    w_sprache, w_lern, w_merkmal = GEWICHT["sprache"], GEWICHT["lernsprache"], GEWICHT[
        "merkmal"]
    w_form, w_laufzeit = GEWICHT["form"], GEWICHT["laufzeit"]

    def key(offer: OfferFacts) -> tuple[int, int, int, int]:
        passend = teilweise = schwere = 0
        if hf is not None and hf in offer.handlungsfelder:
            passend += 1
        else:
            schwere += w_hf
        if n_gruppen:
            og = offer.zielgruppen
            n = _count(ober, og) if og else n_gruppen
            if n == n_gruppen:
                passend += 1
            else:
                teilweise += bool(n)
                schwere += w_gruppe
        n = _count(ketten, offer.raeume)
        if n == n_raeume:
            passend += 1
        else:
            teilweise += bool(n)
            schwere += w_raum
        if n_sprachen:
            n = len(sprachen_set & offer.sprachen)
            if n == n_sprachen:
                passend += 1
            else:
                teilweise += bool(n)
                schwere += w_sprache
        if lern is not None:
            if offer.lernsprache == lern:
                passend += 1
            else:
                schwere += w_lern
        if merkmal_set is not None:
            if merkmal_set <= offer.merkmale:
                passend += 1
            else:
                schwere += w_merkmal
        if form_ok is not None:
            if offer.form in form_ok:
                passend += 1
            else:
                schwere += w_form
        if stand_known:
            if offer.laufzeit_grund is None:
                passend += 1
            else:
                schwere += w_laufzeit
        return (-passend, schwere, -teilweise, offer.pos)

    return key


def evaluate(need: NeedFacts, offer: OfferFacts, vok: Vokabular, stand_known: bool,
             texts: bool = True) -> Fit:
    """Compare ``offer`` with ``need`` along every dimension the need records.

    With ``texts=False`` only the counts are exact (for ranking many offers fast);
    the reasons then carry their dimension but no words.
    """
    names = vok.name
    passend = geprueft = teilweise = 0
    fehler: list[Fehler] = []
    # Handlungsfeld
    geprueft += 1
    if need.hf is not None and need.hf in offer.handlungsfelder:
        passend += 1
    else:
        hf = names(need.hf) if need.hf else "–"
        fehler.append(Fehler("handlungsfeld", f"anderes Handlungsfeld als {hf}",
                             f"kein Angebot im Handlungsfeld {hf}") if texts else
                      Fehler("handlungsfeld", "", ""))
    gruppen, raeume, sprachen = abdeckung(need, offer, vok)
    # Zielgruppe
    if need.gruppen:
        geprueft += 1
        if len(gruppen) == len(need.gruppen):
            passend += 1
        else:
            teilweise += bool(gruppen)
            if texts:
                missing = [names(g) for g in need.gruppen if g not in gruppen]
                fuer = sorted(names(g) for g in offer.zielgruppen)
                fehler.append(Fehler(
                    "zielgruppe", "nur für " + word_list(fuer),
                    "Angebot vorhanden, aber nicht für " + word_list(missing)))
            else:
                fehler.append(Fehler("zielgruppe", "", ""))
    # Sozialraum
    geprueft += 1
    if len(raeume) == len(need.raeume):
        passend += 1
    else:
        teilweise += bool(raeume)
        if texts:
            missing = [r for r in need.raeume if r not in raeume]
            fehler.append(Fehler("sozialraum", "nur in " + _orte_kurz(offer.raeume, vok),
                                 "Angebot vorhanden, aber nicht " + orte(missing, vok)))
        else:
            fehler.append(Fehler("sozialraum", "", ""))
    # Sprache
    if need.sprachen:
        geprueft += 1
        if len(sprachen) == len(need.sprachen):
            passend += 1
        else:
            teilweise += bool(sprachen)
            # Short lists name what exists ("nur auf Deutsch"), long ones what is missing.
            text = bedarf_text = ""
            if texts:
                text = ("nur auf " + word_list(sorted(names(s) for s in offer.sprachen))
                        if offer.sprachen else "ohne Angabe der Sprache")
                bedarf_text = text if len(offer.sprachen) <= 2 else "nicht auf " + word_list(
                    [names(s) for s in need.sprachen if s not in sprachen])
            fehler.append(Fehler("sprache", text, bedarf_text))
    # Lernsprache
    if need.lernsprache is not None:
        geprueft += 1
        if offer.lernsprache == need.lernsprache:
            passend += 1
        else:
            lern = names(need.lernsprache)
            text = ("" if not texts else f"lehrt {names(offer.lernsprache)}, nicht {lern}"
                    if offer.lernsprache else f"kein Sprachkurs für {lern}")
            fehler.append(Fehler("lernsprache", text, text))
    # Merkmale
    if need.merkmale:
        geprueft += 1
        if need.merkmal_set <= offer.merkmale:
            passend += 1
        else:
            for m in need.merkmale:
                if m not in offer.merkmale:
                    text = ohne_merkmal(m, vok) if texts else ""
                    fehler.append(Fehler("merkmal", text, text))
    # Form
    if need.form is not None:
        geprueft += 1
        if offer.form in FORM_OK.get(need.form, (need.form,)):
            passend += 1
        else:
            text = _FORM_NUR.get(offer.form, f"nur {offer.form}")
            fehler.append(Fehler("form", text, text))
    # Laufzeit
    if stand_known:
        geprueft += 1
        if offer.laufzeit_grund is None:
            passend += 1
        else:
            fehler.append(Fehler("laufzeit", offer.laufzeit_grund, offer.laufzeit_grund))
    return Fit(offer, gruppen, raeume, sprachen, passend, geprueft, teilweise, fehler)
