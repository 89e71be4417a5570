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


def in_data_dir(path: Path) -> bool:
    """True when `path` lies inside the data folder (the only place folders are made)."""
    home = Path(os.path.abspath(data_dir()))
    return Path(os.path.abspath(path)).is_relative_to(home)


def _make_folder(path: Path) -> None:
    """Create the folder for a new database file, but only inside the data folder.

    Anywhere else a missing folder is far more often a typo than a wish, so it is reported
    instead of silently made.
    """
    folder = path.parent
    if folder.is_dir():
        return
    if not in_data_dir(folder):
        raise UserError(
            f"the folder {folder} for database {path.name} does not exist; create it first "
            f"(deescalate makes folders only inside its data folder, {data_dir()})"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create the folder for database {path}: {exc.strerror}") from exc


def read_only_uri(path: Path, busy_timeout: float) -> str:
    """An SQLite URI that opens `path` for reading only, even where nothing may be written.

    `mode=ro` never writes the database, but a WAL database still needs its `-shm` file, which
    a read-only folder cannot hold. Then, when no `-wal` file holds changes not yet in the
    main file, `immutable=1` reads the main file alone; with pending changes the database is
    refused rather than read without them.
    """
    base = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        probe = sqlite3.connect(base, uri=True, timeout=busy_timeout)
    except sqlite3.Error as exc:
        raise describe_error(exc, str(path), busy_timeout) from exc
    try:
        probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return base
    except sqlite3.OperationalError as exc:
        low = str(exc).lower()
        if "readonly" not in low and "read-only" not in low and "unable to open" not in low:
            raise describe_error(exc, str(path), busy_timeout) from exc
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise UserError(
                f"database {path} is read-only here and {wal.name} holds changes not yet in "
                "it; open it once with write access so they are folded in"
            ) from exc
        return base + "&immutable=1"
    finally:
        probe.close()


def check_sqlite_file(path: Path, busy_timeout: float) -> str | None:
    """Refuse, without writing a byte, a file that is not a readable SQLite database.

    Returns a read-only URI for an existing database (see `read_only_uri`), or None for a new
    (missing or empty) file, whose folder is made here when it lies in the data folder.
    """
    if not path.exists():
        _make_folder(path)
        return None
    if path.is_dir():
        raise UserError(f"database {path} is a folder, not a file")
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise UserError(f"cannot read database {path}: {exc.strerror}") from exc
    if not head:
        return None  # an empty file is a new database
    if head != SQLITE_MAGIC:
        raise UserError(
            f"database {path} is damaged or not an SQLite file; it was left untouched - "
            "move it aside to start a fresh one"
        )
    uri = read_only_uri(path, busy_timeout)
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
    return uri


def _sqlite_engine(
    url: URL, path: Path | None, busy_timeout: float, read_uri: str | None = None
) -> Engine:
    """An SQLite engine; with `read_uri`, one that only ever reads the file through it."""
    kwargs: dict[str, Any] = {
        "connect_args": {"timeout": busy_timeout, "check_same_thread": False},
    }
    if path is None:
        # In memory: every connection would get a new, empty database, so keep one.
        kwargs["poolclass"] = StaticPool
    if read_uri is not None:
        uri = read_uri
        kwargs["creator"] = lambda: sqlite3.connect(
            uri, uri=True, timeout=busy_timeout, check_same_thread=False
        )
        kwargs.pop("connect_args")
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take over transaction control from pysqlite so every transaction can start with
        # BEGIN IMMEDIATE: writers queue on the busy timeout instead of failing mid-way.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        if read_uri is not None:
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("PRAGMA foreign_keys = ON")
            if path is not None:
                cursor.execute("PRAGMA journal_mode = WAL")
                cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        reading = read_uri is not None or conn.get_execution_options().get(READ_ONLY, False)
        conn.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")

    return engine


MEMORY = ":memory:"
"""`--db :memory:` (like `sqlite://`): a throwaway database that lives as long as the process."""


def create_store_engine(
    url: str, busy_timeout: float = DEFAULT_BUSY_TIMEOUT, *, read_only: bool = False
) -> Engine:
    """An engine for `url`, checked and migrated to the newest schema.

    With `read_only`, an existing SQLite database whose schema is current is opened for
    reading alone (history, reports): nothing is written, so a database on a read-only
    share or owned by someone else can still be read. Other backends open as usual.
    """
    if url.strip() == MEMORY:
        url = "sqlite://"
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise UserError(f"not a database URL: {url!r} (expected e.g. sqlite:///path.db)") from exc
    where = safe_url(parsed)
    path = sqlite_file(parsed)
    read_uri = None
    if path is not None:
        read_uri = check_sqlite_file(path, busy_timeout)
        where = str(path)
    try:
        if parsed.get_backend_name() == "sqlite":
            if read_only and read_uri is not None:
                engine = _sqlite_engine(parsed, path, busy_timeout, read_uri)
                try:
                    if schema_is_current(engine):
                        return engine
                except DBAPIError as exc:
                    engine.dispose()
                    raise describe_error(exc, where, busy_timeout) from exc
                engine.dispose()  # an older schema: open for writing below, to migrate it
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


def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def schema_is_current(engine: Engine) -> bool:
    """True when the database is at the newest migration (looked up without writing)."""
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    heads = set(ScriptDirectory.from_config(_alembic_config()).get_heads())
    with engine.execution_options(**{READ_ONLY: True}).connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    return current == heads


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (alembic, config built in code)."""
    from alembic import command
    from alembic.util.exc import CommandError

    # Look at the version before taking any write lock: a classroom of processes opening an
    # up-to-date database then never queue behind each other here.
    if schema_is_current(engine):
        return
    config = _alembic_config()
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
    if isinstance(engine.pool, StaticPool):
        # The one connection of an in-memory database *is* the database: keep it.
        return
    # The pool hands this connection out again: back to the everyday busy timeout.
    engine.dispose()


@contextmanager
def translated(where: str, busy_timeout: float) -> Iterator[None]:
    """Turn driver errors inside the block into `UserError`."""
    try:
        yield
    except DBAPIError as exc:
        raise describe_error(exc, where, busy_timeout) from exc
