"""The store: sessions saved turn by turn, read back for history, progress and reports."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession

from trainer import __version__
from trainer.errors import UserError
from trainer.models.grade import Grade
from trainer.models.record import Attempt, HoldInfo, Mood, SessionRecord, Summary, Turn
from trainer.store.engine import (
    DEFAULT_BUSY_TIMEOUT,
    READ_ONLY,
    create_store_engine,
    default_url,
    format_time,
    parse_time,
    safe_url,
    sqlite_file,
    translated,
    utcnow,
)
from trainer.store.schema import AttemptRow, SessionRow, TraineeRow, TurnRow, check_seed
from trainer.store.stats import rates, stats_json

if TYPE_CHECKING:
    from trainer.store.recorder import Recorder


@dataclass(frozen=True)
class SessionInfo:
    """One line of history: a session without its turns."""

    id: str
    trainee: str
    persona: str
    scenario: str
    mode: str
    seed: int
    outcome: str | None
    started_at: datetime
    ended_at: datetime | None
    replies: int
    turns: int
    steps: dict[str, float | None] = field(default_factory=dict)
    """Pass rate per step over the graded replies that needed it (None when none did)."""
    app_version: str = ""
    due: dict[str, int] = field(default_factory=dict)
    """How many graded replies needed each step; empty for sessions saved before steps could
    be not due, where every reply counts (see `due_on`)."""

    def due_on(self, step: str) -> int:
        """How many graded replies needed `step` (the weight of its rate when pooling)."""
        return self.due.get(step, 0) if self.due else self.replies

    @property
    def finished(self) -> bool:
        """True once the call has an outcome."""
        return self.outcome is not None

    def to_json(self) -> dict[str, Any]:
        """The object `deescalate history --json` prints."""
        return {
            "id": self.id,
            "trainee": self.trainee,
            "started_at": format_time(self.started_at),
            "ended_at": format_time(self.ended_at) or None,
            "persona": self.persona,
            "scenario": self.scenario,
            "mode": self.mode,
            "seed": self.seed,
            "outcome": self.outcome,
            "turns": self.turns,
            "replies": self.replies,
            "steps": dict(self.steps),
            "due": {s: self.due_on(s) for s in self.steps},
            "app_version": self.app_version,
        }


def new_session_id() -> str:
    """A short random id, easy to type in `deescalate report ID`."""
    return uuid.uuid4().hex[:12]


def _turn_payload(turn: Turn) -> dict[str, Any]:
    return turn.model_dump(mode="json", exclude={"attempts"})


SESSION_COLUMNS = frozenset(
    {
        "id",
        "trainee",
        "agent_name",
        "persona",
        "scenario",
        "seed",
        "mode",
        "outcome",
        "turns",
        "final_mood",
        "summary",
        "opening",
        "started_at",
        "ended_at",
        "persona_hash",
        "scenario_hash",
        "app_version",
    }
)
"""SessionRecord fields with a home of their own; any others go to `sessions.extra`."""
TURN_COLUMNS = frozenset(
    {
        "index",
        "customer",
        "action",
        "reply",
        "grade",
        "mood",
        "move",
        "customer_next",
        "hold",
        "attempts",
    }
)
"""Turn fields with a home of their own; any others go to `turns.extra`."""


def _extra(model: SessionRecord | Turn, known: frozenset[str]) -> dict[str, Any] | None:
    others = set(type(model).model_fields) - known
    if not others:
        return None
    return model.model_dump(mode="json", include=others)


class Store:
    """Sessions in a database (SQLite by default, any SQLAlchemy URL).

    Open with `Store.open()`; every write is its own short transaction, so a process killed at
    any moment loses at most the turn it was in the middle of.
    """

    def __init__(self, engine: Engine, url: str, busy_timeout: float) -> None:
        self.engine = engine
        self.url = url
        self.busy_timeout = busy_timeout
        path = sqlite_file(engine.url)
        self.where = str(path) if path is not None else safe_url(url)

    @classmethod
    def open(
        cls,
        url: str | None = None,
        *,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
        read_only: bool = False,
    ) -> Store:
        """Open (creating and migrating if needed) the database at `url` or the default.

        `read_only` is for commands that only read (history, reports): an existing SQLite
        file is then opened without writing to it, so a read-only one can still be read.
        """
        url = url or default_url()
        return cls(create_store_engine(url, busy_timeout, read_only=read_only), url, busy_timeout)

    @property
    def in_memory(self) -> bool:
        """True for a throwaway SQLite database that ends with the process."""
        return self.engine.dialect.name == "sqlite" and sqlite_file(self.engine.url) is None

    def close(self) -> None:
        """Release connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ------------------------------------------------------------------
    @contextmanager
    def _tx(self, *, read: bool = False) -> Iterator[OrmSession]:
        """One transaction; driver errors become `UserError` naming the database.

        On SQLite a writing transaction takes the write lock up front (BEGIN IMMEDIATE) so
        writers queue on the busy timeout; a reading one (`read=True`) never waits for them.
        """
        bind = self.engine.execution_options(**{READ_ONLY: True}) if read else self.engine
        with (
            translated(self.where, self.busy_timeout),
            OrmSession(bind, expire_on_commit=False) as db,
            db.begin(),
        ):
            yield db

    # -- writing -------------------------------------------------------------------------
    def recorder(self, *, on_error: Callable[[UserError], None] | None = None) -> Recorder:
        """A Session listener that writes each turn as it finishes (see `Recorder`)."""
        from trainer.store.recorder import Recorder

        return Recorder(self, on_error=on_error)

    def save(self, record: SessionRecord) -> str:
        """Write a whole record (session, turns, attempts) in one transaction; returns its id."""
        if not record.id:
            record.id = new_session_id()
        with self._tx() as db:
            self._upsert_session(db, record)
            self._sync_turns(db, record, {}, {})
        return record.id

    def write(
        self,
        record: SessionRecord,
        written: dict[int, dict[str, Any]],
        attempts: dict[int, list[dict[str, Any]]],
    ) -> None:
        """Bring the stored session up to `record` in one transaction.

        `written` and `attempts` cache what is already stored per turn index (the recorder
        keeps them) so only new or changed turns are written; they are updated only once the
        transaction commits.
        """
        if not record.id:
            record.id = new_session_id()
        new_written = dict(written)
        new_attempts = dict(attempts)
        with self._tx() as db:
            self._upsert_session(db, record)
            self._sync_turns(db, record, new_written, new_attempts)
        written.clear()
        written.update(new_written)
        attempts.clear()
        attempts.update(new_attempts)

    def _trainee_id(self, db: OrmSession, name: str) -> int:
        found = db.scalar(select(TraineeRow.id).where(TraineeRow.name == name))
        if found is not None:
            return found
        try:
            with db.begin_nested():
                row = TraineeRow(name=name, created_at=utcnow())
                db.add(row)
                db.flush()
                return row.id
        except IntegrityError:
            # Another writer created the same trainee a moment ago.
            found = db.scalar(select(TraineeRow.id).where(TraineeRow.name == name))
            if found is None:
                raise
            return found

    def _upsert_session(self, db: OrmSession, record: SessionRecord) -> None:
        now = utcnow()
        row = db.get(SessionRow, record.id)
        if row is None:
            row = SessionRow(
                id=record.id,
                trainee_id=self._trainee_id(db, record.trainee),
                started_at=parse_time(record.started_at) or now,
            )
            db.add(row)
            if not record.started_at:
                record.started_at = format_time(row.started_at)
        elif row.trainee.name != record.trainee:
            row.trainee_id = self._trainee_id(db, record.trainee)
        row.persona = record.persona
        row.scenario = record.scenario
        row.persona_hash = record.persona_hash
        row.scenario_hash = record.scenario_hash
        row.mode = record.mode
        row.seed = check_seed(record.seed)
        row.outcome = record.outcome
        row.opening = record.opening
        row.agent_name = record.agent_name
        row.extra = _extra(record, SESSION_COLUMNS)
        row.ended_at = parse_time(record.ended_at)
        if record.outcome is not None and row.ended_at is None:
            row.ended_at = now
            record.ended_at = format_time(now)
        row.updated_at = now
        if not record.app_version:
            record.app_version = __version__
        row.app_version = record.app_version
        row.final_mood = record.final_mood.model_dump(mode="json") if record.final_mood else None
        row.summary = {
            "record": record.summary.model_dump(mode="json"),
            "stats": stats_json(record.turns),
        }

    def _sync_turns(
        self,
        db: OrmSession,
        record: SessionRecord,
        written: dict[int, dict[str, Any]],
        attempts: dict[int, list[dict[str, Any]]],
    ) -> None:
        count = len(record.turns)
        # Turns beyond the record were rewound: keep each as an attempt of its index.
        rewound = db.scalars(
            select(TurnRow)
            .where(TurnRow.session_id == record.id, TurnRow.idx >= count)
            .order_by(TurnRow.idx)
        ).all()
        for row in rewound:
            seq = self._next_seq(db, record.id, row.idx)
            db.add(
                AttemptRow(
                    session_id=record.id,
                    turn_idx=row.idx,
                    seq=seq,
                    reply=row.reply,
                    grade=row.grade,
                    mood=row.mood,
                    customer_next=row.customer_next,
                    created_at=utcnow(),
                )
            )
            attempts.setdefault(row.idx, []).append(
                Attempt(
                    reply=row.reply,
                    grade=Grade.model_validate(row.grade) if row.grade else None,
                    mood=Mood.model_validate(row.mood) if row.mood else None,
                    customer_next=row.customer_next,
                ).model_dump(mode="json")
            )
            db.delete(row)
            written.pop(row.idx, None)
        if rewound:
            db.flush()
        for turn in record.turns:
            payload = _turn_payload(turn)
            if written.get(turn.index) != payload:
                self._upsert_turn(db, record.id, turn)
                written[turn.index] = payload
            if turn.attempts:
                tries = [a.model_dump(mode="json") for a in turn.attempts]
                if attempts.get(turn.index) != tries:
                    self._replace_attempts(db, record.id, turn.index, turn.attempts)
                    attempts[turn.index] = tries

    @staticmethod
    def _next_seq(db: OrmSession, session_id: str, idx: int) -> int:
        db.flush()
        top = db.scalar(
            select(func.max(AttemptRow.seq)).where(
                AttemptRow.session_id == session_id, AttemptRow.turn_idx == idx
            )
        )
        return 0 if top is None else top + 1

    @staticmethod
    def _upsert_turn(db: OrmSession, session_id: str, turn: Turn) -> None:
        row = db.scalar(
            select(TurnRow).where(TurnRow.session_id == session_id, TurnRow.idx == turn.index)
        )
        if row is None:
            row = TurnRow(session_id=session_id, idx=turn.index, created_at=utcnow())
            db.add(row)
        row.action = turn.action
        row.customer = turn.customer
        row.reply = turn.reply
        row.grade = turn.grade.model_dump(mode="json") if turn.grade else None
        row.mood = turn.mood.model_dump(mode="json")
        row.move = turn.move
        row.customer_next = turn.customer_next
        row.hold = turn.hold.model_dump(mode="json") if turn.hold else None
        row.extra = _extra(turn, TURN_COLUMNS)

    @staticmethod
    def _replace_attempts(
        db: OrmSession, session_id: str, idx: int, tries: Sequence[Attempt]
    ) -> None:
        db.execute(
            delete(AttemptRow).where(
                AttemptRow.session_id == session_id, AttemptRow.turn_idx == idx
            )
        )
        db.flush()
        now = utcnow()
        for seq, attempt in enumerate(tries):
            db.add(
                AttemptRow(
                    session_id=session_id,
                    turn_idx=idx,
                    seq=seq,
                    reply=attempt.reply,
                    grade=attempt.grade.model_dump(mode="json") if attempt.grade else None,
                    mood=attempt.mood.model_dump(mode="json") if attempt.mood else None,
                    customer_next=attempt.customer_next,
                    created_at=now,
                )
            )

    # -- reading -------------------------------------------------------------------------
    def resolve(self, ident: str) -> str:
        """The full session id for `ident` or a unique prefix of one."""
        ident = ident.strip()
        if not ident:
            raise UserError("no session id given")
        with self._tx(read=True) as db:
            if db.get(SessionRow, ident) is not None:
                return ident
            escaped = ident.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            ids = db.scalars(
                select(SessionRow.id).where(SessionRow.id.like(f"{escaped}%", escape="\\")).limit(5)
            ).all()
        if not ids:
            raise UserError(f"no session {ident!r} in {self.where} (see `deescalate history`)")
        if len(ids) > 1:
            raise UserError(f"session id {ident!r} is ambiguous: {', '.join(ids)}")
        return ids[0]

    def load(self, ident: str) -> SessionRecord:
        """The full record of one session (id or unique prefix)."""
        session_id = self.resolve(ident)
        with self._tx(read=True) as db:
            row = db.get(SessionRow, session_id)
            if row is None:
                raise UserError(f"no session {ident!r} in {self.where}")
            turn_rows = db.scalars(
                select(TurnRow).where(TurnRow.session_id == session_id).order_by(TurnRow.idx)
            ).all()
            attempt_rows = db.scalars(
                select(AttemptRow)
                .where(AttemptRow.session_id == session_id)
                .order_by(AttemptRow.turn_idx, AttemptRow.seq)
            ).all()
            return _record_from_rows(row, turn_rows, attempt_rows)

    def sessions(
        self,
        trainee: str | None = None,
        since: datetime | None = None,
        *,
        finished: bool | None = None,
    ) -> list[SessionInfo]:
        """Sessions, oldest first; filter by trainee, start time, and whether they ended."""
        with self._tx(read=True) as db:
            turns = (
                select(TurnRow.session_id, func.count().label("n"))
                .group_by(TurnRow.session_id)
                .subquery()
            )
            query = (
                select(SessionRow, TraineeRow.name, turns.c.n)
                .join(TraineeRow, SessionRow.trainee_id == TraineeRow.id)
                .outerjoin(turns, turns.c.session_id == SessionRow.id)
                .order_by(SessionRow.started_at, SessionRow.id)
            )
            if trainee is not None:
                query = query.where(TraineeRow.name == trainee)
            if since is not None:
                query = query.where(SessionRow.started_at >= since)
            if finished is True:
                query = query.where(SessionRow.outcome.is_not(None))
            elif finished is False:
                query = query.where(SessionRow.outcome.is_(None))
            return [_info(row, name, n or 0) for row, name, n in db.execute(query).all()]

    def unfinished(self, trainee: str | None = None) -> list[SessionInfo]:
        """Calls that never ended (crash, closed terminal): candidates for resuming."""
        return self.sessions(trainee, finished=False)

    def records(
        self, trainee: str | None = None, since: datetime | None = None
    ) -> Iterator[SessionRecord]:
        """Full records, oldest first."""
        for info in self.sessions(trainee, since):
            yield self.load(info.id)

    def trainees(self) -> list[str]:
        """Every trainee name with at least one session, sorted."""
        with self._tx(read=True) as db:
            query = (
                select(TraineeRow.name)
                .join(SessionRow, SessionRow.trainee_id == TraineeRow.id)
                .distinct()
                .order_by(TraineeRow.name)
            )
            return list(db.scalars(query).all())

    def abandon(self, ident: str) -> str:
        """Mark an unfinished call as abandoned (the trainee chose not to resume it).

        Its turns stay in the history; a call that already has an outcome is left as it is.
        """
        session_id = self.resolve(ident)
        now = utcnow()
        with self._tx() as db:
            row = db.get(SessionRow, session_id)
            if row is not None and row.outcome is None:
                row.outcome = "abandoned"
                row.ended_at = now
                row.updated_at = now
        return session_id

    # -- deleting ------------------------------------------------------------------------
    def delete(self, ident: str) -> str:
        """Remove one session with its turns and attempts; returns the id removed."""
        session_id = self.resolve(ident)
        with self._tx() as db:
            db.execute(delete(AttemptRow).where(AttemptRow.session_id == session_id))
            db.execute(delete(TurnRow).where(TurnRow.session_id == session_id))
            db.execute(delete(SessionRow).where(SessionRow.id == session_id))
        return session_id

    def delete_trainee(self, name: str) -> int:
        """Remove a trainee and all their sessions; returns how many sessions went."""
        with self._tx() as db:
            tid = db.scalar(select(TraineeRow.id).where(TraineeRow.name == name))
            if tid is None:
                raise UserError(f"no trainee {name!r} in {self.where}")
            ids = select(SessionRow.id).where(SessionRow.trainee_id == tid).scalar_subquery()
            count = db.scalar(select(func.count()).where(SessionRow.trainee_id == tid)) or 0
            db.execute(delete(AttemptRow).where(AttemptRow.session_id.in_(ids)))
            db.execute(delete(TurnRow).where(TurnRow.session_id.in_(ids)))
            db.execute(delete(SessionRow).where(SessionRow.trainee_id == tid))
            db.execute(delete(TraineeRow).where(TraineeRow.id == tid))
        return count


