"""Accuracy over time: one row per ``warta eval quotes --db ... --reviewed`` run
(``review_evals``): when, which pipeline (its analysis version, warta's version and each
step's fingerprint), how much reviewed gold it was scored on, and the scores. The same on
SQLite and PostgreSQL; a store that has the table already keeps it.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("review_evals"):
        return
    op.create_table(
        "review_evals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("pipeline", sa.String(40), nullable=False),
        sa.Column("warta", sa.String(32), nullable=False),
        sa.Column("steps", sa.Text, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("items", sa.Integer, nullable=False),
        sa.Column("uncertain", sa.Integer, nullable=False),
        sa.Column("predicted", sa.Integer, nullable=False),
        sa.Column("found", sa.Integer, nullable=False),
        sa.Column("span_precision", sa.Float, nullable=False),
        sa.Column("span_recall", sa.Float, nullable=False),
        sa.Column("span_f1", sa.Float, nullable=False),
        sa.Column("speaker_accuracy", sa.Float, nullable=False),
        sa.Column("joint_f1", sa.Float, nullable=False),
    )
    op.create_index("ix_review_evals_created", "review_evals", ["created_at", "id"])
