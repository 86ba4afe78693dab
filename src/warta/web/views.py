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
from warta.web import queries

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

# Names drawn around the entity in its co-mention network (counted over its latest
# queries.CO_MENTION_ARTICLES articles).
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
    return ArticleRow(
        id=int(r.id), title=r.title, outlet=r.outlet, day=r.day, words=int(r.word_count or 0), topic=r.topic
    )


def entity_info(conn: Connection, entity_id: int) -> EntityInfo | None:
    e = t.entities.c
    r = conn.execute(sa.select(e.id, e.name, e.label).where(e.id == entity_id)).first()
    return None if r is None else EntityInfo(id=int(r.id), name=str(r.name), label=str(r.label))


def _network(store: Store, info: EntityInfo) -> Network:
    """The entity's co-mention network (:func:`queries.entity_network`, over its latest
    articles) as the page draws it: every neighbour linked to the entity, two neighbours
    linked only when they share two or more articles."""
    net = queries.entity_network(store, info.id, limit=NETWORK_NODES)
    nodes = [CoMention(n.id, n.name, n.label, n.articles) for n in net.nodes]
    index = {n.id: i for i, n in enumerate(nodes)}
    edges: list[tuple[int, int, int]] = []
    for e in net.edges:
        a, b = index[e.source], index[e.target]
        if 0 in (a, b):
            edges.append((0, a or b, e.weight))  # each neighbour's link to the entity
        elif e.weight >= 2:
            edges.append((a, b, e.weight))
    edges.sort()
    return Network(nodes=nodes, edges=edges, sampled=nodes[0].articles if nodes else 0)


def _quotes_by_outlet(
    conn: Connection, entity_id: int, *, per_outlet: int = 3, outlets_shown: int = 6
) -> list[OutletQuotes]:
    q, a = t.quotes.c, t.articles.c
    outlet = sa.func.coalesce(a.outlet, "(unknown)")
    totals = conn.execute(
        sa.select(outlet.label("outlet"), sa.func.count().label("n"))
        .select_from(t.quotes.join(t.articles, a.id == q.article_id))
        .where(q.speaker_id == entity_id)
        .group_by(outlet)
        .order_by(sa.desc("n"))
        .limit(outlets_shown)
    ).all()
    out: list[OutletQuotes] = []
    for row in totals:
        cond = a.outlet.is_(None) if row.outlet == "(unknown)" else a.outlet == row.outlet
        items = conn.execute(
            sa.select(
                q.article_id,
                q.idx,
                q.text,
                q.kind,
                q.cue,
                q.speaker_name,
                q.speaker_id,
                a.title,
                a.outlet,
                q.day,
            )
            .select_from(t.quotes.join(t.articles, a.id == q.article_id))
            .where(q.speaker_id == entity_id, cond)
            .order_by(q.day.desc(), q.article_id.desc(), q.idx)
            .limit(per_outlet)
        ).all()
        out.append(
            OutletQuotes(
                outlet=str(row.outlet),
                total=int(row.n),
                quotes=[
                    QuoteItem(
                        article_id=int(r.article_id),
                        idx=int(r.idx),
                        text=r.text,
                        kind=r.kind,
                        cue=r.cue,
                        speaker=r.speaker_name,
                        speaker_id=r.speaker_id,
                        title=r.title,
                        outlet=r.outlet,
                        day=r.day,
                    )
                    for r in items
                ],
            )
        )
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
            .where(ae.entity_id == entity_id)
            .group_by(a.day, a.outlet)
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
            sa.select(q.day, sa.func.count())
            .where(q.speaker_id == entity_id, q.day.is_not(None))
            .group_by(q.day)
            .order_by(q.day)
        ).all()
        n_quotes = conn.execute(sa.select(sa.func.count()).where(q.speaker_id == entity_id)).scalar_one()
        roles = conn.execute(
            sa.select(r.role, sa.func.count().label("n"), sa.func.min(r.day), sa.func.max(r.day))
            .where(r.entity_id == entity_id)
            .group_by(r.role)
            .order_by(sa.desc("n"), r.role)
            .limit(12)
        ).all()
        aliases = conn.execute(
            sa.select(ea.alias, ea.count)
            .where(ea.entity_id == entity_id)
            .order_by(ea.count.desc(), ea.alias)
            .limit(12)
        ).all()
        by_outlet_quotes = _quotes_by_outlet(conn, entity_id)
    network = _network(store, info)
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
