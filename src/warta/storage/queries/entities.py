"""Entities: resolving a name, searching names, one entity's profile, timeline and network,
the names rising this week."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from warta.storage import tables as t
from warta.storage.names import name_key
from warta.storage.people import candidates, entity_key
from warta.storage.repository import Store

from ._sql import UNKNOWN_OUTLET, Day, Where, add_days, anchor, days_before, iso, like, narrow_articles
from .articles import newest_day
from .quotes import quote_rows
from .records import (
    EntityHit,
    EntityPage,
    EntityProfile,
    Network,
    NetworkEdge,
    NetworkNode,
    RisingEntity,
    RoleSeen,
    TimelinePoint,
)

# -- entities ----------------------------------------------------------------------------


def resolve_entity(
    conn: Connection, name: str, *, labels: tuple[str, ...] = ("PER", "ORG", "LOC", "EVT", "MISC")
) -> list[tuple[int, str, str, int]]:
    """Entities ``name`` may mean, as (id, name, label, articles), the most mentioned first."""
    ids = candidates(conn, name, labels)
    if not ids:
        return []
    e, ae = t.entities.c, t.article_entities.c
    rows = conn.execute(
        sa.select(e.id, e.name, e.label, e.key, sa.func.count(ae.article_id.distinct()).label("n"))
        .select_from(t.entities.outerjoin(t.article_entities, ae.entity_id == e.id))
        .where(e.id.in_(ids))
        .group_by(e.id, e.name, e.label, e.key)
    ).all()
    # Entities with exactly this name first, then those called so; the most mentioned first.
    exact = {entity_key(name, "PER"), name_key(name, "ORG")}
    rows = sorted(rows, key=lambda r: (r.key not in exact, -int(r.n)))
    return [(int(r.id), str(r.name), str(r.label), int(r.n)) for r in rows]


def entity_exists(store: Store, entity_id: int) -> bool:
    with store.connect() as conn:
        return (
            conn.execute(sa.text("SELECT 1 FROM entities WHERE id = :id"), {"id": entity_id}).first()
            is not None
        )


def merged_into(store: Store, entity_id: int) -> int | None:
    """The entity a reviewer merged ``entity_id`` into (the end of a chain of merges), or None:
    its page and profile are the target's."""
    with store.connect() as conn:
        found = conn.execute(
            sa.text("SELECT merged_into FROM entities WHERE id = :id"), {"id": entity_id}
        ).scalar()
    return None if found is None else int(found)


def entity_profile(store: Store, name: str, *, top: int = 10, quotes: int = 5) -> EntityProfile | None:
    """The profile of the entity ``name`` most likely means: of the entities it may mean
    (:func:`resolve_entity`), the one with exactly that name, else the most mentioned; the
    others are listed in ``other_candidates``. None when the corpus does not know the name.
    Counted as :func:`entity_profile_by_id` counts, for the CLI, the API and the pages alike.
    """
    with store.connect() as conn:
        found = resolve_entity(conn, name)
    if not found:
        return None
    profile = entity_profile_by_id(store, found[0][0], top=top, quotes=quotes)
    if profile is not None:
        profile.other_candidates = list(found[1 : top + 1])
    return profile


_LABELS = ("PER", "ORG", "LOC", "EVT", "MISC")
# An entity the lists show: named in an article, or the speaker of a quote not rejected.
# Corrections can leave an entity with neither (the new entity of a split undone, a typed
# speaker name whose quote went to another speaker): it keeps its id and page, but no list
# offers it.
_LIVE = (
    "(EXISTS (SELECT 1 FROM article_entities lae WHERE lae.entity_id = e.id) OR EXISTS "
    "(SELECT 1 FROM quotes lq WHERE lq.speaker_id = e.id AND NOT lq.rejected))"
)
# Name matches looked at when ranking an entity search (the most common names win).
_ENTITY_CANDIDATES = 2000


def search_entities(
    store: Store, q: str = "", *, label: str | None = None, limit: int = 20, offset: int = 0
) -> EntityPage:
    """Entities whose name (or a name they were called) starts with ``q`` or, for ``q`` of
    three letters or more, has a later word starting with it; exact names first, then the
    most written about. A blank ``q`` lists all entities. Entities no article names and no
    quote has as its speaker (left so by corrections) are not listed.

    ``total`` counts the matching entities (at most 2,000 are ranked).
    """
    labels = [label] if label else list(_LABELS)
    key = name_key(q, "ORG")
    pkey = entity_key(q, "PER") if q.strip() else ""
    with store.connect() as conn:
        where = Where()
        where.params.update({f"lab{i}": lab for i, lab in enumerate(labels)})
        label_sql = "e.label IN ({})".format(", ".join(f":lab{i}" for i in range(len(labels))))
        if not key:
            listed: EntityPage = store.remember(
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
            "word": f"% {like(key)}%",
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
                "SELECT e.id, e.name, e.label, e.key FROM entities e WHERE e.id IN (SELECT DISTINCT "
                f"coalesce(m.merged_into, u.entity_id) FROM ({inner}) u JOIN entities m ON m.id = u.entity_id "
                f"LIMIT :cap) AND {label_sql} AND {_LIVE}"
            ),
            params,
        ).all()
    counts = entity_articles(store)
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


def entity_articles(store: Store) -> dict[int, int]:
    """Articles per entity, for ranking name matches (kept until the store changes)."""

    def compute() -> dict[int, int]:
        with store.connect() as conn:
            return {
                int(e): int(n)
                for e, n in conn.execute(
                    sa.text(
                        "SELECT entity_id, count(DISTINCT article_id) FROM article_entities GROUP BY entity_id"
                    )
                )
            }

    counts: dict[int, int] = store.remember(("entity_articles",), compute)
    return counts


