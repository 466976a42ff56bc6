"""The boundary to pandoc (from pypandoc-binary): one subprocess call, never a shell.

Reading: :data:`READER` is Pandoc Markdown without raw HTML/TeX, raw attributes,
citations, math and metadata blocks, so text in the sources stays text.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from ..errors import RenderError

LUA_DIR = Path(__file__).resolve().parent / "lua"
READER = (
    "markdown"
    "-raw_html-raw_attribute-raw_tex-latex_macros-citations-tex_math_dollars"
    "-yaml_metadata_block-pandoc_title_block-markdown_in_html_blocks"
)


def pandoc_path() -> str:
    """Path of the pandoc binary shipped with pypandoc-binary."""
    try:
        import pypandoc

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError) as exc:
        raise RenderError(
            "Pandoc wurde nicht gefunden. Bitte das Paket »pypandoc-binary« installieren."
        ) from exc


def pandoc_version() -> str | None:
    """The version pandoc reports of itself (``3.9``), or None if it cannot be started."""
    try:
        proc = subprocess.run([pandoc_path(), "--version"], capture_output=True, timeout=60,
                              check=False)
    except (RenderError, OSError, subprocess.TimeoutExpired):
        return None
    first = proc.stdout.decode("utf-8", "replace").partition("\n")[0]
    return first.split()[-1] if proc.returncode == 0 and first.startswith("pandoc ") else None


def lua(name: str) -> str:
    """Path of one of the package's trusted Lua filters."""
    return str(LUA_DIR / name)


def run_pandoc(
    args: list[str],
    *,
    cwd: Path,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 600.0,
    memory_limit: int | None = None,
    what: str = "das Dokument",
    rts: tuple[str, ...] = (),
) -> bytes:
    """Run pandoc with ``args`` in ``cwd`` and return its standard output.

    The environment is minimal (plus ``env``); user data files are not read
    (``--data-dir`` points into ``cwd``). ``memory_limit`` (bytes) caps pandoc's
    heap; ``rts`` are further options for pandoc's runtime (e.g. ``-c``, compacting
    garbage collection: less memory, more time). Raises :class:`RenderError`.
    """
    data_dir = cwd / ".pandoc"
    data_dir.mkdir(exist_ok=True)
    full_env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "HOME": str(data_dir),
        "XDG_DATA_HOME": str(data_dir),
    }
    for name in ("SYSTEMROOT", "TEMP", "TMP", "TMPDIR"):  # Windows needs SYSTEMROOT
        if name in os.environ:
            full_env[name] = os.environ[name]
    full_env.update(env or {})
    cmd = [pandoc_path(), f"--data-dir={data_dir}", *args]
    options = [*rts]
    if memory_limit:
        options.append(f"-M{max(memory_limit // 2**20, 256)}m")
    if options:
        cmd += ["+RTS", *options, "-RTS"]
    try:
        proc = subprocess.run(
            cmd, input=stdin, capture_output=True, cwd=cwd, env=full_env, timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"Pandoc hat {what} nach {timeout:.0f} Sekunden nicht fertiggestellt und wurde "
            "abgebrochen."
        ) from None
    except OSError as exc:
        raise RenderError(f"Pandoc konnte nicht gestartet werden: {exc.strerror}.") from None
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip()
        if "Heap exhausted" in detail:
            raise RenderError(
                f"Pandoc hatte nicht genug Arbeitsspeicher für {what}.", detail
            )
        first = detail.splitlines()[0] if detail else f"Rückgabewert {proc.returncode}"
        raise RenderError(f"Pandoc konnte {what} nicht erzeugen: {first}", detail)
    return proc.stdout
