"""Generate a Landkreis-sized concept folder in the ik source format, for benchmarks.

At ``--scale 1``: 10 Gemeinden with their Ortsteile, about 2,000 Akteure, 10,000 Angebote,
5,000 Bedarfe, 1,000 Maßnahmen, Ziele, Indikatoren and Beteiligung, in about 150 files
(per Gemeinde and Handlungsfeld). The scale factor sets the number of Gemeinden
(0.5 → 5, 2 → 20, 4 → 40), so files keep a realistic size and the totals grow linearly.
The output is deterministic for a given seed and scale.

    python benchmarks/generate.py OUT_DIR [--scale 1] [--seed 2024]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from items import ItemMaker, slug  # noqa: E402
from monitoringdata import add_monitoring  # noqa: E402
from vocab import (  # noqa: E402
    HANDLUNGSFELDER,
    MERKMALE,
    ORT_ANFANG,
    ORT_ENDE,
    SPRACHEN,
    ZIELGRUPPEN,
    ZIELGRUPPEN_UMFASST,
)

STAND = dt.date(2025, 9, 30)
KREIS = "kreisweit"
AKTEURE_JE_GEMEINDE = 200
ANGEBOTE_JE_DATEI = 100  # per Gemeinde and Handlungsfeld
BEDARFE_JE_DATEI = 50
MASSNAHMEN_JE_GEMEINDE_UND_FELD = 10


class _Dumper(yaml.CSafeDumper if hasattr(yaml, "CSafeDumper") else yaml.SafeDumper):  # type: ignore[misc]
    """Block style like an author writes: Markdown as ``|`` blocks, never anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> Any:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(path: Path, data: dict[str, Any], header: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=None)
    path.write_text(header + text, encoding="utf-8")


def _place_names(rng: random.Random, n: int, taken: set[str]) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        name = rng.choice(ORT_ANFANG) + rng.choice(ORT_ENDE)
        if len(taken) > len(ORT_ANFANG) * len(ORT_ENDE) - 5:
            name = f"{name} {len(taken)}"
        if name not in taken:
            taken.add(name)
            out.append(name)
    return out


def gemeinden(rng: random.Random, n: int) -> list[dict[str, Any]]:
    """Gemeinden with Ortsteile: dicts with id, name, einwohner, ortsteile [(id, name, ew)]."""
    taken: set[str] = set()
    out = []
    for name in _place_names(rng, n, taken):
        gid = slug(name)
        teile = []
        for tname in [name, *_place_names(rng, rng.randint(3, 9), taken)]:
            tid = f"{gid}-{slug(tname)}" if tname != name else f"{gid}-kernort"
            teile.append((tid, tname if tname != name else f"{name} (Kernort)",
                          rng.randint(300, 9000)))
        out.append({"id": gid, "name": name, "ortsteile": teile,
                    "einwohner": sum(t[2] for t in teile)})
    return out


def konzept_yaml(gems: list[dict[str, Any]], rng: random.Random) -> dict[str, Any]:
    einwohner = sum(g["einwohner"] for g in gems)
    raeume: list[dict[str, Any]] = [{
        "id": KREIS, "name": "Landkreis Lindenau (kreisweit)", "art": "gesamt",
        "einwohner": einwohner,
        "beschreibung": f"Der ganze Landkreis mit {len(gems)} Städten und Gemeinden."}]
    bev = [{"merkmal": "Einwohnerinnen und Einwohner", "wert": einwohner,
            "stichtag": dt.date(2024, 12, 31), "quelle": "Landesamt für Statistik (fiktiv)",
            "sozialraum": KREIS, "gruppe": "Einwohner"}]
    for g in gems:
        raeume.append({"id": g["id"], "name": g["name"], "art": "Gemeinde", "teil_von": KREIS,
                       "einwohner": g["einwohner"]})
        for tid, tname, ew in g["ortsteile"]:
            raeume.append({"id": tid, "name": tname, "art": "Ortsteil", "teil_von": g["id"],
                           "einwohner": ew})
        bev.append({"merkmal": f"Ausländische Staatsangehörige in {g['name']}",
                    "wert": g["einwohner"] * rng.randint(6, 16) // 100,
                    "stichtag": dt.date(2024, 12, 31),
                    "quelle": "Ausländerzentralregister (fiktiver Beispielwert)",
                    "sozialraum": g["id"], "gruppe": "Ausländische Staatsangehörige"})
    zielgruppen: list[dict[str, Any]] = []
    for zid, name in ZIELGRUPPEN:
        z: dict[str, Any] = {"id": zid, "name": name}
        if zid == "zugewanderte":
            z["umfasst"] = list(ZIELGRUPPEN_UMFASST)
        zielgruppen.append(z)
    return {
        "kommune": {"name": "Landkreis Lindenau", "typ": "Landkreis",
                    "bundesland": "Niedersachsen", "web": "https://www.landkreis-lindenau.example"},
        "titel": "Integrationskonzept des Landkreises Lindenau",
        "untertitel": "Fortschreibung 2025 (generiertes Benchmark-Konzept)",
        "version": "3.1",
        "stand": STAND,
        "herausgeber": {"name": "Landkreis Lindenau – Der Landrat",
                        "anschrift": "Kreishaus, Am Markt 1, 31000 Lindenau"},
        "federfuehrung": "lk-stabsstelle-integration",
        "kontakt": {"stelle": "Stabsstelle Integration und Teilhabe",
                    "email": "integration@landkreis-lindenau.example",
                    "telefon": "05171 401-0", "sprechzeiten": "Mo–Do 9–12 Uhr"},
        "beschluesse": [
            {"gremium": "Kreistag des Landkreises Lindenau", "datum": dt.date(2019, 3, 27),
             "vorlage": "2019/041", "gegenstand": "Integrationskonzept (Erstfassung)",
             "version": "1.0"},
            {"gremium": "Kreistag des Landkreises Lindenau", "datum": dt.date(2025, 6, 18),
             "vorlage": "2025/112", "gegenstand": "Fortschreibung des Integrationskonzepts",
             "version": "3.0"}],
        "foerderung": [{"programm": "Asyl-, Migrations- und Integrationsfonds (AMIF)",
                        "foerdergeber": "Europäische Union",
                        "zeitraum": {"beginn": "2023-01", "ende": 2027}}],
        "bevoelkerung": bev,
        "handlungsfelder": [{"id": hid, "name": name, "kurz": kurz,
                             "querschnitt": hid == "verwaltung"}
                            for hid, name, kurz in HANDLUNGSFELDER],
        "zielgruppen": zielgruppen,
        "sozialraeume": raeume,
        "sprachen": [{"id": i, "name": n} for i, n in SPRACHEN],
        "merkmale": [{"id": i, "name": n} for i, n in MERKMALE],
        "kapitel": [
            {"id": "k-vorwort", "titel": "Vorwort", "datei": "texte/vorwort.md"},
            {"id": "k-einleitung", "titel": "Anlass und Auftrag", "datei": "texte/einleitung.md"},
            {"id": "k-umsetzung", "titel": "Umsetzung und Monitoring",
             "datei": "texte/umsetzung.md", "teil": "hinten"}],
    }


