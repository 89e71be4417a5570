"""The serve policies on their own: which origins are the room's, how many seats fit."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.serve import capacity
from trainer.serve.origins import allowed_origins, host_origins, parse_origin, url_origin
from trainer.serve.server import _bounded, _printable, content_security_policy, static_files


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("http://127.0.0.1:8000", ("http", "127.0.0.1", 8000)),
        ("HTTP://LocalHost:8000", ("http", "localhost", 8000)),
        ("http://[::1]:8000", ("http", "::1", 8000)),
        ("https://room.example.org", ("https", "room.example.org", 443)),
        ("http://room.example.org", ("http", "room.example.org", 80)),
        ("http://room.example.org.:80", ("http", "room.example.org", 80)),
        ("null", None),
        ("", None),
        ("file://", None),
        ("ws://127.0.0.1:8000", None),
        ("http://127.0.0.1:8000/page", None),
        ("http://user@127.0.0.1:8000", None),
        ("http://127.0.0.1:99999", None),
        ("http://127.0.0.1:port", None),
    ],
)
def test_parse_origin(header: str, expected: tuple[str, str, int] | None) -> None:
    assert parse_origin(header) == expected


def test_a_public_url_may_have_a_path_but_an_origin_may_not() -> None:
    assert url_origin("https://room.example.org/practice/") == ("https", "room.example.org", 443)
    assert parse_origin("https://room.example.org/practice/") is None


def test_a_local_server_answers_only_local_pages() -> None:
    allowed = allowed_origins("127.0.0.1", 8000, "http://127.0.0.1:8000")
    assert allowed == {
        ("http", "127.0.0.1", 8000),
        ("http", "localhost", 8000),
        ("http", "::1", 8000),
    }


def test_a_classroom_server_answers_its_public_address_and_this_machine() -> None:
    allowed = allowed_origins("0.0.0.0", 8766, "http://192.168.1.20:8766")
    assert ("http", "192.168.1.20", 8766) in allowed
    assert ("http", "localhost", 8766) in allowed
    assert ("http", "0.0.0.0", 8766) not in allowed
    assert ("http", "192.168.1.20", 8767) not in allowed
    assert ("https", "192.168.1.20", 8766) not in allowed


def test_a_proxied_server_answers_the_proxy_address() -> None:
    allowed = allowed_origins("10.0.0.5", 8000, "https://room.example.org/")
    assert allowed == {("https", "room.example.org", 443), ("http", "10.0.0.5", 8000)}
    assert set(host_origins("room.example.org")) & allowed
    assert not set(host_origins("evil.example:8000")) & allowed


def test_the_policy_allows_sockets_only_to_the_room() -> None:
    policy = content_security_policy(allowed_origins("0.0.0.0", 8766, "https://room.example"))
    connect = next(part for part in policy.split("; ") if part.startswith("connect-src"))
    assert connect.split()[1:] == [
        "'self'",
        "ws://127.0.0.1:8766",
        "ws://localhost:8766",
        "wss://room.example:443",
    ]
    assert "frame-ancestors 'none'" in policy


def test_every_static_file_exists() -> None:
    files = static_files()
    assert "js/textual.js" in files
    assert all(path.is_file() for path in files.values())


@pytest.mark.parametrize(
    ("value", "expected"),
    [(120, 120), ("120", 120), (5, 20), (10**9, 400), ("9" * 5000, 80), ("²", 80), (None, 80)],
)
def test_terminal_sizes_from_the_browser_are_bounded(value: object, expected: int) -> None:
    assert _bounded(value, (20, 400), 80) == expected


def test_seats_follow_memory() -> None:
    gib = 1024**3
    assert capacity.default_max_sessions(24 * gib) == (23 * gib) // capacity.SESSION_BYTES
    assert capacity.default_max_sessions(4 * gib) == 5
    assert capacity.default_max_sessions(512 * 1024**2) == 1  # always at least one seat


def test_seats_when_memory_cannot_be_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(capacity, "available_memory", lambda: None)
    assert capacity.default_max_sessions() == 4


def test_free_memory_is_read_from_meminfo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    meminfo = tmp_path / "meminfo"
    meminfo.write_text("MemTotal:       24684320 kB\nMemAvailable:    2097152 kB\n")
    monkeypatch.setattr(capacity, "MEMINFO", meminfo)
    assert capacity.available_memory() == 2 * 1024**3
    assert capacity.default_max_sessions() == 1


def test_a_refused_origin_reaches_the_console_without_control_characters() -> None:
    assert _printable("http://evil.example\x1b]0;owned\x07") == "http://evil.example?]0;owned?"
    assert len(_printable("http://" + "a" * 5000)) == 120
