"""`deescalate serve` on a shared network, checked with a real server and WebSocket client.

Each browser session is an app process of about 540 MB that writes to the classroom's
database. So the server refuses sockets from pages of other sites before anything starts,
caps the seats, sends pages that load nothing from outside and cannot be framed, lists no
folders, and keeps a database password off every command line.
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
from contextlib import closing
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import aiohttp
import pytest
from serve_proc import PROC, Served, cmdline, environ, free_port, serving

pytestmark = pytest.mark.skipif(not PROC.joinpath("self/stat").exists(), reason="reads /proc")

HANG_GUARD = 180.0  # seconds; an app process starting on a busy machine, not a speed bound
F5 = "\x1b[15~"  # what xterm.js sends for F5 (start a call on the home screen)


def _sessions_in(db: Path) -> int | None:
    """Calls stored in an SQLite file; None before the app has opened it (made its tables)."""
    if not db.exists():
        return None
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        try:
            return int(conn.execute("SELECT count(*) FROM sessions").fetchone()[0])
        except sqlite3.OperationalError:
            return None


async def _read_screen(ws: aiohttp.ClientWebSocketResponse, at_least: int = 2000) -> bytes:
    """The app's output as the browser receives it, until the first screen is drawn."""
    data = bytearray()
    async with asyncio.timeout(HANG_GUARD):
        while len(data) < at_least:
            message = await ws.receive()
            if message.type == aiohttp.WSMsgType.BINARY:
                data += message.data
            elif message.type != aiohttp.WSMsgType.TEXT:
                raise AssertionError(f"the session ended before its first screen: {message}")
    return bytes(data)


async def _refused(session: aiohttp.ClientSession, served: Served, origin: str | None) -> int:
    """The HTTP status a socket from `origin` is refused with (fails if it is accepted)."""
    headers = {} if origin is None else {"Origin": origin}
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await session.ws_connect(served.ws_url, headers=headers, autoping=False)
    return refused.value.status


async def test_a_page_from_another_site_cannot_start_a_call(tmp_path: Path) -> None:
    db = tmp_path / "class.db"
    with serving("--db", f"sqlite:///{db}", folder=tmp_path) as served:
        port = served.port
        foreign = [
            "http://evil.example",
            f"http://127.0.0.1:{port}.evil.example",
            f"http://127.0.0.1:{free_port()}",  # another program on this machine
            f"http://localhost@evil.example:{port}",
            "null",  # sandboxed frames and local files
            None,  # no Origin at all
        ]
        async with aiohttp.ClientSession() as session:
            statuses = [await _refused(session, served, origin) for origin in foreign]
            await asyncio.sleep(1)  # time for a wrongly started app to show up
        assert statuses == [403] * len(foreign)
        assert served.children() == []
        assert not db.exists(), "a refused page must not reach the database"
        assert "refused a session for a page from http://evil.example" in served.output()


async def test_the_rooms_own_page_starts_a_call_that_is_saved(tmp_path: Path) -> None:
    db = tmp_path / "class.db"
    with serving("--db", f"sqlite:///{db}", folder=tmp_path) as served:
        async with (
            aiohttp.ClientSession() as session,
            session.ws_connect(
                served.ws_url + "?width=120&height=40", headers={"Origin": served.url}
            ) as ws,
        ):
            assert b"deescalate" in await _read_screen(ws)
            assert len(served.children()) == 1
            async with asyncio.timeout(HANG_GUARD):
                # A call started before the app has opened the database is only written when
                # it ends; and F5 does nothing until the library has loaded, so ask again.
                while _sessions_in(db) is None:
                    await asyncio.sleep(0.2)
                while _sessions_in(db) == 0:
                    await ws.send_json(["stdin", F5])
                    await asyncio.sleep(1)
        assert _sessions_in(db) == 1


async def test_the_seat_after_the_last_gets_the_room_is_full_page(tmp_path: Path) -> None:
    with serving("--max-sessions", "1", folder=tmp_path) as served:
        async with aiohttp.ClientSession() as session:
            first = await session.ws_connect(served.ws_url, headers={"Origin": served.url})
            await _read_screen(first)

            other_origin = f"http://localhost:{served.port}"  # the same room, by another name
            second = await session.ws_connect(served.ws_url, headers={"Origin": other_origin})
            sent = await second.receive(timeout=HANG_GUARD)
            assert sent.type == aiohttp.WSMsgType.TEXT
            assert sent.json() == ["open_url", {"url": "full", "new_tab": False}]
            assert (await second.receive(timeout=HANG_GUARD)).type == aiohttp.WSMsgType.CLOSE
            assert second.close_code == 1013  # try again later

            async with session.get(served.url + "/") as page:
                body = await page.text()
                assert page.status == 503
                assert page.headers["Retry-After"] == "30"
            assert "The practice room is full" in body
            assert "Every seat (1 of 1) is taken" in body
            assert len(served.children()) == 1, "a turned-away browser must not start an app"

            await first.close()
            async with asyncio.timeout(HANG_GUARD):
                status = 503
                while status != 200:  # the seat is free once the app process has quit
                    await asyncio.sleep(0.2)
                    async with session.get(served.url + "/") as page:
                        status = page.status
            assert served.children() == []


