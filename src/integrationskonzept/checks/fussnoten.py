"""Fußnote, die sich selbst (oder im Kreis) zitiert.

Eine Fußnote, deren Text wieder auf sie selbst verweist (`[^1]: Siehe[^1]`), oder
Fußnoten, die sich gegenseitig zitieren (`[^a]` nennt `[^b]`, `[^b]` nennt `[^a]`),
lassen sich nicht setzen: der Text würde unendlich lang. Das Dokument kann so nicht
gebaut werden; entfernen Sie den Verweis aus dem Fußnotentext.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model.concept import Konzept
from ..model.references import markdown_joined, markdown_texts
from ..problems import Severity
from . import CheckContext, Finding
from .positions import Positions

CODE = "IK704"
NAME = "fussnote-im-kreis"
SEVERITY = Severity.ERROR
EXAMPLE = """\
# texte/vorwort.md
Wir danken allen Beteiligten.[^1]

[^1]: Siehe die Liste der Beteiligten.[^1]
"""

_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:", re.M)
_REFERENCE = re.compile(r"\[\^([^\]\s]+)\]")


def check(konzept: Konzept, ctx: CheckContext) -> Iterator[Finding]:
    if "[^" not in markdown_joined(konzept):  # no footnote anywhere (one look at all texts)
        return
    for text, start, _basis in markdown_texts(konzept):
        if "[^" not in text:
            continue
        where = Positions(start, text)
        for label, index in circular_footnotes(text):
            yield Finding(
                f"Fußnote „[^{label}]“ verweist (über ihren Text) auf sich selbst",
                where.at(index),
                "Entfernen Sie den Fußnotenverweis aus dem Text der Fußnote; eine Fußnote "
                "darf keine Fußnote zitieren, die wieder auf sie verweist.")


def circular_footnotes(text: str) -> list[tuple[str, int]]:
    """(label, index of its definition) of every footnote definition on a cycle.

    A definition's text runs to the next definition or to the first line after a
    blank line that is not indented (generously: a false cycle only asks the
    author to drop a footnote reference). Labels compare case-insensitively, as
    in CommonMark. Linear in the length of ``text`` plus the number of references.
    """
    defs = list(_DEFINITION.finditer(text))
    if not defs:
        return []
    where: dict[str, int] = {}
    edges: dict[str, set[str]] = {}
    for i, m in enumerate(defs):
        label = m.group(1).casefold()
        end = defs[i + 1].start() if i + 1 < len(defs) else len(text)
        body = text[m.end():_body_end(text, m.end(), end)]
        where.setdefault(label, m.start())
        edges.setdefault(label, set()).update(r.group(1).casefold()
                                              for r in _REFERENCE.finditer(body))
    return [(label, where[label]) for label in sorted(_on_cycles(edges), key=where.__getitem__)]


_UNINDENTED_AFTER_BLANK = re.compile(r"\n[ \t]*\n(?=[^ \t\n])")


def _body_end(text: str, start: int, end: int) -> int:
    m = _UNINDENTED_AFTER_BLANK.search(text, start, end)
    return m.start() if m else end


def _on_cycles(edges: dict[str, set[str]]) -> set[str]:
    """Nodes on a cycle of the directed graph (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: set[str] = set()
    counter = 0
    for root in edges:
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in edges:
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                if len(component) > 1 or node in edges[node]:
                    out.update(component)
    return out
