"""Queries for the API and the dashboard, over a :class:`~warta.storage.Store`.

The store layer answers one question per function (a search, one entity's profile by
name, quotes by speaker). The web needs others: lists with totals and offsets, things
looked up by their corpus id, and small aggregates for a dashboard (who is quoted most
this week, which names are rising, one entity's day-by-day timeline, its co-mention
network, quotes per outlet). They live here, each one a few SQL statements that the
indexes answer (the schema's, migration 0003), never a loop over every row in Python.

Every function takes the store first and returns msgspec structs (encode them with
``msgspec.json.encode``). Dates are ``YYYY-MM-DD`` strings or :class:`datetime.date`;
Windows of recent days ("this week") end on the day given (``end``), by default today: the
app passes its ``as_of`` setting, so an archive can be browsed as of its time.

Example:
    >>> with Store.open("warta.db") as store:  # doctest: +SKIP
    ...     page = list_articles(store, outlet="kompas", limit=10)
    ...     page.total, [a.title for a in page.items]
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any, Literal

import msgspec
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from warta.article import REVIEW_BELOW
from warta.storage import Store
from warta.storage.errors import StorageError
from warta.storage.names import name_key
from warta.storage.people import candidates, entity_key
from warta.storage.profiles import EntityProfile, QuoteRow, RoleSeen
from warta.storage.recycled import Cluster, find_recycled, find_stories
from warta.storage.search import full_text, indexed_bodies, make_snippet, parse_query
from warta.storage.text import make_stemmer

__all__ = [
    "MAX_OFFSET",
    "ArticleItem",
    "ArticleLinks",
    "ArticlePage",
    "ClusterPage",
    "CorpusStats",
    "EntityHit",
    "EntityLink",
    "EntityPage",
    "Network",
    "NetworkEdge",
    "NetworkNode",
    "OutletCount",
    "QuotePage",
    "RisingEntity",
    "SpeakerCount",
    "TimelinePoint",
    "article_links",
    "corpus_stats",
    "duplicate_clusters",
    "entity_network",
    "entity_profile_by_id",
    "entity_timeline",
    "latest_articles",
    "latest_day",
    "list_articles",
    "list_outlets",
    "quote_page",
    "quotes_by_outlet",
    "rising_entities",
    "search_entities",
    "top_speakers",
    "warm_up",
]

# Offsets past this are refused by the API: deep pages cost a scan and nobody reads them.
MAX_OFFSET = 10_000

Day = date | str | None


# -- records -----------------------------------------------------------------------------


class ArticleItem(msgspec.Struct):
    """One article in a list. ``score``, ``snippet`` and ``marks`` are set for a text search
    (``marks``: ``(start, end)`` offsets of the query words in ``snippet``)."""

    id: int
    title: str | None
    outlet: str | None
    published: str | None
    day: str | None
    url: str | None
    word_count: int
    topic: str | None
    quotes: int
    score: float | None = None
    snippet: str | None = None
    marks: list[tuple[int, int]] = msgspec.field(default_factory=list)


class ArticlePage(msgspec.Struct):
    """A page of articles: ``total`` matches in all, ``items`` from ``offset`` on."""

    total: int
    limit: int
    offset: int
    items: list[ArticleItem]


class EntityLink(msgspec.Struct):
    """Entity ``idx`` of an Article (``Article.entities[idx]``) is corpus entity ``entity_id``."""

    idx: int
    entity_id: int
    name: str
    label: str
    mentions: int


class ArticleLinks(msgspec.Struct):
    """Corpus ids for the parts of one stored article, to link them to their pages.

    ``quote_speakers`` maps a quote (``Article.quotes[idx]``) to its speaker's entity id
    (only for quotes whose speaker is a known person).
    """

    article_id: int
    entities: list[EntityLink]
    quote_speakers: dict[int, int]


class EntityHit(msgspec.Struct):
    id: int
    name: str
    label: str
    articles: int


class EntityPage(msgspec.Struct):
    total: int
    limit: int
    offset: int
    items: list[EntityHit]


class QuotePage(msgspec.Struct):
    """A page of quotes, newest first (``total`` is the number of matching quotes)."""

    total: int
    limit: int
    offset: int
    items: list[QuoteRow]


class SpeakerCount(msgspec.Struct):
    """A person and how often they were quoted (``quotes``), in how many articles."""

    entity_id: int
    name: str
    quotes: int
    articles: int


class RisingEntity(msgspec.Struct):
    """An entity mentioned more in the recent window than in the one before it.

    ``recent`` and ``previous`` count articles; ``ratio`` is (recent + 1) / (previous + 1).
    """

    entity_id: int
    name: str
    label: str
    recent: int
    previous: int
    ratio: float


class TimelinePoint(msgspec.Struct):
    """One day of an entity: ``mentions`` (sum over articles), ``articles``, ``quotes`` it gave."""

    day: str
    mentions: int
    articles: int
    quotes: int


class NetworkNode(msgspec.Struct):
    id: int
    name: str
    label: str
    articles: int


class NetworkEdge(msgspec.Struct):
    """Two entities named in ``weight`` of the same articles."""

    source: int
    target: int
    weight: int


class Network(msgspec.Struct):
    """A co-mention network: the centre (when one was asked for) and its neighbours."""

    center: int | None
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class OutletCount(msgspec.Struct):
    outlet: str
    quotes: int
    articles: int


class CorpusStats(msgspec.Struct):
    articles: int
    entities: int
    quotes: int
    outlets: int
    first_day: str | None
    last_day: str | None


class ClusterPage(msgspec.Struct):
    """A page of duplicate clusters (largest first); ``total`` clusters in all."""

    total: int
    limit: int
    offset: int
    items: list[Cluster]


# -- indexes -----------------------------------------------------------------------------

# The schema's narrow articles index (migration 0003) lets a join read an article's day and
# outlet without touching its row, which holds the compressed Article (SQLite then reads one
# small index page, not a big row). SQLite's planner needs telling.
_NARROW = "ix_articles_narrow"


def _articles(conn: Connection, store: Store, alias: str = "a") -> str:
    """``articles <alias>`` for a join that reads only id, day and outlet: through the
    narrow index on SQLite."""
    return f"articles {alias} INDEXED BY {_NARROW}" if store.is_sqlite else f"articles {alias}"


# Corpus-wide aggregates (the home page's) are kept until the store changes.
_MEMO: dict[tuple[Any, ...], Any] = {}
_MEMO_LOCK = threading.Lock()
_MEMO_SIZE = 256


def _store_version(conn: Connection) -> tuple[Any, ...]:
    """Changes whenever an article is added, updated or removed."""
    # Three index lookups (one statement over all three would scan).
    return tuple(
        conn.execute(
            sa.text(
                "SELECT (SELECT count(*) FROM articles), (SELECT max(id) FROM articles), "
                "(SELECT max(updated_at) FROM articles)"
            )
        ).one()
    )


def _memo(store: Store, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
    with store.connect() as conn:
        full = (store.name, id(store), _store_version(conn), *key)
    with _MEMO_LOCK:
        if full in _MEMO:
            return _MEMO[full]
    value = compute()
    with _MEMO_LOCK:
        if len(_MEMO) >= _MEMO_SIZE:
            _MEMO.pop(next(iter(_MEMO)))
        _MEMO[full] = value
    return value


# -- helpers -----------------------------------------------------------------------------


def _iso(day: Day) -> str | None:
    if day is None:
        return None
    return day.isoformat() if isinstance(day, date) else str(day)


class _Where:
    """SQL conditions and their bound values, built up one filter at a time."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: dict[str, Any] = {}

    def add(self, sql: str, **params: Any) -> None:
        self.parts.append(sql)
        self.params.update(params)

    def ids(self, template: str, prefix: str, values: Sequence[int]) -> None:
        """``template`` with ``{}`` replaced by bound ids (no ids: matches nothing)."""
        if not values:
            self.parts.append("0 = 1")
            return
        names = []
        for i, v in enumerate(values):
            self.params[f"{prefix}{i}"] = int(v)
            names.append(f":{prefix}{i}")
        self.parts.append(template.format(", ".join(names)))

    def sql(self, lead: str = " AND ") -> str:
        return "".join(f"{lead}{p}" for p in self.parts)


