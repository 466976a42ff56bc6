"""The `ik` process loads no pydantic plugins of other packages; the library still does.

A plugin is found through the ``pydantic`` entry point group of an installed
distribution; here a distribution in a temporary folder whose plugin module leaves a
file behind when it is imported.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ik_testing import EXAMPLES

_PLUGIN = """\
from pathlib import Path
Path({marker!r}).write_text("geladen")


class Plugin:
    def new_schema_validator(self, *args, **kwargs):
        return None, None, None


plugin = Plugin()
"""


@pytest.fixture
def plugin_path(tmp_path: Path) -> tuple[Path, Path]:
    site = tmp_path / "site"
    info = site / "ik_testplugin-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: ik-testplugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[pydantic]\nik_testplugin = ik_testplugin:plugin\n")
    marker = tmp_path / "geladen.txt"
    (site / "ik_testplugin.py").write_text(_PLUGIN.format(marker=str(marker)))
    return site, marker


def _run(site: Path, code: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    path = os.pathsep.join([str(site), *sys.path])
    environ.update(PYTHONPATH=path, IK_CACHE="0", **env)
    return subprocess.run([sys.executable, *code], env=environ, capture_output=True,
                          text=True, check=False)


def test_the_ik_process_does_not_load_pydantic_plugins(plugin_path: tuple[Path, Path]) -> None:
    site, marker = plugin_path
    done = _run(site, ["-m", "integrationskonzept", "validate", str(EXAMPLES / "lehrte")])
    assert done.returncode == 0, done.stdout + done.stderr
    assert not marker.exists()


def test_a_choice_of_the_user_is_kept(plugin_path: tuple[Path, Path]) -> None:
    site, marker = plugin_path
    done = _run(site, ["-m", "integrationskonzept", "validate", str(EXAMPLES / "lehrte")],
                PYDANTIC_DISABLE_PLUGINS="ein_anderes")
    assert done.returncode == 0, done.stdout + done.stderr
    assert marker.exists()


def test_the_library_leaves_pydantic_plugins_alone(plugin_path: tuple[Path, Path]) -> None:
    site, marker = plugin_path
    code = ("from integrationskonzept.checks.runner import validate; "
            f"validate(__import__('pathlib').Path({str(EXAMPLES / 'lehrte')!r}))")
    done = _run(site, ["-c", code])
    assert done.returncode == 0, done.stdout + done.stderr
    assert marker.exists()


def test_the_stand_in_for_the_loader_answers_other_names_from_the_real_one(
        plugin_path: tuple[Path, Path]) -> None:
    """Where pydantic still has the loader module the stand-in replaces: anything but
    get_plugins comes from the real module (a pydantic that moved it never sees it)."""
    import importlib
    import importlib.util

    if importlib.util.find_spec("pydantic.plugin._loader") is None:
        pytest.skip("this pydantic keeps its plugin loader elsewhere")
    real = importlib.import_module("pydantic.plugin._loader")
    name = next(n for n in vars(real) if not n.startswith("_") and n != "get_plugins")
    site, marker = plugin_path
    code = ("import sys; from integrationskonzept.cli import runtime; "
            "runtime.without_pydantic_plugins(); "
            "import pydantic.plugin._loader as m; print(m.get_plugins()); "
            "print(type(m).__name__); "
            f"print(type(getattr(m, {name!r})).__name__); "
            "print(type(sys.modules['pydantic.plugin._loader']).__name__)")
    done = _run(site, ["-c", code])
    assert done.returncode == 0, done.stdout + done.stderr
    plugins, before, value, after = done.stdout.splitlines()
    assert (plugins, before) == ("()", "_NoPlugins")
    assert value == type(getattr(real, name)).__name__
    assert after == "module"
    assert not marker.exists()
