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
from .markdown import Md, cell, finalize, mdjoin
from .parts import Dokument

DEFAULTS = Path(__file__).resolve().parent.parent / "templates" / "dokument"
ENTRY = "dokument.md.j2"
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


def environment(concept_dir: Path | None = None) -> SandboxedEnvironment:
    """The sandboxed environment; concept templates first, then the defaults."""
    loaders: list[Any] = []
    if concept_dir is not None and (concept_dir / "templates").is_dir():
        loaders.append(_ConfinedLoader(str(concept_dir / "templates")))
    loaders.append(FileSystemLoader(str(DEFAULTS)))
    loader = ChoiceLoader([*loaders, PrefixLoader({"standard": FileSystemLoader(str(DEFAULTS))})])
    env = SandboxedEnvironment(
        loader=loader, undefined=StrictUndefined, finalize=_finalize, autoescape=True,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        comment_start_string="{##", comment_end_string="##}",
    )
    env.filters.update(anker=_anker, zelle=cell, datei=_datei, mdjoin=mdjoin, attr=_attr)
    env.globals.update(h=_heading)
    return env


_BLANKS = re.compile(r"\n{3,}")


def render_markdown(dok: Dokument, concept_dir: Path | None = None,
                    entry: str = ENTRY) -> str:
    """The document as Pandoc Markdown with prosa placeholders.

    Raises :class:`TemplateProblem` for errors in (user) templates.
    """
    env = environment(concept_dir)
    try:
        text = env.get_template(entry).render(dok=dok)
    except TemplateSyntaxError as exc:
        raise TemplateProblem(
            f"{_where(exc.filename, concept_dir)}:{exc.lineno}: Vorlagenfehler: {exc.message}"
        ) from None
    except TemplateNotFound as exc:
        raise TemplateProblem(f"Vorlage „{exc.name}“ nicht gefunden") from None
    except (UndefinedError, SecurityError, TemplateError, ValueError, TypeError) as exc:
        raise TemplateProblem(f"{_trace(exc, concept_dir)}Vorlagenfehler: {exc}") from None
    return _BLANKS.sub("\n\n", text).strip() + "\n"


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
