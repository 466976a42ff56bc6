"""The registry of problem codes that no check module owns.

Every code `ik` can report is registered once, with a name, a default severity, a
German explanation (first line: the title) and an example of sources that get it.
`ik pruefungen`, the SARIF rules and docs/pruefungen.md are made from the registry;
tests/test_codes.py fails for a code that appears in ``src/`` but is not registered,
documented, or produced by a test.

Where a code is registered:

* a check (``checks/<name>.py``): in its own module (``CODE``, ``NAME``, ``SEVERITY``,
  docstring, ``EXAMPLE``); it can be switched in ``pruefungen:`` of konzept.yaml;
* any other code (reading files in ``source/``, loading in ``model/``, the runner,
  later stages such as tables or monitoring): one :class:`Code` entry in :data:`CODES`
  below, in code order.

Code ranges: IK0xx files and YAML, IK1xx the format, IK2xx ids and references,
IK3xx dates, IK4xx files referenced from the sources, IK5xx completeness, IK6xx gaps,
IK7xx the document, IK8xx monitoring (`ik bericht`), IK9xx spreadsheets and surveys
(`ik tabelle`, `ik befragung`).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import Severity


@dataclass(frozen=True)
class Code:
    """One problem code: what `ik pruefungen` shows and SARIF names as a rule."""

    code: str
    name: str
    severity: Severity
    doc: str
    example: str
    configurable: bool = False

    @property
    def title(self) -> str:
        return self.doc.strip().splitlines()[0]

    def describe(self) -> str:
        """The entry of `ik pruefungen`: head line, explanation, example (indented)."""
        lines = [f"{self.code}  {self.name}  ({self.severity.label})"]
        lines += [f"    {line}".rstrip() for line in self.doc.strip().splitlines()]
        if not self.configurable:
            lines.append("    Nicht abschaltbar.")
        lines.append("    Beispiel:")
        lines += [f"      {line}".rstrip() for line in self.example.strip().splitlines()]
        return "\n".join(lines) + "\n"


E, W = Severity.ERROR, Severity.WARNING

CODES: tuple[Code, ...] = (
    Code("IK001", "yaml-syntax", E, """YAML-Syntaxfehler: die Datei lässt sich nicht lesen.
Meist ein fehlender Doppelpunkt, eine falsche Einrückung oder ein nicht geschlossenes
Anführungszeichen. Die Meldung nennt die Stelle, an der der YAML-Leser aufgab; läuft ein Text
in Anführungszeichen über das Zeilenende hinaus, die Stelle, an der er beginnt, und folgt auf
das schließende Anführungszeichen noch Text, sagt sie das. Die IDs, die
die Datei den `id:`-Zeilen nach definiert, gelten bis zur Korrektur als vorhanden: Verweise
darauf werden nicht als unbekannt gemeldet, Tippfehler in anderen Verweisen schon.""",
         "titel: 'Sprachcafé\n# das schließende ' fehlt"),
    Code("IK002", "kodierung", E, """Die Datei ist nicht UTF-8-kodiert.
Speichern Sie die Datei im Editor als „UTF-8“ (Word und ältere Editoren schreiben oft
„Windows-1252“).""", "titel: Caf\\xe9   # ein Byte aus Windows-1252 statt UTF-8"),
    Code("IK003", "zeichen", E, """Tabulator oder unzulässiges Steuerzeichen in der Datei.
YAML rückt nur mit Leerzeichen ein; unsichtbare Steuerzeichen stammen meist aus
kopiertem Text (PDF, Word).""", "akteure:\n\t- id: vhs   # Tabulator statt Leerzeichen"),
    Code("IK004", "groesse", E, """Datei zu groß oder zu tief verschachtelt.
Schutz vor Dateien, die das Lesen unbrauchbar langsam machen: mehr als 64 Ebenen
Verschachtelung oder eine sehr große Datei.""", "a:\n  - b:\n      - c:   # … mehr als 64 Ebenen"),
    Code("IK005", "anker", E, """YAML-Anker, Verweise und „<<“ sind nicht erlaubt.
