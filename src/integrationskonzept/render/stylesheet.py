"""The design's ``style.css`` and ``theme.typ``: allowed only if they load nothing.

``theme.typ`` may not import typst packages (``@preview/…`` would be downloaded
during the build); the typst child also gets an empty package folder, so a
package named in any other way is not found either.

The stylesheet is embedded in the HTML, so whatever it loads a reader's browser
fetches. Escapes (``u\\72l(``), ``image-set("http…")`` and friends defeat any
text search; tinycss2 tokenizes like a browser, and every URL the sheet names
(``url()``, ``src()``, strings inside ``image-set()``/``image()``/``cross-fade()``)
must be a ``data:`` URL. ``@import`` and ``@namespace`` are refused; ``@font-face``
may use ``local()`` fonts and ``data:`` URLs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import tinycss2

from ..errors import RenderError

_URL_FUNCTIONS = frozenset({"url", "src"})
_IMAGE_FUNCTIONS = frozenset({"image-set", "-webkit-image-set", "image", "cross-fade",
                              "-webkit-cross-fade", "element", "-moz-element"})
_REFUSED_AT = frozenset({"import", "namespace"})
MAX_BYTES = 2 * 2**20


def check_stylesheet(css: str, shown: str = "design/style.css") -> None:
    """Raise :class:`RenderError` if ``css`` would load anything from outside the page."""
    if len(css.encode("utf-8")) > MAX_BYTES:
        raise RenderError(f"{shown} ist zu groß (höchstens {MAX_BYTES // 2**20} MB).")
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    for node in _walk(rules):
        problem = _problem(node)
        if problem:
            line = getattr(node, "source_line", 0)
            raise RenderError(
                f"{shown}, Zeile {line}: Das Stylesheet lädt Dateien aus dem Internet oder von "
                f"außerhalb ({problem}); erlaubt sind nur eingebettete „data:“-Adressen "
                "(Bilder und Schriften im Stylesheet selbst).")


def _problem(node: Any) -> str:
    kind = getattr(node, "type", "")
    if kind == "at-rule" and node.lower_at_keyword in _REFUSED_AT:
        return f"@{node.lower_at_keyword}"
    if kind == "url" and not _is_data(node.value):
        return f"url({_short(node.value)})"
    if kind == "function":
        name = node.lower_name
        args = [a for a in node.arguments if getattr(a, "type", "") not in
                ("whitespace", "comment")]
        if name in _URL_FUNCTIONS:
            target = args[0].value if args and getattr(args[0], "type", "") == "string" else ""
            if not _is_data(target):
                return f"{name}({_short(target)})"
        if name in _IMAGE_FUNCTIONS:
            for arg in args:
                if getattr(arg, "type", "") == "string" and not _is_data(arg.value):
                    return f"{name}(\"{_short(arg.value)}\")"
    return ""


def _is_data(url: str) -> bool:
    return url.strip().lower().startswith("data:")


def _short(text: str) -> str:
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= 60 else text[:57] + "…"


def _walk(nodes: Iterable[Any]) -> Iterable[Any]:
    """Every node, depth first, without recursion (a hostile sheet may nest deeply)."""
    stack = list(reversed(list(nodes)))
    while stack:
        node = stack.pop()
        yield node
        children: list[Any] = []
        for attr in ("prelude", "content", "arguments"):
            value = getattr(node, attr, None)
            if isinstance(value, list):
                children.extend(value)
        stack.extend(reversed(children))


_PACKAGE = re.compile(r"""["']@[A-Za-z0-9_-]+/""")


def theme_source(path: Path) -> str:
    """The text of ``theme.typ``; :class:`RenderError` if it names a typst package."""
    shown = f"design/{path.name}" if path.parent.name == "design" else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RenderError(f"{shown} kann nicht gelesen werden ({exc}).") from None
    found = _PACKAGE.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        raise RenderError(
            f"{shown}, Zeile {line}: typst-Pakete (»{found.group()[1:]}…«) werden beim Bauen "
            "aus dem Internet geladen und sind nicht erlaubt. Übernehmen Sie, was Sie "
            "brauchen, in theme.typ selbst.")
    return text
