"""Alembic environment: runs on the connection the store hands over (see trainer.store.engine).

The store builds the alembic Config in code and puts an open connection, already inside a
transaction, in `config.attributes["connection"]`; this script never opens its own engine and
never touches logging configuration.
"""

from __future__ import annotations

from alembic import context

from trainer.store.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise SystemExit("run migrations through trainer.store (Store.open), not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
