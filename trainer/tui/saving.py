"""Keeping calls: the store (turn by turn, via a Session listener), else JSON files.

The store (SQLAlchemy, Alembic) is opened in a background thread so it never delays the
first paint. If it cannot be opened, finished calls are saved as JSON under the data
directory's `reports/` folder instead, and the report screen says where. The store also
answers what the home screen asks: the weakest step and the calls left unfinished.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trainer.errors import UserError, display_path
from trainer.tui.contract import CallSpec, Listener
from trainer.tui.userdata import save_record_json

if TYPE_CHECKING:
    from trainer.models import SessionRecord, Step
    from trainer.store import Recorder, SessionInfo, Store


class _StoreListener:
    """Writes each finished turn to the store once it is open."""

    def __init__(self, saver: Saver) -> None:
        self.saver = saver
        self.recorder: Recorder | None = None

    def __call__(self, event: Any) -> None:
        store = self.saver.store
        if store is None:
            return  # not open yet: `Saver.finish` writes the whole record at the end
        if self.recorder is None:
            self.recorder = store.recorder(on_error=self.saver.note_error)
        self.recorder(event)


class Saver:
    """Saves each call and tells the screens where it went."""

    def __init__(self, home: Path, *, use_store: bool = True, db_url: str | None = None) -> None:
        self.home = home
        self.use_store = use_store
        self.db_url = db_url
        """A database URL (`--db`); None means DEESCALATE_DB, else the default file."""
        self.store: Store | None = None
        self.store_error: str = ""
        self._lock = threading.Lock()
        self._paths: dict[int, Path] = {}
        self._stored: set[str] = set()

    def open_store(self) -> None:
        """Open the store (call from a worker thread); on failure, JSON files are used."""
        if not self.use_store:
            return
        try:
            from trainer.store import Store

            store = Store.open(self.db_url)
        except UserError as exc:
            self.store_error = str(exc)
            return
        with self._lock:
            self.store = store

    def close(self) -> None:
        """Release the store's connections."""
        with self._lock:
            if self.store is not None:
                self.store.close()
                self.store = None

    def note_error(self, error: UserError) -> None:
        """A turn could not be written; `finish` tries again with the whole record."""
        self.store_error = str(error)

    def listeners(self, spec: CallSpec) -> list[Listener]:
        """Session listeners that save turns as they happen."""
        return [_StoreListener(self)] if self.use_store else []

    def finish(self, record: SessionRecord) -> str:
        """Save the whole record; returns where it went, or why it could not be saved."""
        store = self.store
        if store is not None:
            try:
                ident = store.save(record)
            except UserError as exc:
                self.store_error = str(exc)
            else:
                self._stored.add(ident)
                return f"call {ident} in {store.where}"
        key = id(record)
        path = self._paths.get(key)
        try:
            if path is None:
                path = save_record_json(record, self.home)
                self._paths[key] = path
            else:
                path.write_text(record.model_dump_json(indent=2), encoding="utf-8")
        except OSError as exc:
            return f"not saved ({exc.strerror or exc})"
        return display_path(path)

    def report_command(self, record: SessionRecord) -> str:
        """The command that renders the full report of a stored call ("" when not stored)."""
        if not record.id or record.id not in self._stored:
            return ""
        command = f"deescalate report {record.id} --format html -o report.html"
        if self.db_url:
            from trainer.store.engine import safe_url

            command += f" --db {safe_url(self.db_url)}"
        return command

    def weakest_step(self, trainee: str) -> Step | None:
        """The step the trainee passes least often lately (None without graded history).

        Call from a worker thread: it queries the store.
        """
        from trainer.models import STEPS
        from trainer.reports import weakest_step

        store = self.store
        if store is None:
            return None
        try:
            step = weakest_step(store, trainee)
        except UserError:
            return None
        for known in STEPS:
            if known == step:
                return known
        return None

    def unfinished(self, trainee: str) -> list[SessionInfo]:
        """This trainee's calls that never ended and have at least one turn, newest first."""
        store = self.store
        if store is None:
            return []
        try:
            infos = store.unfinished(trainee)
        except UserError:
            return []
        return sorted(
            (i for i in infos if i.turns > 0), key=lambda i: (i.started_at, i.id), reverse=True
        )

    def load(self, ident: str) -> SessionRecord:
        """The stored record of one call; raises UserError when it cannot be read."""
        store = self.store
        if store is None:
            raise UserError(self.store_error or "the call history is not open")
        return store.load(ident)