def _all_entities(
    store: Store, label_sql: str, params: dict[str, Any], limit: int, offset: int
) -> EntityPage:
    with store.connect() as conn:
        total = int(
            conn.execute(
                sa.text(
                    f"SELECT count(*) FROM entities e WHERE {label_sql} AND e.merged_into IS NULL AND {_LIVE}"
                ),
                params,
            ).scalar_one()
        )
        rows = conn.execute(
            sa.text(
                "SELECT e.id, e.name, e.label, count(DISTINCT ae.article_id) AS n FROM entities e "
                "LEFT JOIN article_entities ae ON ae.entity_id = e.id "
                f"WHERE {label_sql} AND e.merged_into IS NULL AND {_LIVE} "
                "GROUP BY e.id, e.name, e.label ORDER BY n DESC, e.id LIMIT :limit OFFSET :offset"
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
    """The profile of corpus entity ``entity_id`` (see :class:`~warta.storage.queries.records.EntityProfile`).

    ``articles``, ``mentions``, ``by_outlet``, ``by_day`` and ``roles`` count the whole
    corpus; ``co_mentioned`` counts the entity's latest 1,000 articles
    (:data:`CO_MENTION_ARTICLES`). ``other_candidates`` lists other entities that share
    its name or an alias (``(id, name, label, articles)``); ``latest_quotes`` holds up
    to ``quotes`` of its quotes, newest first, and ``quotes`` counts them all.
    """
    with store.connect() as conn:
        ent = conn.execute(
            sa.text("SELECT id, name, label, key FROM entities WHERE id = :id"), {"id": entity_id}
        ).first()
        if ent is None:
            return None
        p = {"id": entity_id, "top": top}
        arts = narrow_articles(conn, store)
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
            key = str(outlet) if outlet is not None else UNKNOWN_OUTLET
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
        # The names of the entities merged into it count for it (entity corrections).
        aliases = conn.execute(
            sa.text(
                "SELECT alias, sum(count) AS n FROM entity_aliases WHERE entity_id = :id "
                "OR entity_id IN (SELECT id FROM entities WHERE merged_into = :id) "
                "GROUP BY alias ORDER BY n DESC, alias LIMIT :top"
            ),
            p,
        ).all()
        others = [i for i in candidates(conn, ent.name, (str(ent.label),)) if i != entity_id][:top]
        other_rows: list[tuple[int, str, str, int]] = []
        if others:
            w = Where()
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
        latest = quote_rows(conn, "q.speaker_id = :sid", {"sid": entity_id}, limit=quotes, offset=0)
        n_quotes = conn.execute(
            sa.text("SELECT count(*) FROM quotes WHERE speaker_id = :id AND NOT rejected"), {"id": entity_id}
        ).scalar_one()
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
        quotes=int(n_quotes),
    )


def entity_timeline(
    store: Store, entity_id: int, *, date_from: Day = None, date_to: Day = None
) -> list[TimelinePoint]:
    """Day by day: the entity's mentions, the articles naming it and the quotes it gave.

    Only days with a mention or a quote are listed, in order.
    """
    w = Where()
    add_days(w, "a.day", date_from, date_to)
    qw = Where()
    add_days(qw, "q.day", date_from, date_to)
    params = {"id": entity_id, **w.params}
    with store.connect() as conn:
        arts = narrow_articles(conn, store)
        mentions = conn.execute(
            sa.text(
                f"SELECT a.day, sum(ae.mentions), count(DISTINCT ae.article_id) FROM article_entities ae JOIN {arts} "
                f"ON a.id = ae.article_id WHERE ae.entity_id = :id AND a.day IS NOT NULL{w.sql()} GROUP BY a.day"
            ),
            params,
        ).all()
        quotes = conn.execute(
            sa.text(
                "SELECT q.day, count(*) FROM quotes q WHERE q.speaker_id = :id AND NOT q.rejected AND q.day IS NOT NULL"
                f"{qw.sql()} GROUP BY q.day"
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
            network: Network = store.remember(
                ("network", iso(date_from), iso(date_to), limit, min_weight),
                lambda: _corpus_network(store, date_from, date_to, limit, min_weight),
            )
            return network
        w = Where()
        add_days(w, "a.day", date_from, date_to)
        arts = narrow_articles(conn, store)
        params: dict[str, Any] = {**w.params, "id": entity_id, "limit": limit, "minw": min_weight}
        scope = (
            f"SELECT DISTINCT ae.article_id FROM article_entities ae JOIN {arts} ON a.id = ae.article_id "
            f"WHERE ae.entity_id = :id{w.sql()} ORDER BY ae.article_id DESC LIMIT {CO_MENTION_ARTICLES}"
        )
        return _network(conn, scope, params, center=entity_id)


def _corpus_network(store: Store, date_from: Day, date_to: Day, limit: int, min_weight: int) -> Network:
    with store.connect() as conn:
        if date_from is None and date_to is None:
            last = newest_day(conn)
            if last is not None:
                date_from = days_before(date.fromisoformat(last), 29)
        w = Where()
        add_days(w, "a.day", date_from, date_to)
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
    nw = Where()
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
        store.remember(
            ("rising", iso(anchor(end)), days, limit, label, min_recent),
            lambda: _rising(store, end, days, limit, label, min_recent),
        )
    )


def _rising(
    store: Store, end: Day, days: int, limit: int, label: str | None, min_recent: int
) -> list[RisingEntity]:
    with store.connect() as conn:
        stop = anchor(end)
        # Windows that would start before year 1 (end=0001-01-01) are cut at date.min,
        # instead of overflowing.
        mid = days_before(stop, days - 1)
        start = days_before(mid, days)
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
