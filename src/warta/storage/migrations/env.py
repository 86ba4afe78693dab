"""Alembic's environment for warta's store: it runs on the connection the store passes in
(``config.attributes["connection"]``); there is no alembic.ini and no URL here."""

from __future__ import annotations

from alembic import context

from warta.storage import tables

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=tables.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
