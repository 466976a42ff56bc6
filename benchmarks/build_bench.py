"""Benchmark `ik build`: wall time and peak memory of the whole process tree per format.

Usage (from the repository root)::

    python benchmarks/build_bench.py                  # examples + Landkreis 0.5 and 1
    python benchmarks/build_bench.py --scales 0.5 --formats md,pdf --no-examples

Each (concept, format) pair is one `python -m integrationskonzept build` run. The peak
is the largest sum of resident memory (VmRSS) over the CLI process and all its children
(pandoc, the typst worker), sampled every 0.1 s, so formats written at the same time
count together. CPU is user + system time of the whole process tree (from the kernel's
accounting of waited-for children): on a shared machine it varies less than wall time.
The Landkreis concepts come from ``benchmarks/generate.py``. The table goes to
``benchmarks/BUILD.md`` (and the raw figures to ``--json`` if given).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ["md", "html", "docx", "odt", "pdf", "docx,pdf,html"]
LIMIT_MB = 2048


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                out.extend(int(x) for x in fh.read().split())
    except OSError:
        pass
    return out


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, in KB."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += _rss_kb(p)
        todo.extend(_children(p))
    return total


def measure(concept: Path, fmt: str, out: Path, command: str = "build") -> dict[str, object]:
    """One `ik build` (or ``command``) run; returns seconds, peak MB of the tree, exit code."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "integrationskonzept", command, str(concept), "-f", fmt,
         "-o", str(out)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kb(proc.pid))
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    return {"seconds": round(seconds, 1), "cpu": round(cpu, 1), "peak_mb": round(peak / 1024),
            "load": os.getloadavg()[0], "rc": proc.returncode,
            "error": err.strip().splitlines()[-1] if proc.returncode and err.strip() else ""}


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        ram = f"{int(mem) / 2**20:.1f} GB RAM"
    except OSError:
        ram = "?"
    versions = []
    for mod in ("pypandoc", "typst"):
        try:
            from importlib.metadata import version
            versions.append(f"{mod} {version(mod if mod != 'pypandoc' else 'pypandoc-binary')}")
        except Exception:  # noqa: BLE001 - informative only
            pass
    return (f"{os.cpu_count()} cores ({cpu}), {ram}, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}, " + ", ".join(versions))


