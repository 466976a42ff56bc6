"""Jinja → Markdown: the sandboxed template environment of the document.

Templates are looked up in the concept's ``templates/`` folder first, then in the
defaults shipped with the package (``templates/dokument/``); the defaults are also
reachable as ``standard/<name>``, so a concept can extend the entry template and
replace single blocks::

    {% extends "standard/dokument.md.j2" %}
    {% block luecken %}{% endblock %}

Every printed value goes through :func:`.markdown.finalize` (plain text escaped,
Markdown fields as placeholders). Comments are ``{## … ##}``: ``{#`` belongs to
Pandoc attributes like ``{#tbl-x}``.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from ..errors import TemplateError as IkTemplateError
from .markdown import Md, cell, finalize, mdjoin, placed
from .parts import Dokument
from .templatecache import TemplateCache
from .templatemessages import german

DEFAULTS = Path(__file__).resolve().parent.parent / "templates" / "dokument"
ENTRY = "dokument.md.j2"
# The Umsetzungsbericht: its own entry template, the document's macros as fallback.
BERICHT = (DEFAULTS.parent / "bericht", DEFAULTS)
BERICHT_ENTRY = "bericht.md.j2"
_ANCHOR = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_FILE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*(/[A-Za-z0-9_][A-Za-z0-9_.\-]*)*$")


class TemplateProblem(IkTemplateError):
    """A user template failed; ``message`` is German and names file and line."""


class _ConfinedLoader(FileSystemLoader):
    """A file loader that refuses templates resolving outside its folder (symlinks)."""

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Any]:
        source, filename, uptodate = super().get_source(environment, template)
        root = Path(self.searchpath[0]).resolve()
        if not Path(filename).resolve().is_relative_to(root):
            raise TemplateNotFound(template)
        return source, filename, uptodate


def _anker(value: Any) -> Md:
    text = str(value)
    if not _ANCHOR.match(text):
        raise ValueError(f"ungültiger Anker „{text}“")
    return Md(text)


def _datei(value: Any) -> Md:
    text = str(value)
    if not _FILE.match(text) or ".." in text.split("/"):
        raise ValueError(f"ungültiger Dateiname „{text}“")
    return Md(text)


def _attr(value: Any) -> Md:
    """Plain text as a quoted Pandoc attribute value (``alt="…"``): one line, ``\\`` and
    ``"`` escaped; pandoc reads it back as exactly this text."""
    text = " ".join(str(value).split())
    return Md(text.replace("\\", "\\\\").replace('"', '\\"'))


def _heading(level: int) -> Md:
    return Md("#" * max(1, min(6, int(level))))


def _finalize(value: Any) -> Markup:
    """Macro output (Markup) passes; every other value is made Markdown by ``finalize``.

    Autoescaping is on only so that macro results are marked as already final;
    the Markdown escaping is :func:`.markdown.finalize`, never HTML escaping.
    """
    if isinstance(value, Markup):
        return value
    return Markup(finalize(value))


MAX_SECONDS = 60.0
MAX_OUTPUT = 64 * 2**20  # characters of Markdown, far above a Landkreis document
MAX_SEQUENCE = 1_000_000  # items or characters one ``*`` or ``**`` may produce


class TemplateLimit(Exception):
    """A template ran too long or produced too much."""


class _BoundedEnvironment(SandboxedEnvironment):
    """The sandbox with a deadline and size bounds: user templates cannot hang the build.

    Every call, every ``range`` step and every output piece checks the deadline;
    ``*`` and ``**`` may not produce huge values.
    """

    intercepted_binops = frozenset({"*", "**"})

    deadline = float("inf")

    def start(self) -> None:
        self.deadline = time.monotonic() + MAX_SECONDS

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateLimit(f"die Vorlage läuft länger als {MAX_SECONDS:.0f} Sekunden")

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        self.tick()
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.tick()
        if operator == "**" and isinstance(right, int) and abs(right) > 1000:
            raise TemplateLimit("Potenz mit zu großem Exponenten")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if (isinstance(seq, (str, list, tuple)) and isinstance(times, int)
                        and len(seq) * times > MAX_SEQUENCE):
                    raise TemplateLimit("Wiederholung mit „*“ ergibt einen zu langen Wert")
        return super().call_binop(context, operator, left, right)

    def bounded_range(self, *args: int) -> Any:
        numbers = range(*args)
        if len(numbers) > MAX_SEQUENCE:
            raise TemplateLimit(f"range() mit mehr als {MAX_SEQUENCE} Zahlen")
        for number in numbers:
            self.tick()
            yield number


def _own_templates(concept_dir: Path) -> Path:
    """The concept's own ``templates/`` folder: the confinement root of its templates.

    A ``templates`` that is a link (``templates -> ..``) would move that root, so
    the folder must resolve to exactly ``<concept>/templates``.
    """
    own = concept_dir.resolve() / "templates"
    if (concept_dir / "templates").resolve() != own:
        raise TemplateProblem(
            "templates ist eine Verknüpfung auf einen anderen Ordner; aus Sicherheitsgründen "
            "werden Vorlagen nur aus dem Ordner templates/ des Konzepts selbst gelesen.")
    return own


