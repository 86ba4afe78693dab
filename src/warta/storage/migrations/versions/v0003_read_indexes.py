"""The read layer's indexes (warta.storage.queries): articles by day, date and change time,
a narrow (id, day, outlet) index joins read instead of the wide row, entities by name,
covering indexes between articles and entities, quotes by day. Before this revision the
web app created them when it opened a store; now they are part of the schema.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_articles_day_id", "articles", "day, id"),
    ("ix_articles_published_id", "articles", "published, id"),
    ("ix_articles_updated_at", "articles", "updated_at"),
    ("ix_articles_narrow", "articles", "id, day, outlet"),
    ("ix_entities_name", "entities", "name"),
    ("ix_article_entities_article_entity", "article_entities", "article_id, entity_id, mentions"),
    ("ix_article_entities_entity_cover", "article_entities", "entity_id, article_id, mentions"),
    ("ix_quotes_day_order", "quotes", "day, article_id, idx"),
)


def upgrade() -> None:
    bind = op.get_bind()
    for name, table, columns in INDEXES:
        # IF NOT EXISTS: the web app of warta 0.2 made the same indexes on demand.
        bind.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})")
    bind.exec_driver_sql("ANALYZE")  # the planner's statistics, for the new indexes
