"""The entries of the generated Landkreis: Akteure, Angebote, Bedarfe, Maßnahmen and the rest.

One :class:`ItemMaker` holds the ids made so far, so later entries refer only to ids
that exist: every Akteur is Träger of some Angebot, every Ziel is pursued by a Maßnahme,
every Bedarf has a Quelle, and every Bedarf that no Angebot is built to cover is named
by a Maßnahme. About 70 % of the Bedarfe are copied from an active Angebot (covered),
15 % ask for more than its Kapazität (partly covered), 15 % are random (mostly gaps).
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from offers import OfferMixin
from vocab import HANDLUNGSFELDER, NAMEN, SPRACHEN, TRAEGER_MUSTER, ZIELGRUPPEN

_SLUG = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe",
                       "Ü": "ue", " ": "-", ".": "", "(": "", ")": "", "„": "", "“": ""})
SATZ = (
    "Der Landkreis versteht Integration als gemeinsame Aufgabe aller, die hier leben.",
    "Die Angebote sind in den Kernorten gut erreichbar, in den kleineren Ortsteilen fehlen "
    "jedoch oft Busverbindungen am Nachmittag.",
    "In den Workshops wurde mehrfach der Wunsch nach **Kinderbetreuung** während der Kurse "
    "genannt.",
    "Viele Ehrenamtliche engagieren sich seit 2015; die Zahl der Aktiven ist seither gesunken.",
    "Die Kooperation mit den Migrant*innenorganisationen soll verbindlicher werden.",
    "Für Neuzugewanderte ist der erste Kontakt zur Verwaltung entscheidend.",
    "Die Wartezeiten für Integrationskurse liegen in einigen Gemeinden bei über drei Monaten.",
    "Mehrsprachige Informationen erreichen Familien besser als Aushänge im Rathaus.",
    "Das Monitoring zeigt Fortschritte, aber auch deutliche Unterschiede zwischen den "
    "Gemeinden.",
    "Die Ergebnisse der Befragung sind im Anhang dokumentiert.",
)


def slug(text: str) -> str:
    """An ASCII id part from a German name."""
    return "".join(c for c in text.lower().translate(_SLUG) if c.isalnum() or c == "-")


class ItemMaker(OfferMixin):
    """Makes entries that refer only to ids made before (see module docstring)."""

    def __init__(self, rng: random.Random, gems: list[dict[str, Any]], stand: dt.date) -> None:
        self.rng = rng
        self.gems = gems
        self.stand = stand
        self.kreis_ids: list[str] = []
        self.akteure_by: dict[tuple[str, str], list[str]] = {}  # (gemeinde, hf) -> ids
        self.akteure_of: dict[str, list[str]] = {}
        self.beteiligung_of: dict[str, list[str]] = {}
        self.indikatoren_of: dict[str, list[str]] = {}
        self.ziele_of: dict[str, list[str]] = {}
        self.angebote_of: dict[str, list[str]] = {}
        self.gaps_of: dict[str, list[tuple[str, str]]] = {}  # hf -> [(bedarf, gemeinde)]
        self.ortsteil_name = {t[0]: t[1] for g in gems for t in g["ortsteile"]}
        self.gemeinde_name = {g["id"]: g["name"] for g in gems}

    # -- text -------------------------------------------------------------------------
    def prose(self, n: int) -> str:
        sentences = [self.rng.choice(SATZ) for _ in range(n)]
        paras = [" ".join(sentences[i:i + 3]) for i in range(0, n, 3)]
        return "\n\n".join(paras)

    def ausgangslage(self, name: str) -> str:
        return (f"Im Handlungsfeld *{name}* wurden 2024 alle Gemeinden befragt.\n\n"
                f"{self.prose(4)}\n\n- Stärken: gewachsene Netzwerke\n"
                "- Schwächen: Erreichbarkeit im ländlichen Raum\n")

    def leitziel(self, name: str) -> str:
        return (f"Alle Menschen im Landkreis haben im Bereich {name} gleiche Chancen, "
                "unabhängig von Herkunft und Wohnort.")

    # -- Akteure ----------------------------------------------------------------------
    def kreis_akteure(self) -> list[dict[str, Any]]:
        spec = (
            ("lk-stabsstelle-integration", "Landkreis – Stabsstelle Integration", "Verwaltung"),
            ("lk-auslaenderbehoerde", "Landkreis – Ausländerbehörde", "Verwaltung"),
            ("lk-jugendamt", "Landkreis – Jugendamt", "Verwaltung"),
            ("lk-gesundheitsamt", "Landkreis – Gesundheitsamt", "Verwaltung"),
            ("lk-bildungsbuero", "Bildungsbüro des Landkreises", "Verwaltung"),
            ("lk-jobcenter", "Jobcenter Landkreis Lindenau", "Arbeitsverwaltung"),
            ("lk-kvhs", "Kreisvolkshochschule Lindenau", "Bildungsträger"),
            ("lk-integrationsbeirat", "Integrationsbeirat des Landkreises", "Politik"),
            ("lk-sozialausschuss", "Ausschuss für Soziales des Kreistags", "Politik"),
            ("lk-migrationszentrum", "Migrationszentrum Lindenau", "Beratung"),
            ("lk-psz", "Psychosoziales Zentrum für Geflüchtete", "Beratung"),
            ("lk-ihk", "IHK-Geschäftsstelle Lindenau", "Wirtschaft"),
            ("lk-kreissportbund", "Kreissportbund Lindenau e. V.", "Zivilgesellschaft"),
            ("lk-mso-netzwerk", "Netzwerk der Migrant*innenorganisationen",
             "Migrant*innenorganisation"),
            ("lk-hochschule", "Hochschule Lindenau – Institut für Sozialforschung",
             "Wissenschaft"),
        )
        out = []
        for i, (aid, name, typ) in enumerate(spec):
            a: dict[str, Any] = {"id": aid, "name": name, "typ": typ, "ebene": "Landkreis",
                                 "sozialraum": "kreisweit",
                                 "einfluss": "hoch" if i < 8 else "mittel",
                                 "kontakt": {"stelle": name, "email": f"{aid}@lindenau.example"}}
            if i:
                a["beziehungen"] = [{"zu": "lk-stabsstelle-integration",
                                     "art": self.rng.choice(("Kooperation", "Hierarchie"))}]
            out.append(a)
            self.kreis_ids.append(aid)
        return out

    def akteure(self, g: dict[str, Any], n: int) -> list[dict[str, Any]]:
        rng, gid, out = self.rng, g["id"], []
        ids = self.akteure_of.setdefault(gid, [])
        for k in range(n):
            pattern, kurz, typ, ebene, hfs = TRAEGER_MUSTER[k % len(TRAEGER_MUSTER)]
            tid, tname, _ = rng.choice(g["ortsteile"])
            name = pattern.format(g=g["name"], o=tname.replace(" (Kernort)", ""),
                                  name=rng.choice(NAMEN))
            aid = f"{slug(kurz or pattern.split()[0])[:12]}-{gid}-{k + 1:03d}"
            a: dict[str, Any] = {"id": aid, "name": name}
            if kurz:
                a["kurz"] = kurz
            a.update({"typ": typ, "ebene": ebene,
                      "sozialraum": tid if "{o}" in pattern else gid,
                      "handlungsfelder": list(hfs),
                      "einfluss": rng.choice(("hoch", "mittel", "gering", "gering"))})
            if rng.random() < 0.5:
                a["kontakt"] = {"telefon": f"0517{rng.randint(1, 9)} {rng.randint(1000, 99999)}",
                                "email": f"info@{aid}.example"}
            if ids and rng.random() < 0.4:
                a["beziehungen"] = [{"zu": rng.choice(ids), "art": rng.choice(
                    ("Kooperation", "Kooperation", "informell", "Förderung", "Spannung"))}]
                if rng.random() < 0.2:
                    a["beziehungen"][0]["thema"] = "Raumnutzung im Gemeindehaus"
            if rng.random() < 0.3:
                a["beschreibung"] = self.prose(1)
            ids.append(aid)
            for hf in hfs:
                self.akteure_by.setdefault((gid, hf), []).append(aid)
            out.append(a)
        return out

    # -- Beteiligung ------------------------------------------------------------------
    def kreis_beteiligung(self) -> dict[str, Any]:
        hfs = [h[0] for h in HANDLUNGSFELDER]
        ver = [{"id": "auftakt-2024", "titel": "Auftaktveranstaltung zur Fortschreibung",
                "art": "Auftaktveranstaltung", "datum": dt.date(2024, 2, 22),
                "ort": "Kreishaus Lindenau", "teilnehmende": 140,
                "veranstalter": "lk-stabsstelle-integration", "handlungsfelder": hfs},
               {"id": "fachtag-2025", "titel": "Fachtag Integration im ländlichen Raum",
                "art": "Fachtag", "datum": dt.date(2025, 3, 12), "teilnehmende": 95,
                "veranstalter": "lk-bildungsbuero"}]
        ags = [{"id": f"ag-kreis-{h}", "titel": f"Kreisarbeitsgruppe {name}",
                "handlungsfelder": [h], "leitung": self.rng.choice(self.kreis_ids),
                "mitglieder": self.rng.sample(self.kreis_ids, 5),
                "sitzungen": [dt.date(2024, m, 10 + i) for m in (3, 6, 9)]}
               for i, (h, name, _k) in enumerate(HANDLUNGSFELDER)]
        bef = [{"id": "bef-kreis-2024", "titel": "Kreisweite Befragung Zugewanderter",
                "zeitraum": {"beginn": dt.date(2024, 4, 1), "ende": dt.date(2024, 5, 31)},
                "zielgruppen": ["zugewanderte"], "sprachen": [s[0] for s in SPRACHEN[:8]],
                "instrument": "LimeSurvey und Papierfragebogen", "versandt": 4000,
                "ruecklauf": 812}]
        self.beteiligung_of["kreis"] = (["auftakt-2024", "fachtag-2025", "bef-kreis-2024"]
                                        + [a["id"] for a in ags])
        return {"veranstaltungen": ver, "arbeitsgruppen": ags, "befragungen": bef}

    def beteiligung(self, g: dict[str, Any]) -> dict[str, Any]:
        rng, gid, name = self.rng, g["id"], g["name"]
        akt = self.akteure_of[gid]
        ver = [{"id": f"rt-{gid}", "titel": f"Runder Tisch Integration {name}",
                "art": "Runder Tisch", "datum": dt.date(2024, rng.randint(1, 12), 17),
                "ort": f"Rathaus {name}", "teilnehmende": rng.randint(15, 40),
                "veranstalter": akt[16 % len(akt)], "beschreibung": self.prose(2)},
               {"id": f"forum-{gid}", "titel": f"Forum „Zusammen in {name}“", "art": "Forum",
                "datum": dt.date(2024, rng.randint(1, 12), 5), "teilnehmende": rng.randint(30, 90)}]
        ver += [{"id": f"ws-{gid}-{k}", "titel": f"Workshop {h[1]}", "art": "Workshop",
                 "datum": dt.date(2024, rng.randint(1, 12), rng.randint(1, 28)),
                 "handlungsfelder": [h[0]], "teilnehmende": rng.randint(8, 25)}
                for k, h in enumerate(rng.sample(HANDLUNGSFELDER, 3), 1)]
        ags = [{"id": f"ag-{gid}-{k}", "titel": f"AG {h[2]} {name}", "handlungsfelder": [h[0]],
                "leitung": rng.choice(akt), "mitglieder": rng.sample(akt, rng.randint(5, 12)),
                "sitzungen": sorted({dt.date(2024, rng.randint(1, 12), rng.randint(1, 28))
                                     for _ in range(4)})}
               for k, h in enumerate(rng.sample(HANDLUNGSFELDER, 2), 1)]
        bef = [{"id": f"bef-{gid}", "titel": f"Elternbefragung {name}",
                "zeitraum": {"beginn": "2024-09", "ende": "2024-10"},
                "zielgruppen": ["eltern"], "sprachen": ["de", "ar", "tr", "uk"],
                "instrument": "Papierfragebogen", "versandt": rng.randint(200, 900),
                "ruecklauf": rng.randint(40, 190)}]
        self.beteiligung_of[gid] = [x["id"] for x in (*ver, *ags, *bef)]
        return {"veranstaltungen": ver, "arbeitsgruppen": ags, "befragungen": bef}

    def _quelle(self, gid: str) -> list[str]:
        pool = self.beteiligung_of[gid]
        out = [self.rng.choice(pool)]
        if self.rng.random() < 0.3:
            out.append(self.rng.choice(self.beteiligung_of["kreis"]))
        return out

    # -- Indikatoren, Ziele -----------------------------------------------------------
    def indikatoren(self, hid: str, n_ziele: int) -> list[dict[str, Any]]:
        rng, out = self.rng, []
        for k in range(1, 2 * n_ziele + 1):
            base = rng.randint(5, 60)
            out.append({
                "id": f"ind-{hid}-{k:02d}", "name": f"Anteil erreichter Personen ({hid}, {k})",
                "definition": "Anteil der Teilnehmenden mit Migrationsgeschichte an allen "
                              "Teilnehmenden in **Prozent**.",
                "datenquelle": rng.choice(("Trägerstatistik", "Schulstatistik des Landes",
                                           "Bundesagentur für Arbeit", "Eigene Erhebung")),
                "einheit": "%", "richtung": "steigen",
                "basiswert": {"wert": f"{base},{rng.randint(0, 9)}", "jahr": 2022},
                "zielwert": {"wert": base + rng.randint(3, 15), "jahr": 2030},
                "istwerte": {2023: f"{base + 1},{rng.randint(0, 9)}",
                             2024: f"{base + 2},{rng.randint(0, 9)}"}})
        self.indikatoren_of[hid] = [i["id"] for i in out]
        return out

    def ziele(self, hid: str, name: str, n: int) -> list[dict[str, Any]]:
        ind = self.indikatoren_of[hid]
        out = [{"id": f"z-{hid}-{k:02d}", "titel": f"{name}: Teilziel {k}",
                "beschreibung": self.prose(2),
                "zielgruppen": [self.rng.choice(ZIELGRUPPEN)[0]],
                "indikatoren": [ind[2 * k - 2], ind[2 * k - 1]], "zieljahr": 2030}
               for k in range(1, n + 1)]
        self.ziele_of[hid] = [z["id"] for z in out]
        return out

