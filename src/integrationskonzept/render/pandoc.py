"""The boundary to pandoc (from pypandoc-binary): one subprocess call, never a shell.

Reading: :data:`READER` is Pandoc Markdown without raw HTML/TeX, raw attributes,
citations, math and metadata blocks, so text in the sources stays text.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..errors import RenderError
from ..source import processes
from ..text.oserrors import os_reason

LUA_DIR = Path(__file__).resolve().parent / "lua"
READER = (
    "markdown"
    "-raw_html-raw_attribute-raw_tex-latex_macros-citations-tex_math_dollars"
    "-yaml_metadata_block-pandoc_title_block-markdown_in_html_blocks"
)


LIMIT_HINT = (
    "Prüfen Sie die Quellen mit `ik validate` (z. B. Fußnoten, die sich selbst zitieren) "
    "und die Dateien in design/; für sehr große Konzepte lassen sich die Grenzen mit "
    "IK_ZEITLIMIT (Sekunden) und IK_SPEICHERLIMIT (MB) anheben."
)


# Pandoc's Lua filters allocate outside the Haskell heap that ``-M`` bounds: the
# process as a whole gets this much address space on top.
LUA_AND_RUNTIME = 1024 * 2**20
# Sets the address-space limit, then becomes pandoc (POSIX; preexec_fn is unsafe
# with the threads that write formats in parallel).
_EXEC = (
    "import os, resource, sys\n"
    "limit = int(sys.argv[1])\n"
    "try:\n"
    "    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))\n"
    "except (ValueError, OSError):\n"  # macOS: no address-space limit; the heap limit holds
    "    pass\n"
    "os.execv(sys.argv[2], sys.argv[2:])\n"
)


def _bounded(cmd: list[str], address_space: int) -> list[str]:
    """``cmd`` run with at most ``address_space`` bytes of memory where the OS allows it."""
    try:
        import resource  # noqa: F401
    except ImportError:  # Windows: only pandoc's own heap limit
        return cmd
    return [sys.executable, "-I", "-c", _EXEC, str(address_space), *cmd]


def pandoc_path() -> str:
    """Path of the pandoc binary shipped with pypandoc-binary: the pinned pandoc.

    Not :func:`pypandoc.get_pandoc_path`: that takes the newest pandoc it finds, one on
    ``PATH`` included, so a system-wide pandoc would change the documents (and it
    starts every candidate to ask its version).
    """
    from importlib.util import find_spec

    spec = find_spec("pypandoc")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        bundled = Path(folder) / "files" / ("pandoc.exe" if os.name == "nt" else "pandoc")
        if bundled.is_file():
            return str(bundled)
    raise RenderError(
        "Pandoc wurde nicht gefunden. Bitte das Paket »pypandoc-binary« installieren."
    )


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
    heap, and the process's address space at :data:`LUA_AND_RUNTIME` more; ``rts``
    are further options for pandoc's runtime (e.g. ``-c``, compacting garbage
    collection: less memory, more time). Raises :class:`RenderError`.
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
        cmd = _bounded(cmd, memory_limit + LUA_AND_RUNTIME)
    if options:
        cmd += ["+RTS", *options, "-RTS"]
    try:
        proc = processes.run(cmd, input=stdin, cwd=cwd, env=full_env, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"Pandoc hat {what} nach {timeout:.0f} Sekunden nicht fertiggestellt und wurde "
            f"abgebrochen. {LIMIT_HINT}"
        ) from None
    except OSError as exc:
        raise RenderError(f"Pandoc konnte nicht gestartet werden: {os_reason(exc)}.") from None
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip()
        if "Heap exhausted" in detail or "out of memory" in detail:
            limit = f" (Grenze {memory_limit // 2**20} MB)" if memory_limit else ""
            raise RenderError(
                f"Pandoc hatte nicht genug Arbeitsspeicher für {what}{limit} und wurde "
                f"abgebrochen. {LIMIT_HINT}", detail
            )
        first = detail.splitlines()[0] if detail else f"Rückgabewert {proc.returncode}"
        raise RenderError(f"Pandoc konnte {what} nicht erzeugen: {first}", detail)
    return proc.stdout
