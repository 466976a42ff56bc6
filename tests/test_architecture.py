"""Imports run one way between the stage packages (see ARCHITECTURE.md).

A module may import its own stage and stages with a lower level, never one above or
beside it. Every import counts, also the lazy ones inside functions. A new stage
package gets its level here and a line in ARCHITECTURE.md.
"""

from __future__ import annotations

import ast
from pathlib import Path

from ik_testing import ROOT

SRC = ROOT / "src" / "integrationskonzept"

# Lower levels are imported by higher ones. Stages on one level are independent.
LEVELS = {
    "errors": 0, "text": 0, "toolchain": 0,
    "problems": 1,
    "source": 2,
    "model": 3,
    "gaps": 4, "diff": 4, "monitoring": 4, "tables": 4,
    "checks": 5,
    "workspace": 6,
    "charts": 7, "document": 7,
    "render": 8,
    "preview": 9,
    "cli": 10,
    "__main__": 11,
}
# The package itself (__init__.py) is the public API: it may call every stage, lazily;
# every stage may read its version.
ROOT_NAMES_FOR_ALL = {"__version__"}


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(path: Path, src: Path = SRC) -> list[tuple[int, str, set[str]]]:
    """(line, imported module, names) of every import of the package in ``path``."""
    rel = path.relative_to(src.parent).with_suffix("")
    module = ".".join(rel.parts)
    package = module.removesuffix(".__init__") if path.name == "__init__.py" else \
        module.rsplit(".", 1)[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            elif node.module and node.module.split(".")[0] == "integrationskonzept":
                target = node.module
            else:
                continue
            names = {a.name for a in node.names}
            if node.module is None and target == "integrationskonzept":
                out += [(node.lineno, f"{target}.{n}", set()) for n in names
                        if n not in ROOT_NAMES_FOR_ALL]
            else:
                out.append((node.lineno, target, names))
        elif isinstance(node, ast.Import):
            out += [(node.lineno, a.name, set()) for a in node.names
                    if a.name.split(".")[0] == "integrationskonzept"]
    return out


def test_every_stage_package_has_a_level() -> None:
    stages = {p.stem if p.is_file() else p.name for p in SRC.iterdir()
              if (p.is_dir() and (p / "__init__.py").exists())
              or (p.suffix == ".py" and p.name != "__init__.py")}
    assert sorted(stages - set(LEVELS)) == [], (
        "new stage package: give it a level in tests/test_architecture.py and describe it "
        "in ARCHITECTURE.md")


def violations(src: Path = SRC) -> list[str]:
    wrong = []
    for path in sorted(src.rglob("*.py")):
        here = _stage(".".join(path.relative_to(src.parent).with_suffix("").parts))
        if here in ("", "__init__"):
            continue  # the public API
        for line, target, _names in _imports(path, src):
            there = _stage(target)
            if there in ("", here) or there not in LEVELS:
                continue
            if LEVELS[there] >= LEVELS[here]:
                wrong.append(f"{path.relative_to(src)}:{line}: {here} imports {target}")
    return wrong


def test_imports_run_one_way() -> None:
    assert violations() == []


def test_a_wrong_import_is_found(tmp_path: Path) -> None:
    """The checker sees imports up and sideways, also lazy ones and the absolute form."""
    pkg = tmp_path / "integrationskonzept"
    files = {
        "source/git.py": "from ..errors import GitError\n\ndef f():\n"
                         "    from ..model.loader import load_concept\n",
        "gaps/x.py": "import integrationskonzept.diff.report\nfrom ..model import Konzept\n",
        "cli/y.py": "from .. import __version__\nfrom ..render import build\n",
    }
    for rel, text in files.items():
        (pkg / rel).parent.mkdir(parents=True, exist_ok=True)
        (pkg / rel).write_text(text, encoding="utf-8")
    assert violations(pkg) == [
        "gaps/x.py:1: gaps imports integrationskonzept.diff.report",
        "source/git.py:4: source imports integrationskonzept.model.loader",
    ]


def test_no_import_cycle_between_the_entry_point_and_the_commands() -> None:
    """cli/__init__ loads the commands only when a command runs; cli/app imports none."""
    for name in ("__init__.py", "app.py", "output.py", "choices.py", "runtime.py"):
        tree = ast.parse((SRC / "cli" / name).read_text(encoding="utf-8"))
        top = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
        modules = {n.module or "" for n in top if isinstance(n, ast.ImportFrom)}
        assert "commands" not in modules, name
