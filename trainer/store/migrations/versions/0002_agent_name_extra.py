"""Sessions keep the agent name (needed to replay a call); sessions and turns keep any
record fields the columns do not cover in an `extra` JSON column, so a newer Session model
never loses data on the way through the store.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "sessions", sa.Column("agent_name", sa.String(200), nullable=False, server_default="")
    )
    op.add_column("sessions", sa.Column("extra", sa.JSON(), nullable=True))
    op.add_column("turns", sa.Column("extra", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("turns") as batch:
        batch.drop_column("extra")
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("extra")
        batch.drop_column("agent_name")
