"""The tables: trainees, sessions, turns and rewound attempts.

The ORM classes mirror the migrations (`migrations/versions/`, 0001 onwards); a change
here needs a new migration, and `tests/test_store_schema.py` checks the two agree.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import Date

from trainer.errors import UserError

SEED_MIN = 0
SEED_MAX = 2**63 - 1
"""Seeds are stored as signed 64-bit integers (BIGINT on PostgreSQL, INTEGER on SQLite)."""


def check_seed(seed: int) -> int:
    """`seed` if the store can hold it, else a UserError saying the range."""
    if not SEED_MIN <= seed <= SEED_MAX:
        raise UserError(f"seed {seed} is out of range: use a whole number from 0 to {SEED_MAX}")
    return seed


Seed = BigInteger().with_variant(Integer(), "sqlite")
"""64-bit everywhere: SQLite's INTEGER already is, and keeping that name there means no table
rebuild (which would cascade-delete turns) to widen it."""


class _NulFree(TypeDecorator[str]):
    """Text with NUL characters dropped on the way in.

    PostgreSQL refuses NUL in text, and a reply or a persona line can carry one (pasted,
    or an escape in a YAML file); refused mid-call it would cut the call short after its
    session row was written. NUL shows nothing to a reader, so every backend drops it alike.
    """

    impl: type[String] = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return value.replace("\x00", "") if isinstance(value, str) else value


class SafeText(_NulFree):
    """TEXT without NUL."""

    cache_ok = True


class SafeString(_NulFree):
    """VARCHAR(n) without NUL."""

    impl = String
    cache_ok = True


class Base(DeclarativeBase):
    """Declarative base for the store's tables."""


class TraineeRow(Base):
    """A person who practises; sessions point at it."""

    __tablename__ = "trainees"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(SafeString(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (UniqueConstraint("name", name="uq_trainees_name"),)


class SessionRow(Base):
    """One call: what was played, how, and how it ended."""

    __tablename__ = "sessions"

    id: Mapped[str] = mapped_column(SafeString(64), primary_key=True)
    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainees.id", ondelete="CASCADE"))
    persona: Mapped[str] = mapped_column(SafeString(200))
    scenario: Mapped[str] = mapped_column(SafeString(200))
    persona_hash: Mapped[str] = mapped_column(SafeString(128), default="")
    scenario_hash: Mapped[str] = mapped_column(SafeString(128), default="")
    mode: Mapped[str] = mapped_column(SafeString(16), default="coach")
    seed: Mapped[int] = mapped_column(Seed)
    outcome: Mapped[str | None] = mapped_column(SafeString(32), nullable=True)
    opening: Mapped[str] = mapped_column(SafeText, default="")
    started_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    app_version: Mapped[str] = mapped_column(SafeString(32), default="")
    final_mood: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    summary: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    agent_name: Mapped[str] = mapped_column(SafeString(200), default="", server_default="")
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    """Record fields without a column of their own (added by migration 0002)."""

    trainee: Mapped[TraineeRow] = relationship()

    __table_args__ = (Index("ix_sessions_trainee_started", "trainee_id", "started_at"),)


class TurnRow(Base):
    """One finished exchange, written the moment it completes."""

    __tablename__ = "turns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    idx: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(SafeString(16))
    customer: Mapped[str] = mapped_column(SafeText, default="")
    reply: Mapped[str] = mapped_column(SafeText, default="")
    grade: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    mood: Mapped[dict[str, Any]] = mapped_column(JSON)
    move: Mapped[str] = mapped_column(SafeString(32), default="")
    customer_next: Mapped[str] = mapped_column(SafeText, default="")
    hold: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)

    __table_args__ = (UniqueConstraint("session_id", "idx", name="uq_turns_session_idx"),)


class AttemptRow(Base):
    """A reply the trainee rewound; kept so the report can show what they tried first."""

    __tablename__ = "attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    turn_idx: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    reply: Mapped[str] = mapped_column(SafeText, default="")
    grade: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    mood: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    customer_next: Mapped[str] = mapped_column(SafeText, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (
        UniqueConstraint("session_id", "turn_idx", "seq", name="uq_attempts_session_turn_seq"),
    )


class AssignmentRow(Base):
    """A trainee put on a training programme from a start date (`deescalate assign`)."""

    __tablename__ = "programme_assignments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainees.id", ondelete="CASCADE"))
    programme: Mapped[str] = mapped_column(String(60))
    start_on: Mapped[date] = mapped_column(Date)
    assigned_at: Mapped[datetime] = mapped_column(DateTime)
    programme_hash: Mapped[str] = mapped_column(String(128), default="")

    __table_args__ = (
        UniqueConstraint("trainee_id", "programme", name="uq_assignments_trainee_programme"),
    )


class MilestoneRow(Base):
    """A module started, passed or refreshed, kept as it happened (migration 0003).

    A pass stays a pass when calls are deleted or a pass mark is raised later, and the xAPI
    statements built from these rows never change once sent.
    """

    __tablename__ = "programme_milestones"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainees.id", ondelete="CASCADE"))
    programme: Mapped[str] = mapped_column(String(60))
    module: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime)
    session_id: Mapped[str] = mapped_column(String(64), default="")
    """The call that reached it (no foreign key: the milestone outlives a deleted call)."""
    recorded_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (
        UniqueConstraint(
            "trainee_id", "programme", "module", "kind", "at", name="uq_milestones_event"
        ),
        Index("ix_milestones_trainee", "trainee_id", "programme"),
    )
