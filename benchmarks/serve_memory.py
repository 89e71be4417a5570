"""Memory of `deescalate serve` with a room full of browsers, and with one browser too many.

Starts a real server (`--max-sessions CAP`, default 8), opens CAP WebSocket sessions from the
room's own page origin (each starts an app process that loads the grader), waits until memory
stops growing, and prints the resident memory (RSS) and proportional share (PSS, which counts
shared library pages once) of the server and of its app processes. Then it opens one more
session, which the server must turn away, and prints the same figures again.

Run: `.venv/bin/python benchmarks/serve_memory.py [--cap N] [--settle S]`. It needs about
CAP x 0.55 GB of free memory and takes a minute or two on a 2-core machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import aiohttp

from trainer.serve import default_max_sessions

PROC = Path("/proc")
MB = 1024 * 1024
SERVE = [sys.executable, "-m", "trainer", "serve"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def children_of(pid: int) -> list[int]:
    found = []
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat[stat.rindex(")") + 2 :].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _field(path: Path, name: str) -> int:
    """A `Name:   123 kB` field of a /proc file, in bytes (0 once the process has gone)."""
    try:
        text = path.read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith(name + ":"):
            return int(line.split()[1]) * 1024
    return 0


def rss(pid: int) -> int:
    return _field(PROC / str(pid) / "status", "VmRSS")


def pss(pid: int) -> int:
    return _field(PROC / str(pid) / "smaps_rollup", "Pss")


@dataclass
class Snapshot:
    """Memory of the server and its app processes at one moment, in bytes."""

    server_rss: int
    app_rss: list[int]
    total_pss: int

    @property
    def total_rss(self) -> int:
        return self.server_rss + sum(self.app_rss)


def snapshot(server: int) -> Snapshot:
    apps = children_of(server)
    return Snapshot(
        server_rss=rss(server),
        app_rss=[rss(pid) for pid in apps],
        total_pss=pss(server) + sum(pss(pid) for pid in apps),
    )


def report(label: str, snap: Snapshot) -> None:
    apps = snap.app_rss
    per_app = (
        f"per app min/median/max {min(apps) / MB:.0f}/{statistics.median(apps) / MB:.0f}/"
        f"{max(apps) / MB:.0f} MB"
        if apps
        else "no app processes"
    )
    print(
        f"{label}: {len(apps)} app processes; server {snap.server_rss / MB:.0f} MB RSS; "
        f"{per_app}; total RSS {snap.total_rss / MB:.0f} MB, total PSS {snap.total_pss / MB:.0f} MB"
    )


async def settle(server: int, want_apps: int, settle_seconds: float) -> Snapshot:
    """Wait until `want_apps` apps run and total RSS has stopped growing for `settle_seconds`."""
    stable_since = time.monotonic()
    last = snapshot(server)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        await asyncio.sleep(1)
        now = snapshot(server)
        if len(now.app_rss) != want_apps or now.total_rss > last.total_rss * 1.01:
            stable_since = time.monotonic()
            last = now
        elif time.monotonic() - stable_since >= settle_seconds:
            return now
    raise SystemExit("memory did not settle within 10 minutes")


async def drain(ws: aiohttp.ClientWebSocketResponse) -> None:
    async for _ in ws:
        pass


async def measure(port: int, server: int, cap: int, settle_seconds: float) -> None:
    origin = f"http://127.0.0.1:{port}"
    url = f"ws://127.0.0.1:{port}/ws?width=120&height=40"
    async with aiohttp.ClientSession() as session:
        report("idle server", snapshot(server))
        sockets = [await session.ws_connect(url, headers={"Origin": origin}) for _ in range(cap)]
        readers = [asyncio.create_task(drain(ws)) for ws in sockets]
        started = time.monotonic()
        full = await settle(server, cap, settle_seconds)
        report(
            f"{cap} sessions (cap {cap}), settled after {time.monotonic() - started:.0f} s", full
        )

        extra = await session.ws_connect(url, headers={"Origin": origin})
        first = await extra.receive(timeout=60)
        await extra.receive(timeout=60)
        print(f"session {cap + 1}: server sent {first.data!r}, closed with {extra.close_code}")
        await asyncio.sleep(3)
        report(f"{cap + 1} sessions (cap {cap})", snapshot(server))

        for ws in sockets:
            await ws.close()
        for task in readers:
            task.cancel()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cap", type=int, default=8, help="--max-sessions for the server")
    parser.add_argument(
        "--settle", type=float, default=8.0, help="seconds without growth that count as settled"
    )
    args = parser.parse_args()
    print(f"default --max-sessions on this machine: {default_max_sessions()}")
    port = free_port()
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", DEESCALATE_HOME=home)
        log = Path(home) / "serve.log"
        with log.open("wb") as out:
            proc = subprocess.Popen(
                [*SERVE, "--port", str(port), "--max-sessions", str(args.cap)],
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
            )
        try:
            for _ in range(600):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/full", timeout=2)
                except urllib.error.HTTPError:
                    break  # 503 from the full page: the server is up
                except OSError:
                    time.sleep(0.1)
            asyncio.run(measure(port, proc.pid, args.cap, args.settle))
        finally:
            proc.terminate()
            proc.wait(timeout=60)
    return 0


if __name__ == "__main__":
    sys.exit(main())