def _days(where: _Where, column: str, date_from: Day, date_to: Day) -> None:
    if date_from is not None:
        where.add(f"{column} >= :date_from", date_from=_iso(date_from))
    if date_to is not None:
        where.add(f"{column} <= :date_to", date_to=_iso(date_to))


def _outlet(where: _Where, column: str, outlet: str | None, store: Store) -> None:
    """Keep rows whose outlet name contains ``outlet`` (any case): the matching names are
    found in the (kept) outlet list, and the rows by the outlet index."""
    if outlet:
        wanted = outlet.casefold()
        names = [o for o, _n in list_outlets(store, limit=100_000) if wanted in o.casefold()]
        where.parts.append(
            f"{column} IN ({', '.join(f':outlet{i}' for i in range(len(names)))})" if names else "0 = 1"
        )
        where.params.update({f"outlet{i}": name for i, name in enumerate(names)})


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _quote_counts(conn: Connection, ids: Sequence[int]) -> dict[int, int]:
    if not ids:
        return {}
    w = _Where()
    w.ids("article_id IN ({})", "a", ids)
    rows = conn.execute(
        sa.text(f"SELECT article_id, count(*) FROM quotes WHERE {w.parts[0]} GROUP BY article_id"), w.params
    )
    return {int(a): int(n) for a, n in rows}


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
            :mod:`warta.storage.search`. Blank means no text condition.
        outlet: part of the outlet name, any case.
        date_from, date_to: publication day bounds, inclusive.
        entity_id, speaker_id: articles naming that entity / quoting that person.
        entity, speaker: the same by name (any entity the name may mean).
        limit, offset: the page.

    Raises:
        StorageError: a text query that the index cannot run.
    """
    where = _Where()
    _days(where, "a.day", date_from, date_to)
    _outlet(where, "a.outlet", outlet, store)
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
                "a.id IN (SELECT sq.article_id FROM quotes sq WHERE sq.speaker_id IN ({}))",
                "spk",
                [speaker_id],
            )
        if speaker:
            where.ids(
                "a.id IN (SELECT sq2.article_id FROM quotes sq2 WHERE sq2.speaker_id IN ({}))",
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
        params["match"] = text.match
        filters = where.sql(" AND ")
        base = f"FROM {text.source} WHERE {text.condition}{filters}"
        try:
            total = int(conn.execute(sa.text(f"SELECT count(*) {base}"), params).scalar_one())
            rows = conn.execute(
                sa.text(
                    f"SELECT {_ITEM_COLUMNS}, {text.score} AS score {base} "
                    "ORDER BY score, a.id LIMIT :limit OFFSET :offset"
                ),
                params,
            ).all()
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
        speakers = {
            int(i): int(s)
            for i, s in conn.execute(
                sa.text(
                    "SELECT idx, speaker_id FROM quotes WHERE article_id = :id AND speaker_id IS NOT NULL"
                ),
                {"id": article_id},
            )
        }
    return ArticleLinks(article_id=article_id, entities=ents, quote_speakers=speakers)


def list_outlets(store: Store, *, limit: int = 100) -> list[tuple[str, int]]:
    """Outlets and their article counts, the largest first."""
    return list(_memo(store, ("outlets", limit), lambda: _list_outlets(store, limit)))


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
        return _latest_day(conn)


def _latest_day(conn: Connection) -> str | None:
    dated = int(conn.execute(sa.text("SELECT count(day) FROM articles")).scalar_one())
    found = conn.execute(
        sa.text("SELECT day FROM articles WHERE day IS NOT NULL ORDER BY day DESC LIMIT 1 OFFSET :skip"),
        {"skip": dated // 200},
    ).scalar()
    return None if found is None else str(found)


def corpus_stats(store: Store) -> CorpusStats:
    """How big the corpus is, and the days it spans."""
    stats: CorpusStats = _memo(store, ("stats",), lambda: _corpus_stats(store))
    return stats


def _corpus_stats(store: Store) -> CorpusStats:
    with store.connect() as conn:
        one = conn.execute(
            sa.text(
                "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM entities), "
                "(SELECT count(*) FROM quotes), (SELECT count(DISTINCT outlet) FROM articles), "
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


# -- entities ----------------------------------------------------------------------------

_LABELS = ("PER", "ORG", "LOC", "EVT", "MISC")
# Name matches looked at when ranking an entity search (the most common names win).
_ENTITY_CANDIDATES = 2000


def search_entities(
    store: Store, q: str = "", *, label: str | None = None, limit: int = 20, offset: int = 0
) -> EntityPage:
    """Entities whose name (or a name they were called) starts with ``q`` or, for ``q`` of
    three letters or more, has a later word starting with it; exact names first, then the
    most written about. A blank ``q`` lists all entities.

    ``total`` counts the matching entities (at most 2,000 are ranked).
    """
    labels = [label] if label else list(_LABELS)
    key = name_key(q, "ORG")
    pkey = entity_key(q, "PER") if q.strip() else ""
    with store.connect() as conn:
        where = _Where()
        where.params.update({f"lab{i}": lab for i, lab in enumerate(labels)})
        label_sql = "e.label IN ({})".format(", ".join(f":lab{i}" for i in range(len(labels))))
        if not key:
            listed: EntityPage = _memo(
                store,
                ("entities", label, limit, offset),
                lambda: _all_entities(store, label_sql, where.params, limit, offset),
            )
            return listed
        params = {
            **where.params,
            "k": key,
            "pk": pkey,
            "hi": key + "\uffff",
            "phi": pkey + "\uffff",
            "word": f"% {_like(key)}%",
            "cap": _ENTITY_CANDIDATES,
        }
        # Names starting with the query (index ranges); a later word of a name starting with
        # it only for queries of three letters or more (that one reads every name).
        inner = (
            "SELECT entity_id FROM entity_aliases WHERE (alias >= :k AND alias < :hi) OR (alias >= :pk AND alias < :phi) "
            "UNION SELECT id FROM entities WHERE key >= :pk AND key < :phi"
        )
        if len(key) >= 3:
            inner += " UNION SELECT id FROM entities WHERE key LIKE :word ESCAPE '\\'"
        rows = conn.execute(
            sa.text(
                f"SELECT e.id, e.name, e.label, e.key FROM entities e WHERE e.id IN (SELECT DISTINCT u.entity_id FROM ({inner}) u "
                f"LIMIT :cap) AND {label_sql}"
            ),
            params,
        ).all()
    counts = _entity_articles(store)
    exact = {key, pkey}
    ranked = sorted(rows, key=lambda r: (r.key not in exact, -counts.get(int(r.id), 0), int(r.id)))
    page = ranked[offset : offset + limit]
    return EntityPage(
        total=len(ranked),
        limit=limit,
        offset=offset,
        items=[
            EntityHit(id=int(r.id), name=r.name, label=r.label, articles=counts.get(int(r.id), 0))
            for r in page
        ],
    )


def _entity_articles(store: Store) -> dict[int, int]:
    """Articles per entity, for ranking name matches (kept until the store changes)."""

    def compute() -> dict[int, int]:
        with store.connect() as conn:
            return {
                int(e): int(n)
                for e, n in conn.execute(
                    sa.text("SELECT entity_id, count(*) FROM article_entities GROUP BY entity_id")
                )
            }

    counts: dict[int, int] = _memo(store, ("entity_articles",), compute)
    return counts


def _all_entities(
    store: Store, label_sql: str, params: dict[str, Any], limit: int, offset: int
) -> EntityPage:
    with store.connect() as conn:
        total = int(
            conn.execute(sa.text(f"SELECT count(*) FROM entities e WHERE {label_sql}"), params).scalar_one()
        )
        rows = conn.execute(
            sa.text(
                "SELECT e.id, e.name, e.label, count(ae.article_id) AS n FROM entities e "
                "JOIN article_entities ae ON ae.entity_id = e.id "
                f"WHERE {label_sql} GROUP BY e.id ORDER BY n DESC, e.id LIMIT :limit OFFSET :offset"
            ),
            {**params, "limit": limit, "offset": offset},
        ).all()
        return EntityPage(
            total=total,
            limit=limit,
            offset=offset,
            items=[EntityHit(id=int(r.id), name=r.name, label=r.label, articles=int(r.n)) for r in rows],
        )


# Co-mentions of an entity are counted over its latest articles (by id, i.e. as stored):
# enough to rank its neighbours, and a bound on the work for "Indonesia" or "Jakarta".
CO_MENTION_ARTICLES = 1000


def _latest_of(entity: str = ":id") -> str:
    return (
        f"SELECT DISTINCT article_id FROM article_entities WHERE entity_id = {entity} "
        f"ORDER BY article_id DESC LIMIT {CO_MENTION_ARTICLES}"
    )


def entity_profile_by_id(
    store: Store, entity_id: int, *, top: int = 10, quotes: int = 10
) -> EntityProfile | None:
    """The profile of corpus entity ``entity_id`` (see :class:`warta.storage.profiles.EntityProfile`).

    ``articles``, ``mentions``, ``by_outlet``, ``by_day`` and ``roles`` count the whole
    corpus; ``co_mentioned`` counts the entity's latest 1,000 articles
    (:data:`CO_MENTION_ARTICLES`). ``other_candidates`` lists other entities that share
    its name or an alias (``(id, name, label, articles)``); ``latest_quotes`` holds up
    to ``quotes`` of its quotes, newest first.
    """
    with store.connect() as conn:
        ent = conn.execute(
            sa.text("SELECT id, name, label, key FROM entities WHERE id = :id"), {"id": entity_id}
        ).first()
        if ent is None:
            return None
        p = {"id": entity_id, "top": top}
        arts = _articles(conn, store)
        n_articles, mentions = conn.execute(
            sa.text(
                "SELECT count(DISTINCT article_id), coalesce(sum(mentions), 0) FROM article_entities WHERE entity_id = :id"
            ),
            p,
        ).one()
        outlet_n: dict[str, int] = {}
        day_n: dict[str, int] = {}
        for day, outlet, n in conn.execute(
            sa.text(
                "SELECT a.day, a.outlet, sum(ae.mentions) FROM article_entities ae "
                f"JOIN {arts} ON a.id = ae.article_id WHERE ae.entity_id = :id GROUP BY a.day, a.outlet"
            ),
            p,
        ):
            key = str(outlet) if outlet is not None else "(unknown)"
            outlet_n[key] = outlet_n.get(key, 0) + int(n)
            if day is not None:
                day_n[str(day)] = day_n.get(str(day), 0) + int(n)
        by_outlet = sorted(outlet_n.items(), key=lambda x: (-x[1], x[0]))[:top]
        roles = [
            RoleSeen(role=r.role, count=int(r.n), first_day=r.first, last_day=r.last)
            for r in conn.execute(
                sa.text(
                    "SELECT role, count(*) AS n, min(day) AS first, max(day) AS last FROM roles WHERE entity_id = :id "
                    "GROUP BY role ORDER BY n DESC, role LIMIT :top"
                ),
                p,
            )
        ]
        co = conn.execute(
            sa.text(
                "SELECT e.name, e.label, c.n FROM ("
                "  SELECT o.entity_id AS eid, count(DISTINCT o.article_id) AS n "
                f"  FROM ({_latest_of()}) mine JOIN article_entities o ON o.article_id = mine.article_id "
                "  WHERE o.entity_id != :id GROUP BY o.entity_id ORDER BY n DESC, o.entity_id LIMIT :top"
                ") c JOIN entities e ON e.id = c.eid ORDER BY c.n DESC, e.id"
            ),
            p,
        ).all()
        aliases = conn.execute(
            sa.text(
                "SELECT alias, count FROM entity_aliases WHERE entity_id = :id ORDER BY count DESC, alias LIMIT :top"
            ),
            p,
        ).all()
        others = [i for i in candidates(conn, ent.name, (str(ent.label),)) if i != entity_id][:top]
        other_rows: list[tuple[int, str, str, int]] = []
        if others:
            w = _Where()
            w.ids("e.id IN ({})", "o", others)
            other_rows = [
                (int(r.id), str(r.name), str(r.label), int(r.n))
                for r in conn.execute(
                    sa.text(
                        "SELECT e.id, e.name, e.label, (SELECT count(*) FROM article_entities x WHERE x.entity_id = e.id) AS n "
                        f"FROM entities e WHERE {w.parts[0]} ORDER BY n DESC, e.id"
                    ),
                    w.params,
                )
            ]
        latest = _quote_rows(conn, "q.speaker_id = :sid", {"sid": entity_id}, limit=quotes, offset=0)
    return EntityProfile(
        id=int(ent.id),
        name=str(ent.name),
        label=str(ent.label),
        articles=int(n_articles),
        mentions=int(mentions),
        aliases=[(str(x), int(n)) for x, n in aliases],
        by_outlet=by_outlet,
        by_day=sorted(day_n.items()),
        roles=roles,
        co_mentioned=[(str(x), str(lab), int(n)) for x, lab, n in co],
        latest_quotes=latest,
        other_candidates=other_rows,
    )


def entity_timeline(
    store: Store, entity_id: int, *, date_from: Day = None, date_to: Day = None
) -> list[TimelinePoint]:
    """Day by day: the entity's mentions, the articles naming it and the quotes it gave.

    Only days with a mention or a quote are listed, in order.
    """
    w = _Where()
    _days(w, "a.day", date_from, date_to)
    qw = _Where()
    _days(qw, "q.day", date_from, date_to)
    params = {"id": entity_id, **w.params}
    with store.connect() as conn:
        arts = _articles(conn, store)
        mentions = conn.execute(
            sa.text(
                f"SELECT a.day, sum(ae.mentions), count(DISTINCT ae.article_id) FROM article_entities ae JOIN {arts} "
                f"ON a.id = ae.article_id WHERE ae.entity_id = :id AND a.day IS NOT NULL{w.sql()} GROUP BY a.day"
            ),
            params,
        ).all()
        quotes = conn.execute(
            sa.text(
                f"SELECT q.day, count(*) FROM quotes q WHERE q.speaker_id = :id AND q.day IS NOT NULL{qw.sql()} GROUP BY q.day"
            ),
            params,
        ).all()
    points: dict[str, TimelinePoint] = {}
    for day, m, n in mentions:
        points[str(day)] = TimelinePoint(day=str(day), mentions=int(m or 0), articles=int(n), quotes=0)
    for day, n in quotes:
        point = points.setdefault(str(day), TimelinePoint(day=str(day), mentions=0, articles=0, quotes=0))
        point.quotes = int(n)
    return [points[d] for d in sorted(points)]


# The corpus network looks at most this many of the window's latest articles.
NETWORK_ARTICLES = 3000


def entity_network(
    store: Store,
    entity_id: int | None = None,
    *,
    date_from: Day = None,
    date_to: Day = None,
    limit: int = 25,
    min_weight: int = 1,
) -> Network:
    """A co-mention network: nodes with the number of articles (in scope) naming them,
    edges with the number of articles (in scope) naming both.

    With ``entity_id``, the scope is that entity's articles (within the dates, its latest
    1,000): the entity, the ``limit`` entities named most often with it, and the edges
    among all of them. Without, the scope is the articles within the dates (default: the
    corpus's latest 30 days; its latest 3,000 articles): the ``limit`` entities in most of
    them and their edges. Edges lighter than ``min_weight`` articles are left out.
    """
    with store.connect() as conn:
        if entity_id is None:
            network: Network = _memo(
                store,
                ("network", _iso(date_from), _iso(date_to), limit, min_weight),
                lambda: _corpus_network(store, date_from, date_to, limit, min_weight),
            )
            return network
        w = _Where()
        _days(w, "a.day", date_from, date_to)
        arts = _articles(conn, store)
        params: dict[str, Any] = {**w.params, "id": entity_id, "limit": limit, "minw": min_weight}
        scope = (
            f"SELECT DISTINCT ae.article_id FROM article_entities ae JOIN {arts} ON a.id = ae.article_id "
            f"WHERE ae.entity_id = :id{w.sql()} ORDER BY ae.article_id DESC LIMIT {CO_MENTION_ARTICLES}"
        )
        return _network(conn, scope, params, center=entity_id)


def _corpus_network(store: Store, date_from: Day, date_to: Day, limit: int, min_weight: int) -> Network:
    with store.connect() as conn:
        if date_from is None and date_to is None:
            last = _latest_day(conn)
            if last is not None:
                date_from = _days_before(date.fromisoformat(last), 29)
        w = _Where()
        _days(w, "a.day", date_from, date_to)
        scope = f"SELECT a.id AS article_id FROM articles a WHERE 1 = 1{w.sql()} ORDER BY a.id DESC LIMIT {NETWORK_ARTICLES}"
        return _network(conn, scope, {**w.params, "limit": limit, "minw": min_weight}, center=None)


def _network(conn: Connection, scope: str, params: dict[str, Any], *, center: int | None) -> Network:
    """Nodes and edges within the articles ``scope`` selects (a column ``article_id``)."""
    rows = conn.execute(
        sa.text(
            f"SELECT o.entity_id, count(DISTINCT o.article_id) AS n FROM ({scope}) s "
            "JOIN article_entities o ON o.article_id = s.article_id "
            + ("WHERE o.entity_id != :id " if center is not None else "")
            + "GROUP BY o.entity_id ORDER BY n DESC, o.entity_id LIMIT :limit"
        ),
        params,
    ).all()
    counts = {int(r[0]): int(r[1]) for r in rows}
    ids = list(counts)
    if center is not None:
        total = conn.execute(sa.text(f"SELECT count(*) FROM ({scope}) s"), params).scalar_one()
        counts[center] = int(total)
        ids = [center, *ids]
    if not ids:
        return Network(center=center, nodes=[], edges=[])
    nw = _Where()
    nw.params.update(params)
    nw.ids("{}", "n", ids)
    id_list = nw.parts[0]
    names = {
        int(r.id): (str(r.name), str(r.label))
        for r in conn.execute(
            sa.text(f"SELECT id, name, label FROM entities WHERE id IN ({id_list})"), nw.params
        )
    }
    nodes = [
        NetworkNode(id=i, name=names[i][0], label=names[i][1], articles=counts[i]) for i in ids if i in names
    ]
    edges = [
        NetworkEdge(source=int(a), target=int(b), weight=int(n))
        for a, b, n in conn.execute(
            sa.text(
                f"SELECT x.entity_id, y.entity_id, count(DISTINCT x.article_id) AS n FROM ({scope}) s "
                f"JOIN article_entities x ON x.article_id = s.article_id AND x.entity_id IN ({id_list}) "
                f"JOIN article_entities y ON y.article_id = s.article_id AND y.entity_id IN ({id_list}) "
                "AND y.entity_id > x.entity_id "
                "GROUP BY x.entity_id, y.entity_id HAVING count(DISTINCT x.article_id) >= :minw"
            ),
            nw.params,
        )
    ]
    edges.sort(key=lambda e: (-e.weight, e.source, e.target))
    return Network(center=center, nodes=nodes, edges=edges)


def rising_entities(
    store: Store,
    *,
    end: Day = None,
    days: int = 7,
    limit: int = 10,
    label: str | None = None,
    min_recent: int = 2,
) -> list[RisingEntity]:
    """Entities named in more articles in the ``days`` up to ``end`` (default: today) than in
    the ``days`` before, the steepest rise first.

    An entity needs ``min_recent`` articles in the recent window to count.
    """
    return list(
        _memo(
            store,
            ("rising", _iso(_anchor(end)), days, limit, label, min_recent),
            lambda: _rising(store, end, days, limit, label, min_recent),
        )
    )


def _anchor(end: Day) -> date:
    """The last day of a window of recent days: ``end``, else today."""
    return date.fromisoformat(str(_iso(end))) if end is not None else date.today()


def _days_before(day: date, days: int) -> date:
    """``day`` less ``days`` days, or the first day of the calendar when that is earlier."""
    return day - timedelta(days=days) if (day - date.min).days >= days else date.min


def _rising(
    store: Store, end: Day, days: int, limit: int, label: str | None, min_recent: int
) -> list[RisingEntity]:
    with store.connect() as conn:
        stop = _anchor(end)
        # Windows that would start before year 1 (end=0001-01-01) are cut at date.min,
        # instead of overflowing.
        mid = _days_before(stop, days - 1)
        start = _days_before(mid, days)
        params: dict[str, Any] = {
            "start": start.isoformat(),
            "mid": mid.isoformat(),
            "stop": stop.isoformat(),
            "minr": min_recent,
            "limit": limit,
        }
        label_sql = ""
        if label:
            label_sql = " AND e.label = :label"
            params["label"] = label
        rows = conn.execute(
            sa.text(
                "SELECT e.id, e.name, e.label, c.recent, c.previous FROM ("
                "  SELECT p.eid, sum(p.recent) AS recent, sum(1 - p.recent) AS previous FROM ("
                "    SELECT DISTINCT ae.entity_id AS eid, a.id, CASE WHEN a.day >= :mid THEN 1 ELSE 0 END AS recent "
                "    FROM articles a JOIN article_entities ae ON ae.article_id = a.id "
                "    WHERE a.day >= :start AND a.day <= :stop"
                "  ) p GROUP BY p.eid"
                f") c JOIN entities e ON e.id = c.eid WHERE c.recent >= :minr AND c.recent > c.previous{label_sql} "
                "ORDER BY (c.recent + 1.0) / (c.previous + 1.0) DESC, c.recent DESC, e.id LIMIT :limit"
            ),
            params,
        ).all()
    return [
        RisingEntity(
            entity_id=int(r.id),
            name=r.name,
            label=r.label,
            recent=int(r.recent),
            previous=int(r.previous),
            ratio=(int(r.recent) + 1.0) / (int(r.previous) + 1.0),
        )
        for r in rows
    ]


# -- quotes ------------------------------------------------------------------------------


def _quote_rows(
    conn: Connection,
    where: str,
    params: dict[str, Any],
    *,
    limit: int,
    offset: int,
    review_below: float = REVIEW_BELOW,
) -> list[QuoteRow]:
    rows = conn.execute(
        sa.text(
            "SELECT q.text, q.kind, coalesce(e.name, q.speaker_name) AS speaker, q.speaker_id, q.cue, q.article_id, "
            "a.title, a.outlet, q.day, a.url, q.confidence FROM quotes q JOIN articles a ON a.id = q.article_id "
            f"LEFT JOIN entities e ON e.id = q.speaker_id WHERE {where} "
            "ORDER BY q.day DESC, q.article_id DESC, q.idx LIMIT :limit OFFSET :offset"
        ),
        {**params, "limit": limit, "offset": offset},
    )
    return [
        QuoteRow(
            text=r.text,
            kind=r.kind,
            speaker=r.speaker,
            speaker_id=r.speaker_id,
            cue=r.cue,
            article_id=int(r.article_id),
            title=r.title,
            outlet=r.outlet,
            day=r.day,
            url=r.url,
            confidence=float(r.confidence),
            needs_review=float(r.confidence) < review_below,
        )
        for r in rows
    ]


def quote_page(
    store: Store,
    *,
    speaker_id: int | None = None,
    about_id: int | None = None,
    speaker: str | None = None,
    about: str | None = None,
    outlet: str | None = None,
    kind: Literal["direct", "indirect", "mixed", "partial"] | None = None,
    date_from: Day = None,
    date_to: Day = None,
    limit: int = 20,
    offset: int = 0,
    needs_review: bool | None = None,
    review_below: float = REVIEW_BELOW,
) -> QuotePage:
    """Quotes, newest first: by a speaker (id, or a name: the people it may mean), about an
    entity (quotes whose text names it), from an outlet, of a kind, within dates; with
    ``needs_review``, only the attributions below (True) or at and above (False) the review
    threshold."""
    w = _Where()
    with store.connect() as conn:
        if speaker_id is not None:
            w.add("q.speaker_id = :sid", sid=speaker_id)
        if speaker:
            ids = candidates(conn, speaker, labels=("PER",))
            exact = [
                i
                for i in ids[:1]
                if conn.execute(sa.text("SELECT key FROM entities WHERE id = :i"), {"i": i}).scalar()
                == entity_key(speaker, "PER")
            ]
            w.ids("q.speaker_id IN ({})", "sn", exact or ids)
        # Driven by quote_entities' entity index: the quotes naming the entity, not every quote.
        if about_id is not None:
            w.add(
                "(q.article_id, q.idx) IN (SELECT qe.article_id, qe.quote_idx FROM quote_entities qe "
                "WHERE qe.entity_id = :aid)",
                aid=about_id,
            )
        if about:
            w.ids(
                "(q.article_id, q.idx) IN (SELECT qe2.article_id, qe2.quote_idx FROM quote_entities qe2 "
                "WHERE qe2.entity_id IN ({}))",
                "an",
                candidates(conn, about),
            )
        if kind:
            w.add("q.kind = :kind", kind=kind)
        if needs_review is not None:
            w.add("q.confidence < :rb" if needs_review else "q.confidence >= :rb", rb=review_below)
        _days(w, "q.day", date_from, date_to)
        _outlet(w, "a.outlet", outlet, store)
        cond = " AND ".join(w.parts) or "1 = 1"
        join = " JOIN articles a ON a.id = q.article_id" if outlet else ""
        total = int(
            conn.execute(sa.text(f"SELECT count(*) FROM quotes q{join} WHERE {cond}"), w.params).scalar_one()
        )
        items = _quote_rows(conn, cond, w.params, limit=limit, offset=offset, review_below=review_below)
    return QuotePage(total=total, limit=limit, offset=offset, items=items)


def top_speakers(
    store: Store,
    *,
    date_from: Day = None,
    date_to: Day = None,
    limit: int = 10,
    days: int | None = None,
    end: Day = None,
) -> list[SpeakerCount]:
    """The people quoted most, within dates; ``days`` means the ``days`` days up to ``end``
    (default: today)."""
    return list(
        _memo(
            store,
            ("speakers", _iso(date_from), _iso(date_to), limit, days, _iso(_anchor(end))),
            lambda: _top_speakers(store, date_from, date_to, limit, days, end),
        )
    )


def _top_speakers(
    store: Store, date_from: Day, date_to: Day, limit: int, days: int | None, end: Day
) -> list[SpeakerCount]:
    with store.connect() as conn:
        if days is not None and date_from is None:
            last = _anchor(end)
            date_from = _days_before(last, days - 1)
            date_to = date_to or last
        w = _Where()
        _days(w, "q.day", date_from, date_to)
        rows = conn.execute(
            sa.text(
                "SELECT e.id, e.name, c.n, c.arts FROM ("
                "SELECT q.speaker_id AS sid, count(*) AS n, count(DISTINCT q.article_id) AS arts FROM quotes q "
                f"WHERE q.speaker_id IS NOT NULL{w.sql()} GROUP BY q.speaker_id"
                ") c JOIN entities e ON e.id = c.sid ORDER BY c.n DESC, e.id LIMIT :limit"
            ),
            {**w.params, "limit": limit},
        ).all()
    return [
        SpeakerCount(entity_id=int(r.id), name=r.name, quotes=int(r.n), articles=int(r.arts)) for r in rows
    ]


def quotes_by_outlet(
    store: Store,
    *,
    speaker_id: int | None = None,
    date_from: Day = None,
    date_to: Day = None,
    limit: int = 20,
) -> list[OutletCount]:
    """Quotes per outlet (all quotes, or one speaker's), the most first."""
    return list(
        _memo(
            store,
            ("by_outlet", speaker_id, _iso(date_from), _iso(date_to), limit),
            lambda: _quotes_by_outlet(store, speaker_id, date_from, date_to, limit),
        )
    )


def _quotes_by_outlet(
    store: Store, speaker_id: int | None, date_from: Day, date_to: Day, limit: int
) -> list[OutletCount]:
    w = _Where()
    if speaker_id is not None:
        w.add("q.speaker_id = :sid", sid=speaker_id)
    _days(w, "q.day", date_from, date_to)
    with store.connect() as conn:
        arts = _articles(conn, store)
        # Quotes counted per article first (in key order), then per outlet.
        rows = conn.execute(
            sa.text(
                "SELECT coalesce(a.outlet, '(unknown)') AS o, sum(per.n) AS n, count(*) AS arts FROM ("
                f"  SELECT q.article_id, count(*) AS n FROM quotes q WHERE 1 = 1{w.sql()} GROUP BY q.article_id"
                f") per JOIN {arts} ON a.id = per.article_id GROUP BY o ORDER BY n DESC, o LIMIT :limit"
            ),
            {**w.params, "limit": limit},
        ).all()
    return [OutletCount(outlet=str(r.o), quotes=int(r.n), articles=int(r.arts)) for r in rows]


# -- duplicates --------------------------------------------------------------------------

# Clustering the whole corpus takes seconds: the answer is kept until the store changes.
_CLUSTER_CACHE: dict[tuple[Any, ...], list[Cluster]] = {}
_CLUSTER_LOCK = threading.Lock()
_CLUSTER_CACHE_SIZE = 16


def duplicate_clusters(
    store: Store,
    *,
    what: Literal["articles", "quotes", "stories"] = "articles",
    date_from: Day = None,
    date_to: Day = None,
    min_size: int = 2,
    limit: int = 20,
    offset: int = 0,
) -> ClusterPage:
    """Near-duplicate articles or quotes, or stories (see :mod:`warta.storage.recycled`),
    largest cluster first.

    The clustering runs once per store state and set of arguments; later pages and calls
    read the kept answer until an article is added or changed.
    """
    start = date.fromisoformat(_iso(date_from) or "") if date_from is not None else None
    stop = date.fromisoformat(_iso(date_to) or "") if date_to is not None else None
    with store.connect() as conn:
        version = _store_version(conn)
    key = (store.name, id(store), version, what, start, stop, min_size)
    with _CLUSTER_LOCK:
        clusters = _CLUSTER_CACHE.get(key)
        if clusters is None:
            run: Callable[[], list[Cluster]]
            if what == "stories":

                def run() -> list[Cluster]:
                    return find_stories(store, date_from=start, date_to=stop, min_size=min_size)
            else:

                def run() -> list[Cluster]:
                    return find_recycled(store, what=what, date_from=start, date_to=stop, min_size=min_size)

            clusters = run()
            if len(_CLUSTER_CACHE) >= _CLUSTER_CACHE_SIZE:
                _CLUSTER_CACHE.pop(next(iter(_CLUSTER_CACHE)))
            _CLUSTER_CACHE[key] = clusters
    return ClusterPage(
        total=len(clusters), limit=limit, offset=offset, items=clusters[offset : offset + limit]
    )


def warm_up(store: Store) -> float:
    """Compute and keep the corpus-wide answers a first visitor would otherwise wait for
    (the home page's aggregates, articles per entity for name searches, the duplicate
    clusters); returns the seconds it took.

    ``warta serve`` runs it in a background thread at start.
    """
    started = time.perf_counter()
    corpus_stats(store)
    list_outlets(store)
    _entity_articles(store)
    top_speakers(store, days=7)
    rising_entities(store, days=7)
    entity_network(store)
    quotes_by_outlet(store)
    duplicate_clusters(store, what="articles")
    duplicate_clusters(store, what="quotes")
    duplicate_clusters(store, what="stories")
    return time.perf_counter() - started
