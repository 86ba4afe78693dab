"""The corpus schema, in SQLAlchemy Core: the same tables on SQLite and PostgreSQL.

``articles`` keeps one row per article with its full :class:`~warta.article.Article`
JSON (zlib-compressed) and the fields queries filter on; the other tables are the
Article's parts, normalised so that queries across the corpus are plain SQL:

- ``entities``: one row per person/organisation/place of the *corpus* (the corpus-level
  id), ``entity_aliases``: the names each was called, with counts;
- ``article_entities``: which entities an article mentions (how often, first offset);
- ``roles``: roles an article gives a person ("Menteri Keuangan"), with the day;
- ``quotes`` and ``quote_entities`` (entities mentioned inside a quote);
- ``timexes``, ``keywords``, ``article_sources`` (every URL/file an article came from);
- ``corrections``: reviewers' corrections of quotes, one event each (confirm, reject,
  reassign the speaker, fix the span), never an overwrite; the corrected state is kept on
  ``quotes`` (``reviewed``, ``rejected``, the corrected speaker and span, the machine's in
  ``original``) by :mod:`warta.storage.corrections`;
- ``entity_corrections``: reviewers' corrections of entities (another type, a merge, a
  split), one event each; the corrected state is kept on ``entities`` (``label``,
  ``merged_into``), ``article_entities``, ``roles``, ``quotes`` and ``quote_entities`` by
  :mod:`warta.storage.entity_corrections`;
- ``review_evals``: each ``warta eval quotes --db ... --reviewed`` run (the pipeline's
  version, the reviewed gold's size, the scores): the pipeline's accuracy over time;
- ``rejects``: inputs that could not be read, with the reason;
- ``over_budget``: records that ran over the per-article budget (source and content hash),
  which a resumed ingest skips instead of meeting them again;
- ``meta``: the schema name and version, checked on open;
- ``watchlists`` (named saved searches), ``watch_items`` (what each has reported: one row
  per article or quote, never two) and ``watch_deliveries`` (each item's delivery per alert
  channel: pending, sent or failed); see :mod:`warta.storage.watchlists`.
- ``watch_sources``, ``watch_urls``, ``watch_hosts``: the news collector's state (``warta
  watch``): each source's last poll and counts, the frontier of URLs (state, attempts, last
  error, validators, the feed's date), and requests and errors per host
  (:mod:`warta.storage.frontier`).

On SQLite an FTS5 table ``articles_fts(title, body, stems)`` sits beside them (see
:mod:`warta.storage.queries.text_search`).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

__all__ = [
    "FTS_DDL",
    "PG_TEXT_INDEX",
    "SCHEMA_NAME",
    "SCHEMA_VERSION",
    "TSV_TOKENS",
    "article_entities",
    "article_sources",
    "articles",
    "articles_text",
    "compress_tsv_lz4",
    "corrections",
    "entities",
    "entity_aliases",
    "entity_corrections",
    "keywords",
    "meta",
    "metadata",
    "over_budget",
    "pg_metadata",
    "quote_entities",
    "quotes",
    "rejects",
    "review_evals",
    "roles",
    "timexes",
    "watch_deliveries",
    "watch_hosts",
    "watch_items",
    "watch_sources",
    "watch_urls",
    "watchlists",
]

SCHEMA_NAME = "warta-corpus"
# Raised with every migration (warta.storage.migrations): 2 = full-text search on PostgreSQL,
# 3 = the read layer's indexes (warta.storage.queries), 4 = the news collector's frontier,
# 5 = watchlists and their alerts, 6 = token counts for BM25 on PostgreSQL, 7 = corrections,
# 8 = corrections of entities.
# 9 = the reviewed-gold scores over time.
SCHEMA_VERSION = 9

metadata = sa.MetaData()

meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # The identity: the normalised URL, or "sha1:<content hash>" for articles without one.
    sa.Column("key", sa.Text, nullable=False, unique=True),
    sa.Column("content_hash", sa.String(40), nullable=False, index=True),
    sa.Column("doc_id", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.Text, index=True),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(32), index=True),  # ISO 8601, as the Article gives it
    sa.Column("day", sa.String(10), index=True),  # YYYY-MM-DD of `published`
    sa.Column("published_method", sa.String(16)),
    sa.Column("word_count", sa.Integer, nullable=False, default=0),
    sa.Column("topic", sa.String(64)),
    sa.Column("topic_score", sa.Float),
    sa.Column("source_path", sa.Text),
    sa.Column("pipeline", sa.String(40), nullable=False),  # hash of the steps that made `doc`
    sa.Column("first_seen", sa.String(32), nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
    sa.Column("minhash", sa.LargeBinary),  # uint32 MinHash signature of the text (warta.storage.dupes)
    sa.Column("doc", sa.LargeBinary, nullable=False),  # zlib(Article JSON)
    # The read layer's (warta.storage.queries): lists by day or date, changes since a time,
    # and a narrow index (id, day, outlet) a join reads instead of the wide row, which holds
    # the compressed Article.
    sa.Index("ix_articles_day_id", "day", "id"),
    sa.Index("ix_articles_published_id", "published", "id"),
    sa.Index("ix_articles_updated_at", "updated_at"),
    sa.Index("ix_articles_narrow", "id", "day", "outlet"),
)

article_sources = sa.Table(
    "article_sources",
    metadata,
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    # The normalised URL, or the file (and line) when the input had no URL.
    sa.Column("source_key", sa.Text, nullable=False, unique=True),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("published", sa.String(32)),
    sa.Column("seen_at", sa.String(32), nullable=False),
    sa.Index("ix_article_sources_article", "article_id"),
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("label", sa.String(8), nullable=False),
    sa.Column("key", sa.Text, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    # Reviewers' entity corrections (migration 0008; warta.storage.entity_corrections): the
    # entity another one was merged into (the read layer lists and counts only entities not
    # merged away, and sends a merged one's page to its target), and the machine's label when
    # a correction changed ``label`` (the resolver still finds the entity by it).
    sa.Column("merged_into", sa.Integer),
    sa.Column("machine_label", sa.String(8)),
    sa.UniqueConstraint("label", "key", name="uq_entities_label_key"),
    sa.Index("ix_entities_name", "name"),
    sa.Index("ix_entities_machine_label", "machine_label", "key"),
)

entity_aliases = sa.Table(
    "entity_aliases",
    metadata,
    sa.Column("alias", sa.Text, nullable=False),
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    sa.Column("count", sa.Integer, nullable=False, default=1),
    sa.PrimaryKeyConstraint("alias", "entity_id"),
    sa.Index("ix_entity_aliases_entity", "entity_id"),
)

article_entities = sa.Table(
    "article_entities",
    metadata,
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("idx", sa.Integer, nullable=False),  # index into Article.entities
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("label", sa.String(8), nullable=False),
    sa.Column("mentions", sa.Integer, nullable=False),
    sa.Column("first_start", sa.Integer),
    # The resolver's entity where an entity correction (a merge, a split) gave the row another
    # (migration 0008): ``entity_id`` is then the corrected one.
    sa.Column("machine_entity_id", sa.Integer),
    sa.PrimaryKeyConstraint("article_id", "idx"),
    sa.Index("ix_article_entities_entity", "entity_id", "article_id"),
    # Covering indexes: an article's entities, and an entity's articles, with the counts.
    sa.Index("ix_article_entities_article_entity", "article_id", "entity_id", "mentions"),
    sa.Index("ix_article_entities_entity_cover", "entity_id", "article_id", "mentions"),
)

roles = sa.Table(
    "roles",
    metadata,
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
    sa.Column("role", sa.Text, nullable=False),
    sa.Column("day", sa.String(10)),
    sa.Index("ix_roles_entity", "entity_id"),
    sa.Index("ix_roles_article", "article_id"),
)

quotes = sa.Table(
    "quotes",
    metadata,
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("idx", sa.Integer, nullable=False),  # index into Article.quotes
    sa.Column("kind", sa.String(8), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("cue", sa.Text),
    sa.Column("speaker_name", sa.Text),
    sa.Column("speaker_id", sa.Integer, sa.ForeignKey("entities.id")),
    sa.Column("anonymous", sa.Boolean, nullable=False, default=False),
    sa.Column("speaker_description", sa.Text),
    sa.Column("day", sa.String(10)),  # the article's day, copied for date filters
    sa.Column("confidence", sa.Float, nullable=False, default=1.0),
    sa.Column("repeat_of", sa.Integer),
    sa.Column("minhash", sa.LargeBinary),
    # The review (migration 0007; warta.storage.corrections): a live correction confirmed or
    # corrected it (``reviewed``), or said it is no quote (``rejected``: the read layer leaves
    # it out). A corrected speaker or span is written over the columns above; ``original``
    # then keeps the machine's values (JSON), so that an undo can bring them back.
    sa.Column("reviewed", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("rejected", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("original", sa.Text),
    sa.PrimaryKeyConstraint("article_id", "idx"),
    sa.Index("ix_quotes_speaker", "speaker_id", "day"),
    sa.Index("ix_quotes_day_order", "day", "article_id", "idx"),
)

quote_entities = sa.Table(
    "quote_entities",
    metadata,
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("quote_idx", sa.Integer, nullable=False),
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
    sa.PrimaryKeyConstraint("article_id", "quote_idx", "entity_id"),
    sa.Index("ix_quote_entities_entity", "entity_id"),
)

timexes = sa.Table(
    "timexes",
    metadata,
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("type", sa.String(10), nullable=False),
    sa.Column("value", sa.String(40), nullable=False),
    sa.PrimaryKeyConstraint("article_id", "idx"),
    sa.Index("ix_timexes_value", "value"),
)

keywords = sa.Table(
    "keywords",
    metadata,
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.PrimaryKeyConstraint("article_id", "idx"),
    sa.Index("ix_keywords_text", "text"),
)

# Reviewers' corrections of quotes (warta.storage.corrections): one row per event, never
# changed but for its undo and its anchor. The target is the quote ``quote_idx`` of the
# article, anchored by the machine's content offsets and the sha1 of its text, by which a
# reanalysis finds the quote again (and updates ``quote_idx``); a correction that no longer
# fits any quote is ``orphaned_at`` (listed for the reviewer, not applied). ``before`` and
# ``after`` are JSON objects: the quote's fields the action changed, before and after.
corrections = sa.Table(
    "corrections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("quote_idx", sa.Integer, nullable=False),
    sa.Column("quote_start", sa.Integer, nullable=False),
    sa.Column("quote_end", sa.Integer, nullable=False),
    sa.Column("quote_hash", sa.String(40), nullable=False),
    sa.Column("action", sa.String(16), nullable=False),  # confirm | reject | speaker | span
    sa.Column("before", sa.Text, nullable=False),
    sa.Column("after", sa.Text, nullable=False),
    sa.Column("reviewer", sa.String(64), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("undone_at", sa.String(32)),
    sa.Column("undone_by", sa.String(64)),
    sa.Column("orphaned_at", sa.String(32)),
    sa.Index("ix_corrections_article", "article_id", "id"),
    # Counted by Store.state (an undo changes what the read layer answers).
    sa.Index("ix_corrections_undone", "undone_at"),
)

# Reviewers' corrections of entities (warta.storage.entity_corrections), one row per event,
# never changed but for its undo and its anchors: ``type`` gives entity ``entity_id`` another
# label, ``merge`` sends all of it to ``target_id``, ``split`` moves the article entities
# listed in ``anchors`` (JSON: article id, index, name, first offset and the sha1 of the
# name, by which a reanalysis finds them again) to ``target_id``. ``orphaned_at``: nothing
# it names is found any more.
entity_corrections = sa.Table(
    "entity_corrections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("entity_id", sa.Integer, nullable=False),
    sa.Column("action", sa.String(16), nullable=False),  # type | merge | split
    sa.Column("target_id", sa.Integer),
    sa.Column("before", sa.Text, nullable=False),
    sa.Column("after", sa.Text, nullable=False),
    sa.Column("anchors", sa.Text, nullable=False),
    sa.Column("reviewer", sa.String(64), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("undone_at", sa.String(32)),
    sa.Column("undone_by", sa.String(64)),
    sa.Column("orphaned_at", sa.String(32)),
    sa.Index("ix_entity_corrections_entity", "entity_id", "id"),
    sa.Index("ix_entity_corrections_undone", "undone_at"),
)

# The pipeline scored against the reviewed quotes (warta.review_accuracy), one row per run:
# when, which pipeline (``pipeline``: its analysis version; ``steps``: JSON, each step's
# fingerprint, which hashes its code and model files), the gold's size (articles; items, the
# confirmed or corrected quotes; ``uncertain``, the unreviewed ones) and the scores.
review_evals = sa.Table(
    "review_evals",
    metadata,
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
    sa.Index("ix_review_evals_created", "created_at", "id"),
)

rejects = sa.Table(
    "rejects",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("code", sa.String(8), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("first_seen", sa.String(32), nullable=False),
    sa.Column("last_seen", sa.String(32), nullable=False),
    sa.Column("count", sa.Integer, nullable=False, default=1),
    sa.UniqueConstraint("source", "code", name="uq_rejects_source_code"),
)

over_budget = sa.Table(
    "over_budget",
    metadata,
    sa.Column("source_key", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("first_seen", sa.String(32), nullable=False),
    sa.Column("last_seen", sa.String(32), nullable=False),
    sa.Column("count", sa.Integer, nullable=False, default=1),
    sa.PrimaryKeyConstraint("source_key", "content_hash"),
)

# Watchlists: named saved searches (warta.storage.watchlists). ``kind`` is what ``value`` is:
# a text query, an entity (articles naming it), a speaker or an entity quotes are about, an
# outlet or a topic; the optional filters narrow it. ``mark`` is the high-water mark of the
# checks (the newest ``articles.updated_at`` the last check saw); ``seen`` the newest
# ``watch_items.id`` marked as seen on the dashboard.
watchlists = sa.Table(
    "watchlists",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(64), nullable=False, unique=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("date_from", sa.String(10)),
    sa.Column("date_to", sa.String(10)),
    sa.Column("outlet", sa.Text),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("checked_at", sa.String(32)),
    sa.Column("mark", sa.String(32)),
    sa.Column("seen", sa.Integer, nullable=False, default=0),
)

# What a watchlist has reported: one row per (watchlist, article, item), never two. ``item_key``
# is "" for an article, "q:<hash of the quote's text>" for a quote (a quote keeps its key when
# the article is analysed again and its quotes are renumbered). The shown fields are kept as
# they were found, so that a delivery retried later sends what was found.
watch_items = sa.Table(
    "watch_items",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("watchlist_id", sa.Integer, sa.ForeignKey("watchlists.id", ondelete="CASCADE"), nullable=False),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("item_key", sa.String(48), nullable=False),
    sa.Column("quote_idx", sa.Integer),
    sa.Column("title", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("published", sa.String(32)),
    sa.Column("day", sa.String(10)),
    sa.Column("url", sa.Text),
    sa.Column("quote", sa.Text),
    sa.Column("speaker", sa.Text),
    sa.Column("found_at", sa.String(32), nullable=False),
    sa.UniqueConstraint("watchlist_id", "article_id", "item_key", name="uq_watch_items_item"),
    sa.Index("ix_watch_items_article", "article_id"),
)

# Each found item's delivery on each alert channel ("digest", "webhook", "email") configured
# when it was found: "pending" until sent, "sent" once (never again), "failed" after too many
# attempts. A failed attempt is counted and its error kept; the next check tries again.
watch_deliveries = sa.Table(
    "watch_deliveries",
    metadata,
    sa.Column("item_id", sa.Integer, sa.ForeignKey("watch_items.id", ondelete="CASCADE"), nullable=False),
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("status", sa.String(8), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("last_error", sa.Text),
    sa.Column("updated_at", sa.String(32), nullable=False),
    sa.Column("sent_at", sa.String(32)),
    # Who is sending it now (a check's token) and since when: a check claims the pending
    # deliveries it sends, so that two checks at once never send one twice; a claim older
    # than the claim timeout (a check that died while sending) may be taken over.
    sa.Column("claimed_by", sa.String(32)),
    sa.Column("claimed_at", sa.String(32)),
    sa.PrimaryKeyConstraint("item_id", "channel"),
    sa.Index("ix_watch_deliveries_channel_status", "channel", "status", "item_id"),
)

# The news collector (warta.watch; reads and writes in warta.storage.frontier). Times are
# UTC "YYYY-MM-DDTHH:MM:SS" strings, like the other tables', so they compare as text.
watch_sources = sa.Table(
    "watch_sources",
    metadata,
    sa.Column("name", sa.String(128), primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),  # rss | sitemap | frontpage
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("etag", sa.Text),  # the listing's validators, for a conditional GET
    sa.Column("last_modified", sa.Text),
    sa.Column("last_poll", sa.String(32)),
    sa.Column("last_ok", sa.String(32)),
    sa.Column("last_error", sa.Text),
    sa.Column("polls", sa.Integer, nullable=False, default=0),
    sa.Column("new_articles", sa.Integer, nullable=False, default=0),
    sa.Column("errors", sa.Integer, nullable=False, default=0),
)

watch_urls = sa.Table(
    "watch_urls",
    metadata,
    sa.Column("url", sa.Text, primary_key=True),  # normalised (warta.watch.urls)
    sa.Column("source", sa.String(128), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),  # article | sitemap (a child of an index)
    sa.Column("host", sa.Text, nullable=False),
    sa.Column("state", sa.String(12), nullable=False),  # seen | fetched | failed | forbidden
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("last_error", sa.Text),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("lastmod", sa.String(32)),  # the date the feed or sitemap gives, newest seen
    sa.Column("fetched_lastmod", sa.String(32)),  # ... and the one it had when last fetched
    sa.Column("first_seen", sa.String(32), nullable=False),
    sa.Column("last_fetch", sa.String(32)),
    sa.Column("next_try", sa.String(32)),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="SET NULL")),
    sa.Index("ix_watch_urls_source_state", "source", "state"),
)

watch_hosts = sa.Table(
    "watch_hosts",
    metadata,
    sa.Column("host", sa.Text, primary_key=True),
    sa.Column("requests", sa.Integer, nullable=False, default=0),
    sa.Column("errors", sa.Integer, nullable=False, default=0),
    sa.Column("last_request", sa.String(32)),
    sa.Column("last_error", sa.Text),
    sa.Column("last_error_at", sa.String(32)),
)

# Full-text index (SQLite only). rowid = articles.id; `stems` holds the Sastrawi stems of
# the words whose stem differs from the word, so "investasi" finds "berinvestasi".
FTS_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
    "title, body, stems, tokenize = 'unicode61 remove_diacritics 2')"
)

# Full-text index on PostgreSQL: the same three fields as FTS5, in one weighted tsvector
# (title A, body B, stems C) under a GIN index. The 'simple' configuration: warta gives the
# Indonesian stems itself, as on SQLite. Created only on PostgreSQL (pg_metadata).
pg_metadata = sa.MetaData()

articles_text = sa.Table(
    "articles_text",
    pg_metadata,
    sa.Column("article_id", sa.Integer, sa.ForeignKey(articles.c.id, ondelete="CASCADE"), primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("tsv", postgresql.TSVECTOR, nullable=False),
    # The tsvector's positions (its tokens: title, body and stems), for BM25's length
    # normalisation (warta.storage.queries.text_search); migration 0006.
    sa.Column("tokens", sa.Integer, nullable=False, server_default="0"),
)

# The tokens of a tsvector (``TSV_TOKENS.format(tsv)``): the positions of all its lexemes.
TSV_TOKENS = "(SELECT coalesce(sum(cardinality(u.positions)), 0) FROM unnest({}) u)"

PG_TEXT_INDEX = "CREATE INDEX IF NOT EXISTS ix_articles_text_tsv ON articles_text USING GIN (tsv)"


def compress_tsv_lz4(conn: sa.Connection) -> bool:
    """Keep the tsvectors lz4-compressed (PostgreSQL 14 and later, built with lz4): ranking
    reads every matching article's tsvector, and lz4 unpacks them faster than the default
    pglz. Returns False (and changes nothing) on a server without lz4."""
    try:
        with conn.begin_nested():
            conn.exec_driver_sql("ALTER TABLE articles_text ALTER COLUMN tsv SET COMPRESSION lz4")
    except sa.exc.DBAPIError:
        return False
    return True
