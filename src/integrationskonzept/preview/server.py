"""The preview's HTTP server: only on 127.0.0.1, the page and its event stream."""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..errors import UsageError
from .page import EVENTS
from .session import Vorschau, watch

HOST = "127.0.0.1"  # never another interface: the preview shows unpublished drafts
HEARTBEAT = 15.0


class PreviewServer(ThreadingHTTPServer):
    """The HTTP server with an event that ends the open event streams."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__(address, handler)
        self.stopping = threading.Event()


def make_server(vorschau: Vorschau, port: int) -> PreviewServer:
    """A server for ``vorschau`` on 127.0.0.1:``port`` (0: any free port)."""

    class Handler(BaseHTTPRequestHandler):
        server_version = "ik-vorschau"

        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            path = self.path.split("?", 1)[0]
            if path == EVENTS:
                self._events()
            elif path in ("/", "/index.html"):
                self._send(vorschau.page().encode("utf-8"), "text/html; charset=utf-8")
            else:
                self._send(b"Nicht gefunden.", "text/plain; charset=utf-8", 404)

        def _send(self, body: bytes, kind: str, status: int = 200) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _events(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            seen = vorschau.version
            try:
                self.wfile.write(f"retry: 1000\ndata: {seen}\n\n".encode())
                self.wfile.flush()
                while not server.stopping.is_set():
                    now = vorschau.wait(seen, HEARTBEAT)
                    message = f"data: {now}\n\n" if now != seen else ": wach\n\n"
                    seen = now
                    self.wfile.write(message.encode())
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return  # no access log on the console

    try:
        server = PreviewServer((HOST, port), Handler)
    except OSError as exc:
        raise UsageError(f"Port {port} auf {HOST} ist nicht frei ({exc.strerror}). "
                         "Wählen Sie einen anderen mit --port.") from None
    return server


def serve(folder: Path, port: int = 8000, say: Callable[[str], None] = lambda _m: None,
          ready: Callable[[str], None] | None = None, stop: threading.Event | None = None
          ) -> None:
    """Serve the preview of ``folder`` until Ctrl-C (KeyboardInterrupt) or ``stop`` is
    set; rebuilds on every saved change. ``ready`` gets the address once listening."""
    vorschau = Vorschau(folder, say)
    server = make_server(vorschau, port)
    url = f"http://{HOST}:{server.server_address[1]}/"
    stop = stop or threading.Event()
    watcher = threading.Thread(target=watch, args=(vorschau, stop), daemon=True)

    def end_on_stop() -> None:
        stop.wait()
        server.shutdown()

    ender = threading.Thread(target=end_on_stop, daemon=True)
    builder = threading.Thread(target=vorschau.rebuild, daemon=True)
    try:
        builder.start()
        watcher.start()
        ender.start()
        (ready or say)(url)
        server.serve_forever(poll_interval=0.2)
    finally:
        stop.set()
        server.stopping.set()
        vorschau.wake()  # the event streams see `stopping` and end
        server.server_close()
        watcher.join(timeout=2)