def _info(row: SessionRow, trainee: str, turns: int) -> SessionInfo:
    stats = (row.summary or {}).get("stats") or {}
    replies = int(stats.get("replies", 0))
    due = {str(k): int(v) for k, v in (stats.get("due") or {}).items()}
    return SessionInfo(
        id=row.id,
        trainee=trainee,
        persona=row.persona,
        scenario=row.scenario,
        mode=row.mode,
        seed=row.seed,
        outcome=row.outcome,
        started_at=row.started_at,
        ended_at=row.ended_at,
        replies=replies,
        turns=turns,
        steps=rates(replies, stats.get("passed") or {}, due or None),
        app_version=row.app_version,
        due=due,
    )


def _known_extra(extra: dict[str, Any] | None, model: type[SessionRecord | Turn]) -> dict[str, Any]:
    """Saved extra fields the current model still has (older or newer ones are skipped)."""
    if not extra:
        return {}
    return {k: v for k, v in extra.items() if k in model.model_fields}


def _record_from_rows(
    row: SessionRow, turn_rows: Sequence[TurnRow], attempt_rows: Sequence[AttemptRow]
) -> SessionRecord:
    tries: dict[int, list[Attempt]] = {}
    for a in attempt_rows:
        tries.setdefault(a.turn_idx, []).append(
            Attempt(
                reply=a.reply,
                grade=Grade.model_validate(a.grade) if a.grade else None,
                mood=Mood.model_validate(a.mood) if a.mood else None,
                customer_next=a.customer_next,
            )
        )
    turns = [
        Turn(
            **_known_extra(t.extra, Turn),
            index=t.idx,
            customer=t.customer,
            action=t.action,  # type: ignore[arg-type]
            reply=t.reply,
            grade=Grade.model_validate(t.grade) if t.grade else None,
            mood=Mood.model_validate(t.mood),
            move=t.move,
            customer_next=t.customer_next,
            hold=HoldInfo.model_validate(t.hold) if t.hold else None,
            attempts=tries.get(t.idx, []),
        )
        for t in turn_rows
    ]
    summary_json = (row.summary or {}).get("record")
    return SessionRecord(
        **_known_extra(row.extra, SessionRecord),
        id=row.id,
        agent_name=row.agent_name,
        trainee=row.trainee.name,
        persona=row.persona,
        scenario=row.scenario,
        seed=row.seed,
        mode=row.mode,  # type: ignore[arg-type]
        outcome=row.outcome,  # type: ignore[arg-type]
        turns=turns,
        final_mood=Mood.model_validate(row.final_mood) if row.final_mood else None,
        summary=Summary.model_validate(summary_json) if summary_json else Summary(),
        opening=row.opening,
        started_at=format_time(row.started_at),
        ended_at=format_time(row.ended_at),
        persona_hash=row.persona_hash,
        scenario_hash=row.scenario_hash,
        app_version=row.app_version,
    )
