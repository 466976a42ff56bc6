"""The boundary to typst (PyPI ``typst``): compile a PDF in a child process.

The child is bounded in time (``timeout``) and optionally in address space
(``memory_limit``); the build folder is typst's root, so documents can read
nothing outside it. Typst warnings are returned as German text; errors become
:class:`RenderError`. Fonts: Source Sans 3 from ``fontpkg-source-sans-3`` plus
the design's font folders; system fonts are ignored so every machine renders alike.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import RenderError
from ..source import processes
from .pandoc import LIMIT_HINT

# The start of every typst child: read the JSON job from stdin (``sys_path``,
# ``memory_limit`` in bytes or null) and cap the address space.
CHILD_START = r"""
import json, os, sys
try:
    import resource
except ImportError:  # Windows: no limits, no figures
    resource = None
job = json.load(sys.stdin)
sys.path[:] = job["sys_path"]
if job["memory_limit"] and resource is not None:
    try:
        resource.setrlimit(resource.RLIMIT_AS, (job["memory_limit"], job["memory_limit"]))
    except (ValueError, OSError):  # macOS does not enforce address-space limits
        pass
"""

# Runs in the child: JSON job on stdin, JSON result on stdout.
_WORKER = CHILD_START + r"""
result = {"warnings": [], "error": None, "max_rss_kb": 0}
try:
    import typst
except (ImportError, MemoryError) as exc:
    text = str(exc)
    short = "failed to map" in text or isinstance(exc, MemoryError)
    result["error"] = "memory" if short else "import"
    result["detail"] = text
    json.dump(result, sys.stdout)
    sys.exit(0)
try:
    # a part of a long PDF comes with its inputs and asks what it reports (memoised: cheap)
    compiler = typst.Compiler(
        job["input"], root=job["root"], font_paths=job["font_paths"],
        ignore_system_fonts=True, sys_inputs=job["inputs"],
        package_path=job["packages"], package_cache_path=job["packages"])
    _, warnings = compiler.compile_with_warnings(
        output=job["output"], format="pdf", pdf_standards=job["pdf_standards"],
        timestamp=job["timestamp"])
    if job["query"] is not None:
        result["query"] = compiler.query(job["query"], field="value", one=True)
    result["warnings"] = [str(getattr(w, "message", w)) for w in warnings]
except typst.TypstError as exc:
    result["error"] = str(getattr(exc, "message", exc))
    result["detail"] = str(getattr(exc, "diagnostic", ""))
except MemoryError:
    result["error"] = "memory"
