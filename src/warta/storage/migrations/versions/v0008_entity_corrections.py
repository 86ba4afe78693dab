"""Entity corrections: the reviewers' event log of entity corrections (``entity_corrections``:
another type, a merge, a split), and the corrected state kept on the rows (``entities``:
``merged_into`` and ``machine_label``; ``article_entities.machine_entity_id``). The same on
SQLite and PostgreSQL; existing entities start uncorrected. What a store already has is left
as it is.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _add(table: str, *columns: sa.Column) -> None:  # type: ignore[type-arg]
    have = {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}
    for column in columns:
        if column.name not in have:
            op.add_column(table, column)


def upgrade() -> None:
    _add("entities", sa.Column("merged_into", sa.Integer), sa.Column("machine_label", sa.String(8)))
    _add("article_entities", sa.Column("machine_entity_id", sa.Integer))
    inspector = sa.inspect(op.get_bind())
    if "ix_entities_machine_label" not in {i["name"] for i in inspector.get_indexes("entities")}:
        op.create_index("ix_entities_machine_label", "entities", ["machine_label", "key"])
    if inspector.has_table("entity_corrections"):
        return
    op.create_table(
        "entity_corrections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("entity_id", sa.Integer, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("target_id", sa.Integer),
        sa.Column("before", sa.Text, nullable=False),
        sa.Column("after", sa.Text, nullable=False),
        sa.Column("anchors", sa.Text, nullable=False),
        sa.Column("reviewer", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("undone_at", sa.String(32)),
        sa.Column("undone_by", sa.String(64)),
        sa.Column("orphaned_at", sa.String(32)),
    )
    op.create_index("ix_entity_corrections_entity", "entity_corrections", ["entity_id", "id"])
    op.create_index("ix_entity_corrections_undone", "entity_corrections", ["undone_at"])
