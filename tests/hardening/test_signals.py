"""A cancelled build (SIGTERM from CI, Ctrl-C) leaves no temporary folder and no half file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ik_testing import EXAMPLES

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_signal_during_build_cleans_up(tmp_path: Path, signum: int) -> None:
    tmp, out = tmp_path / "tmp", tmp_path / "aus"
    tmp.mkdir()
    out.mkdir()
    (out / "integrationskonzept.pdf").write_bytes(b"alte Fassung")
    env = dict(os.environ, TMPDIR=str(tmp), PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "integrationskonzept", "build", str(EXAMPLES / "peine"),
         "--format", "pdf,docx,html,odt", "--out", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 60
    while not any(tmp.glob("ik-build-*")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert any(tmp.glob("ik-build-*")), "the build never started"
    time.sleep(1.0)
    proc.send_signal(signum)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signum, err.decode()
    assert "Abgebrochen" in err.decode()
    assert list(tmp.iterdir()) == []
    assert sorted(p.name for p in out.iterdir()) == ["integrationskonzept.pdf"]
    assert (out / "integrationskonzept.pdf").read_bytes() == b"alte Fassung"
