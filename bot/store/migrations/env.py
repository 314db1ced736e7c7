"""Alembic environment: always handed an open connection by bot.store.migrate.

The caller holds the migration lock and the transaction, so this script neither connects nor
commits; running it alone (the `alembic` command with a URL) is not supported on purpose.
"""

from __future__ import annotations

from alembic import context

from bot.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