def generate(out: str | Path, scale: float = 1.0, seed: int = 2024,
             monitoring: bool = False) -> dict[str, int]:
    """Write the concept into ``out`` (created; existing files are overwritten).

    ``monitoring`` adds report periods, histories and Ampeln (``monitoringdata.py``) for
    ``ik bericht``; without it the concept is the one the other benchmarks measure.
    """
    out = Path(out)
    rng = random.Random(seed)
    n_gem = max(1, round(10 * scale))
    gems = gemeinden(rng, n_gem)
    make = ItemMaker(rng, gems, STAND)
    counts = {"dateien": 0}

    pending: dict[str, tuple[dict[str, Any], str]] = {}

    def write(rel: str, data: dict[str, Any], header: str = "") -> None:
        pending[rel] = (data, header)
        counts["dateien"] += 1
        for key, value in data.items():
            if key == "beteiligung":
                for sub, items in value.items():
                    counts[sub] = counts.get(sub, 0) + len(items)
            elif isinstance(value, list) and key not in ("bevoelkerung", "beschluesse"):
                counts[key] = counts.get(key, 0) + len(value)

    write("konzept.yaml", konzept_yaml(gems, rng),
          "# Generiertes Benchmark-Konzept (fiktiv): ik/benchmarks/generate.py\n")
    for name, title in (("vorwort", "Vorwort"), ("einleitung", "Anlass und Auftrag"),
                        ("umsetzung", "Umsetzung und Monitoring")):
        path = out / "texte" / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {title}\n\n{make.prose(6)}\n", encoding="utf-8")

    # Akteure first: everything else refers to them.
    write("akteure/kreis.yaml", {"akteure": make.kreis_akteure()})
    for g in gems:
        write(f"gemeinden/{g['id']}/akteure.yaml",
              {"akteure": make.akteure(g, AKTEURE_JE_GEMEINDE)})
    write("beteiligung/kreis.yaml", {"beteiligung": make.kreis_beteiligung()})
    for g in gems:
        write(f"gemeinden/{g['id']}/beteiligung.yaml", {"beteiligung": make.beteiligung(g)})
    ziele_je_feld = max(2, round(0.8 * n_gem))
    for hid, _name, _kurz in HANDLUNGSFELDER:
        write(f"indikatoren/{hid}.yaml", {"indikatoren": make.indikatoren(hid, ziele_je_feld)})
    for hid, name, _kurz in HANDLUNGSFELDER:
        write(f"handlungsfelder/{hid}.yaml", {
            "handlungsfeld": hid, "ausgangslage": make.ausgangslage(name),
            "leitziel": {"text": make.leitziel(name), "horizont": 2030},
            "steuerung": make.prose(2), "ziele": make.ziele(hid, name, ziele_je_feld)})
    for g in gems:
        for hid, _name, _kurz in HANDLUNGSFELDER:
            angebote = make.angebote(g, hid, ANGEBOTE_JE_DATEI)
            bedarfe = make.bedarfe(g, hid, angebote, BEDARFE_JE_DATEI)
            write(f"gemeinden/{g['id']}/{hid}.yaml",
                  {"handlungsfeld": hid, "angebote": angebote, "bedarfe": bedarfe})
    for hid, _name, _kurz in HANDLUNGSFELDER:
        write(f"massnahmen/{hid}.yaml", {
            "handlungsfeld": hid,
            "massnahmen": make.massnahmen(hid, MASSNAHMEN_JE_GEMEINDE_UND_FELD * n_gem)})
    if monitoring:
        add_monitoring(pending["konzept.yaml"][0], {r: d for r, (d, _h) in pending.items()},
                       seed)
    for rel, (data, header) in pending.items():
        dump(out / rel, data, header)
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="target folder (created)")
    ap.add_argument("--scale", type=float, default=1.0, help="size factor (1 = 10 Gemeinden)")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--monitoring", action="store_true",
                    help="mit Berichtszeiträumen, Verläufen und Ampeln (für ik bericht)")
    args = ap.parse_args(argv)
    counts = generate(args.out, args.scale, args.seed, args.monitoring)
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
