"""Charts compiled by typst: SVG for HTML and PDF, PNG for DOCX.

:mod:`..charts` turns plain data into a :class:`~..charts.base.Chart` (typst source,
alt text, caption); this module is the only place that compiles one.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..charts.base import TEMPLATES_DIR, Chart
from ..errors import RenderError

FORMATS = ("svg", "png", "pdf")


def render_chart(chart: Chart, format: str, ppi: float = 200.0) -> tuple[bytes, tuple[str, ...]]:
    """Compile to ``"svg"``, ``"png"`` or ``"pdf"``; returns (bytes, German warnings)."""
    if format not in FORMATS:
        raise ValueError(f"unknown chart format {format!r}")
    import typst

    from .typesetter import font_paths, german_warning

    fonts = font_paths(tuple(chart.style.font_dirs))
    try:
        # typst's stub ties input, root and font paths to one type; bytes input is the
        # source itself, so root and fonts cannot be bytes too
        data, warnings = typst.compile_with_warnings(  # type: ignore[call-overload]
            chart.typst_source.encode("utf-8"), format=format,
            ppi=ppi if format == "png" else None, root=str(TEMPLATES_DIR), font_paths=fonts,
            ignore_system_fonts=True, timestamp=0)
    except typst.TypstError as exc:
        raise RenderError(
            f"Das Diagramm „{chart.caption}“ konnte nicht gesetzt werden: "
            f"{getattr(exc, 'message', exc)}", str(getattr(exc, "diagnostic", ""))) from None
    if isinstance(data, list):  # one page per list entry; charts have one page
        data = data[0]
    assert isinstance(data, bytes)
    if format == "svg":
        data = _accessible_svg(data, chart.alt)
    return data, tuple(german_warning(str(getattr(w, "message", w))) for w in warnings)


def chart_svg(chart: Chart) -> bytes:
    """SVG with ``role="img"``, ``aria-label`` and ``<title>`` carrying the alt text."""
    return render_chart(chart, "svg")[0]


def chart_png(chart: Chart, ppi: float = 200.0) -> bytes:
    """PNG (for DOCX), ``ppi`` pixels per inch; white background."""
    return render_chart(chart, "png", ppi)[0]


def chart_warnings(chart: Chart) -> tuple[str, ...]:
    """Warnings of the SVG compile (e.g. a missing font), German."""
    return render_chart(chart, "svg")[1]


def _accessible_svg(svg: bytes, alt: str) -> bytes:
    """Put the alt text into the SVG as ``aria-label`` and ``<title>``."""
    text = svg.decode("utf-8")
    start = text.find("<svg")
    end = text.find(">", start)
    if start < 0 or end < 0:
        return svg
    head = text[start:end].rstrip("/")
    closing = ">" if text[end - 1] != "/" else "/>"
    head += f' role="img" aria-label={quoteattr(alt)}'
    return (text[:start] + head + closing + f"<title>{escape(alt)}</title>"
            + text[end + 1:]).encode("utf-8")
