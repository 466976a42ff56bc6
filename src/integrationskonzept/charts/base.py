"""Shared parts of the charts: :class:`Chart`, :class:`ChartStyle`, typst literals, numbers.

Chart sources are assembled from a generated prelude (page, font, colours), the typst
templates in ``templates/charts/`` and one data literal. User text only ever enters
typst inside string literals written by :func:`typst_literal`, so names with ``#``,
``$``, ``*``, ``[`` or quotes stay text and cannot become typst code.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import RenderError

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates" / "charts"
PAGE_WIDTH_PT = 453.0  # 16 cm: the text width of the A4 theme (21 cm - 2.5 cm - 2.2 cm)
NBSP = "\u00a0"
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_FONT_NAME = re.compile(r"^[\w .'-]{1,80}$")
_KEY = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class ChartStyle:
    """Font and colours of the charts; take them from the concept's design."""

    schrift: str = "Source Sans 3"
    primaer: str = "#1F4E79"
    akzent: str = "#C55A11"
    font_dirs: tuple[Path, ...] = ()
    template_dirs: tuple[Path, ...] = ()  # searched before templates/charts/

    @classmethod
    def from_design(cls, design: object) -> ChartStyle:
        """Build from a :class:`~.design.Design` (or anything with the same attributes)."""
        return cls(
            schrift=str(getattr(design, "schrift", cls.schrift)),
            primaer=str(getattr(design, "primaer", cls.primaer)),
            akzent=str(getattr(design, "akzent", cls.akzent)),
            font_dirs=tuple(getattr(design, "font_dirs", ()) or ()),
        )

    def colour(self, name: str) -> str:
        value = getattr(self, name)
        return value if _COLOUR.match(value) else str(getattr(ChartStyle, name))


@dataclass(frozen=True)
class Chart:
    """A chart ready to compile: typst source, German alt text and caption.

    ``table`` holds the data behind the chart as strings (header row, rows) for an
    accessible data table; ``notes`` says what was left out or aggregated.
    """

    kind: str
    typst_source: str
    alt: str
    caption: str
    table: tuple[tuple[str, ...], tuple[tuple[str, ...], ...]] = ((), ())
    notes: tuple[str, ...] = ()
    style: ChartStyle = ChartStyle()


# --- typst literals -------------------------------------------------------------------

class Raw(str):
    """Typst code written by this package (a length, a colour): emitted as is."""


def typst_string(value: str, one_line: bool = False) -> str:
    """A typst string literal that shows ``value`` literally.

    ``one_line`` (title page, headers) turns control characters into spaces instead of
    keeping them as escapes.
    """
    out = ['"']
    for ch in value:
        code = ord(ch)
        if one_line and (code < 0x20 or code == 0x7F):
            out.append(" ")
        elif ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")
        elif code < 0x20 or 0x7F <= code < 0xA0 or code in (0x2028, 0x2029):
            out.append(f"\\u{{{code:x}}}" if code else "")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def typst_literal(value: object) -> str:
    """Python data (None, bool, int, float, str, list, dict with key names) as typst."""
    if value is None:
        return "none"
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return "none"
        return f"{value:.4f}"
    if isinstance(value, str):
        return typst_string(value)
    if isinstance(value, Mapping):
        if not value:
            return "(:)"
        parts = []
        for key, item in value.items():
            if not isinstance(key, str) or not _KEY.match(key):
                raise ValueError(f"bad typst key {key!r}")
            parts.append(f"{key}: {typst_literal(item)}")
        return "(" + ", ".join(parts) + ")"
    if isinstance(value, Iterable):
        items = [typst_literal(item) for item in value]
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    raise TypeError(f"no typst literal for {type(value).__name__}")


def pt(value: float) -> Raw:
    return Raw(f"{value:.2f}pt")


def colour(hex_value: str) -> Raw:
    if not _COLOUR.match(hex_value):
        raise ValueError(f"bad colour {hex_value!r}")
    return Raw(f'rgb("{hex_value}")')


def _template(name: str, style: ChartStyle) -> str:
    for folder in (*style.template_dirs, TEMPLATES_DIR):
        path = Path(folder) / name
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            if re.search(r'import\s+"@|include\s+"@|\bread\(|\bimage\(', text):
                raise RenderError(
                    f"Die Diagrammvorlage {path} lädt Pakete oder Dateien; das ist nicht erlaubt.")
            return text
    raise RenderError(f"Diagrammvorlage {name} fehlt.")


def build_source(template: str, data: Mapping[str, object], style: ChartStyle,
                 width_pt: float = PAGE_WIDTH_PT) -> str:
    """The complete typst document: prelude, shared and chart template, data, call."""
    font = style.schrift if _FONT_NAME.match(style.schrift) else ChartStyle.schrift
    stil = {"primaer": colour(style.colour("primaer")), "akzent": colour(style.colour("akzent"))}
    return "\n".join([
        "// Erzeugt von ik (integrationskonzept). Nicht von Hand bearbeiten.",
        f"#set page(width: {width_pt + 12:.2f}pt, height: auto, margin: 6pt, fill: white)",
        f"#set text(font: ({typst_string(font)}, \"Source Sans 3\"), size: 8pt, lang: \"de\", "
        "region: \"DE\", hyphenate: true)",
        "#set par(justify: false, leading: 0.45em)",
        _template("basis.typ", style),
        _template(template, style),
        f"#let stil = {typst_literal(stil)}",
        f"#let daten = {typst_literal(data)}",
        "#diagramm(daten, stil)",
        "",
    ])


# --- German text ----------------------------------------------------------------------

def zahl(value: float, digits: int = 0) -> str:
    """51.086 or 21,5 (German grouping and decimal comma, Python's rounding)."""
    text = f"{abs(value):,.{digits}f}".translate(str.maketrans(",.", ".,"))
    negative = value < 0 and any(c not in "0.," for c in text)
    return ("-" if negative else "") + text


def prozent(value: float, digits: int = 0) -> str:
    """75 % (no-break space before the sign)."""
    return f"{zahl(value, digits)}{NBSP}%"


def shorten(text: str, limit: int) -> str:
    """Shorten one line of text to ``limit`` characters with an ellipsis."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def caption(title: str, notes: Iterable[str]) -> str:
    notes = [n for n in notes if n]
    return f"{title} ({'; '.join(notes)})" if notes else title


def mix(stops: list[str], t: float) -> str:
    """Colour at ``t`` (0..1) of a linear RGB gradient through ``stops`` (hex)."""
    t = min(1.0, max(0.0, t))
    pos = t * (len(stops) - 1)
    i = min(int(pos), len(stops) - 2)
    f = pos - i
    a = [int(stops[i][k:k + 2], 16) for k in (1, 3, 5)]
    b = [int(stops[i + 1][k:k + 2], 16) for k in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * f):02X}" for x, y in zip(a, b, strict=True))


def ink(fill: str) -> str:
    """Black or white text on ``fill``, whichever has the higher contrast."""
    r, g, b = (int(fill[k:k + 2], 16) / 255 for k in (1, 3, 5))
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    lum = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return "#000000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#FFFFFF"


def label_width(labels: Iterable[str], size_pt: float = 8.0, lo: float = 60.0,
                hi: float = 160.0) -> Raw:
    """Estimated width for a label column: about half an em per character."""
    longest = max((len(s) for s in labels), default=0)
    return pt(min(hi, max(lo, longest * size_pt * 0.5 + 4)))
