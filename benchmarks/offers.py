"""Angebote, Bedarfe and Maßnahmen of the generated Landkreis (a mixin of ``ItemMaker``)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from vocab import ANGEBOTE, FINANZIERUNG, MASSNAHMEN_VERBEN, MERKMALE, SPRACHEN, ZEITEN, ZIELGRUPPEN

_ZG_NAME = dict(ZIELGRUPPEN)
_SPRACHE_NAME = dict(SPRACHEN)
_MERKMAL_IDS = [m[0] for m in MERKMALE]


def _active(laufzeit: dict[str, Any] | None, stand: dt.date) -> bool:
    """Whether an offer runs at ``stand`` (years and dates as the generator writes them)."""
    if not laufzeit:
        return True
    beginn, ende = laufzeit.get("beginn"), laufzeit.get("ende")
    first = beginn if isinstance(beginn, dt.date) else dt.date(int(str(beginn or 1900)[:4]), 1, 1)
    last = ende if isinstance(ende, dt.date) else dt.date(int(ende or 2999), 12, 31)
    return first <= stand <= last


class OfferMixin:
    """Needs the state of ``ItemMaker`` (rng, ids made so far)."""

    rng: random.Random
    stand: dt.date
    kreis_ids: list[str]
    akteure_by: dict[tuple[str, str], list[str]]
    akteure_of: dict[str, list[str]]
    ziele_of: dict[str, list[str]]
    indikatoren_of: dict[str, list[str]]
    angebote_of: dict[str, list[str]]
    gaps_of: dict[str, list[tuple[str, str]]]
    ortsteil_name: dict[str, str]
    gemeinde_name: dict[str, str]

    def prose(self, n: int) -> str: ...  # pragma: no cover - provided by ItemMaker

    def _quelle(self, gid: str) -> list[str]: ...  # pragma: no cover

    def angebote(self, g: dict[str, Any], hid: str, n: int) -> list[dict[str, Any]]:
        rng, gid, out = self.rng, g["id"], []
        traeger = self.akteure_by.get((gid, hid)) or self.akteure_of[gid]
        templates = ANGEBOTE[hid]
        for k in range(n):
            title, lern, (lo, hi), merk, zgs, form = templates[k % len(templates)]
            teil_id = rng.choice(g["ortsteile"])[0]
            r = rng.random()
            if r < 0.6:
                raeume = [teil_id]
            elif r < 0.85:
                raeume = [gid]
            elif r < 0.98:
                raeume = sorted({teil_id, rng.choice(g["ortsteile"])[0]})
            else:
                raeume = ["kreisweit"]
            ort_name = self.ortsteil_name.get(raeume[0], g["name"])
            aid = f"ang-{gid}-{hid}-{k + 1:03d}"
            a: dict[str, Any] = {
                "id": aid, "titel": f"{title} {ort_name}",
                "beschreibung": self._beschreibung(title, ort_name, zgs, merk),
                "traeger": traeger[k % len(traeger)]}
            if zgs:
                a["zielgruppen"] = list(zgs[: rng.randint(1, len(zgs))])
            a["sprachen"] = ["de", *rng.sample([s[0] for s in SPRACHEN[1:]], rng.randint(0, 2))]
            if lern:
                a["lernsprache"] = lern
            a["sozialraeume"] = raeume
            if rng.random() < 0.6:
                a["ort"] = f"Gemeindehaus {ort_name}"
            if form != "Präsenz":
                a["form"] = form
            merkmale = list(merk)
            if rng.random() < 0.3:
                extra = rng.choice(_MERKMAL_IDS)
                if extra not in merkmale:
                    merkmale.append(extra)
            if merkmale:
                a["merkmale"] = merkmale
            if rng.random() < 0.7:
                a["zeiten"] = rng.choice(ZEITEN)
            r = rng.random()
            beginn = rng.randint(2015, 2024)
            if r < 0.7:
                a["laufzeit"] = {"beginn": beginn}
            elif r < 0.88:
                a["laufzeit"] = {"beginn": beginn, "ende": rng.randint(2026, 2028)}
            elif r < 0.96:
                a["laufzeit"] = {"beginn": min(beginn, 2022),
                                 "ende": dt.date(rng.randint(2023, 2024), rng.randint(1, 12), 28)}
            else:
                a["laufzeit"] = {"beginn": f"2026-{rng.randint(1, 12):02d}"}
            if rng.random() < 0.9:
                a["kapazitaet"] = rng.randint(lo, hi)
            if "kostenfrei" not in merkmale and rng.random() < 0.4:
                a["kosten"] = f"{rng.randint(2, 8)} € je Termin"
            if rng.random() < 0.3:
                a["finanzierung"] = rng.choice(FINANZIERUNG)
            if rng.random() < 0.2:
                a["web"] = f"https://www.{gid}.example/angebote/{k + 1}"
            if rng.random() < 0.6:
                a["stand"] = dt.date(2025, rng.randint(1, 8), rng.randint(1, 28))
            if rng.random() < 0.3:
                a["quelle"] = self._quelle(gid)
            out.append(a)
        self.angebote_of.setdefault(hid, []).extend(x["id"] for x in out)
        return out

    def _beschreibung(self, title: str, ort: str, zgs: tuple[str, ...], merk: tuple[str, ...]
                      ) -> str:
        wer = ", ".join(_ZG_NAME[z] for z in zgs) or "alle Interessierten"
        text = f"{title} in {ort} für {wer}."
        if self.rng.random() < 0.3:
            text = f"Das Angebot *{title}* richtet sich an **{wer}**."
            if merk:
                text += "\n\n" + "\n".join(f"- {dict(MERKMALE)[m]}" for m in merk)
        return text

    def bedarfe(self, g: dict[str, Any], hid: str, angebote: list[dict[str, Any]], n: int
                ) -> list[dict[str, Any]]:
        rng, gid, out = self.rng, g["id"], []
        active = [a for a in angebote if _active(a.get("laufzeit"), self.stand)
                  and "kreisweit" not in a["sozialraeume"]]
        gaps = self.gaps_of.setdefault(hid, [])
        for k in range(n):
            bid = f"bed-{gid}-{hid}-{k + 1:02d}"
            r = rng.random()
            src = rng.choice(active) if active else None
            if src is not None and (r < 0.7 or (r < 0.85 and src.get("kapazitaet"))):
                b = self._bedarf_von(bid, g, src, partly=r >= 0.7)
                if r >= 0.7:
                    gaps.append((bid, gid))
            else:
                b = self._bedarf_frei(bid, g)
                gaps.append((bid, gid))
            b["prioritaet"] = rng.choice(("hoch", "mittel", "niedrig"))
            b["quelle"] = self._quelle(gid)
            if r > 0.985:
                b["akzeptiert"] = {"grund": "Zu geringe Nachfrage; Angebot im Nachbarort",
                                   "datum": dt.date(2025, 6, 18), "gremium": "Sozialausschuss"}
            out.append(b)
        return out

    def _bedarf_von(self, bid: str, g: dict[str, Any], src: dict[str, Any], partly: bool
                    ) -> dict[str, Any]:
        rng = self.rng
        raum = src["sozialraeume"][0]
        if raum == g["id"]:
            raum = rng.choice(g["ortsteile"])[0]
        ort = self.ortsteil_name[raum]
        kap = src.get("kapazitaet")
        stem = src["titel"].rsplit(" ", 1)[0]
        titel = f"Mehr Plätze im Angebot {stem} in {ort}" if partly else f"{stem} in {ort}"
        b: dict[str, Any] = {"id": bid, "titel": titel}
        if rng.random() < 0.4:
            b["beschreibung"] = (f"Am Runden Tisch genannt; vergleichbar mit [[{src['id']}]]."
                                 f"\n\n{self.prose(1)}")
        if src.get("zielgruppen"):
            b["zielgruppen"] = [rng.choice(src["zielgruppen"])]
        b["sozialraeume"] = [raum]
        b["sprachen"] = [rng.choice(src["sprachen"])]
        if src.get("lernsprache"):
            b["lernsprache"] = src["lernsprache"]
        if src.get("merkmale"):
            merkmale = rng.sample(src["merkmale"], rng.randint(0, len(src["merkmale"])))
            if merkmale:
                b["merkmale"] = merkmale
        if partly:
            b["umfang"] = kap * 2 + rng.randint(1, 20)
        else:
            b["umfang"] = rng.randint(3, max(3, (kap or 20) // 2))
        return b

    def _bedarf_frei(self, bid: str, g: dict[str, Any]) -> dict[str, Any]:
        rng = self.rng
        raum, ort, _ = rng.choice(g["ortsteile"])
        sprache = rng.choice(SPRACHEN[1:])
        zg = rng.choice(ZIELGRUPPEN[1:])
        merk = rng.sample(_MERKMAL_IDS, 2)
        b: dict[str, Any] = {
            "id": bid, "titel": f"Angebot für {zg[1]} auf {sprache[1]} in {ort}",
            "beschreibung": f"In der Befragung von {zg[1]} mehrfach genannt.\n\n"
                            + "\n".join(f"- {dict(MERKMALE)[m]}" for m in merk),
            "zielgruppen": [zg[0]], "sozialraeume": [raum], "sprachen": [sprache[0]],
            "merkmale": merk, "umfang": rng.randint(5, 40)}
        if rng.random() < 0.3:
            b["form"] = rng.choice(("Präsenz", "online"))
        return b

    def _massnahme_titel(self, hid: str, gid: str | None) -> str:
        stem = self.rng.choice(ANGEBOTE[hid])[0]
        ort = f"in {self.gemeinde_name[gid]}" if gid else "im ganzen Landkreis"
        return f"{self.rng.choice(MASSNAHMEN_VERBEN)} – {stem} {ort}"

    def massnahmen(self, hid: str, n: int) -> list[dict[str, Any]]:
        rng, out = self.rng, []
        gaps = self.gaps_of.get(hid, [])
        ziele = self.ziele_of[hid]
        angebote = self.angebote_of.get(hid, [])
        for k in range(n):
            mine = gaps[k::n]
            gid = mine[0][1] if mine else None
            ziel = ziele[k % len(ziele)]
            zi = ziele.index(ziel)
            lead = (rng.choice(self.kreis_ids) if gid is None or rng.random() < 0.3
                    else rng.choice(self.akteure_by.get((gid, hid)) or self.akteure_of[gid]))
            m: dict[str, Any] = {
                "id": f"m-{hid}-{k + 1:03d}",
                "titel": self._massnahme_titel(hid, gid),
                "beschreibung": (f"Baut auf [[{rng.choice(angebote)}]] auf und wird von "
                                 f"[[{lead}]] koordiniert. {self.prose(1)}"
                                 if angebote else self.prose(2)),
                "ziele": [ziel],
                "zielgruppen": list(rng.choice(ANGEBOTE[hid])[4][:1]) or ["zugewanderte"],
                "sozialraeume": [gid or "kreisweit"],
                "federfuehrung": lead,
                "kooperationspartner": rng.sample(self.kreis_ids, rng.randint(0, 3)),
            }
            done = rng.random() < 0.1
            if done:
                m["zeitraum"] = {"beginn": 2022, "ende": f"2024-{rng.randint(1, 12):02d}"}
            else:
                start = rng.randint(2024, 2026)
                m["zeitraum"] = {"beginn": f"{start}-{rng.randint(1, 12):02d}",
                                 "ende": rng.randint(start + 1, 2030)}
            m["zeithorizont"] = rng.choice(("kurzfristig", "mittelfristig", "langfristig"))
            m["prioritaet"] = rng.choice(("hoch", "mittel", "niedrig"))
            if rng.random() < 0.1:
                m["schwerpunkt"] = True
            if rng.random() < 0.5:
                m["ressourcen"] = f"{rng.choice((0.25, 0.5, 1))} VZÄ Koordination, Sachmittel"
            m["kosten"] = f"ca. {rng.randint(2, 90)}.000 € jährlich"
            m["finanzierung"] = rng.choice(FINANZIERUNG)
            m["indikatoren"] = [self.indikatoren_of[hid][2 * zi]]
            m["status"] = "umgesetzt" if done else rng.choice(
                ("geplant", "in Umsetzung", "laufend"))
            if mine:
                m["bedarfe"] = [b for b, _g in mine]
            m["quelle"] = self._quelle(gid or "kreis")
            out.append(m)
        return out
