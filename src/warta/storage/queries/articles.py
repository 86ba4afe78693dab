"""Articles: lists with filters and totals, one article's links, outlets, corpus counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from warta.storage.errors import StorageError
from warta.storage.people import candidates
from warta.storage.repository import Store
from warta.storage.text import make_stemmer

from ._sql import Day, Where, add_days
from .records import (
    ArticleItem,
    ArticleLinks,
    ArticlePage,
    CorpusStats,
    CorrectedQuote,
    EntityLink,
    Provenance,
)
from .text_search import full_text, indexed_bodies, make_snippet, parse_query


def _quote_counts(conn: Connection, ids: Sequence[int]) -> dict[int, int]:
    if not ids:
        return {}
    w = Where()
    w.ids("article_id IN ({})", "a", ids)
    rows = conn.execute(
        sa.text(
            f"SELECT article_id, count(*) FROM quotes WHERE NOT rejected AND {w.parts[0]} GROUP BY article_id"
        ),
        w.params,
    )
    return {int(a): int(n) for a, n in rows}


# Offsets past this are refused by the API: deep pages cost a scan and nobody reads them.
MAX_OFFSET = 10_000

_ITEM_COLUMNS = "a.id, a.title, a.outlet, a.published, a.day, a.url, a.word_count, a.topic"


def _item(row: Any, quotes: dict[int, int]) -> ArticleItem:
    return ArticleItem(
        id=int(row.id),
        title=row.title,
        outlet=row.outlet,
        published=row.published,
        day=row.day,
        url=row.url,
        word_count=int(row.word_count or 0),
        topic=row.topic,
        quotes=quotes.get(int(row.id), 0),
    )


def add_outlet(where: Where, column: str, outlet: str | None, store: Store) -> None:
    """Keep rows whose outlet name contains ``outlet`` (any case): the matching names are
    found in the (kept) outlet list, and the rows by the outlet index."""
    if outlet:
        wanted = outlet.casefold()
        names = [o for o, _n in list_outlets(store, limit=100_000) if wanted in o.casefold()]
        where.parts.append(
            f"{column} IN ({', '.join(f':outlet{i}' for i in range(len(names)))})" if names else "0 = 1"
        )
        where.params.update({f"outlet{i}": name for i, name in enumerate(names)})


# -- articles ----------------------------------------------------------------------------


def list_articles(
    store: Store,
    *,
    q: str | None = None,
    outlet: str | None = None,
    date_from: Day = None,
    date_to: Day = None,
    entity_id: int | None = None,
    speaker_id: int | None = None,
    entity: str | None = None,
    speaker: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> ArticlePage:
    """Articles matching the filters, newest first; with ``q``, best BM25 match first.

    Args:
        q: full-text query (words matched with their stems, "quoted phrases"); see
            :mod:`warta.storage.queries.text_search`. Blank means no text condition.
        outlet: part of the outlet name, any case.
        date_from, date_to: publication day bounds, inclusive.
        entity_id, speaker_id: articles naming that entity / quoting that person.
        entity, speaker: the same by name (any entity the name may mean).
        limit, offset: the page.

    Raises:
        StorageError: a text query that the index cannot run.
    """
    where = Where()
    add_days(where, "a.day", date_from, date_to)
    add_outlet(where, "a.outlet", outlet, store)
    parsed = parse_query(q or "")
    with store.connect() as conn:
        # "a.id IN (...)" lets SQLite start from the entity's (or speaker's) few articles.
        if entity_id is not None:
            where.ids(
                "a.id IN (SELECT ae.article_id FROM article_entities ae WHERE ae.entity_id IN ({}))",
                "ent",
                [entity_id],
            )
        if entity:
            where.ids(
                "a.id IN (SELECT ae2.article_id FROM article_entities ae2 WHERE ae2.entity_id IN ({}))",
                "entn",
                candidates(conn, entity),
            )
        if speaker_id is not None:
            where.ids(
                "a.id IN (SELECT sq.article_id FROM quotes sq WHERE sq.speaker_id IN ({}) AND NOT sq.rejected)",
                "spk",
                [speaker_id],
            )
        if speaker:
            where.ids(
                "a.id IN (SELECT sq2.article_id FROM quotes sq2 WHERE sq2.speaker_id IN ({}) AND NOT sq2.rejected)",
                "spkn",
                candidates(conn, speaker, labels=("PER",)),
            )
        params = {**where.params, "limit": int(limit), "offset": int(offset)}
        if parsed.is_empty():
            filters = where.sql(" AND ")
            total = int(
                conn.execute(
                    sa.text(f"SELECT count(*) FROM articles a WHERE 1 = 1{filters}"), params
                ).scalar_one()
            )
            rows = conn.execute(
                sa.text(
                    f"SELECT {_ITEM_COLUMNS} FROM articles a WHERE 1 = 1{filters} "
                    "ORDER BY a.published DESC, a.id DESC LIMIT :limit OFFSET :offset"
                ),
                params,
            ).all()
            quotes = _quote_counts(conn, [int(r.id) for r in rows])
            return ArticlePage(
                total=total, limit=limit, offset=offset, items=[_item(r, quotes) for r in rows]
            )
        stem = make_stemmer()
        text = full_text(store, parsed, stem)
        params.update(text.params)
        filters = where.sql(" AND ")
        base = f"FROM {text.source} WHERE {text.condition}{filters}"
        try:
            if store.is_sqlite:  # FTS5's bm25() refuses a window: count, then rank
                total = int(conn.execute(sa.text(f"SELECT count(*) {base}"), params).scalar_one())
                rows = conn.execute(
                    sa.text(
                        f"SELECT {_ITEM_COLUMNS}, {text.score} AS score {base} "
                        "ORDER BY score, a.id LIMIT :limit OFFSET :offset"
                    ),
                    params,
                ).all()
            else:
                # One pass over the matches ranks and counts them (each tsvector is read
                # once); only the page's rows are then read from the articles table.
                ranked = (
                    f"SELECT a.id AS rid, {text.score} AS score, count(*) OVER () AS total {base} "
                    "ORDER BY score, a.id LIMIT :limit OFFSET :offset"
                )
                rows = conn.execute(
                    sa.text(
                        f"SELECT {_ITEM_COLUMNS}, r.score, r.total FROM ({ranked}) r "
                        "JOIN articles a ON a.id = r.rid ORDER BY r.score, a.id"
                    ),
                    params,
                ).all()
                total = int(rows[0].total) if rows else 0
                if not rows and offset:  # past the last page: count alone
                    total = int(conn.execute(sa.text(f"SELECT count(*) {base}"), params).scalar_one())
        except (sa.exc.OperationalError, sa.exc.ProgrammingError) as exc:
            raise StorageError(f"search failed for {q!r}: {exc.orig}", source=store.name) from exc
        bodies = indexed_bodies(conn, text, [int(r.id) for r in rows])
        quotes = _quote_counts(conn, [int(r.id) for r in rows])
        items = []
        for r in rows:
            item = _item(r, quotes)
            item.score = -float(r.score)
            item.snippet, item.marks = make_snippet(bodies.get(item.id, ""), parsed, stem)
            items.append(item)
        return ArticlePage(total=total, limit=limit, offset=offset, items=items)


def article_item(store: Store, article_id: int) -> ArticleItem | None:
    """One stored article's list entry (title, outlet, dates, counts), None when absent."""
    with store.connect() as conn:
        row = conn.execute(
            sa.text(f"SELECT {_ITEM_COLUMNS} FROM articles a WHERE a.id = :id"), {"id": article_id}
        ).first()
        if row is None:
            return None
        return _item(row, _quote_counts(conn, [article_id]))


