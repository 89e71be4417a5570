"""Seeds are 64-bit: `play --seed` accepts any seed up to 2**63 - 1, and a 32-bit column on
PostgreSQL refused every seed from 2**31 up.

SQLite's INTEGER already holds 64 bits; widening it there would mean rebuilding the sessions
table, whose drop cascades to every turn, so SQLite is left as it is.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.alter_column(
        "sessions",
        "seed",
        type_=sa.BigInteger(),
        existing_type=sa.Integer(),
        existing_nullable=False,
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.alter_column(
        "sessions",
        "seed",
        type_=sa.Integer(),
        existing_type=sa.BigInteger(),
        existing_nullable=False,
    )
