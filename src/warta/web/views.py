"""What each dashboard page shows, read from the store (plain SQL through SQLAlchemy Core).

One function per page part; each returns small typed records for the templates. Queries
are bounded (``LIMIT``, indexed lookups) so that a page over the whole corpus renders in
well under 200 ms; where a figure is computed over a sample (the co-mention network of a
very frequent entity), the record says how many articles it covers.
"""

from __future__ import annotations

from collections import Counter

import msgspec
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from warta.storage import Store
from warta.storage import tables as t

__all__ = [
    "ArticleRow",
    "CoMention",
    "EntityInfo",
    "EntityPage",
    "Network",
    "OutletQuotes",
    "QuoteItem",
    "article_row",
    "entity_info",
    "entity_page",
]

# The co-mention network of an entity is drawn from its most recent articles: a name in
# tens of thousands of articles would otherwise cost a self-join of millions of rows.
NETWORK_ARTICLES = 1000
NETWORK_NODES = 14


class ArticleRow(msgspec.Struct):
    id: int
    title: str | None
    outlet: str | None
    day: str | None
    words: int
    topic: str | None
    quotes: int = 0


class EntityInfo(msgspec.Struct):
    id: int
    name: str
    label: str


class CoMention(msgspec.Struct):
    id: int
    name: str
    label: str
    articles: int


class Network(msgspec.Struct):
    """The entity and the names most often in the same articles, with links between them.

    ``edges`` are ``(i, j, articles)`` over ``nodes`` (node 0 is the entity itself);
    ``sampled`` is the number of the entity's latest articles the network is drawn from.
    """

    nodes: list[CoMention]
    edges: list[tuple[int, int, int]]
    sampled: int


class QuoteItem(msgspec.Struct):
    article_id: int
    idx: int
    text: str
    kind: str
    cue: str | None
    speaker: str | None
    speaker_id: int | None
    title: str | None
    outlet: str | None
    day: str | None


class OutletQuotes(msgspec.Struct):
    outlet: str
    total: int
    quotes: list[QuoteItem]


class EntityPage(msgspec.Struct):
    entity: EntityInfo
    articles: int
    mentions: int
    quotes: int
    aliases: list[tuple[str, int]]
    roles: list[tuple[str, int, str | None, str | None]]  # role, count, first day, last day
    mentions_by_day: list[tuple[str, int]]  # articles per day
    quotes_by_day: list[tuple[str, int]]
    by_outlet: list[tuple[str, int]]  # articles per outlet
    network: Network
    quotes_by_outlet: list[OutletQuotes]


def article_row(conn: Connection, article_id: int) -> ArticleRow | None:
    a = t.articles.c
    r = conn.execute(
        sa.select(a.id, a.title, a.outlet, a.day, a.word_count, a.topic).where(a.id == article_id)
    ).first()
    if r is None:
        return None
    return ArticleRow(id=int(r.id), title=r.title, outlet=r.outlet, day=r.day, words=int(r.word_count or 0), topic=r.topic)


def entity_info(conn: Connection, entity_id: int) -> EntityInfo | None:
    e = t.entities.c
    r = conn.execute(sa.select(e.id, e.name, e.label).where(e.id == entity_id)).first()
    return None if r is None else EntityInfo(id=int(r.id), name=str(r.name), label=str(r.label))


