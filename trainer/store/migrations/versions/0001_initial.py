"""Initial tables: trainees, sessions, turns, attempts.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trainees",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("name", name="uq_trainees_name"),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column(
            "trainee_id",
            sa.Integer(),
            sa.ForeignKey("trainees.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("persona", sa.String(200), nullable=False),
        sa.Column("scenario", sa.String(200), nullable=False),
        sa.Column("persona_hash", sa.String(128), nullable=False),
        sa.Column("scenario_hash", sa.String(128), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(32), nullable=True),
        sa.Column("opening", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("app_version", sa.String(32), nullable=False),
        sa.Column("final_mood", sa.JSON(), nullable=True),
        sa.Column("summary", sa.JSON(), nullable=True),
    )
    op.create_index("ix_sessions_trainee_started", "sessions", ["trainee_id", "started_at"])
    op.create_table(
        "turns",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "session_id",
            sa.String(64),
            sa.ForeignKey("sessions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("customer", sa.Text(), nullable=False),
        sa.Column("reply", sa.Text(), nullable=False),
        sa.Column("grade", sa.JSON(), nullable=True),
        sa.Column("mood", sa.JSON(), nullable=False),
        sa.Column("move", sa.String(32), nullable=False),
        sa.Column("customer_next", sa.Text(), nullable=False),
        sa.Column("hold", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("session_id", "idx", name="uq_turns_session_idx"),
    )
    op.create_table(
        "attempts",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "session_id",
            sa.String(64),
            sa.ForeignKey("sessions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("turn_idx", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("reply", sa.Text(), nullable=False),
        sa.Column("grade", sa.JSON(), nullable=True),
        sa.Column("mood", sa.JSON(), nullable=True),
        sa.Column("customer_next", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("session_id", "turn_idx", "seq", name="uq_attempts_session_turn_seq"),
    )


def downgrade() -> None:
    op.drop_table("attempts")
    op.drop_table("turns")
    op.drop_index("ix_sessions_trainee_started", table_name="sessions")
    op.drop_table("sessions")
    op.drop_table("trainees")