Jeder Wert steht dort, wo er gilt; Anker machen Dateien für andere schwer lesbar.""",
         "zeitraum: &z {beginn: 2024}\nandere: *z"),
    Code("IK006", "typangabe", E, """Typangaben mit „!“ sind nicht erlaubt.
Sie können beim Lesen Programmcode ausführen lassen und werden nie gebraucht.""",
         "titel: !!python/object:os.system x"),
    Code("IK007", "doppelter-schluessel", E, """Ein Schlüssel kommt in einer Zuordnung doppelt vor.
Der zweite Wert würde den ersten still ersetzen.""", "titel: Sprachcafé\ntitel: Elterncafé"),
    Code("IK008", "dateiinhalt", E, """Die Datei ist leer oder besteht nicht aus Schlüsseln.
Eine leere Datei ist eine Warnung; eine Datei, die mit „- “ (einer Liste) beginnt,
ein Fehler.""", "- Sprachcafé\n- Elterncafé   # Liste statt „massnahmen:“"),
    Code("IK009", "dateiendung", W, """\
Eine Datei wird nicht gelesen, weil sie nicht auf .yaml endet.
Gelesen werden .yaml-Dateien (und Markdown-Texte, auf die sie verweisen).""",
         "massnahmen.yml.bak   # Sicherungskopie im Konzeptordner"),
    Code("IK010", "konzeptordner", E, """Der Konzeptordner oder seine konzept.yaml fehlt.
Jedes Konzept braucht eine konzept.yaml im Hauptordner; `ik init` legt sie an.""",
         "ik validate ordner-ohne-konzept-yaml/"),
    Code("IK011", "verknuepfung-nach-aussen", E, """\
Eine Quelldatei ist eine Verknüpfung auf eine Datei außerhalb des Konzeptordners.
Sie wird nicht gelesen und ihr Inhalt nie gezeigt: Dateien außerhalb des Ordners können
Zugangsdaten enthalten. Kopieren Sie die Datei in den Konzeptordner.""",
         "handlungsfelder/arbeit.yaml -> /home/kollegin/.netrc"),
    Code("IK012", "dateiname", E, """\
Ein Dateiname enthält Steuerzeichen oder ist nicht UTF-8-kodiert.
Die Datei wird nicht gelesen; benennen Sie sie um (Buchstaben, Ziffern, Bindestrich).""",
         "handlungsfelder/arbeit\\x1b[31m.yaml"),
    Code("IK101", "unbekannter-schluessel", E, """Unbekannter Schlüssel.
Meist ein Tippfehler oder ein Umlaut (Schlüssel schreiben ae, oe, ue, ss); die Meldung
schlägt den nächsten bekannten Schlüssel vor.""",
         "massnahmen:\n  - id: m-1\n    statu: geplant   # gemeint: status"),
    Code("IK102", "pflichtfeld", E, """Ein Pflichtfeld fehlt.
Die Meldung nennt das fehlende Feld und den Eintrag, dem es fehlt.""",
         "massnahmen:\n  - id: m-1   # „titel“ fehlt"),
    Code("IK103", "falscher-wert", E, """Ein Wert hat nicht die erwartete Form.
Etwa ein Text, wo eine Liste erwartet wird, ein ungültiges Datum oder ein leerer Titel.""",
         "massnahmen:\n  - id: m-1\n    titel: Kurs\n    zeitraum: 2024 bis 2025"),
    Code("IK104", "erlaubte-werte", E, """Ein Wert ist nicht aus der Liste der erlaubten Werte.
Die Meldung nennt die erlaubten Werte.""",
         "massnahmen:\n  - id: m-1\n    titel: Kurs\n    status: in umsetzung   # „in Umsetzung“"),
    Code("IK105", "handlungsfeld-fehlt", E, """\
Ausgangslage oder Leitziel ohne Handlungsfeld der Datei.
Eine Datei mit Ausgangslage oder Leitziel beginnt mit „handlungsfeld: <id>“.""",
         "leitziel:\n  text: Bildung für alle   # „handlungsfeld:“ fehlt"),
    Code("IK106", "handlungsfeld-doppelt", E, """\