async def test_the_database_password_stays_off_every_command_line(tmp_path: Path) -> None:
    password = "S3cret-Pw-4711"
    closed_port = free_port()  # nothing listens: sessions fall back to saving JSON files
    url = f"postgresql+psycopg://trainer:{password}@127.0.0.1:{closed_port}/classroom"
    with serving("--db", url, folder=tmp_path) as served:
        assert "trainer:***@127.0.0.1" in served.output()
        async with (
            aiohttp.ClientSession() as session,
            session.ws_connect(served.ws_url, headers={"Origin": served.url}) as ws,
        ):
            await _read_screen(ws)
            (child,) = served.children()
            assert password not in " ".join(cmdline(child))
            assert environ(child)["DEESCALATE_DB"] == url  # handed over privately instead
        server_argv = " ".join(cmdline(served.proc.pid))
    assert url in server_argv  # the test did pass it on serve's own command line
    assert password not in served.output()


class _Resources(HTMLParser):
    """Every address a page loads or links to."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("src", "href", "action", "data", "poster"):
            if values.get(name):
                self.urls.append(str(values[name]))
        if (values.get("http-equiv") or "").lower() == "refresh":
            self.urls.append(str(values.get("content", "")).partition("url=")[2])


def _css_urls(css: str) -> list[str]:
    found = re.findall(r"url\(\s*['\"]?([^'\")]+)", css)
    return found + re.findall(r"@import\s+['\"]([^'\"]+)", css)


async def test_the_pages_load_nothing_from_outside_the_server(tmp_path: Path) -> None:
    with serving(folder=tmp_path) as served:
        async with aiohttp.ClientSession() as session:
            loaded: list[str] = []
            for page in ("/", "/full"):
                async with session.get(served.url + page) as response:
                    html = await response.text()
                assert not re.search(r"https?:|//[a-z]", html, re.I), f"{page} names a site"
                parser = _Resources()
                parser.feed(html)
                loaded += [urljoin(served.url + page, url) for url in parser.urls]
            for url in [u for u in loaded if u.endswith(".css")]:
                async with session.get(url) as response:
                    css = re.sub(r"/\*.*?\*/", "", await response.text(), flags=re.S)
                assert not re.search(r"https?:|//[a-z]", css, re.I), f"{url} names a site"
                loaded += [urljoin(url, found) for found in _css_urls(css)]

            assert any(url.endswith("/static/js/textual.js") for url in loaded)
            assert any(url.endswith(".ttf") for url in loaded), "the font comes from this server"
            for url in loaded:
                assert urlsplit(url).netloc == f"127.0.0.1:{served.port}", url
                async with session.get(url) as response:
                    assert response.status in (200, 503), url  # 503: the full page itself


def _directives(policy: str) -> dict[str, str]:
    parts = (item.strip().split(None, 1) for item in policy.split(";") if item.strip())
    return {part[0]: (part[1] if len(part) > 1 else "") for part in parts}


async def test_every_response_forbids_framing_and_outside_code(tmp_path: Path) -> None:
    with serving(folder=tmp_path) as served:
        async with aiohttp.ClientSession() as session:
            for path in ("/", "/full", "/static/room.js", "/static/js/textual.js", "/nowhere"):
                async with session.get(served.url + path) as response:
                    headers = response.headers
                policy = _directives(headers.get("Content-Security-Policy", ""))
                assert policy.get("frame-ancestors") == "'none'", path
                assert policy.get("default-src") == "'none'", path
                assert policy.get("script-src") == "'self'", path
                assert policy.get("font-src") == "'self'", path
                assert headers.get("X-Frame-Options") == "DENY", path
                assert headers.get("X-Content-Type-Options") == "nosniff", path
            async with session.get(served.ws_url, headers={"Origin": "http://evil.example"}) as r:
                assert r.status == 403
                assert "frame-ancestors 'none'" in r.headers["Content-Security-Policy"]


async def test_no_folder_is_listed(tmp_path: Path) -> None:
    with serving(folder=tmp_path) as served:
        async with aiohttp.ClientSession() as session:
            for path in ("/static", "/static/", "/static/js/", "/static/fonts", "/static/css/"):
                async with session.get(served.url + path) as response:
                    body = await response.text()
                    assert response.status == 404, path
                assert not re.search(r"textual\.js|xterm\.css|\.ttf|Index of", body), path
            async with session.get(served.url + "/static/js/textual.js") as response:
                assert response.status == 200
                assert response.headers["Content-Type"].startswith("text/javascript")


def test_serve_refuses_a_port_that_is_taken(tmp_path: Path) -> None:
    import subprocess
    import sys

    with serving(folder=tmp_path) as served:
        result = subprocess.run(
            [sys.executable, "-m", "trainer", "serve", "--port", str(served.port)],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"cannot listen on 127.0.0.1:{served.port}" in result.stderr
