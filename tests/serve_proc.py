"""A real `deescalate serve` subprocess for the serve tests, and the processes it starts.

The server's output goes to a file (a full pipe would stall it). Every app process it starts
is remembered and killed at the end if the server left it behind, so a failing test cannot
leave 500 MB processes running.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

PROC = Path("/proc")
READY_SECONDS = 60.0  # hang guard for the server to answer, not a speed assertion


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def children_of(pid: int) -> list[int]:
    """Processes whose parent is `pid` (read from /proc, Linux)."""
    found = []
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # the process ended while we looked
        # Field 4 is the parent; the command name before it may hold spaces and brackets.
        if int(stat[stat.rindex(")") + 2 :].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def cmdline(pid: int) -> list[str]:
    """A process's command line as its arguments."""
    raw = (PROC / str(pid) / "cmdline").read_bytes()
    return [part.decode(errors="replace") for part in raw.split(b"\0") if part]


def environ(pid: int) -> dict[str, str]:
    """A process's environment (readable for our own processes)."""
    raw = (PROC / str(pid) / "environ").read_bytes()
    pairs = (part.decode(errors="replace").partition("=") for part in raw.split(b"\0") if part)
    return {key: value for key, _, value in pairs}


def rss_bytes(pid: int) -> int:
    """Resident memory of a process, 0 once it has gone."""
    try:
        status = (PROC / str(pid) / "status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


class Served:
    """A running server: its address, its output, and the app processes it has started."""

    def __init__(self, proc: subprocess.Popen[bytes], port: int, log: Path) -> None:
        self.proc = proc
        self.port = port
        self.log = log
        self.seen: set[int] = set()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def children(self) -> list[int]:
        """The app processes running now (one per seat taken)."""
        kids = [pid for pid in children_of(self.proc.pid) if "trainer" in " ".join(_safe(pid))]
        self.seen.update(kids)
        return kids


def _safe(pid: int) -> list[str]:
    try:
        return cmdline(pid)
    except OSError:
        return []


def _wait_until_answering(served: Served) -> None:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if served.proc.poll() is not None:
            raise AssertionError(f"serve exited early:\n{served.output()}")
        try:
            with urllib.request.urlopen(served.url + "/full", timeout=2):
                return
        except urllib.error.HTTPError:
            return  # an HTTP answer of any status: the server is up
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"serve did not answer within {READY_SECONDS} s:\n{served.output()}")


@contextmanager
def serving(*args: str, folder: Path, env: dict[str, str] | None = None) -> Iterator[Served]:
    """Run `deescalate serve --port FREE ARGS...` until the block ends."""
    port = free_port()
    log = folder / f"serve-{port}.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "trainer", "serve", "--port", str(port), *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
        )
    served = Served(proc, port, log)
    try:
        _wait_until_answering(served)
        yield served
    finally:
        if proc.poll() is None:
            served.children()
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        for pid in served.seen:
            if "trainer" in " ".join(_safe(pid)):
                with suppress(ProcessLookupError):  # it ended after all
                    os.kill(pid, signal.SIGKILL)