if resource is not None:
    result["max_rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
json.dump(result, sys.stdout)
"""


class SatzFehler(RenderError):
    """typst failed inside the generated document (``main.typ``), not in a design file.

    ``fehler`` is typst's message, ``woerter`` the first words of the text at the failing
    line, so the caller, who knows the sources, can name the file the text came from.
    """

    def __init__(self, message: str, detail: str = "", *, fehler: str = "",
                 woerter: tuple[str, ...] = ()) -> None:
        super().__init__(message, detail)
        self.fehler = fehler
        self.woerter = woerter


@dataclass(frozen=True)
class TypstResult:
    """Outcome of a successful compile: warnings (German) and the child's peak memory."""

    warnings: tuple[str, ...]
    max_rss_kb: int
    query: str | None = None  # what ``query`` found (JSON), when asked


def font_paths(extra: tuple[Path, ...] = ()) -> list[str]:
    """Source Sans 3 from its font package, then the design's font folders."""
    paths = []
    try:
        import fontpkg_source_sans_3

        paths.append(str(fontpkg_source_sans_3.ROOT / "files"))
    except ImportError:
        pass
    paths.extend(str(p) for p in extra)
    return paths


def compile_pdf(
    main: Path,
    output: Path,
    *,
    root: Path,
    timestamp: dt.datetime,
    fonts: list[str],
    pdf_standards: tuple[str, ...] = ("ua-1",),
    timeout: float = 600.0,
    memory_limit: int | None = None,
    inputs: dict[str, str] | None = None,
    query: str | None = None,
) -> TypstResult:
    """Compile ``main`` (inside ``root``) to the PDF file ``output``.

    ``memory_limit`` in bytes caps the child's address space. ``query``: a selector
    (``<label>``) whose one element's ``value`` comes back as JSON (``TypstResult.query``),
    ``inputs`` typst's ``sys.inputs``. Raises
    :class:`RenderError` on typst errors, time-out, memory exhaustion or a crash.
    """
    job = {
        "input": str(main),
        "output": str(output),
        "root": str(root),
        "font_paths": fonts,
        "pdf_standards": list(pdf_standards),
        "timestamp": int(timestamp.timestamp()),
        "memory_limit": memory_limit,
        # an empty package folder: no package is found, none is downloaded
        "packages": str(_empty_folder(root / ".typst-pakete")),
        "sys_path": [p for p in sys.path if p and Path(p).is_absolute()],
        "inputs": inputs or {},
        "query": query,
    }
    try:
        proc = processes.run(
            [sys.executable, "-I", "-c", _WORKER], input=json.dumps(job).encode(),
            timeout=timeout, cwd=root, env=_offline_env())
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"typst hat das PDF nach {timeout:.0f} Sekunden nicht fertiggestellt und wurde "
            f"abgebrochen. {LIMIT_HINT}"
        ) from None
    try:
        result = json.loads(proc.stdout.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        stderr = proc.stderr.decode("utf-8", "replace").strip()
        if "memory" in stderr.lower() or proc.returncode in (-6, -9, 134, 137):
            raise RenderError(
                f"typst hatte nicht genug Arbeitsspeicher für das PDF. {LIMIT_HINT}", stderr
            ) from None
        raise RenderError(
            f"typst ist beim Erzeugen des PDF abgestürzt (Rückgabewert {proc.returncode}).",
            stderr,
        ) from None
    if result["error"] == "memory":
        raise RenderError(f"typst hatte nicht genug Arbeitsspeicher für das PDF. {LIMIT_HINT}",
                          result.get("detail", ""))
    if result["error"] == "import":
        raise RenderError("typst lässt sich nicht laden. Bitte das Paket »typst« installieren.",
                          result.get("detail", ""))
    if result["error"]:
        detail = result.get("detail", "")
        where = re.search(r"┌─ ([^\s:]+):(\d+):(\d+)", detail)
        suffix = f" ({where[1]}, Zeile {where[2]}, Spalte {where[3]})" if where else ""
        if where and where[1] == main.name:  # the generated document, not a user file
            words = _words_at(main, int(where[2]))
            excerpt = _shorten(" ".join(words))
            near = f" bei »{excerpt}«" if excerpt else ""
            suffix = (f" (im erzeugten Satz des Dokuments{near}; meist ein Text aus den "
                      "Quellen: suchen Sie die Stelle dort und prüfen Sie mit `ik validate`)")
            raise SatzFehler(f"typst konnte das PDF nicht erzeugen: {result['error']}{suffix}",
                             detail, fehler=str(result["error"]), woerter=tuple(words[:12]))
        raise RenderError(f"typst konnte das PDF nicht erzeugen: {result['error']}{suffix}", detail)
    return TypstResult(
        warnings=tuple(german_warning(w) for w in result["warnings"]),
        max_rss_kb=int(result.get("max_rss_kb", 0)),
        query=result.get("query"),
    )


def typst_version() -> str | None:
    """The version the typst compiler reports of itself (``0.15.1``), or None."""
    try:
        import typst

        return str(json.loads(typst.eval(b"", "str(sys.version)", ignore_system_fonts=True)))
    except (ImportError, RuntimeError, ValueError):
        return None


def _words_at(main: Path, line: int) -> list[str]:
    """The words from the failing line of the generated typst source on, to find the
    text in the sources (typst markup and escapes removed; reads at most 200 KB)."""
    chunk, size = [], 0
    try:
        with main.open(encoding="utf-8", errors="replace") as handle:
            for number, text in enumerate(handle, 1):
                if number >= line:
                    chunk.append(text)
                    size += len(text)
                    if size > 200_000 or any(ch.isalpha() for ch in _MARKUP.sub(" ", text)):
                        break
    except OSError:
        return []
    words = _MARKUP.sub(" ", "".join(chunk)[:200_000]).split()
    return ["".join(ch for ch in w if ch.isprintable()) for w in words[:200]
            if any(ch.isalpha() for ch in w)]


def _shorten(excerpt: str) -> str:
    return excerpt[:60] + ("…" if len(excerpt) > 60 else "")


_MARKUP = re.compile(r"#[a-z.]+(\([^)]*\))?|[\\\[\]{}*_<>#=\"]")


def _offline_env() -> dict[str, str]:
    """The environment with every proxy pointing nowhere: typst cannot download."""
    nowhere = "http://127.0.0.1:9"
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update({name: nowhere for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY",
                                           "http_proxy", "https_proxy", "all_proxy")})
    return env


def _empty_folder(path: Path) -> Path:
    path.mkdir(exist_ok=True)
    return path


def german_warning(warning: str) -> str:
    if "unknown font family" in warning:
        family = warning.split(":", 1)[-1].strip()
        return f"typst: Schrift {family} ist nicht vorhanden, eine Ersatzschrift wird verwendet."
    return f"typst: {warning}"
