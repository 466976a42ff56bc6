"""A template author's mistakes are reported in German, with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrationskonzept.document.templatemessages import german
from integrationskonzept.document.templates import TemplateProblem, render_markdown


class Dok:
    titel = "Integrationskonzept der Stadt Peine"
    zahl = 3
    liste = [1, 2]


# (template, the message ik gives: file:line: Vorlagenfehler: …)
CASES = [
    ("Titel\n{{ unbekannt }}\n", "templates/x.md.j2:2: Vorlagenfehler: „unbekannt“ ist nicht "
     "definiert (Tippfehler? Die Angaben des Konzepts stehen unter „dok“)"),
    ("{{ dok.untertitel }}\n", "templates/x.md.j2:1: Vorlagenfehler: „Dok“ hat kein Feld "
     "„untertitel“"),
    ("{{ dok.__class__ }}\n", "templates/x.md.j2:1: Vorlagenfehler: Zugriff auf „__class__“ "
     "von „Dok“ ist in Vorlagen aus Sicherheitsgründen nicht erlaubt"),
    ("{{ dok.titel( }}\n", "templates/x.md.j2:1: Vorlagenfehler: unerwartetes „}“, erwartet "
     "wurde „)“"),
    ("{% if dok.titel %}\nText\n", "templates/x.md.j2:2: Vorlagenfehler: die Vorlage endet, "
     "bevor der Block „if“ geschlossen ist (erwartet: „elif“, „else“ oder „endif“)"),
    ("Text\n{% endfor %}\n", "templates/x.md.j2:2: Vorlagenfehler: unbekannter oder hier nicht "
     "erwarteter Befehl „endfor“ (ein Block falsch verschachtelt oder nicht geöffnet?)"),
    ("{{ dok.titel | fett }}\n", "templates/x.md.j2:1: Vorlagenfehler: es gibt keinen Filter "
     "„fett“"),
    ("{{ dok.titel + 1 }}\n", "templates/x.md.j2:1: Vorlagenfehler: Text und „int“ lassen sich "
     "nicht mit „+“ verbinden (mit „~“ verbinden)"),
    ("{{ dok.titel() }}\n", "templates/x.md.j2:1: Vorlagenfehler: „str“ lässt sich nicht "
     "aufrufen (überzählige Klammern?)"),
    ("{% for x in dok.zahl %}{{ x }}{% endfor %}\n", "templates/x.md.j2:1: Vorlagenfehler: "
     "„int“ ist keine Liste („for“ geht nur über Listen)"),
    ("{{ dok.zahl | length }}\n", "templates/x.md.j2:1: Vorlagenfehler: „int“ hat keine Länge "
     "(„length“ nur für Listen und Texte)"),
    ("{{ dok.liste[5] }}\n", "templates/x.md.j2:1: Vorlagenfehler: „list“ hat kein Element 5 "
     "(gezählt wird ab 0)"),
    ("{{ dok.titel < 3 }}\n", "templates/x.md.j2:1: Vorlagenfehler: „<“ vergleicht nicht "
     "„str“ mit „int“"),
    ("{% if %}{% endif %}\n", "templates/x.md.j2:1: Vorlagenfehler: hier fehlt ein Ausdruck "
     "(ein Wert oder Name)"),
    ("{% block a %}{% endblock %}{% block a %}{% endblock %}\n", "templates/x.md.j2:1: "
     "Vorlagenfehler: der Block „a“ ist zweimal definiert"),
    ("{{ {dok.liste: 1} }}\n", "templates/x.md.j2:1: Vorlagenfehler: „list“ kann kein "
     "Schlüssel sein"),
    ("{% macro m(a) %}{% endmacro %}{{ m(1, 2) }}\n", "templates/x.md.j2:1: Vorlagenfehler: "
     "das Makro „m“ nimmt höchstens 1 Argument(e)"),
    ("{{ dok.titel.upper(1) }}\n", "templates/x.md.j2:1: Vorlagenfehler: „str.upper()“ nimmt "
     "keine Argumente (1 angegeben)"),
    ("{{ 'a' * 'b' }}\n", "templates/x.md.j2:1: Vorlagenfehler: Text oder Liste lassen sich "
     "nur mit einer ganzen Zahl malnehmen, nicht mit „str“"),
    ("{{ dok.titel[0:'a'] }}\n", "templates/x.md.j2:1: Vorlagenfehler: die Grenzen eines "
     "Ausschnitts („[a:b]“) müssen ganze Zahlen sein"),
    ("{{ dok.titel | round }}\n", "templates/x.md.j2:1: Vorlagenfehler: „str“ lässt sich "
     "nicht runden"),
    ("{{ dok.titel | format(1, 2) }}\n", "templates/x.md.j2:1: Vorlagenfehler: „format“ bekam "
     "mehr Werte, als der Text Platzhalter hat"),
]


@pytest.mark.parametrize(("source", "message"), CASES)
def test_template_mistakes_in_german(tmp_path: Path, source: str, message: str) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "x.md.j2").write_text(source, encoding="utf-8")
    with pytest.raises(TemplateProblem) as info:
        render_markdown(Dok(), tmp_path, entry="x.md.j2")
    assert info.value.message == message


def test_unknown_messages_stay_as_written() -> None:
    assert german("ungültiger Anker „a b“") == "ungültiger Anker „a b“"
    assert german("something Jinja says rarely") == "something Jinja says rarely"
