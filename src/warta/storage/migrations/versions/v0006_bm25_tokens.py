"""BM25 on PostgreSQL: ``articles_text.tokens``, the number of positions in each article's
tsvector (title, body and stems), which BM25's length normalisation needs, filled from the
stored tsvectors; and the tsvectors kept lz4-compressed where the server has lz4 (ranking
unpacks every match's tsvector). Nothing changes on SQLite, whose FTS5 index counts its
own tokens.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    from warta.storage import tables as t

    bind.exec_driver_sql(
        "ALTER TABLE articles_text ADD COLUMN IF NOT EXISTS tokens integer NOT NULL DEFAULT 0"
    )
    if t.compress_tsv_lz4(bind):
        # Rewritten (concatenating nothing), so that stored tsvectors are compressed anew.
        bind.exec_driver_sql(
            f"UPDATE articles_text SET tsv = tsv || ''::tsvector, tokens = {t.TSV_TOKENS.format('tsv')}"
        )
    else:
        bind.exec_driver_sql(f"UPDATE articles_text SET tokens = {t.TSV_TOKENS.format('tsv')}")