def table(results: list[dict[str, object]], formats: list[str]) -> str:
    concepts = sorted(dict.fromkeys(str(r["concept"]) for r in results),
                      key=lambda c: (c.startswith("Landkreis"), c))
    lines = ["| Konzept | " + " | ".join(f.upper().replace(",", "+") for f in formats) + " |",
             "|---|" + "---|" * len(formats)]
    for c in concepts:
        cells = []
        for f in formats:
            r = next((r for r in results if r["concept"] == c and r["format"] == f), None)
            if r is None:
                cells.append("–")
            elif r["rc"]:
                cells.append(f"Fehler ({r['seconds']} s)")
            else:
                cpu = f" ({r['cpu']:.0f} s CPU)" if "cpu" in r else ""
                cells.append(f"{r['seconds']:.0f} s{cpu} / {r['peak_mb']} MB")
        lines.append(f"| {c} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def growth(results: list[dict[str, object]], formats: list[str]) -> list[str]:
    """Lines comparing Landkreis ×1 with ×0.5 (factor of time and peak memory)."""
    def cell(concept: str, fmt: str) -> dict[str, object] | None:
        return next((r for r in results if r["concept"] == concept and r["format"] == fmt
                     and not r["rc"]), None)

    lines = []
    for small, big in (("0.5", "1"), ("1", "2")):
        parts = []
        for fmt in formats:
            half, full = cell(f"Landkreis ×{small}", fmt), cell(f"Landkreis ×{big}", fmt)
            if half and full:
                t = float(full["seconds"]) / float(half["seconds"])  # type: ignore[arg-type]
                c = (float(full.get("cpu") or 0) / float(half.get("cpu") or 1)  # type: ignore[arg-type]
                     if half.get("cpu") else 0.0)
                m = float(full["peak_mb"]) / float(half["peak_mb"])  # type: ignore[arg-type]
                parts.append((f"{fmt.upper().replace(',', '+')} Zeit ×{t:.1f}"
                              + (f", CPU ×{c:.1f}" if c else "") + f", Speicher ×{m:.1f}")
                             .replace(".", ","))
        if parts:
            lines += [f"Wachstum von Landkreis ×{small} auf ×{big} (doppelte Quellen): "
                      .replace(".", ",") + "; ".join(parts) + ".", ""]
    return lines


def _load_line(results: list[dict[str, object]]) -> list[str]:
    loads = [float(r["load"]) for r in results if "load" in r]  # type: ignore[arg-type]
    if not loads:
        return []
    return [(f"Last des Rechners (loadavg, 1 min) beim Ende der Läufe: {min(loads):.1f} bis "
             f"{max(loads):.1f} bei {os.cpu_count()} Kernen – andere Prozesse liefen mit, die "
             "Wanduhrzeiten sind entsprechend länger als auf einem freien Rechner.")
            .replace(".", ",", 2), ""]


def write_report(path: Path, results: list[dict[str, object]], formats: list[str],
                 sizes: dict[str, str]) -> None:
    over = [r for r in results if r["peak_mb"] >= LIMIT_MB]  # type: ignore[operator]
    text = [
        "# `ik build`: Zeit und Spitzenspeicher", "",
        "Gemessen mit `python benchmarks/build_bench.py` (ein `ik build`-Lauf je Zelle).",
        "Zelle: Laufzeit (Wanduhr) (Rechenzeit aller Prozesse, user + sys) / höchster "
        "Arbeitsspeicher (RSS) des ganzen Prozessbaums – CLI, pandoc und typst zusammen, "
        "alle 0,1 s abgetastet. `DOCX+PDF+HTML` ist die Voreinstellung von `ik build`.", "",
        f"Rechner: {machine()}", "",
        *_load_line(results),
        table(results, formats), "",
        "Konzepte:", "",
        *[f"- {k}: {v}" for k, v in sizes.items()], "",
        *growth(results, formats),
        f"Grenze: {LIMIT_MB} MB; "
        + ("alle Läufe darunter." if not over else
           f"darüber: {', '.join(str(r['concept']) + ' ' + str(r['format']) for r in over)}."),
        "",
        "Wie das Dokument bei Landkreisgröße in Zeit und Speicher bleibt:", "",
        "- Große Konzepte (ab 2 MB Quellen) werden in einem abgezweigten Kindprozess "
        "geprüft und zum Markdown-Text zusammengestellt; er endet, bevor Pandoc und typst "
        "beginnen, und gibt seinen Speicher (Landkreis ×1: rund 0,3 GB) so vorher zurück. "
        "Vor dem typst-Lauf wird auch der typst-Text freigegeben und der Heap getrimmt: die "
        "CLI hält dann rund 0,12 GB.",
        "- Pandoc liest den Markdown-Text einmal in seinen JSON-Baum, mit Sicherheitsfilter, "
        "Überschriftenebenen und deutschen Anführungszeichen in einem Durchgang "
        "(`lesen.lua`); jedes Format wird daraus geschrieben. Die Lua-Filter eines Formats "
        "laufen in zwei Durchgängen statt sieben oder acht (typst: drei, wenn ein Wort mit "
        "Bindestrich vor einer Ziffer beginnt – nur dann läuft `minus.lua`, dessen "
        "Str-Funktion jedes Wort ansieht); jeder Durchgang kostet bei Landkreisgröße rund "
        "1 s. Die Zellen aller Steckbriefe schreibt Pandoc in einem Aufruf, nicht einen je "
        "Steckbrief; Bilder kommen als data-URI erst nach Pandoc ins HTML.",
        "- Ab 100.000 Zeichen Markdown (Peine: 180.000) werden das Einlesen und Pandocs "
        "typst-Satz in Teilen ausgeführt (zwischen Kapiteln geteilt, gleiche Bytes wie am "
        "Stück), je Kern einer: das PDF, der längste Weg eines Builds, beginnt früher. "
        "Lange Dokumente in Teilen von höchstens rund 1,6 Millionen Zeichen zwischen "
        "Kapiteln (der Landkreis ×1: vier Teile, 1,3 / 1,3 / 0,5 MB und der Anhang mit "
        "3,4 MB), die längsten zuerst; ein Teil über 4 Millionen Zeichen wird auch vor "
        "Abschnitten geteilt (der Anhang des Landkreises ×2, 6,9 MB, vor den "
        "Handlungsfeldern seiner Angebotsübersicht: zwei Teile). Ein solcher Teil wird "
        "von der Überschriftenebene davor aus gelesen (`IK_EBENE`) und von den Nummern "
        "davor aus geschrieben; die Abschnitte, die im DOCX über den Schnitt laufen, fügt "
        "`docxsections.py` so zusammen, wie Pandoc sie am Stück schreibt (gleiche Bytes).",
        "- Ab 2 MB Markdown schreibt Pandoc auch das HTML und das DOCX in den Teilen des "
        "Einlesens (die Seite des HTML aus den Überschriften allein, `htmlparts.py`; die "
        "DOCX-Teile fügt `docxparts.py` zu einem DOCX zusammen, dasselbe wie am Stück). Ein "
        "Writer hält rund das 36- bis 40-Fache seines Teils als JSON (Anhang: 0,46–0,52 GB, "
        "die kleinen Teile 0,2–0,3 GB). Zwei Kerne nehmen die Teile aller drei Formate, die "
        "größten zuerst; nebeneinander laufen nur Teile, deren JSON zusammen höchstens "
        "20 MB hat (`schranke.py`): die Teile des Anhangs nie nebeneinander, neben ihnen "
        "die kleinen. Writer für das ganze Dokument (ODT 1,2 GB; HTML oder DOCX, wo sie "
        "nicht in Teilen gehen) laufen allein.",
        "- Ab 3.000 internen Querverweisen wird das PDF kompakt gesetzt: Verweise als Text "
        "(typst hält je aufgelösten Verweis rund 60 KB; schon bei Peine kosten die 721 "
        "Verweise typst 0,6 von 1,4 s CPU, weil jeder Absatz mit Verweis im zweiten "
        "Durchgang neu gesetzt wird), Angaben zu Einträgen als Zeilen statt "
        "Aufzählung, Flattersatz ohne Silbentrennung (typst: 40 % weniger Zeit). Das "
        "Inhaltsverzeichnis und Web-Links bleiben Links.",
        "- ik sagt dem Theme, ob es Abbildungen und Tabellen gibt: typst setzt die Seiten so "
        "einmal statt zweimal (Landkreis ×1: 1,24 statt 1,77 GB, 8,6 statt 13 s CPU).",
        "- Diagramme werden übersetzt und die Textfelder von Pandoc gelesen, während das "
        "Dokument geschrieben wird; unveränderte Diagramme, Textfelder und die übersetzten "
        "Dokumentvorlagen kommen ab dem zweiten Build aus dem Zwischenspeicher (Peine: "
        "rund 0,3 s weniger auf dem längsten Weg).",
        "- ODT: pandocs ODT-Writer bräuchte bei Landkreisgröße 2,3 GB; bei großen Dokumenten "
        "läuft er mit kompaktierender Speicherbereinigung (`+RTS -c -F1.2`): 1,2 GB, etwa "
        "1,7-mal so lange.",
        "- Tabellen mit mehr als 200 Zeilen stehen als Listen im Dokument, Handlungsfelder "
        "mit mehr als 30 Angeboten oder Bedarfen zeigen diese kompakt (Angebote nur in der "
        "Angebotsübersicht im Anhang).",
        "- Das PDF eines kompakten Dokuments setzt typst in Teilen (`pdfparts.py`): "
        "aufeinanderfolgende Teile des Einlesens bis 3 Millionen Zeichen typst-Text "
        "zusammen (Landkreis ×1: zwei, 0,5 und 0,46 GB statt 1,1 GB für alle 1.643 Seiten "
        "auf einmal; ein Teil, der in einem Kapitel beginnt, mit dem Teil davor: PDF/UA "
        "verlangt als erste Überschrift eines Textteils ein Kapitel), einen nach dem "
        "anderen, jeden ohne Fußzeile, die Zähler fortgesetzt; "
        "dann Titelseite und Verzeichnisse, deren Einträge die Überschriften und "
        "Abbildungen der Teile mit ihren Seitenzahlen sind, und die Fußzeilen „Seite X von "
        "Y“ aller Seiten. `pdfjoin.py` (pikepdf) fügt sie mit Strukturbaum, Lesezeichen, "
        "Sprungzielen und Inhaltsverzeichnis zu einem PDF zusammen (rund 2 s, der größte "
        "Teil neben typst). Gleicher Text auf denselben Seiten wie am Stück, gleiche "
        "Lesezeichen und Verweisziele, PDF/UA-Prüfung ohne Befund.",
        "- Zeit auf dem freien Rechner (Landkreis ×1): Prüfen und Zusammenstellen 2–3 s, "
        "Einlesen bis 9 s, dann auf zwei Kernen der typst-Satz und die Teile von DOCX und "
        "HTML bis 27 s, zuletzt typst in Teilen und das Zusammenfügen (rund 9 s). Die "
        "Spitze (0,89 GB) liegt beim Schreiben: ein Anhang-Teil neben einem kleinen Teil "
        "und der CLI.", "",
    ]
    path.write_text("\n".join(text), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", type=float, nargs="*", default=[0.5, 1.0])
    ap.add_argument("--formats", default=";".join(FORMATS),
                    help="Formate, durch ; getrennt (eine Zelle je Eintrag)")
    ap.add_argument("--no-examples", action="store_true")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "BUILD.md")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--merge", action="store_true",
                    help="frühere Ergebnisse aus --json behalten (gleiche Zellen ersetzen)")
    args = ap.parse_args(argv)
    formats = [f for f in args.formats.split(";") if f]
    columns = formats
    concepts: list[tuple[str, Path]] = []
    sizes: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="ik-build-bench-") as tmp:
        if not args.no_examples:
            for name in ("peine", "lehrte"):
                concepts.append((name.capitalize(), ROOT / "examples" / name))
                sizes[name.capitalize()] = f"`examples/{name}`"
        for scale in args.scales:
            target = Path(tmp) / f"landkreis-{scale}"
            gen = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"),
                                  str(target), "--scale", str(scale)],
                                 capture_output=True, text=True, check=True)
            label = f"Landkreis ×{scale:g}"
            concepts.append((label, target))
            sizes[label] = ("`benchmarks/generate.py --scale " + f"{scale:g}`: "
                            + gen.stdout.strip().splitlines()[-1])
        results: list[dict[str, object]] = []
        if args.merge and args.json and args.json.is_file():
            results = json.loads(args.json.read_text(encoding="utf-8"))
            columns = list(dict.fromkeys([*(str(r["format"]) for r in results), *formats]))
            sizes = {**json.loads(args.json.with_suffix(".sizes.json").read_text(
                encoding="utf-8")), **sizes} if args.json.with_suffix(
                ".sizes.json").is_file() else sizes
        for label, path in concepts:
            for fmt in formats:
                r = measure(path, fmt, Path(tmp) / "out")
                r.update(concept=label, format=fmt)
                results = [x for x in results if (x["concept"], x["format"]) != (label, fmt)]
                results.append(r)
                print(f"{label:16} {fmt:14} {r['seconds']:7.1f} s {r['peak_mb']:6} MB"
                      + (f"  FEHLER: {r['error']}" if r["rc"] else ""), flush=True)
                write_report(args.out, results, columns, sizes)
                if args.json:
                    args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
                    args.json.with_suffix(".sizes.json").write_text(json.dumps(sizes),
                                                                    encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
