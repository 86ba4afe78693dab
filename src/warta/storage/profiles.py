"""Entity pages and quote lists: what the corpus knows about one person or organisation.

Example:
    >>> with Store.open("warta.db") as store:  # doctest: +SKIP
    ...     profile = entity_profile(store, "Sri Mulyani")
    ...     quotes = list_quotes(store, speaker="Sri Mulyani", about="Bank Indonesia")
"""

from __future__ import annotations

from datetime import date

import msgspec
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from warta.article import REVIEW_BELOW

from . import tables as t
from .names import name_key
from .people import candidates, entity_key
from .repository import Store

__all__ = ["EntityProfile", "QuoteRow", "RoleSeen", "entity_profile", "list_quotes", "resolve_entity"]


class RoleSeen(msgspec.Struct):
    role: str
    count: int
    first_day: str | None
    last_day: str | None


class QuoteRow(msgspec.Struct):
    """A quote with where and when it appeared."""

    text: str
    kind: str
    speaker: str | None
    speaker_id: int | None
    cue: str | None
    article_id: int
    title: str | None
    outlet: str | None
    day: str | None
    url: str | None
    confidence: float = 1.0  # the probability that the attribution is right
    needs_review: bool = False  # confidence below the review threshold


class EntityProfile(msgspec.Struct):
    """One entity across the corpus.

    ``by_outlet`` and ``by_day`` count mentions; ``co_mentioned`` lists the entities
    most often in the same articles, as ``(name, label, articles)``.
    """

    id: int
    name: str
    label: str
    articles: int
    mentions: int
    aliases: list[tuple[str, int]]
    by_outlet: list[tuple[str, int]]
    by_day: list[tuple[str, int]]
    roles: list[RoleSeen]
    co_mentioned: list[tuple[str, str, int]]
    latest_quotes: list[QuoteRow]
    other_candidates: list[
        tuple[int, str, str, int]
    ]  # (id, name, label, articles): other entities the name may mean


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


def entity_profile(store: Store, name: str, *, top: int = 10) -> EntityProfile | None:
    """The profile of the entity ``name`` refers to (None when the corpus does not know it).

    When the name is ambiguous (a surname two people share), the most mentioned entity
    is profiled and the others are listed in ``other_candidates``.
    """
    with store.connect() as conn:
        found = resolve_entity(conn, name)
        if not found:
            return None
        eid, ename, label, n_articles = found[0]
        a, ae = t.articles.c, t.article_entities.c
        mentions = conn.execute(
            sa.select(sa.func.coalesce(sa.func.sum(ae.mentions), 0)).where(ae.entity_id == eid)
        ).scalar_one()
        outlet = sa.func.coalesce(a.outlet, "(unknown)")
        by_outlet = conn.execute(
            sa.select(outlet, sa.func.sum(ae.mentions).label("n"))
            .select_from(t.article_entities.join(t.articles, a.id == ae.article_id))
            .where(ae.entity_id == eid)
            .group_by(outlet)
            .order_by(sa.desc("n"))
            .limit(top)
        ).all()
        by_day = conn.execute(
            sa.select(a.day, sa.func.sum(ae.mentions))
            .select_from(t.article_entities.join(t.articles, a.id == ae.article_id))
            .where(ae.entity_id == eid, a.day.is_not(None))
            .group_by(a.day)
            .order_by(a.day)
        ).all()
        r = t.roles.c
        roles = [
            RoleSeen(role=row.role, count=int(row.n), first_day=row.first, last_day=row.last)
            for row in conn.execute(
                sa.select(
                    r.role,
                    sa.func.count().label("n"),
                    sa.func.min(r.day).label("first"),
                    sa.func.max(r.day).label("last"),
                )
                .where(r.entity_id == eid)
                .group_by(r.role)
                .order_by(sa.desc("n"))
                .limit(top)
            )
        ]
        other = t.article_entities.alias("other")
        e = t.entities.c
        co = conn.execute(
            sa.select(e.name, e.label, sa.func.count(other.c.article_id.distinct()).label("n"))
            .select_from(
                t.article_entities.join(other, other.c.article_id == ae.article_id).join(
                    t.entities, e.id == other.c.entity_id
                )
            )
            .where(ae.entity_id == eid, other.c.entity_id != eid)
            .group_by(e.id, e.name, e.label)
            .order_by(sa.desc("n"))
            .limit(top)
        ).all()
        ea = t.entity_aliases.c
        aliases = conn.execute(
            sa.select(ea.alias, ea.count).where(ea.entity_id == eid).order_by(ea.count.desc()).limit(top)
        ).all()
        latest = _quotes(conn, speaker_ids=[eid], about_ids=None, date_from=None, date_to=None, limit=5)
    return EntityProfile(
        id=eid,
        name=ename,
        label=label,
        articles=n_articles,
        mentions=int(mentions),
        aliases=[(str(x), int(n)) for x, n in aliases],
        by_outlet=[(str(o), int(n)) for o, n in by_outlet],
        by_day=[(str(d), int(n)) for d, n in by_day],
        roles=roles,
        co_mentioned=[(str(x), str(lab), int(n)) for x, lab, n in co],
        latest_quotes=latest,
        other_candidates=found[1:top],
    )