Ausgangslage und Leitziel eines Handlungsfelds stehen in zwei Dateien.
Jedes Handlungsfeld hat genau eine Datei mit Ausgangslage und Leitziel.""",
         "# bildung.yaml und bildung2.yaml:\nhandlungsfeld: bildung\nausgangslage: …"),
    Code("IK107", "pruefungen", E, """Unbekannte Prüfung in „pruefungen“ der konzept.yaml.
`ik pruefungen` listet die Prüfungen, die sich einstellen lassen (Code oder Name).""",
         "pruefungen:\n  ziel-ohne-massnahm: aus   # gemeint: ziel-ohne-massnahme"),
    Code("IK201", "ids", E, """Eine ID ist im Konzept doppelt vergeben.
IDs gelten im ganzen Konzept, über alle Dateien und Arten hinweg; die Meldung nennt
beide Stellen.""", "massnahmen:\n  - id: m-1\nakteure:\n  - id: m-1"),
    Code("IK203", "ids-gross-klein", E, """\
Zwei IDs unterscheiden sich nur in Groß- und Kleinschreibung.
Sprungmarken in Word und Links im Dokument unterscheiden sie nicht sicher; benennen
Sie eine der beiden um.""", "ziele:\n  - id: z-1\n  - id: Z-1"),
    Code("IK211", "mitglied-ordner", E, """\
Landkreis: das Konzept einer Gemeinde unter „gemeinden:“ lässt sich nicht lesen.
Der Ordner fehlt oder enthält keine konzept.yaml, ein Eintrag nennt weder „pfad“ noch
„git“, oder Repository bzw. Revision eines „git:“-Mitglieds sind unbekannt.""",
         "gemeinden:\n  - id: lengede\n    pfad: gemeinden/lengde   # Tippfehler im Ordner"),
    Code("IK212", "mitglied-ausserhalb", E, """\
Landkreis: der Ordner einer Gemeinde liegt außerhalb des Landkreises.
Erlaubt sind Unterordner des Landkreises und Ordner desselben Git-Repositorys (etwa
„../peine“ neben dem Ordner des Landkreises); ein Konzept aus einem anderen Repository
wird mit „git:“ und „revision:“ genannt.""",
         "gemeinden:\n  - id: peine\n    pfad: /home/ich/peine   # nicht im Repository"),
    Code("IK213", "mitglied-zyklus", E, """\
Landkreis: eine Gemeinde ist der Landkreis selbst oder nennt ihn als ihr Mitglied.
Die Meldung nennt den Eintrag im Landkreis und die Stelle im Konzept der Gemeinde.""",
         "gemeinden:\n  - id: selbst\n    pfad: .   # der Ordner des Landkreises"),
    Code("IK214", "mitglied-landkreis", E, """\
Landkreis: eine Gemeinde ist selbst ein Landkreis mit Mitgliedern.
Ein Arbeitsbereich hat eine Ebene: nennen Sie die Gemeinden direkt im Landkreis.""",
         "# gemeinden/ilsede/konzept.yaml\ngemeinden:\n  - id: ortsteil\n    pfad: ortsteil"),
    Code("IK215", "mitglied-unbekannt", E, """\
Landkreis: „entfernungen“ nennt eine Gemeinde, die unter „gemeinden:“ fehlt.
Die Meldung schlägt die ähnlichste ID eines Mitglieds vor.""",
         "entfernungen:\n  - {von: peine, nach: lengede, km: 12}   # lengede fehlt"),
    Code("IK401", "markdown-datei", E, """\
Eine Markdown-Datei fehlt oder liegt außerhalb des Konzeptordners.
Pfade in „datei:“ gelten relativ zum Konzeptordner.""",
         "kapitel:\n  - id: vorwort\n    titel: Vorwort\n    datei: texte/vorwort.md   # fehlt"),
    Code("IK901", "tabelle-spalte", E, """\
