"""`ik vorschau`: the page, the overlay on the last good page, the server on 127.0.0.1,
rebuilds after saved changes, Ctrl-C. Every loop is bounded."""

from __future__ import annotations

import http.client
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from integrationskonzept.preview import Vorschau
from integrationskonzept.preview.server import make_server, serve


def _until(check: Callable[[], bool], seconds: float = 60.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.2)
    return False


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode("utf-8"))


def _break(root: Path) -> None:
    path = root / "bildung.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("titel: Sprachcafé",
                                                             "titl: Sprachcafé"),
                    encoding="utf-8")


@pytest.mark.slow
def test_overlay_on_the_last_good_page(concept) -> None:  # type: ignore[no-untyped-def]
    root: Path = concept()
    vorschau = Vorschau(root)
    assert vorschau.rebuild()
    page = vorschau.page()
    assert "<title>Integrationskonzept der Stadt Peine</title>" in page
    assert "new EventSource" in page and "ik-vorschau-probleme" not in page
    _break(root)
    assert not vorschau.rebuild()
    page = vorschau.page()
    assert "<title>Integrationskonzept der Stadt Peine</title>" in page  # the last good page
    assert 'id="ik-vorschau-probleme" role="alert"' in page
    assert "bildung.yaml:" in page and "IK1" in page and "titl" in page


def test_page_before_the_first_build(concept) -> None:  # type: ignore[no-untyped-def]
    vorschau = Vorschau(concept())
    assert "Das Dokument wird gebaut" in vorschau.page()


@pytest.mark.slow
def test_server_listens_on_loopback_and_announces_builds(concept) -> None:  # type: ignore[no-untyped-def]
    vorschau = Vorschau(concept())
    server = make_server(vorschau, 0)
    host, port = server.server_address[:2]
    assert host == "127.0.0.1"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                              daemon=True)
    thread.start()
    try:
        assert "Vorschau" in _get(f"http://127.0.0.1:{port}/")
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", "/ereignisse")
        events = conn.getresponse()
        assert events.getheader("Content-Type") == "text/event-stream"
        assert events.readline() == b"retry: 1000\n"
        assert events.readline() == b"data: 0\n"
        vorschau.rebuild()
        lines = [events.readline() for _ in range(3)]
        assert b"data: 1\n" in lines
        assert "<title>Integrationskonzept der Stadt Peine</title>" in _get(
            f"http://127.0.0.1:{port}/")
        conn.close()
    finally:
        server.stopping.set()
        vorschau.wake()
        server.shutdown()
        server.server_close()


@pytest.mark.slow
def test_rebuilds_after_a_saved_change(concept) -> None:  # type: ignore[no-untyped-def]
    root: Path = concept()
    stop = threading.Event()
    urls: list[str] = []
    thread = threading.Thread(target=serve, args=(root, 0),
                              kwargs={"ready": urls.append, "stop": stop}, daemon=True)
    thread.start()
    try:
        assert _until(lambda: bool(urls) and "<title>Integrationskonzept" in _get(urls[0]))
        konzept = root / "konzept.yaml"
        konzept.write_text(konzept.read_text(encoding="utf-8").replace(
            "titel: Integrationskonzept der Stadt Peine", "titel: Neuer Titel"),
            encoding="utf-8")
        assert _until(lambda: "<title>Neuer Titel</title>" in _get(urls[0]))
        _break(root)
        assert _until(lambda: "ik-vorschau-probleme" in _get(urls[0]))
        assert "<title>Neuer Titel</title>" in _get(urls[0])
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()


@pytest.mark.slow
def test_ctrl_c_ends_cleanly(concept) -> None:  # type: ignore[no-untyped-def]
    root: Path = concept()
    proc = subprocess.Popen(
        [sys.executable, "-m", "integrationskonzept", "vorschau", str(root), "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("Vorschau: http://127.0.0.1:")
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0
    assert "Vorschau beendet." in err


def test_cli_refuses_a_folder_without_konzept(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "integrationskonzept", "vorschau", str(tmp_path)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "keine konzept.yaml" in proc.stderr


def test_busy_port_is_a_usage_error(concept) -> None:  # type: ignore[no-untyped-def]
    import socket

    from integrationskonzept.errors import UsageError

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(UsageError, match=f"Port {port} auf 127.0.0.1 ist nicht frei"):
            make_server(Vorschau(concept()), port)
