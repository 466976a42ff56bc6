"""What the preview adds to the built HTML: a reload script and the problem overlay."""

from __future__ import annotations

from html import escape

EVENTS = "/ereignisse"
# The page reloads itself when the server announces a new build (server-sent events);
# if the server is gone (Ctrl-C), EventSource retries quietly.
_SCRIPT = (
    f"<script>(function(){{var v=null;var s=new EventSource('{EVENTS}');"
    "s.onmessage=function(e){if(v!==null&&e.data!==v){location.reload();}v=e.data;};"
    "})();</script>"
)
_OVERLAY_STYLE = (
    "position:fixed;left:0;right:0;bottom:0;max-height:45vh;overflow:auto;z-index:1000;"
    "background:#fff4f0;color:#1a1a1a;border-top:4px solid #b3261e;padding:.8rem 1.2rem;"
    "font:15px/1.45 system-ui,sans-serif;box-shadow:0 -2px 12px rgba(0,0,0,.2)"
)


def preview_page(html: str, problems: list[str], status: str = "") -> str:
    """``html`` with the reload script, and an overlay listing ``problems`` if any."""
    overlay = ""
    if problems or status:
        items = "".join(f"<li>{escape(p)}</li>" for p in problems)
        heading = escape(status or "Die Quellen haben Fehler; gezeigt wird der letzte gute Stand.")
        style = _OVERLAY_STYLE if problems else _OVERLAY_STYLE.replace("#b3261e", "#1f4e79")
        overlay = (f'<div id="ik-vorschau-probleme" role="alert" style="{style}">'
                   f'<strong>{heading}</strong><ul style="white-space:pre-line">{items}</ul></div>')
    addition = overlay + _SCRIPT
    if "</body>" in html:
        return html.replace("</body>", addition + "</body>", 1)
    return html + addition


def waiting_page(problems: list[str], status: str) -> str:
    """The page before the first good build."""
    body = "<h1>Vorschau</h1><p>Noch kein gebautes Dokument.</p>"
    return preview_page(f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
                        f"<title>Vorschau</title></head><body>{body}</body></html>",
                        problems, status)