def article_count(store: Store) -> int:
    """How many articles the store holds."""
    with store.connect() as conn:
        return int(conn.execute(sa.text("SELECT count(*) FROM articles")).scalar_one())


def article_ids_by_source(store: Store, source_keys: Sequence[str]) -> list[int]:
    """The stored article of each source key (a normalised URL, or file and line), in
    order; 0 for a key the store does not know."""
    out: list[int] = []
    with store.connect() as conn:
        for key in source_keys:
            found = conn.execute(
                sa.text("SELECT article_id FROM article_sources WHERE source_key = :k"), {"k": key}
            ).scalar()
            out.append(int(found) if found is not None else 0)
    return out


def article_provenance(store: Store, article_id: int) -> Provenance | None:
    """Where and when a stored article was seen: its URL, outlet and dates, when the
    store first saw it and last changed it, and every source it came from (oldest first)."""
    with store.connect() as conn:
        row = conn.execute(
            sa.text(
                "SELECT id, url, outlet, published, day, first_seen, updated_at FROM articles WHERE id = :id"
            ),
            {"id": article_id},
        ).first()
        if row is None:
            return None
        sources = [
            str(k)
            for k in conn.execute(
                sa.text(
                    "SELECT source_key FROM article_sources WHERE article_id = :id ORDER BY seen_at, source_key"
                ),
                {"id": article_id},
            ).scalars()
        ]
    return Provenance(
        id=int(row.id),
        url=row.url,
        outlet=row.outlet,
        published=row.published,
        day=row.day,
        first_seen=row.first_seen,
        updated_at=row.updated_at,
        sources=sources,
    )


