"""One analysed Article to rows: the article, its parts, its search entry and its signature.

The :class:`Writer` runs inside a transaction that :class:`~.repository.Store` opens.
It finds the row an article already has (same URL, or same content hash) and replaces
its parts (re-applying the reviewers' corrections to the new quotes, see
:mod:`.corrections`), or inserts a new row; it resolves each entity to a corpus-level id (see
:mod:`.people`).
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import msgspec
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from warta.article import Article, Speaker, from_json, to_json
from warta.registry import StepRef

from . import tables as t
from .corrected import apply_corrections
from .dupes import quote_signature, text_signature
from .names import url_key
from .people import EntityResolver
from .text import content_hash, index_stems, make_stemmer, words

__all__ = ["Fingerprint", "Writer", "article_fingerprint", "decode_doc", "encode_doc", "pipeline_hash"]

# zlib level 6: the Article JSON shrinks about 6x; higher levels cost time for little.
_ZLIB_LEVEL = 6


class Fingerprint(msgspec.Struct, frozen=True):
    """What identifies an article before it is analysed.

    ``source_key`` is the normalised URL, or the file (and line) it was read from when
    it has no URL; ``content_hash`` hashes the raw text reduced to its words.
    """

    source_key: str
    url_key: str | None
    content_hash: str
    pipeline: str


def pipeline_hash(steps: Sequence[StepRef]) -> str:
    """The analysis version of the steps (:func:`warta.versions.analysis_version`): warta's
    version, the steps with their options, and the code, models and word lists they read.
    Articles stored under another version are stale, and analysed again."""
    from warta.versions import analysis_version

    return analysis_version(steps)


def article_fingerprint(article: Article, *, pipeline: str) -> Fingerprint:
    """The identity of ``article`` from its raw text and URL (unchanged by the pipeline)."""
    ukey = url_key(article.source.url)
    chash = content_hash(article.raw)
    return Fingerprint(
        source_key=ukey or f"file:{article.source.path or article.id}",
        url_key=ukey,
        content_hash=chash,
        pipeline=pipeline,
    )


# Mentions that name nobody on their own: an unresolved pronoun is no speaker's name.
_PRONOUNS = frozenset({"dia", "ia", "beliau", "mereka", "kami", "kita", "saya", "aku", "dirinya", "pihaknya"})


def _speaker_name(sp: Speaker | None) -> str | None:
    """The name stored for a quote's speaker: the resolved name, or the mention when it names
    someone ("pejabat itu"), never a bare pronoun."""
    if sp is None:
        return None
    if sp.name:
        return sp.name
    if sp.mention is not None and sp.mention.text.lower() not in _PRONOUNS:
        return sp.mention.text
    return sp.description


def encode_doc(article: Article) -> bytes:
    return zlib.compress(to_json(article), _ZLIB_LEVEL)


def decode_doc(data: bytes) -> Article:
    return from_json(zlib.decompress(data))


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S")


_s, _a = t.article_sources.c, t.articles.c
# Statements built once (see people.py).
_BY_SOURCE = sa.select(_s.article_id).where(_s.source_key == sa.bindparam("key"))
_BY_HASH = sa.select(_a.id).where(_a.content_hash == sa.bindparam("hash")).limit(1)


# Bound values in one multi-row INSERT on PostgreSQL (its limit is 65,535).
_MAX_PARAMS = 30_000


def insert_rows(conn: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table``. SQLite runs an executemany
    (in process, cheap). On PostgreSQL each row of an executemany is a round trip, and
    SQLAlchemy compiles a multi-row INSERT anew for every row count, so the rows go as one
    multi-row INSERT written here (quoted column names, values bound by the driver), a
    statement per 30,000 bound values."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(table.insert(), rows)
        return
    columns = list(rows[0])
    quote = conn.dialect.identifier_preparer.quote
    head = f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) VALUES "
    one = "(" + ", ".join(["%s"] * len(columns)) + ")"
    step = max(1, _MAX_PARAMS // len(columns))
    for i in range(0, len(rows), step):
        chunk = rows[i : i + step]
        params = tuple(row[c] for row in chunk for c in columns)
        conn.exec_driver_sql(head + ", ".join([one] * len(chunk)), params)


class Writer:
    """Writes articles; keeps the entity resolver's caches between batches."""

    def __init__(self) -> None:
        self.resolver = EntityResolver()
        self._stem = make_stemmer()
        # The row the last write_article wrote (for callers that link other rows to it).
        self.last_id: int | None = None

    def write_article(self, conn: Connection, article: Article, fp: Fingerprint) -> bool:
        """Insert or update ``article``; True when a new row was inserted."""
        a = t.articles.c
        row_id = self._find(conn, fp)
        published = article.published.value
        day = published.date().isoformat() if published else None
        now = _now()
        values: dict[str, Any] = {
            "content_hash": fp.content_hash,
            "doc_id": article.id,
            "url": article.source.url,
            "outlet": article.source.outlet or article.source.site,
            "title": article.title,
            "published": published.isoformat() if published else None,
            "day": day,
            "published_method": article.published.method,
            "word_count": article.word_count,
            "topic": article.topic.label if article.topic else None,
            "topic_score": article.topic.score if article.topic else None,
            "source_path": article.source.path,
            "pipeline": fp.pipeline,
            "updated_at": now,
            "minhash": text_signature(article.text or article.raw).tobytes(),
            "doc": encode_doc(article),
        }
        inserted = row_id is None
        if row_id is None:
            key = fp.url_key or f"sha1:{fp.content_hash}"
            row_id = int(
                conn.execute(
                    t.articles.insert().values(key=key, first_seen=now, **values).returning(a.id)
                ).scalar_one()
            )
        else:
            conn.execute(t.articles.update().where(a.id == row_id).values(**values))
            self._delete_parts(conn, row_id)
        self._add_source(conn, row_id, article, fp, now)
        self._write_parts(conn, row_id, article, day)
        # Reviewers' corrections outlive the rewritten parts: found again and re-applied; the
        # entity corrections (a merge, another type) hold for new articles too.
        apply_corrections(conn, row_id, article, rewritten=not inserted)
        self.last_id = row_id
        return inserted

    def _find(self, conn: Connection, fp: Fingerprint) -> int | None:
        """The row of the same page (URL or file) or, failing that, of the same content."""
        found = conn.execute(_BY_SOURCE, {"key": fp.source_key}).scalar()
        if found is None:
            found = conn.execute(_BY_HASH, {"hash": fp.content_hash}).scalar()
        return None if found is None else int(found)

    def _add_source(self, conn: Connection, row_id: int, article: Article, fp: Fingerprint, now: str) -> None:
        s = t.article_sources.c
        owner = conn.execute(_BY_SOURCE, {"key": fp.source_key}).scalar()
        published = article.published.value.isoformat() if article.published.value else None
        if owner is None:
            conn.execute(
                t.article_sources.insert().values(
                    article_id=row_id,
                    source_key=fp.source_key,
                    url=article.source.url,
                    outlet=article.source.outlet or article.source.site,
                    published=published,
                    seen_at=now,
                )
            )
        elif owner != row_id:
            # The page now holds other content that is already stored: point it there.
            conn.execute(
                t.article_sources.update().where(s.source_key == fp.source_key).values(article_id=row_id)
            )

    def _delete_parts(self, conn: Connection, row_id: int) -> None:
        for table in (t.quote_entities, t.quotes, t.article_entities, t.roles, t.timexes, t.keywords):
            conn.execute(table.delete().where(table.c.article_id == row_id))
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("DELETE FROM articles_fts WHERE rowid = ?", (row_id,))
        elif conn.dialect.name == "postgresql":
            conn.execute(t.articles_text.delete().where(t.articles_text.c.article_id == row_id))

    def _write_parts(self, conn: Connection, row_id: int, article: Article, day: str | None) -> None:
        ids = self.resolver.resolve_article(conn, article)
        if article.entities:
            rows = []
            for i, ent in enumerate(article.entities):
                starts = [article.mentions[m].start for m in ent.mentions if m < len(article.mentions)]
                rows.append(
                    {
                        "article_id": row_id,
                        "idx": i,
                        "entity_id": ids[i],
                        "name": ent.name,
                        "label": ent.label,
                        "mentions": max(len(ent.mentions), 1),
                        "first_start": min(starts) if starts else None,
                    }
                )
            insert_rows(conn, t.article_entities, rows)
            role_rows = [
                {"article_id": row_id, "entity_id": ids[i], "role": role.text, "day": day}
                for i, ent in enumerate(article.entities)
                for role in {r.text: r for r in ent.roles}.values()
            ]
            if role_rows:
                insert_rows(conn, t.roles, role_rows)
        self._write_quotes(conn, row_id, article, ids, day)
        if article.timexes:
            insert_rows(
                conn,
                t.timexes,
                [
                    {
                        "article_id": row_id,
                        "idx": i,
                        "start": x.start,
                        "end": x.end,
                        "text": x.text,
                        "type": x.type,
                        "value": x.value,
                    }
                    for i, x in enumerate(article.timexes)
                ],
            )
        if article.keywords:
            insert_rows(
                conn,
                t.keywords,
                [
                    {"article_id": row_id, "idx": i, "text": k.text, "score": k.score}
                    for i, k in enumerate(article.keywords)
                ],
            )
        body = article.text or article.raw
        title = article.title or ""
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql(
                "INSERT INTO articles_fts(rowid, title, body, stems) VALUES (?, ?, ?, ?)",
                (row_id, title, body, index_stems(f"{title}\n{body}", self._stem)),
            )
        elif conn.dialect.name == "postgresql":
            # The same words as FTS5 reads (warta.storage.text.words), weighted by field.
            conn.execute(
                sa.text(
                    "INSERT INTO articles_text (article_id, title, body, tsv, tokens) "
                    f"SELECT :id, :title, :body, v.tsv, {t.TSV_TOKENS.format('v.tsv')} FROM (SELECT "
                    "setweight(to_tsvector('simple', :tw), 'A') || setweight(to_tsvector('simple', :bw), 'B') "
                    "|| setweight(to_tsvector('simple', :sw), 'C') AS tsv) v"
                ),
                {
                    "id": row_id,
                    "title": title,
                    "body": body,
                    "tw": " ".join(words(title)),
                    "bw": " ".join(words(body)),
                    "sw": index_stems(f"{title}\n{body}", self._stem),
                },
            )

    def _write_quotes(
        self, conn: Connection, row_id: int, article: Article, ids: list[int], day: str | None
    ) -> None:
        if not article.quotes:
            return
        rows = []
        about: list[dict[str, int]] = []
        for i, q in enumerate(article.quotes):
            sp = q.speaker
            speaker_id: int | None = None
            if sp is not None and sp.entity is not None and 0 <= sp.entity < len(ids):
                speaker_id = ids[sp.entity]
            elif sp is not None and sp.name and not sp.anonymous:
                speaker_id = self.resolver.lookup_person(conn, sp.name)
            rows.append(
                {
                    "article_id": row_id,
                    "idx": i,
                    "kind": q.kind,
                    "text": q.text,
                    "start": q.start,
                    "end": q.end,
                    "cue": q.cue.text if q.cue else None,
                    "speaker_name": _speaker_name(sp),
                    "speaker_id": speaker_id,
                    "anonymous": bool(sp and sp.anonymous),
                    "speaker_description": sp.description if sp else None,
                    "day": day,
                    "confidence": q.confidence,
                    "repeat_of": q.repeat_of,
                    "minhash": (sig.tobytes() if (sig := quote_signature(q.text)) is not None else None),
                }
            )
            inside = {
                ids[m.entity]
                for m in article.mentions
                if m.entity is not None and m.entity < len(ids) and q.start <= m.start and m.end <= q.end
            }
            about.extend({"article_id": row_id, "quote_idx": i, "entity_id": e} for e in sorted(inside))
        insert_rows(conn, t.quotes, rows)
        if about:
            insert_rows(conn, t.quote_entities, about)