def list_quotes(
    store: Store,
    *,
    speaker: str | None = None,
    about: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    limit: int = 50,
) -> list[QuoteRow]:
    """Quotes by ``speaker`` (any person that name may mean), optionally mentioning ``about``.

    Newest first. ``about`` matches quotes whose text mentions the entity (any alias).
    """
    with store.connect() as conn:
        speaker_ids = None
        about_ids = None
        if speaker:
            speaker_ids = [r[0] for r in resolve_entity(conn, speaker, labels=("PER",))]
            if not speaker_ids:
                return []
            # An ambiguous name: the people it most likely means (an exact name match).
            speaker_ids = speaker_ids[:1] if _exact(conn, speaker, speaker_ids[0]) else speaker_ids
        if about:
            about_ids = [r[0] for r in resolve_entity(conn, about)]
            if not about_ids:
                return []
        return _quotes(
            conn,
            speaker_ids=speaker_ids,
            about_ids=about_ids,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
        )


def _exact(conn: Connection, name: str, eid: int) -> bool:
    key = conn.execute(sa.select(t.entities.c.key).where(t.entities.c.id == eid)).scalar()
    return key == entity_key(name, "PER")


def _quotes(
    conn: Connection,
    *,
    speaker_ids: list[int] | None,
    about_ids: list[int] | None,
    date_from: date | None,
    date_to: date | None,
    limit: int,
    review_below: float = REVIEW_BELOW,
) -> list[QuoteRow]:
    q, a, e = t.quotes.c, t.articles.c, t.entities.c
    stmt = sa.select(
        q.text,
        q.kind,
        sa.func.coalesce(e.name, q.speaker_name).label("speaker"),
        q.speaker_id,
        q.cue,
        q.article_id,
        a.title,
        a.outlet,
        q.day,
        a.url,
        q.confidence,
    ).select_from(t.quotes.join(t.articles, a.id == q.article_id).outerjoin(t.entities, e.id == q.speaker_id))
    if speaker_ids is not None:
        stmt = stmt.where(q.speaker_id.in_(speaker_ids))
    if about_ids is not None:
        qe = t.quote_entities.c
        stmt = stmt.where(
            sa.exists().where(
                qe.article_id == q.article_id, qe.quote_idx == q.idx, qe.entity_id.in_(about_ids)
            )
        )
    if date_from is not None:
        stmt = stmt.where(q.day >= date_from.isoformat())
    if date_to is not None:
        stmt = stmt.where(q.day <= date_to.isoformat())
    stmt = stmt.order_by(q.day.desc(), q.article_id.desc(), q.idx).limit(limit)
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
        for r in conn.execute(stmt)
    ]
