"""Training programmes: which trainee follows which programme from when, and the module
milestones (started, passed, refreshed) as they happened.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "programme_assignments",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "trainee_id",
            sa.Integer(),
            sa.ForeignKey("trainees.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("programme", sa.String(60), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("assigned_at", sa.DateTime(), nullable=False),
        sa.Column("programme_hash", sa.String(128), nullable=False),
        sa.UniqueConstraint("trainee_id", "programme", name="uq_assignments_trainee_programme"),
    )
    op.create_table(
        "programme_milestones",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "trainee_id",
            sa.Integer(),
            sa.ForeignKey("trainees.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("programme", sa.String(60), nullable=False),
        sa.Column("module", sa.String(60), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("session_id", sa.String(64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint(
            "trainee_id", "programme", "module", "kind", "at", name="uq_milestones_event"
        ),
    )
    op.create_index("ix_milestones_trainee", "programme_milestones", ["trainee_id", "programme"])


def downgrade() -> None:
    op.drop_index("ix_milestones_trainee", table_name="programme_milestones")
    op.drop_table("programme_milestones")
    op.drop_table("programme_assignments")
