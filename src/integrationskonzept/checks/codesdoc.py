"""docs/pruefungen.md, generated from the registry of codes (`ik pruefungen` as a page).

Regenerate with ``python -m integrationskonzept.checks.codesdoc > docs/pruefungen.md``;
a test fails when the file is stale.
"""

from __future__ import annotations

from . import all_codes


def render() -> str:
    lines = [
        "# Meldungen und Prüfungen",
        "",
        "Alle Codes, die `ik validate` melden kann (dieselbe Liste zeigt `ik pruefungen`).",
        "Prüfungen (einstellbar) lassen sich in konzept.yaml unter `pruefungen:` mit Code oder",
        "Name auf `Fehler`, `Warnung`, `Hinweis` oder `aus` stellen; die Meldungen beim Lesen",
        "der Dateien (nicht abschaltbar) nicht.",
        "",
        "Diese Seite ist erzeugt: `python -m integrationskonzept.checks.codesdoc > "
        "docs/pruefungen.md`.",
        "",
    ]
    for code in all_codes():
        title, *rest = code.doc.strip().splitlines()
        art = "einstellbar" if code.configurable else "nicht abschaltbar"
        lines += [f"## {code.code} {code.name}", "",
                  f"**{title}** – {code.severity.label}, {art}.", ""]
        if rest:
            lines += [" ".join(line.strip() for line in rest if line.strip()), ""]
        lines += ["```yaml", code.example.strip(), "```", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    print(render(), end="")
