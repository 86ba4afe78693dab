"""Watchlists and their alerts: the ``watchlists``, ``watch_items`` and ``watch_deliveries``
tables (see :mod:`warta.storage.tables` and :mod:`warta.storage.watchlists`), on both backends.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from warta.storage import tables as t

    bind = op.get_bind()
    # checkfirst: a store made by this warta (all tables, then stamped) that is brought back
    # through the migrations (as the tests of old stores do) has them already.
    for table in (t.watchlists, t.watch_items, t.watch_deliveries):
        table.create(bind, checkfirst=True)
