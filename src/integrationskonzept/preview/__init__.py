"""`ik vorschau`: the HTML document served on 127.0.0.1, rebuilt on every saved change.

:class:`.session.Vorschau` holds the last good page and the current problems;
:mod:`.page` adds the reload script and the problem overlay (only to the preview,
never to a built file); :mod:`.server` serves both and the event stream the page
listens to; :func:`.session.watch` rebuilds after changes (debounced, ``watchfiles``).
"""

from __future__ import annotations

from .server import serve
from .session import Vorschau

__all__ = ["Vorschau", "serve"]