def latest_articles(store: Store, *, limit: int = 20, outlet: str | None = None) -> list[ArticleItem]:
    """The newest articles (by publication time; undated ones last)."""
    return list_articles(store, outlet=outlet, limit=limit).items


def article_links(store: Store, article_id: int) -> ArticleLinks | None:
    """Corpus entity ids of one stored article's entities and quote speakers (None: no such article)."""
    with store.connect() as conn:
        found = conn.execute(sa.text("SELECT 1 FROM articles WHERE id = :id"), {"id": article_id}).first()
        if found is None:
            return None
        ents = [
            EntityLink(
                idx=int(r.idx),
                entity_id=int(r.entity_id),
                name=r.ename,
                label=r.label,
                mentions=int(r.mentions),
            )
            for r in conn.execute(
                sa.text(
                    "SELECT ae.idx, ae.entity_id, e.name AS ename, ae.label, ae.mentions FROM article_entities ae "
                    "JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id = :id ORDER BY ae.idx"
                ),
                {"id": article_id},
            )
        ]
        speakers: dict[int, int] = {}
        reviewed: list[int] = []
        rejected: list[int] = []
        corrected: dict[int, CorrectedQuote] = {}
        for r in conn.execute(
            sa.text(
                'SELECT idx, speaker_id, speaker_name, anonymous, start, "end", text, reviewed, rejected, '
                "original FROM quotes WHERE article_id = :id ORDER BY idx"
            ),
            {"id": article_id},
        ):
            idx = int(r.idx)
            if r.rejected:
                rejected.append(idx)
            elif r.speaker_id is not None:
                speakers[idx] = int(r.speaker_id)
            if r.reviewed:
                reviewed.append(idx)
            if r.original is not None:
                corrected[idx] = CorrectedQuote(
                    speaker_id=r.speaker_id,
                    speaker_name=r.speaker_name,
                    anonymous=bool(r.anonymous),
                    start=int(r.start),
                    end=int(r.end),
                    text=r.text,
                )
    return ArticleLinks(
        article_id=article_id,
        entities=ents,
        quote_speakers=speakers,
        reviewed=reviewed,
        rejected=rejected,
        corrected=corrected,
    )


def list_outlets(store: Store, *, limit: int = 100) -> list[tuple[str, int]]:
    """Outlets and their article counts, the largest first."""
    return list(store.remember(("outlets", limit), lambda: _list_outlets(store, limit)))


def _list_outlets(store: Store, limit: int) -> list[tuple[str, int]]:
    with store.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT outlet, count(*) AS n FROM articles WHERE outlet IS NOT NULL "
                "GROUP BY outlet ORDER BY n DESC, outlet LIMIT :limit"
            ),
            {"limit": limit},
        )
        return [(str(o), int(n)) for o, n in rows]


def latest_day(store: Store) -> str | None:
    """The corpus's latest publication day (YYYY-MM-DD), None for an empty or undated corpus.

    The newest 0.5 % of dated articles are passed over: a few misdated articles (a year
    off) must not move "this week" of the whole corpus.
    """
    with store.connect() as conn:
        return newest_day(conn)


def newest_day(conn: Connection) -> str | None:
    dated = int(conn.execute(sa.text("SELECT count(day) FROM articles")).scalar_one())
    found = conn.execute(
        sa.text("SELECT day FROM articles WHERE day IS NOT NULL ORDER BY day DESC LIMIT 1 OFFSET :skip"),
        {"skip": dated // 200},
    ).scalar()
    return None if found is None else str(found)


def corpus_stats(store: Store) -> CorpusStats:
    """How big the corpus is, and the days it spans."""
    stats: CorpusStats = store.remember(("stats",), lambda: _corpus_stats(store))
    return stats


def _corpus_stats(store: Store) -> CorpusStats:
    with store.connect() as conn:
        one = conn.execute(
            sa.text(
                "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM entities), "
                "(SELECT count(*) FROM quotes WHERE NOT rejected), (SELECT count(DISTINCT outlet) FROM articles), "
                "(SELECT min(day) FROM articles), (SELECT max(day) FROM articles)"
            )
        ).one()
    return CorpusStats(
        articles=int(one[0]),
        entities=int(one[1]),
        quotes=int(one[2]),
        outlets=int(one[3]),
        first_day=one[4],
        last_day=one[5],
    )
