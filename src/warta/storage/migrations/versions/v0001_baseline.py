"""Baseline: the store's schema version 1 (articles, sources, entities and aliases, mentions,
roles, quotes, timexes, keywords, rejects, over-budget records; FTS5 on SQLite), as warta
0.1 wrote it. Nothing to do: a store of version 1 is stamped here.

Revision ID: 0001
"""

from __future__ import annotations

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass
