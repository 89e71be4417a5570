"""Shared fixtures. Tests never reach the network: only loopback and Unix sockets connect."""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_pg import PgServer, pg_server

from trainer.grading.grader import Grader
from trainer.library import Library
from trainer.models import Persona, Scenario

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _allowed(address: object) -> bool:
    if isinstance(address, (str, bytes)):
        return True  # Unix domain socket
    if isinstance(address, tuple) and address:
        host = address[0]
        if host in {"localhost"}:
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False
    return False


def _guard(sock: socket.socket, address: object) -> None:
    if not _allowed(address):
        raise RuntimeError(f"test tried to reach the network: {address!r}")


def _connect(self: socket.socket, address: object) -> None:
    _guard(self, address)
    _real_connect(self, address)  # type: ignore[arg-type]


def _connect_ex(self: socket.socket, address: object) -> int:
    _guard(self, address)
    return _real_connect_ex(self, address)  # type: ignore[arg-type]


socket.socket.connect = _connect  # type: ignore[method-assign]
socket.socket.connect_ex = _connect_ex  # type: ignore[method-assign]


@pytest.fixture
def fixtures() -> Path:
    """The folder of small test data files."""
    return FIXTURES


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test (and every subprocess it starts) gets a private data directory and no user
    library or database from the environment, so tests never read or write a real one."""
    home = tmp_path / "deescalate-home"
    monkeypatch.setenv("DEESCALATE_HOME", str(home))
    monkeypatch.delenv("DEESCALATE_LIBRARY", raising=False)
    monkeypatch.delenv("DEESCALATE_DB", raising=False)
    return home


@pytest.fixture(scope="session")
def lib() -> Library:
    """The small fixture library (one persona, one scenario), without the bundled files."""
    loaded = Library.load([FIXTURES / "library"], bundled=False, use_env=False)
    assert not loaded.problems
    return loaded


@pytest.fixture(scope="session")
def bundled() -> Library:
    """The bundled library, as a user without library folders of their own has it."""
    loaded = Library.load(use_env=False)
    assert not loaded.problems, [str(p) for p in loaded.problems]
    return loaded


@pytest.fixture(scope="session")
def lexical() -> Grader:
    """The grader on its rules alone (no model: quick, and the same on every machine)."""
    return Grader()


@pytest.fixture
def persona(lib: Library) -> Persona:
    return lib.persona("fixture-base")


@pytest.fixture
def scenario(lib: Library) -> Scenario:
    return lib.scenario("fixture-billing")


@pytest.fixture(scope="session")
def pg() -> Iterator[PgServer]:
    """One throwaway PostgreSQL server for the whole run (skips, saying why, without one)."""
    server = pg_server()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each store test runs on SQLite and on PostgreSQL (when its binaries exist)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    server: PgServer = request.getfixturevalue("pg")
    return server.new_database()
