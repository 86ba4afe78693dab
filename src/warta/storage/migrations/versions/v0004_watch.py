"""The news collector's state (``warta watch``): ``watch_sources`` (each source's last poll,
validators and counts), ``watch_urls`` (the frontier: every URL found, its state, attempts,
last error, validators and the feed's date) and ``watch_hosts`` (requests and errors per
host). New tables only; nothing else changes. The columns are written out here rather than
taken from ``tables.py``, so that a later change to those tables cannot change this step.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A table that exists already is left alone (a store stamped at an older revision by hand).
    have = set(sa.inspect(op.get_bind()).get_table_names())
    if "watch_sources" not in have:
        _sources()
    if "watch_urls" not in have:
        _urls()
    if "watch_hosts" not in have:
        _hosts()


def _sources() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("name", sa.String(128), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_poll", sa.String(32)),
        sa.Column("last_ok", sa.String(32)),
        sa.Column("last_error", sa.Text),
        sa.Column("polls", sa.Integer, nullable=False),
        sa.Column("new_articles", sa.Integer, nullable=False),
        sa.Column("errors", sa.Integer, nullable=False),
    )


def _urls() -> None:
    op.create_table(
        "watch_urls",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("source", sa.String(128), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("host", sa.Text, nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("lastmod", sa.String(32)),
        sa.Column("fetched_lastmod", sa.String(32)),
        sa.Column("first_seen", sa.String(32), nullable=False),
        sa.Column("last_fetch", sa.String(32)),
        sa.Column("next_try", sa.String(32)),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="SET NULL")),
    )
    op.create_index("ix_watch_urls_source_state", "watch_urls", ["source", "state"])


def _hosts() -> None:
    op.create_table(
        "watch_hosts",
        sa.Column("host", sa.Text, primary_key=True),
        sa.Column("requests", sa.Integer, nullable=False),
        sa.Column("errors", sa.Integer, nullable=False),
        sa.Column("last_request", sa.String(32)),
        sa.Column("last_error", sa.Text),
        sa.Column("last_error_at", sa.String(32)),
    )
