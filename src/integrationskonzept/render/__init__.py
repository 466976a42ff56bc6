"""Rendering: intermediate Pandoc Markdown to MD, HTML, DOCX, ODT and PDF.

Public entry points (see :mod:`.pipeline` for the steps):

- :func:`render` with :class:`DocumentMeta`, :class:`Design` (:func:`load_design`)
- :func:`write_defaults`: copy the editable design files into a concept folder
- :class:`RenderError`: every failure, with a German message

Heavy tools (pandoc, typst, python-docx) are imported only when used.
"""

from __future__ import annotations

from ..errors import RenderError
from .defaults import write_defaults
from .design import Design, default_design, load_design
from .meta import DocumentMeta, Logo
from .pipeline import FORMATS, RenderWarning, render

__all__ = [
    "FORMATS",
    "Design",
    "DocumentMeta",
    "Logo",
    "RenderError",
    "RenderWarning",
    "default_design",
    "load_design",
    "render",
    "write_defaults",
]
