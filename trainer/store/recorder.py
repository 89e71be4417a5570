"""The Session listener that saves a call as it happens."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from trainer.errors import UserError
from trainer.models.record import SessionRecord, Turn

if TYPE_CHECKING:
    from trainer.store.store import Store


class SessionEventLike(Protocol):
    """What `trainer.session.SessionEvent` carries (kept structural to avoid an import)."""

    @property
    def kind(self) -> str: ...

    @property
    def record(self) -> SessionRecord: ...

    @property
    def turn(self) -> Turn | None: ...


class Recorder:
    """`Callable[[SessionEvent], None]`: pass it in `Session(..., listeners=[recorder])`.

    On every event it brings the stored session up to the session's record in one short
    transaction: the session row on `started`, each finished turn on `turn`, a rewound turn
    moved to the attempts table on `rewound`, the outcome on `ended`. It remembers what it
    has written, so only new or changed turns are sent. If a write fails (say the database is
    locked for longer than the busy timeout) nothing is lost: the next event writes
    everything still missing. `on_error` receives the error; without it the error is raised.
    """

    def __init__(
        self,
        store: Store,
        *,
        on_error: Callable[[UserError], None] | None = None,
    ) -> None:
        self.store = store
        self.on_error = on_error
        self.session_id: str | None = None
        self.error: UserError | None = None
        """The last write error, cleared by the next successful write."""
        self._written: dict[int, dict[str, Any]] = {}
        self._attempts: dict[int, list[dict[str, Any]]] = {}

    def __call__(self, event: SessionEventLike) -> None:
        self.flush(event.record)

    def flush(self, record: SessionRecord) -> None:
        """Write whatever of `record` is not stored yet."""
        if self.session_id is not None and record.id and record.id != self.session_id:
            # A different call reuses this recorder: start from a clean cache.
            self._written.clear()
            self._attempts.clear()
        try:
            self.store.write(record, self._written, self._attempts)
        except UserError as exc:
            self.error = exc
            if self.on_error is None:
                raise
            self.on_error(exc)
            return
        self.error = None
        self.session_id = record.id
