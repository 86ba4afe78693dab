"""Corrections: the reviewers' event log of quote corrections (``corrections``), and the
corrected state kept on ``quotes`` (``reviewed``, ``rejected``, and ``original``: the
machine's speaker and span where a correction changed them). The same on SQLite and
PostgreSQL; existing quotes start unreviewed. What a store already has is left as it is (a
store stamped at an older revision may hold the newest tables).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    have = {c["name"] for c in inspector.get_columns("quotes")}
    for column in (
        sa.Column("reviewed", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("rejected", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("original", sa.Text),
    ):
        if column.name not in have:
            op.add_column("quotes", column)
    if inspector.has_table("corrections"):
        return
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("quote_idx", sa.Integer, nullable=False),
        sa.Column("quote_start", sa.Integer, nullable=False),
        sa.Column("quote_end", sa.Integer, nullable=False),
        sa.Column("quote_hash", sa.String(40), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("before", sa.Text, nullable=False),
        sa.Column("after", sa.Text, nullable=False),
        sa.Column("reviewer", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("undone_at", sa.String(32)),
        sa.Column("undone_by", sa.String(64)),
        sa.Column("orphaned_at", sa.String(32)),
    )
    op.create_index("ix_corrections_article", "corrections", ["article_id", "id"])
    op.create_index("ix_corrections_undone", "corrections", ["undone_at"])