Eine Spalte oder ein Blatt der Tabelle ist unbekannt, oder die Spalte „id“ fehlt.
`ik tabelle import` liest die Spalten am Kopf, wie `ik tabelle export` sie schreibt;
umbenannte Spalten würden sonst still übergangen. Ein unbekanntes Blatt ist ein Hinweis.""",
         "Maßnahmen!C1: Spalte „Beschreibng“ (gemeint: „Beschreibung“)"),
    Code("IK902", "tabelle-wert", E, """\
Ein Zellwert passt nicht zur Spalte (Datum, Zahl, Wahrheitswert, erlaubte Werte).
Die Meldung nennt Blatt, Zelle, die Spalte und was erwartet wird.""",
         "Maßnahmen!M2: Priorität „sehr hoch“ (erlaubt: hoch, mittel, niedrig)"),
    Code("IK903", "tabelle-verweis", E, """\
Eine Zelle nennt eine ID, die es im Konzept (oder als neue Zeile der Tabelle) nicht gibt.
Die Auswahllisten im Blatt „Listen“ enthalten die gültigen IDs.""",
         "Maßnahmen!H2: Federführung „jobcentr“ (gemeint: „jobcenter“)"),
    Code("IK904", "tabelle-id", E, """\
Eine Zeile hat keine, eine ungültige oder eine doppelte id.
Nach der id ordnet der Import jede Zeile ihrem Eintrag zu; sie muss im ganzen Konzept
eindeutig sein.""", "Maßnahmen!A4: id „m-1“ steht schon in Zeile 2"),
    Code("IK905", "tabelle-pflichtfeld", E, """\
Ein Pflichtfeld ist in der Tabelle leer, oder seine Spalte fehlt für eine neue Zeile.""",
         "Maßnahmen!B3: Titel leer"),
    Code("IK906", "tabelle-zieldatei", E, """\
Für eine neue Zeile ist keine Datei bekannt.
Neue Einträge kommen in die Datei ihres Handlungsfelds oder zu den übrigen Einträgen
ihrer Art; gibt es keine, nennen Sie die Datei mit --datei.""",
         "bedarfe.csv!A2: neuer Bedarf ohne Handlungsfeld in einem Konzept ohne Bedarfe"),
    Code("IK907", "tabelle-ganze-datei", Severity.INFO, """\
Eine geänderte Datei wird als Ganzes neu geschrieben, nicht nur die geänderten Einträge.
Das geschieht bei einer Liste in Kurzform [..] oder wenn die Liste in der Datei neu
entsteht; Kommentare bleiben, Zeilenumbrüche in langen Texten nicht.""",
         "ziele: [{id: z-9, titel: Alt}]   # Liste in Kurzform"),
    Code("IK908", "tabelle-zeile-fehlt", W, """\
Ein Eintrag der Quellen fehlt in der Tabelle.
Er bleibt in den Quellen; nur mit `ik tabelle import --loeschen` wird er gelöscht
(dann ein Hinweis).""", "Ziele!A1: z-2 steht in bildung.yaml, aber in keiner Zeile"),
    Code("IK911", "befragung-spalte", E, """\
Eine Spalte der Antworten gehört zu keiner Frage der Umfragestruktur.
Antworten (CSV mit „Fragecode“ als Überschrift) und Struktur (.lss) müssen aus derselben
Umfrage stammen.""", "antworten.csv:1:15: Spalte „Q9[SQ001]“, die Struktur kennt kein Q9"),
    Code("IK912", "befragung-antwortcode", E, """\
Ein Antwortcode ist in der Umfragestruktur nicht definiert.
Exportieren Sie die Antworten als „Antwortcodes“, nicht als Volltext.""",
         "antworten.csv:12:1: Spalte „Q1“: „A7“, erlaubt sind A1 und A2"),
    Code("IK913", "befragung-umfrage", E, """\
Antworten, Struktur und Befragung stammen aus verschiedenen Umfragen.
Die Umfrage-ID steht im Dateinamen des Antworten-Exports (results-survey123456.csv), in
der .lss-Datei und unter „umfrage:“ einer schon eingetragenen Befragung.""",
         "results-survey123457.csv mit der Struktur von Umfrage 123456"),
)
