"""A throwaway PostgreSQL server for the store tests (started once, stopped at exit).

Uses Debian's binaries (/usr/lib/postgresql/*/bin) or ones on PATH. `initdb` refuses to run
as root, so as root the server runs as the `postgres` user in a temp folder it owns.
"""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

_server: PgServer | None = None
_skip_reason: str | None = None


def _binaries() -> Path | None:
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PgServer:
    """One running server; `new_database()` gives each test a fresh, empty database."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.dir = Path(tempfile.mkdtemp(prefix="deescalate-pg-"))
        self.port = _free_port()
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            import pwd

            user = pwd.getpwnam("postgres")
            os.chown(self.dir, user.pw_uid, user.pw_gid)
            self.prefix = ["runuser", "-u", "postgres", "--"]
        data = self.dir / "data"
        self._run(
            [str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "app", "-E", "UTF8"]
        )
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(self.dir / "log"),
                "-w",
                "start",
            ]
        )
        self.running = True

    def _run(self, cmd: list[str]) -> None:
        out = subprocess.run(self.prefix + cmd, capture_output=True, text=True, cwd=self.dir)
        if out.returncode != 0:
            raise RuntimeError(f"{cmd[0]} failed: {out.stderr.strip() or out.stdout.strip()}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://app@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user=app dbname=postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        if self.running:
            self.running = False
            subprocess.run(
                [
                    *self.prefix,
                    str(self.bindir / "pg_ctl"),
                    "-D",
                    str(self.dir / "data"),
                    "-m",
                    "immediate",
                    "-w",
                    "stop",
                ],
                capture_output=True,
                cwd=self.dir,
            )
        shutil.rmtree(self.dir, ignore_errors=True)


def pg_server() -> PgServer:
    """The shared server, started on first use; skips the test with the reason if it cannot."""
    global _server, _skip_reason
    if _server is not None:
        return _server
    if _skip_reason is None:
        bindir = _binaries()
        if bindir is None:
            _skip_reason = (
                "PostgreSQL binaries (initdb, pg_ctl) not found; "
                "install Debian's postgresql package to run these tests"
            )
        else:
            try:
                _server = PgServer(bindir)
            except (RuntimeError, OSError, KeyError) as exc:
                _skip_reason = f"could not start a throwaway PostgreSQL: {exc}"
            else:
                atexit.register(_server.stop)
                return _server
    pytest.skip(_skip_reason)
