"""Opening a database: where it lives, SQLite settings, safety checks and migrations.

Any problem a user can fix (a damaged or locked file, a server that refuses the connection, a
database from a newer version) becomes a one-line `UserError`. A file that is not a healthy
deescalate database is only ever read, never written, so nothing is destroyed.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.pool import StaticPool

from trainer.errors import UserError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DB_FILENAME = "deescalate.db"
DEFAULT_BUSY_TIMEOUT = 10.0
"""Seconds a writer waits for another writer to finish before giving up."""
SQLITE_MAGIC = b"SQLite format 3\x00"
READ_ONLY = "deescalate_read_only"
"""Execution option: this transaction only reads (SQLite starts it deferred, not IMMEDIATE)."""
_PG_LOCK_KEY = 0x0DE5CA1A7E  # advisory lock so parallel first runs migrate one at a time


def data_dir() -> Path:
    """Where deescalate keeps its data: `DEESCALATE_HOME`, else the platform's user data dir."""
    home = os.environ.get("DEESCALATE_HOME")
    if home:
        return Path(home).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("deescalate"))


def default_url() -> str:
    """`DEESCALATE_DB` when set, else the SQLite file in the data directory."""
    env = os.environ.get("DEESCALATE_DB")
    if env:
        return env
    return f"sqlite:///{data_dir() / DB_FILENAME}"


def utcnow() -> datetime:
    """Now, as a naive UTC datetime (how the tables store time)."""
    return datetime.now(UTC).replace(tzinfo=None)


def parse_time(value: str) -> datetime | None:
    """An ISO 8601 string as naive UTC; naive input is taken to be UTC already."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def format_time(value: datetime | None) -> str:
    """A stored naive-UTC datetime as ISO 8601 with an explicit UTC offset."""
    if value is None:
        return ""
    return value.replace(tzinfo=UTC).isoformat()


def safe_url(url: str | URL) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable database URL>"


def sqlite_file(url: URL) -> Path | None:
    """The file behind an SQLite URL, or None for other backends and in-memory databases."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database).expanduser()


def describe_error(exc: BaseException, where: str, busy_timeout: float) -> UserError:
    """Turn a driver error into one line a person can act on."""
    orig = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    detail = (str(orig).strip().splitlines() or [type(orig).__name__])[0]
    low = detail.lower()
    if "locked" in low or "busy" in low:
        return UserError(
            f"database {where} is locked by another program (waited {busy_timeout:g} s); "
            "close the other program or try again"
        )
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return UserError(
            f"database {where} is damaged ({detail}); it was left untouched - "
            "move it aside to start a fresh one"
        )
    if "readonly" in low or "read-only" in low or "unable to open" in low:
        return UserError(f"database {where} cannot be opened for writing ({detail})")
    return UserError(f"database {where}: {detail}")


def check_sqlite_file(path: Path, busy_timeout: float) -> None:
    """Refuse, without writing a byte, a file that is not a readable SQLite database."""
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(
                f"cannot create the folder for database {path}: {exc.strerror}"
            ) from exc
        return
    if path.is_dir():
        raise UserError(f"database {path} is a folder, not a file")
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise UserError(f"cannot read database {path}: {exc.strerror}") from exc
    if not head:
        return  # an empty file is a new database
    if head != SQLITE_MAGIC:
        raise UserError(
            f"database {path} is damaged or not an SQLite file; it was left untouched - "
            "move it aside to start a fresh one"
        )
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        probe = sqlite3.connect(uri, uri=True, timeout=busy_timeout)
    except sqlite3.Error as exc:
        raise describe_error(exc, str(path), busy_timeout) from exc
    try:
        probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
        row = probe.execute("PRAGMA quick_check(1)").fetchone()
    except sqlite3.Error as exc:
        raise describe_error(exc, str(path), busy_timeout) from exc
    finally:
        probe.close()
    if row is None or row[0] != "ok":
        detail = row[0] if row else "no answer from the integrity check"
        raise UserError(
            f"database {path} is damaged ({detail}); it was left untouched - "
            "move it aside to start a fresh one"
        )


def _sqlite_engine(url: URL, path: Path | None, busy_timeout: float) -> Engine:
    kwargs: dict[str, Any] = {
        "connect_args": {"timeout": busy_timeout, "check_same_thread": False},
    }
    if path is None:
        kwargs["poolclass"] = StaticPool
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take over transaction control from pysqlite so every transaction can start with
        # BEGIN IMMEDIATE: writers queue on the busy timeout instead of failing mid-way.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if path is not None:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        reading = conn.get_execution_options().get(READ_ONLY, False)
        conn.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")

    return engine


def create_store_engine(url: str, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> Engine:
    """An engine for `url`, checked and migrated to the newest schema."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise UserError(f"not a database URL: {url!r} (expected e.g. sqlite:///path.db)") from exc
    where = safe_url(parsed)
    path = sqlite_file(parsed)
    if path is not None:
        check_sqlite_file(path, busy_timeout)
        where = str(path)
    try:
        if parsed.get_backend_name() == "sqlite":
            engine = _sqlite_engine(parsed, path, busy_timeout)
        else:
            engine = create_engine(parsed, pool_pre_ping=True)
    except (NoSuchModuleError, ImportError) as exc:
        raise UserError(f"database {where}: no driver for {parsed.drivername!r}") from exc
    try:
        migrate(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise describe_error(exc, where, busy_timeout) from exc
    except UserError:
        engine.dispose()
        raise
    return engine


MIGRATION_WAIT = 120.0
"""Seconds a process waits for another one's migration of the same new SQLite file."""


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (alembic, config built in code)."""
    from alembic import command
    from alembic.config import Config
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # Load the scripts and look at the version before taking any write lock: a classroom of
    # processes opening an up-to-date database then never queue behind each other here.
    heads = set(ScriptDirectory.from_config(config).get_heads())
    with engine.execution_options(**{READ_ONLY: True}).connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    if current == heads:
        return
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            # Several processes opening a new database at once queue here, one migration
            # after another; on a busy laptop that can take longer than the everyday busy
            # timeout, so the wait for this one-time step is longer.
            # On the driver connection: a statement through SQLAlchemy would open a transaction.
            raw = conn.connection.dbapi_connection
            assert raw is not None
            raw.execute(f"PRAGMA busy_timeout = {int(MIGRATION_WAIT * 1000)}")
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
            config.attributes["connection"] = conn
            try:
                command.upgrade(config, "head")
            except CommandError as exc:
                raise UserError(
                    f"database {safe_url(engine.url)} was written by a newer deescalate "
                    f"({exc}); upgrade deescalate to use it"
                ) from exc
    # The pool hands this connection out again: back to the everyday busy timeout.
    engine.dispose()


@contextmanager
def translated(where: str, busy_timeout: float) -> Iterator[None]:
    """Turn driver errors inside the block into `UserError`."""
    try:
        yield
    except DBAPIError as exc:
        raise describe_error(exc, where, busy_timeout) from exc
