"""A damaged or locked database gives one clear line and is never rewritten."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from store_records import record

from trainer.cli import main
from trainer.errors import UserError
from trainer.store import Store


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "deescalate.db"
    db.write_bytes(os.urandom(8192))
    before = digest(db)
    with pytest.raises(UserError) as caught:
        Store.open(f"sqlite:///{db}")
    message = str(caught.value)
    assert "\n" not in message
    assert str(db) in message and "damaged" in message and "left untouched" in message
    assert digest(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deescalate.db"]


def test_a_database_with_damaged_pages_is_refused_and_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "deescalate.db"
    with Store.open(f"sqlite:///{db}") as store:
        for _ in range(20):
            store.save(record())
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    for extra in ("-wal", "-shm"):
        Path(f"{db}{extra}").unlink(missing_ok=True)
    data = bytearray(db.read_bytes())
    page = 4096
    data[page * 2 : page * 2 + 2048] = b"\xff" * 2048  # scribble over a table page
    db.write_bytes(bytes(data))
    before = digest(db)
    with pytest.raises(UserError, match="damaged"):
        Store.open(f"sqlite:///{db}")
    assert digest(db) == before


def test_the_cli_prints_one_line_for_a_damaged_database(tmp_path: Path) -> None:
    db = tmp_path / "broken.db"
    db.write_bytes(b"this is not sqlite at all\n" * 100)
    before = digest(db)
    out = subprocess.run(
        [sys.executable, "-m", "trainer", "history", "--db", f"sqlite:///{db}"],
        capture_output=True,
        text=True,
        env={**os.environ, "DEESCALATE_HOME": str(tmp_path / "home")},
    )
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith("deescalate: database ") and "damaged" in lines[0]
    assert "Traceback" not in out.stderr
    assert digest(db) == before


def test_a_database_locked_by_another_writer_gives_a_clear_message(tmp_path: Path) -> None:
    db = tmp_path / "deescalate.db"
    with Store.open(f"sqlite:///{db}") as store:
        rec_id = store.save(record())
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with Store.open(f"sqlite:///{db}", busy_timeout=0.2) as store:
            assert store.load(rec_id).turns, "reading never waits for a writer (WAL)"
            with pytest.raises(UserError) as caught:
                store.save(record())
        message = str(caught.value)
        assert "locked by another program" in message and str(db) in message
        assert "\n" not in message
    finally:
        holder.rollback()
        holder.close()
    with Store.open(f"sqlite:///{db}") as store:
        assert store.load(rec_id).turns, "nothing was lost while it was locked"


def test_a_rollback_journal_database_locked_for_reading_gives_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "other.db"
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO t VALUES (1)")
    try:
        with pytest.raises(UserError, match="locked by another program"):
            Store.open(f"sqlite:///{db}", busy_timeout=0.2)
    finally:
        holder.rollback()
        holder.close()


def test_a_bad_url_or_missing_server_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "--db", "not a url"]) == 1
    assert "not a database URL" in capsys.readouterr().err
    assert main(["history", "--db", "postgresql+psycopg://app@127.0.0.1:1/none"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("deescalate: database postgresql+psycopg://app@127.0.0.1:1/none")
    assert len(err.splitlines()) == 1
    assert main(["history", "--db", "postgresql+psycopg://app:s3cret@127.0.0.1:1/none"]) == 1
    err = capsys.readouterr().err
    assert "s3cret" not in err and "app:***@127.0.0.1" in err
