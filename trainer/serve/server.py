"""The web server: three pages, the terminal's files, and one WebSocket per seat.

Routes: `/` the practice room (or the "room is full" page), `/full`, `/static/<file>` from a
fixed list, `/favicon.ico` (none), and `/ws`, the socket that runs one app process for as long
as the page is open.
Every response carries the security headers; the socket checks its `Origin` and the number of
seats taken before anything starts.
"""

from __future__ import annotations

import asyncio
import html
import json
import logging
import shlex
from collections.abc import Sequence
from pathlib import Path
from string import Template

from aiohttp import WSCloseCode, WSMsgType, hdrs, web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from trainer.serve.origins import Origin, allowed_origins, host_origins, parse_origin

log = logging.getLogger("deescalate.serve")

ASSETS = Path(__file__).resolve().parent / "assets"

RETRY_SECONDS = 30
"""How often the "room is full" page tries again by itself."""
COLUMNS = (20, 400)
ROWS = (8, 200)
"""Terminal sizes a browser may ask for: the app allocates a screen buffer of this size."""
FONT_SIZES = (8, 40)
MAX_MESSAGE_BYTES = 256 * 1024
"""Largest browser message (a pasted reply is a few KB; aiohttp's default is 4 MB)."""
STOP_SECONDS = 10.0
"""How long a closing session's app process gets to quit before it is killed."""

CONTENT_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".ttf": "font/ttf",
}


def _upstream_static() -> Path:
    """textual-serve's own static folder (the browser terminal and its font)."""
    import textual_serve

    return Path(textual_serve.__file__).resolve().parent / "static"


def static_files() -> dict[str, Path]:
    """Every file the pages use, by URL name: nothing else under /static answers."""
    upstream = _upstream_static()
    return {
        "js/textual.js": upstream / "js" / "textual.js",
        "css/xterm.css": upstream / "css" / "xterm.css",
        "fonts/RobotoMono-VariableFont_wght.ttf": upstream
        / "fonts"
        / "RobotoMono-VariableFont_wght.ttf",
        "fonts/RobotoMono-Italic-VariableFont_wght.ttf": upstream
        / "fonts"
        / "RobotoMono-Italic-VariableFont_wght.ttf",
        "room.css": ASSETS / "room.css",
        "room.js": ASSETS / "room.js",
    }


def content_security_policy(allowed: frozenset[Origin]) -> str:
    """Only this server's own files; sockets only to this server; never inside a frame.

    Inline styles stay allowed because xterm.js writes its colours and cell sizes into
    `<style>` elements it creates; inline scripts do not (the pages have none).
    """
    # CSP has no syntax for IPv6 literals (browsers drop such a source with an error);
    # 'self' covers a page loaded from one.
    sockets = sorted(
        f"{'wss' if scheme == 'https' else 'ws'}://{host}:{port}"
        for scheme, host, port in allowed
        if ":" not in host
    )
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "font-src 'self'",
            "img-src 'self'",
            "connect-src " + " ".join(["'self'", *sockets]),
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


def security_headers(allowed: frozenset[Origin]) -> dict[str, str]:
    """The headers every response carries."""
    return {
        "Content-Security-Policy": content_security_policy(allowed),
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }


def _bounded(value: object, bounds: tuple[int, int], default: int) -> int:
    """An integer from the browser, kept within `bounds`; `default` when it is not one."""
    if isinstance(value, str):
        digits = value.strip()
        value = int(digits) if digits.isdecimal() and len(digits) <= 6 else None
    if not isinstance(value, int) or isinstance(value, bool):
        return default
    low, high = bounds
    return min(max(value, low), high)


def _printable(text: str, limit: int = 120) -> str:
    """A header for the trainer's console: control characters (escapes) blanked, cut short."""
    return "".join(ch if ch.isprintable() else "?" for ch in text[:limit])


