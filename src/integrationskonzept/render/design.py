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

import os
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

    Design files come from other hands: every file and font folder of the concept's
    ``design/`` must resolve (symbolic links followed) to a regular file or folder
    inside ``design/``, which itself must lie inside the concept. Raises
    :class:`RenderError` with a German message for a broken ``design.yaml`` or a
    design file that points elsewhere.
    """
    folders = [DEFAULTS_DIR]
    own = _own_folder(concept_dir)
    if own is not None:
        folders.insert(0, own)

    def find(name: str) -> Path | None:
        for folder in folders:
            if folder is own:
                path = _inside(own, name)
                if path is not None:
                    return path
            elif (folder / name).is_file():
                return folder / name
        return None

    settings: dict[str, object] = {}
    for folder in reversed(folders):
        path = _inside(own, "design.yaml") if folder is own else folder / "design.yaml"
        if path is not None:
            settings.update(_read_settings(path))
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
    text = str(settings.get("inhaltsverzeichnis_tiefe", Design.inhalt_tiefe)).strip()
    tiefe = int(text) if text in ("1", "2", "3", "4") else 0  # the reader keeps scalars as text
    if not tiefe:
        raise RenderError(f"design.yaml: »inhaltsverzeichnis_tiefe« ist »{text}«, erwartet "
                          "wird eine Zahl von 1 bis 4 (Überschriftenebenen im Inhaltsverzeichnis).")
    logo = _logo(folders, settings.get("logo"))
    theme, css = find("theme.typ"), find("style.css")
    if theme is None or css is None:
        raise RenderError("Die mitgelieferten Gestaltungsdateien fehlen (theme.typ, style.css).")
    fonts = [DEFAULTS_DIR / "schriften"] if (DEFAULTS_DIR / "schriften").is_dir() else []
    if own is not None and (own / "schriften").exists():
        fonts.insert(0, _font_folder(own))
    return Design(
        theme_typ=theme,
        style_css=css,
        reference_docx=find("reference.docx"),
        logo=logo,
        logo_alt=str(settings.get("logo_alt") or ""),
        font_dirs=tuple(fonts),
        schrift=schrift,
        primaer=primaer.upper(),
        akzent=akzent.upper(),
        schrift_office=office,
        inhalt_tiefe=tiefe,
    )


def _own_folder(concept_dir: Path | None) -> Path | None:
    """The concept's ``design/`` folder, resolved; refused when it lies elsewhere."""
    if concept_dir is None:
        return None
    folder = concept_dir / "design"
    if not folder.is_dir():
        return None
    resolved = folder.resolve()
    if not resolved.is_relative_to(concept_dir.resolve()):
        raise RenderError(_OUTSIDE.format(name="design", where="des Konzeptordners"))
    return resolved


_OUTSIDE = ("design/{name} ist eine Verknüpfung auf eine Datei oder einen Ordner außerhalb "
            "{where}; aus Sicherheitsgründen wird sie nicht verwendet. Legen Sie die Datei "
            "selbst in den Ordner design/.")


def _inside(own: Path | None, name: str) -> Path | None:
    """``own/name`` resolved, if it is a regular file inside ``own``; refused elsewhere."""
    if own is None or not os.path.lexists(own / name):
        return None
    path = (own / name).resolve()
    if not path.is_relative_to(own):
        raise RenderError(_OUTSIDE.format(name=name, where="des Ordners design/"))
    if not path.is_file():
        raise RenderError(f"design/{name} ist keine gewöhnliche Datei.")
    return path


MAX_FONT_FILES = 200


def _font_folder(own: Path) -> Path:
    """``design/schriften``, after checking that everything in it stays inside ``design/``."""
    folder = (own / "schriften").resolve()
    if not folder.is_relative_to(own):
        raise RenderError(_OUTSIDE.format(name="schriften", where="des Ordners design/"))
    if not folder.is_dir():
        raise RenderError("design/schriften ist kein Ordner.")
    count = 0
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in [*dirnames, *filenames]:
            path = Path(dirpath) / name
            rel = path.relative_to(own).as_posix()
            target = path.resolve()
            if not target.is_relative_to(own):
                raise RenderError(_OUTSIDE.format(name=rel.removeprefix("design/"),
                                                  where="des Ordners design/"))
            if name in filenames and not target.is_file():
                raise RenderError(f"design/{rel} ist keine gewöhnliche Datei.")
            count += 1
        if count > MAX_FONT_FILES:
            raise RenderError(f"design/schriften enthält mehr als {MAX_FONT_FILES} Dateien.")
    return folder


def _read_settings(path: Path) -> dict[str, object]:
    """``design.yaml`` through the project's safe, bounded YAML reader."""
    if not path.is_file():
        return {}
    from ..source.safeyaml import read_yaml

    shown = "design/design.yaml" if path.parent != DEFAULTS_DIR else str(path)
    read = read_yaml(str(path), shown)
    if read.problems:
        first = read.problems[0]
        raise RenderError(f"{first.location}: keine gültige YAML-Datei ({first.message})."
                          + (f" {first.hint}" if first.hint else ""))
    data = read.data
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise RenderError(f"{shown}: erwartet wird eine Zuordnung (schrift, farben, logo, …).")
    return {str(k): v for k, v in data.items()}


def _logo(folders: list[Path], name: object) -> Path | None:
    if not name:
        return None
    for folder in folders:
        path = (folder / str(name)).resolve()
        if path.is_file() and path.is_relative_to(folder.resolve()):
            return path
    raise RenderError(f"design.yaml: Logo-Datei »{name}« nicht gefunden.")
