"""What each dashboard page shows, read from the store (plain SQL through SQLAlchemy Core).

One function per page part; each returns small typed records for the templates. Queries
are bounded (``LIMIT``, indexed lookups) so that a page over the whole corpus renders in
well under 200 ms; where a figure is computed over a sample (the co-mention network of a
very frequent entity), the record says how many articles it covers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

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
NETWORK_ARTICLES = 1500
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
    ae, e = t.article_entities.c, t.entities.c
    recent = [int(i) for (i,) in conn.execute(
        sa.select(ae.article_id).where(ae.entity_id == info.id).order_by(ae.article_id.desc()).limit(NETWORK_ARTICLES)
    )]
    if not recent:
        return Network(nodes=[CoMention(info.id, info.name, info.label, 0)], edges=[], sampled=0)
    by_article: dict[int, set[int]] = defaultdict(set)
    for start in range(0, len(recent), 500):
        chunk = recent[start : start + 500]
        for aid, eid in conn.execute(sa.select(ae.article_id, ae.entity_id).where(ae.article_id.in_(chunk))):
            by_article[int(aid)].add(int(eid))
    counts: Counter[int] = Counter()
    for ents in by_article.values():
        counts.update(x for x in ents if x != info.id)
    top = [eid for eid, _n in counts.most_common(NETWORK_NODES)]
    names = {int(i): (str(n), str(lab)) for i, n, lab in conn.execute(
        sa.select(e.id, e.name, e.label).where(e.id.in_(top))
    )} if top else {}
    nodes = [CoMention(info.id, info.name, info.label, len(recent))]
    nodes += [CoMention(eid, names[eid][0], names[eid][1], counts[eid]) for eid in top if eid in names]
    index = {n.id: i for i, n in enumerate(nodes)}
    pairs: Counter[tuple[int, int]] = Counter()
    for ents in by_article.values():
        present = sorted(index[x] for x in ents if x in index and x != info.id)
        pairs.update(combinations(present, 2))
    edges = [(0, i, nodes[i].articles) for i in range(1, len(nodes))]
    edges += [(i, j, n) for (i, j), n in pairs.items() if n >= 2]
    return Network(nodes=nodes, edges=edges, sampled=len(recent))


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
        arts, mentions = conn.execute(
            sa.select(sa.func.count(ae.article_id.distinct()), sa.func.coalesce(sa.func.sum(ae.mentions), 0))
            .where(ae.entity_id == entity_id)
        ).one()
        by_day = conn.execute(
            sa.select(a.day, sa.func.count(a.id.distinct()))
            .select_from(t.article_entities.join(t.articles, a.id == ae.article_id))
            .where(ae.entity_id == entity_id, a.day.is_not(None)).group_by(a.day).order_by(a.day)
        ).all()
        outlet = sa.func.coalesce(a.outlet, "(unknown)")
        by_outlet = conn.execute(
            sa.select(outlet, sa.func.count(a.id.distinct()).label("n"))
            .select_from(t.article_entities.join(t.articles, a.id == ae.article_id))
            .where(ae.entity_id == entity_id).group_by(outlet).order_by(sa.desc("n")).limit(10)
        ).all()
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
        articles=int(arts),
        mentions=int(mentions),
        quotes=int(n_quotes),
        aliases=[(str(x), int(n)) for x, n in aliases],
        roles=[(str(x[0]), int(x[1]), x[2], x[3]) for x in roles],
        mentions_by_day=[(str(d), int(n)) for d, n in by_day],
        quotes_by_day=[(str(d), int(n)) for d, n in quotes_by_day],
        by_outlet=[(str(o), int(n)) for o, n in by_outlet],
        network=network,
        quotes_by_outlet=by_outlet_quotes,
    )
