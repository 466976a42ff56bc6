"""Jinja's messages about a template in German, as the rest of ik speaks.

Jinja (and Python, for a wrong operation inside an expression) words its errors in
English; :func:`german` turns the messages a template author meets most often into
German with the names from the template, and leaves any other as it was written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _typ(name: str) -> str:
    """``integrationskonzept.document.parts.Dokument object`` → ``Dokument``."""
    return name.removesuffix(" object").rsplit(".", 1)[-1]


def _either(tags: str) -> str:
    """``'elif' or 'else' or 'endif'`` → „elif“, „else“ oder „endif“."""
    names = [f"„{t}“" for t in re.findall(r"'([^']+)'", tags)]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " oder " + names[-1]


_RULES: tuple[Rule, ...] = (
    (re.compile(r"'(.+)' is undefined"),
     lambda m: f"„{m[1]}“ ist nicht definiert (Tippfehler? Die Angaben des Konzepts "
               "stehen unter „dok“)"),
    (re.compile(r"'(.+)' has no attribute '(.+)'"),
     lambda m: f"„{_typ(m[1])}“ hat kein Feld „{m[2]}“"),
    (re.compile(r"access to attribute '(.+)' of '(.+)' object is unsafe\."),
     lambda m: f"Zugriff auf „{m[1]}“ von „{_typ(m[2])}“ ist in Vorlagen aus "
               "Sicherheitsgründen nicht erlaubt"),
    (re.compile(r"(.+) is not safely callable"),
     lambda m: f"{m[1]} darf in Vorlagen aus Sicherheitsgründen nicht aufgerufen werden"),
    (re.compile(r"'(.+)' object is not callable"),
     lambda m: f"„{_typ(m[1])}“ lässt sich nicht aufrufen (überzählige Klammern?)"),
    (re.compile(r"unexpected '(.+)', expected '(.+)'"),
     lambda m: f"unerwartetes „{m[1]}“, erwartet wurde „{m[2]}“"),
    (re.compile(r"expected token '(.+)', got '(.+)'"),
     lambda m: f"erwartet wurde „{m[1]}“, gefunden „{m[2]}“"),
    (re.compile(r"unexpected '(.+)'"), lambda m: f"unerwartetes „{m[1]}“"),
    (re.compile(r"Unexpected end of template\. Jinja was looking for the following tags: "
                r"(.+)\. The innermost block that needs to be closed is '(.+)'\."),
     lambda m: f"die Vorlage endet, bevor der Block „{m[2]}“ geschlossen ist (erwartet: "
               f"{_either(m[1])})"),
    (re.compile(r"Unexpected end of template\..*", re.S),
     lambda m: "die Vorlage endet mitten in einem Block oder Ausdruck"),
    (re.compile(r"Encountered unknown tag '(.+?)'\..*", re.S),
     lambda m: f"unbekannter oder hier nicht erwarteter Befehl „{m[1]}“ (ein Block "
               "falsch verschachtelt oder nicht geöffnet?)"),
    (re.compile(r"No filter named '(.+)'\.?"), lambda m: f"es gibt keinen Filter „{m[1]}“"),
    (re.compile(r"No test named '(.+)'\.?"), lambda m: f"es gibt keinen Test „{m[1]}“"),
    (re.compile(r'can only concatenate str \(not "(.+)"\) to str'),
     lambda m: f"Text und „{m[1]}“ lassen sich nicht mit „+“ verbinden (mit „~“ "
               "verbinden)"),
    (re.compile(r"unsupported operand type\(s\) for (.+): '(.+)' and '(.+)'"),
     lambda m: f"„{m[1]}“ geht nicht mit „{m[2]}“ und „{m[3]}“"),
    (re.compile(r"'(.+)' object is not iterable"),
     lambda m: f"„{_typ(m[1])}“ ist keine Liste („for“ geht nur über Listen)"),
    (re.compile(r"object of type '(.+)' has no len\(\)"),
     lambda m: f"„{_typ(m[1])}“ hat keine Länge („length“ nur für Listen und Texte)"),
    (re.compile(r"(.+) object has no element (.+)"),
     lambda m: f"„{_typ(m[1])}“ hat kein Element {m[2]} (gezählt wird ab 0)"),
    (re.compile(r"'(.+)' not supported between instances of '(.+)' and '(.+)'"),
     lambda m: f"„{m[1]}“ vergleicht nicht „{m[2]}“ mit „{m[3]}“"),
    (re.compile(r"Expected an expression, got '(.+)'"),
     lambda m: "hier fehlt ein Ausdruck (ein Wert oder Name)"),
    (re.compile(r"block '(.+)' defined twice"),
     lambda m: f"der Block „{m[1]}“ ist zweimal definiert"),
    (re.compile(r"unhashable type: '(.+)'"),
     lambda m: f"„{_typ(m[1])}“ kann kein Schlüssel sein"),
    (re.compile(r"macro '(.+)' takes not more than (\d+) argument\(s\)"),
     lambda m: f"das Makro „{m[1]}“ nimmt höchstens {m[2]} Argument(e)"),
    (re.compile(r"(.+)\(\) takes no arguments \((\d+) given\)"),
     lambda m: f"„{m[1]}()“ nimmt keine Argumente ({m[2]} angegeben)"),
    (re.compile(r"can't multiply sequence by non-int of type '(.+)'"),
     lambda m: f"Text oder Liste lassen sich nur mit einer ganzen Zahl malnehmen, nicht "
               f"mit „{m[1]}“"),
    (re.compile(r"slice indices must be integers or None or have an __index__ method"),
     lambda m: "die Grenzen eines Ausschnitts („[a:b]“) müssen ganze Zahlen sein"),
    (re.compile(r"type (.+) doesn't define __round__ method"),
     lambda m: f"„{m[1]}“ lässt sich nicht runden"),
    (re.compile(r"not all arguments converted during string formatting"),
     lambda m: "„format“ bekam mehr Werte, als der Text Platzhalter hat"),
)


def german(message: str) -> str:
    """``message`` of Jinja or Python about a template in German, where it is known."""
    for pattern, say in _RULES:
        found = pattern.fullmatch(message)
        if found:
            return say(found)
    return message