class RoomServer:
    """Serves the practice room to browsers: one app process per open page, up to a cap.

    Args:
        argv: the command each session runs (the app, on the web driver).
        host: the address to listen on.
        port: the port to listen on.
        public_url: the address the room opens in its browsers.
        max_sessions: how many sessions may run at once.
        title: the page title.
    """

    def __init__(
        self,
        argv: Sequence[str],
        *,
        host: str,
        port: int,
        public_url: str,
        max_sessions: int,
        title: str = "deescalate",
    ) -> None:
        # `exec` makes the shell that textual-serve starts become the app, so each seat is
        # one process, not a shell waiting on one.
        self.command = "exec " + shlex.join(argv)
        self.host = host
        self.port = port
        self.public_url = public_url.rstrip("/")
        self.max_sessions = max_sessions
        self.title = title
        self.allowed = allowed_origins(host, port, self.public_url)
        self.headers = security_headers(self.allowed)
        self.static = static_files()
        self.pages = {
            name: Template((ASSETS / f"{name}.html").read_text(encoding="utf-8"))
            for name in ("room", "full", "elsewhere")
        }
        self.seats: set[web.WebSocketResponse] = set()
        self.downloads = DownloadManager()

    @property
    def full(self) -> bool:
        """True when every seat is taken."""
        return len(self.seats) >= self.max_sessions

    def make_app(self) -> web.Application:
        """The aiohttp application (tests can run it in-process)."""
        app = web.Application()
        app.add_routes(
            [
                web.get("/", self.handle_index),
                web.get("/full", self.handle_full),
                web.get("/ws", self.handle_websocket),
                web.get("/static/{name:.+}", self.handle_static),
                web.get("/favicon.ico", self.handle_no_icon),
            ]
        )
        app.on_response_prepare.append(self._add_headers)
        app.on_shutdown.append(self._close_sessions)
        return app

    def serve(self) -> None:
        """Run until interrupted (Ctrl+C or SIGTERM); OSError when the port cannot be opened."""
        logging.basicConfig(level=logging.INFO, format="deescalate: %(message)s")
        web.run_app(
            self.make_app(),
            host=self.host,
            port=self.port,
            access_log=None,
            print=None,
            shutdown_timeout=STOP_SECONDS,
        )

    async def _add_headers(self, request: web.Request, response: web.StreamResponse) -> None:
        response.headers.update(self.headers)
        response.headers[hdrs.SERVER] = "deescalate"  # not aiohttp's and Python's versions

    async def _close_sessions(self, app: web.Application) -> None:
        for websocket in list(self.seats):
            await websocket.close(
                code=WSCloseCode.GOING_AWAY, message=b"the practice room is closing"
            )

    def _page(self, name: str, *, status: int = 200, **values: object) -> web.Response:
        body = self.pages[name].substitute({k: html.escape(str(v)) for k, v in values.items()})
        return web.Response(
            text=body,
            status=status,
            content_type="text/html",
            headers={"Cache-Control": "no-store"},
        )

    def _full_page(self) -> web.Response:
        response = self._page(
            "full", status=503, title=self.title, seats=self.max_sessions, retry=RETRY_SECONDS
        )
        response.headers["Retry-After"] = str(RETRY_SECONDS)
        return response

    async def handle_index(self, request: web.Request) -> web.Response:
        """The practice room, or where to find it, or the "room is full" page."""
        if not any(origin in self.allowed for origin in host_origins(request.host)):
            # The page would load but its socket would be refused: say where the room is.
            return self._page("elsewhere", status=421, title=self.title, url=self.public_url + "/")
        if self.full:
            return self._full_page()
        font_size = _bounded(request.query.get("fontsize"), FONT_SIZES, 16)
        return self._page("room", title=self.title, font_size=font_size)

    async def handle_full(self, request: web.Request) -> web.Response:
        """Where a page is sent when its socket finds every seat taken."""
        return self._full_page()

    async def handle_static(self, request: web.Request) -> web.FileResponse:
        """A file from the fixed list; anything else (a folder included) is not found."""
        path = self.static.get(request.match_info["name"])
        if path is None:
            raise web.HTTPNotFound()
        content_type = CONTENT_TYPES.get(path.suffix, "application/octet-stream")
        return web.FileResponse(
            path, headers={"Content-Type": content_type, "Cache-Control": "no-cache"}
        )

    async def handle_no_icon(self, request: web.Request) -> web.Response:
        """Browsers ask for an icon; answering "none" keeps a 404 out of every console."""
        return web.Response(status=204)

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        """One session: checked, seated, then relayed until either side closes."""
        origin = request.headers.get(hdrs.ORIGIN, "")
        if parse_origin(origin) not in self.allowed:
            log.warning(
                "refused a session for a page from %s (not this room's address)",
                _printable(origin) or "nowhere (no Origin header)",
            )
            return web.Response(
                status=403, text="This practice room only opens sessions for its own page.\n"
            )
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE_BYTES)
        if self.full:
            await websocket.prepare(request)
            await websocket.send_str(json.dumps(["open_url", {"url": "full", "new_tab": False}]))
            await websocket.close(
                code=WSCloseCode.TRY_AGAIN_LATER, message=b"the practice room is full"
            )
            log.info(
                "room full (all %d seats taken): turned away %s", self.max_sessions, request.remote
            )
            return websocket
        self.seats.add(websocket)  # taken before the first await: no two sockets share a seat
        try:
            await websocket.prepare(request)
            log.info(
                "%s took a seat (%d of %d taken)",
                request.remote,
                len(self.seats),
                self.max_sessions,
            )
            width = _bounded(request.query.get("width"), COLUMNS, 80)
            height = _bounded(request.query.get("height"), ROWS, 24)
            await self._run_session(websocket, width, height)
        finally:
            self.seats.discard(websocket)
            log.info("a seat was freed (%d of %d taken)", len(self.seats), self.max_sessions)
        return websocket

    async def _run_session(self, websocket: web.WebSocketResponse, width: int, height: int) -> None:
        async def close() -> None:  # the app has exited: end the page's session too
            await websocket.close()

        service = AppService(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=self.downloads,
        )
        try:
            await service.start(width, height)
        except OSError as exc:
            log.error("could not start a session: %s", exc.strerror or exc)
            await websocket.close(code=WSCloseCode.INTERNAL_ERROR, message=b"could not start")
            return
        try:
            await self._relay(websocket, service)
        finally:
            await self._stop(service)

    async def _stop(self, service: AppService) -> None:
        """Ask the app to quit and wait until its process has gone, so a free seat means free
        memory; an app that has not quit within STOP_SECONDS is killed."""
        process = service._process  # textual-serve keeps no public handle on it
        try:
            await asyncio.wait_for(asyncio.shield(service.stop()), STOP_SECONDS)
            if process is not None:
                await asyncio.wait_for(process.wait(), STOP_SECONDS)
        except TimeoutError:
            if process is not None and process.returncode is None:
                log.warning("a session's app did not quit within %g s; stopping it", STOP_SECONDS)
                process.kill()
                await process.wait()

    async def _relay(self, websocket: web.WebSocketResponse, service: AppService) -> None:
        """Pass the browser's keys, size, focus and pings to the app until the socket closes.

        Messages are JSON lists such as `["stdin", "hello"]`; anything else is ignored, so a
        malformed message cannot end the session or fill the log.
        """
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except ValueError:
                continue
            if not isinstance(envelope, list) or not envelope:
                continue
            kind, data = envelope[0], (envelope[1] if len(envelope) > 1 else None)
            if kind == "stdin" and isinstance(data, str):
                await service.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                await service.set_terminal_size(
                    _bounded(data.get("width"), COLUMNS, 80),
                    _bounded(data.get("height"), ROWS, 24),
                )
            elif kind == "ping" and isinstance(data, str):
                await websocket.send_json(["pong", data[:64]])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()