def environment(concept_dir: Path | None = None, defaults: tuple[Path, ...] = (DEFAULTS,)
                ) -> _BoundedEnvironment:
    """The sandboxed environment; concept templates first, then the ``defaults`` folders."""
    loaders: list[Any] = []
    if concept_dir is not None and (concept_dir / "templates").is_dir():
        loaders.append(_ConfinedLoader(str(_own_templates(concept_dir))))
    shipped = [FileSystemLoader(str(folder)) for folder in defaults]
    loader = ChoiceLoader([*loaders, *shipped, PrefixLoader({"standard": ChoiceLoader(shipped)})])
    env = _BoundedEnvironment(
        loader=loader, undefined=StrictUndefined, finalize=_finalize, autoescape=True,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        comment_start_string="{##", comment_end_string="##}",
    )
    env.bytecode_cache = TemplateCache(env)
    env.filters.update(anker=_anker, zelle=cell, datei=_datei, mdjoin=mdjoin, attr=_attr,
                       platziert=placed)
    env.globals.update(h=_heading, range=env.bounded_range)
    del env.globals["lipsum"]
    return env


_BLANKS = re.compile(r"\n{3,}")


def render_markdown(dok: Dokument | Any, concept_dir: Path | None = None,
                    entry: str = ENTRY, defaults: tuple[Path, ...] = (DEFAULTS,)) -> str:
    """The document as Pandoc Markdown with prosa placeholders.

    ``dok`` is the context (a :class:`Dokument`, or the report's ``BerichtDok`` with
    ``entry=BERICHT_ENTRY, defaults=BERICHT``). Raises :class:`TemplateProblem` for
    errors in (user) templates.
    """
    env = environment(concept_dir, defaults)
    try:
        text = _render(env, entry, dok)
    except TemplateSyntaxError as exc:
        raise TemplateProblem(
            f"{_where(exc.filename, concept_dir)}:{exc.lineno}: Vorlagenfehler: "
            f"{german(exc.message or '')}"
        ) from None
    except TemplateNotFound as exc:
        raise TemplateProblem(f"Vorlage „{exc.name}“ nicht gefunden") from None
    except (UndefinedError, SecurityError, TemplateError, ValueError, TypeError) as exc:
        raise TemplateProblem(
            f"{_trace(exc, concept_dir)}Vorlagenfehler: {german(str(exc))}") from None
    except TemplateLimit as exc:
        raise TemplateProblem(f"{_trace(exc, concept_dir)}Vorlagenfehler: {exc}; die Vorlage "
                              "wurde abgebrochen.") from None
    except (ArithmeticError, LookupError, RecursionError, MemoryError) as exc:
        what = _PYTHON_ERRORS.get(type(exc).__name__, "Rechen- oder Zugriffsfehler")
        raise TemplateProblem(f"{_trace(exc, concept_dir)}Vorlagenfehler: {what}.") from None
    return _BLANKS.sub("\n\n", text).strip() + "\n"


_PYTHON_ERRORS = {
    "ZeroDivisionError": "Division durch null",
    "OverflowError": "Zahl zu groß",
    "RecursionError": "zu tiefe Rekursion (ein Makro ruft sich zu oft selbst auf)",
    "MemoryError": "nicht genug Arbeitsspeicher",
    "IndexError": "Listenindex außerhalb der Liste",
    "KeyError": "Schlüssel nicht vorhanden",
}


def _render(env: _BoundedEnvironment, entry: str, dok: Dokument) -> str:
    """Render ``entry`` piece by piece within the deadline and :data:`MAX_OUTPUT`."""
    template = env.get_template(entry)
    env.start()
    pieces, size = [], 0
    for piece in template.generate(dok=dok):
        env.tick()
        size += len(piece)
        if size > MAX_OUTPUT:
            raise TemplateLimit(f"die Vorlage erzeugt mehr als {MAX_OUTPUT // 2**20} MB Text")
        pieces.append(piece)
    return "".join(pieces)


def _where(filename: str | None, concept_dir: Path | None) -> str:
    if not filename:
        return "(Vorlage)"
    path = Path(filename)
    for base in (concept_dir, DEFAULTS.parent.parent):
        if base is not None and path.is_relative_to(base):
            return os.path.relpath(path, base)
    return path.name


def _trace(exc: BaseException, concept_dir: Path | None) -> str:
    """„templates/x.md.j2:12: “ for the innermost template frame of the traceback."""
    tb, found = exc.__traceback__, ""
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".j2"):
            found = f"{_where(name, concept_dir)}:{tb.tb_lineno}: "
        tb = tb.tb_next
    return found
