"""The resolved design of a document: :class:`Design` and :func:`load_design`.

Design files are looked up in the concept's ``design/`` folder first and in the
defaults shipped with the package (``templates/design/``) second, file by file:

- ``theme.typ``: typst theme for the PDF; must define ``konzept(...)``.
- ``style.css``: stylesheet embedded in the HTML.
- ``reference.docx``: Word styles, page, header and footer; without one it is
  generated from the colours and font (see :mod:`.referencedoc`).
- ``design.yaml``: ``schrift``, ``schrift_office``, ``farben: {primaer, akzent}``,
  ``logo``, ``logo_alt``, ``inhaltsverzeichnis_tiefe``; keys of the concept override
  the defaults one by one.

Fonts: the PDF embeds ``schrift`` (typst ships it into the file). DOCX and ODT are
opened on machines where only the usual office fonts exist and Word does not embed
variable OFL fonts reliably, so they name ``schrift_office`` (default Arial: every
Word installation has it, LibreOffice maps it to the metric-compatible Liberation Sans).
- ``schriften/``: extra font files (``.ttf``/``.otf``) for the PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import RenderError

DEFAULTS_DIR = Path(__file__).resolve().parent.parent / "templates" / "design"
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_FONT_NAME = re.compile(r"^[\w .'-]{1,80}$")


@dataclass(frozen=True)
class Design:
    """Paths and values of the design; every path exists."""

    theme_typ: Path
    style_css: Path
    reference_docx: Path | None = None
    logo: Path | None = None
    logo_alt: str = ""
    font_dirs: tuple[Path, ...] = ()
    schrift: str = "Source Sans 3"
    primaer: str = "#1F4E79"
    akzent: str = "#C55A11"
    schrift_office: str = "Arial"
    inhalt_tiefe: int = 2  # heading levels in every table of contents


def default_design() -> Design:
    """The shipped design, without any concept overrides."""
    return load_design(None)


def load_design(concept_dir: Path | None) -> Design:
    """Resolve the design for a concept folder (``None``: defaults only).

    Raises :class:`RenderError` with a German message for a broken ``design.yaml``.
    """
    folders = [DEFAULTS_DIR]
    if concept_dir is not None and (concept_dir / "design").is_dir():
        folders.insert(0, concept_dir / "design")

    def find(name: str) -> Path | None:
        for folder in folders:
            if (folder / name).is_file():
                return folder / name
        return None

    settings: dict[str, object] = {}
    for folder in reversed(folders):
        settings.update(_read_settings(folder / "design.yaml"))
    farben = settings.get("farben") or {}
    if not isinstance(farben, dict):
        raise RenderError("design.yaml: »farben« muss eine Zuordnung sein (primaer, akzent).")
    primaer = str(farben.get("primaer", Design.primaer))
    akzent = str(farben.get("akzent", Design.akzent))
    for name, value in (("primaer", primaer), ("akzent", akzent)):
        if not _COLOUR.match(value):
            raise RenderError(
                f"design.yaml: Farbe »{name}« ist »{value}«, erwartet wird ein Wert "
                "wie \"#1F4E79\" (in Anführungszeichen)."
            )
    schrift = str(settings.get("schrift") or Design.schrift)
    if not _FONT_NAME.match(schrift):
        raise RenderError(f"design.yaml: Schriftname »{schrift}« ist ungültig.")
    office = str(settings.get("schrift_office") or Design.schrift_office)
    if not _FONT_NAME.match(office):
        raise RenderError(f"design.yaml: Schriftname »{office}« (schrift_office) ist ungültig.")
    tiefe = settings.get("inhaltsverzeichnis_tiefe", Design.inhalt_tiefe)
    if isinstance(tiefe, bool) or not isinstance(tiefe, int) or not 1 <= tiefe <= 4:
        raise RenderError(f"design.yaml: »inhaltsverzeichnis_tiefe« ist »{tiefe}«, erwartet "
                          "wird eine Zahl von 1 bis 4 (Überschriftenebenen im Inhaltsverzeichnis).")
    logo = _logo(folders, settings.get("logo"))
    theme, css = find("theme.typ"), find("style.css")
    if theme is None or css is None:
        raise RenderError("Die mitgelieferten Gestaltungsdateien fehlen (theme.typ, style.css).")
    return Design(
        theme_typ=theme,
        style_css=css,
        reference_docx=find("reference.docx"),
        logo=logo,
        logo_alt=str(settings.get("logo_alt") or ""),
        font_dirs=tuple(f / "schriften" for f in folders if (f / "schriften").is_dir()),
        schrift=schrift,
        primaer=primaer.upper(),
        akzent=akzent.upper(),
        schrift_office=office,
        inhalt_tiefe=tiefe,
    )


def _read_settings(path: Path) -> dict[str, object]:
    if not path.is_file():
        return {}
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise RenderError(f"{path}: keine gültige YAML-Datei ({exc}).") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise RenderError(f"{path}: erwartet wird eine Zuordnung (schrift, farben, logo, …).")
    return {str(k): v for k, v in data.items()}


def _logo(folders: list[Path], name: object) -> Path | None:
    if not name:
        return None
    for folder in folders:
        path = (folder / str(name)).resolve()
        if path.is_file() and path.is_relative_to(folder.resolve()):
            return path
    raise RenderError(f"design.yaml: Logo-Datei »{name}« nicht gefunden.")