def _network(conn: Connection, info: EntityInfo) -> Network:
    """Counted in SQLite over the entity's latest ``NETWORK_ARTICLES`` articles (no rows to Python)."""
    params: dict[str, int] = {"id": info.id, "n": NETWORK_ARTICLES, "k": NETWORK_NODES}
    sample = ("SELECT article_id FROM article_entities WHERE entity_id = :id "
              "ORDER BY article_id DESC LIMIT :n")
    sampled = int(conn.execute(sa.text(f"SELECT count(*) FROM ({sample})"), params).scalar_one())
    # Count first, then look up the names of the top few only.
    rows = conn.execute(sa.text(
        "SELECT t.eid, e.name, e.label, t.n FROM ("
        "SELECT o.entity_id AS eid, count(DISTINCT o.article_id) AS n FROM article_entities o "
        f"WHERE o.article_id IN ({sample}) AND o.entity_id != :id "
        "GROUP BY o.entity_id ORDER BY n DESC, o.entity_id LIMIT :k"
        ") t JOIN entities e ON e.id = t.eid ORDER BY t.n DESC, t.eid"), params).all()
    nodes = [CoMention(info.id, info.name, info.label, sampled)]
    nodes += [CoMention(int(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in rows]
    edges = [(0, i, nodes[i].articles) for i in range(1, len(nodes))]
    if len(nodes) > 2:
        index = {n.id: i for i, n in enumerate(nodes)}
        ids = ", ".join(str(n.id) for n in nodes[1:])  # integers from the database
        pairs = conn.execute(sa.text(
            "SELECT x.entity_id, y.entity_id, count(DISTINCT x.article_id) FROM article_entities x "
            "JOIN article_entities y ON y.article_id = x.article_id AND y.entity_id > x.entity_id "
            f"WHERE x.article_id IN ({sample}) AND x.entity_id IN ({ids}) AND y.entity_id IN ({ids}) "
            "GROUP BY x.entity_id, y.entity_id HAVING count(DISTINCT x.article_id) >= 2"), params).all()
        edges += [(index[int(a)], index[int(b)], int(n)) for a, b, n in pairs]
    return Network(nodes=nodes, edges=edges, sampled=sampled)


def _quotes_by_outlet(conn: Connection, entity_id: int, *, per_outlet: int = 3, outlets_shown: int = 6) -> list[OutletQuotes]:
    q, a = t.quotes.c, t.articles.c
    outlet = sa.func.coalesce(a.outlet, "(unknown)")
    totals = conn.execute(
        sa.select(outlet.label("outlet"), sa.func.count().label("n"))
        .select_from(t.quotes.join(t.articles, a.id == q.article_id))
        .where(q.speaker_id == entity_id).group_by(outlet).order_by(sa.desc("n")).limit(outlets_shown)
    ).all()
    out: list[OutletQuotes] = []
    for row in totals:
        cond = a.outlet.is_(None) if row.outlet == "(unknown)" else a.outlet == row.outlet
        items = conn.execute(
            sa.select(q.article_id, q.idx, q.text, q.kind, q.cue, q.speaker_name, q.speaker_id, a.title, a.outlet, q.day)
            .select_from(t.quotes.join(t.articles, a.id == q.article_id))
            .where(q.speaker_id == entity_id, cond)
            .order_by(q.day.desc(), q.article_id.desc(), q.idx).limit(per_outlet)
        ).all()
        out.append(OutletQuotes(outlet=str(row.outlet), total=int(row.n), quotes=[
            QuoteItem(article_id=int(r.article_id), idx=int(r.idx), text=r.text, kind=r.kind, cue=r.cue,
                      speaker=r.speaker_name, speaker_id=r.speaker_id, title=r.title, outlet=r.outlet, day=r.day)
            for r in items
        ]))
    return out


def entity_page(store: Store, entity_id: int) -> EntityPage | None:
    """Everything the entity page shows, or None when the corpus has no such entity."""
    a, ae, q, r, ea = t.articles.c, t.article_entities.c, t.quotes.c, t.roles.c, t.entity_aliases.c
    with store.connect() as conn:
        info = entity_info(conn, entity_id)
        if info is None:
            return None
        # One pass over the entity's articles gives the totals, the days and the outlets.
        cells = conn.execute(
            sa.select(a.day, a.outlet, sa.func.count(ae.article_id.distinct()), sa.func.sum(ae.mentions))
            .select_from(t.article_entities.join(t.articles, a.id == ae.article_id))
            .where(ae.entity_id == entity_id).group_by(a.day, a.outlet)
        ).all()
        days: Counter[str] = Counter()
        outlets: Counter[str] = Counter()
        arts = mentions = 0
        for day, outlet, n, m in cells:
            arts += int(n)
            mentions += int(m or 0)
            outlets[str(outlet) if outlet is not None else "(unknown)"] += int(n)
            if day is not None:
                days[str(day)] += int(n)
        by_day = sorted(days.items())
        by_outlet = sorted(outlets.items(), key=lambda x: (-x[1], x[0]))[:10]
        quotes_by_day = conn.execute(
            sa.select(q.day, sa.func.count()).where(q.speaker_id == entity_id, q.day.is_not(None))
            .group_by(q.day).order_by(q.day)
        ).all()
        n_quotes = conn.execute(sa.select(sa.func.count()).where(q.speaker_id == entity_id)).scalar_one()
        roles = conn.execute(
            sa.select(r.role, sa.func.count().label("n"), sa.func.min(r.day), sa.func.max(r.day))
            .where(r.entity_id == entity_id).group_by(r.role).order_by(sa.desc("n"), r.role).limit(12)
        ).all()
        aliases = conn.execute(
            sa.select(ea.alias, ea.count).where(ea.entity_id == entity_id).order_by(ea.count.desc(), ea.alias).limit(12)
        ).all()
        network = _network(conn, info)
        by_outlet_quotes = _quotes_by_outlet(conn, entity_id)
    return EntityPage(
        entity=info,
        articles=arts,
        mentions=mentions,
        quotes=int(n_quotes),
        aliases=[(str(x), int(n)) for x, n in aliases],
        roles=[(str(x[0]), int(x[1]), x[2], x[3]) for x in roles],
        mentions_by_day=by_day,
        quotes_by_day=[(str(d), int(n)) for d, n in quotes_by_day],
        by_outlet=by_outlet,
        network=network,
        quotes_by_outlet=by_outlet_quotes,
    )
