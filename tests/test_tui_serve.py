"""`deescalate serve`: options and the command each browser session runs."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from trainer.cli import build_parser
from trainer.cli.serve import app_command


def test_serve_defaults_to_localhost_8000() -> None:
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.library, args.max_sessions) == ("127.0.0.1", 8000, [], None)


def test_serve_command_runs_this_python_with_the_library(tmp_path: Path) -> None:
    args = build_parser().parse_args(
        ["serve", "--host", "0.0.0.0", "--port", "9001", "--library", str(tmp_path)]
    )
    assert (args.host, args.port) == ("0.0.0.0", 9001)
    parts = app_command(args.library)
    assert parts[:4] == [sys.executable, "-m", "trainer", "tui"]
    assert parts[4:] == ["--library", str(tmp_path.resolve())]


def test_serve_keeps_the_database_off_the_session_command(tmp_path: Path) -> None:
    """Sessions find the database in DEESCALATE_DB (see test_serve_security for the proof)."""
    url = "postgresql+psycopg://trainer:secret@db.example/classroom"
    args = build_parser().parse_args(["serve", "--db", url])
    assert args.db == url
    parts = app_command(args.library)
    assert "--db" not in parts
    assert build_parser().parse_args(parts[3:]).db is None


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--port", "70000"], "--port must be between 1 and 65535 (got 70000)"),
        (["--max-sessions", "0"], "--max-sessions must be at least 1 (got 0)"),
        (["--public-url", "ftp://room:8000"], "--public-url must be an http:// or https://"),
        (["--public-url", "trainer-laptop:8000"], "--public-url must be an http:// or https://"),
    ],
)
def test_serve_rejects_bad_options_in_one_line(
    option: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from trainer.cli import main

    assert main(["serve", *option]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_answers_on_localhost(isolated_home: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "trainer", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        body = ""
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as resp:
                    body = resp.read().decode()
                break
            except OSError:
                time.sleep(0.1)
        assert "deescalate" in body
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_public_url_is_a_browsable_address(monkeypatch: pytest.MonkeyPatch) -> None:
    from trainer.cli import serve

    assert serve.public_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"

    class NoRoute:
        """Stands in for the UDP probe (tests may not touch the network): no route found."""

        def __init__(self, *_: object) -> None:
            pass

        def connect(self, _: object) -> None:
            raise OSError("network unreachable")

        def close(self) -> None:
            pass

    monkeypatch.setattr(serve.socket, "socket", NoRoute)
    monkeypatch.setattr(serve.socket, "gethostname", lambda: "trainer-laptop")
    assert serve.public_url("0.0.0.0", 8766) == "http://trainer-laptop:8766"
