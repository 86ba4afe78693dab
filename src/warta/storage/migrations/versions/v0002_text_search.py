"""Full-text search on PostgreSQL: the ``articles_text`` table (title, body, a weighted
tsvector under a GIN index), filled from the stored articles. Nothing changes on SQLite,
whose FTS5 index exists since version 1.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    from warta.storage import tables as t
    from warta.storage.text import index_stems, make_stemmer, words
    from warta.storage.writer import decode_doc

    t.pg_metadata.create_all(bind)
    bind.exec_driver_sql(t.PG_TEXT_INDEX)
    stem = make_stemmer()
    insert = sa.text(
        "INSERT INTO articles_text (article_id, title, body, tsv) VALUES (:id, :title, :body, "
        "setweight(to_tsvector('simple', :tw), 'A') || setweight(to_tsvector('simple', :bw), 'B') "
        "|| setweight(to_tsvector('simple', :sw), 'C')) ON CONFLICT (article_id) DO NOTHING"
        # (tokens: filled by 0006)
    )
    for row_id, doc in bind.execute(sa.select(t.articles.c.id, t.articles.c.doc)):
        article = decode_doc(doc)
        title, body = article.title or "", article.text or article.raw
        bind.execute(
            insert,
            {
                "id": row_id,
                "title": title,
                "body": body,
                "tw": " ".join(words(title)),
                "bw": " ".join(words(body)),
                "sw": index_stems(f"{title}\n{body}", stem),
            },
        )
