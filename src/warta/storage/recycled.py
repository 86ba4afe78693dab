"""Recycled stories in a store: copied articles, quotes carried by many sites, and stories.

- :func:`find_recycled` groups near-duplicate articles (the same release across outlets,
  republished articles) or quotes (the same statement on many sites) with the MinHash
  signatures stored at ingest (see :mod:`.dupes`), and tells which outlet had it first.
- :func:`find_stories` groups *different* texts about the same event: articles within a
  time window that share several specific entities and keywords.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any, Literal

import msgspec
import sqlalchemy as sa

from . import tables as t
from .dupes import (
    ARTICLE_THRESHOLD,
    QUOTE_THRESHOLD,
    SIGNATURE_VERSION,
    cluster_signatures,
    quote_signature,
    signature_from_bytes,
    text_signature,
)
from .errors import StorageError
from .repository import Store

__all__ = ["Cluster", "Member", "find_recycled", "find_stories", "resign"]


class Member(msgspec.Struct):
    article_id: int
    outlet: str | None
    published: str | None
    title: str | None
    url: str | None
    quote: str | None = None
    speaker: str | None = None


class Cluster(msgspec.Struct):
    """A group of copies (or of articles on one story), earliest first.

    ``kind``: ``republished`` (one outlet), ``syndicated`` (several outlets), ``quote``
    (one statement on several articles) or ``story``.
    """

    kind: str
    members: list[Member]
    outlets: list[str]

    @property
    def first(self) -> Member:
        return self.members[0]


def _order(m: Member) -> tuple[bool, str, int]:
    # Undated copies go last: they cannot claim to be first.
    return (m.published is None, m.published or "", m.article_id)


def _cluster(kind_of: Literal["articles", "quotes", "story"], members: list[Member]) -> Cluster:
    members.sort(key=_order)
    outlets = sorted({m.outlet for m in members if m.outlet})
    if kind_of == "articles":
        kind = "syndicated" if len(outlets) > 1 else "republished"
    else:
        kind = "quote" if kind_of == "quotes" else "story"
    return Cluster(kind=kind, members=members, outlets=outlets)


def find_recycled(
    store: Store,
    *,
    what: Literal["articles", "quotes"] = "articles",
    threshold: float | None = None,
    min_size: int = 2,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[Cluster]:
    """Clusters of near-duplicate articles or quotes, largest first.

    A quote cluster needs its quotes in at least two different articles (an article that
    repeats its own quote is not recycling).
    """
    a = t.articles.c
    with store.connect() as conn:
        _check_signatures(conn, store.name)
        if what == "articles":
            stmt = sa.select(a.id, a.minhash).where(
                a.minhash.is_not(None), *_dated(a.day, date_from, date_to)
            )
            items = [(int(r.id), signature_from_bytes(r.minhash)) for r in conn.execute(stmt)]
            groups = cluster_signatures(items, threshold=threshold or ARTICLE_THRESHOLD)
            info = _article_members(conn, {i for g in groups for i in g})
            clusters = [_cluster("articles", [info[i] for i in g]) for g in groups if len(g) >= min_size]
        else:
            q = t.quotes.c
            qstmt = sa.select(q.article_id, q.idx, q.minhash).where(
                q.minhash.is_not(None), sa.not_(q.rejected), *_dated(q.day, date_from, date_to)
            )
            qitems = [
                ((int(r.article_id), int(r.idx)), signature_from_bytes(r.minhash))
                for r in conn.execute(qstmt)
            ]
            qgroups = [
                g
                for g in cluster_signatures(qitems, threshold=threshold or QUOTE_THRESHOLD)
                if len({aid for aid, _ in g}) >= max(2, min_size)
            ]
            qinfo = _quote_members(conn, {k for g in qgroups for k in g})
            clusters = []
            for g in qgroups:
                # One member per article: the first matching quote.
                per_article: dict[int, Member] = {}
                for key in sorted(g):
                    per_article.setdefault(key[0], qinfo[key])
                clusters.append(_cluster("quotes", list(per_article.values())))
    clusters.sort(key=lambda c: (-len(c.members), _order(c.first)))
    return clusters


def _check_signatures(conn: sa.Connection, name: str) -> None:
    found = conn.execute(sa.select(t.meta.c.value).where(t.meta.c.key == "signatures")).scalar()
    if found != SIGNATURE_VERSION:
        raise StorageError(
            f"near-duplicate signatures were made by another version ({found or 'unknown'}); "
            "run `warta dupes --resign` once to re-make them",
            source=name,
        )


def resign(store: Store, *, batch: int = 500) -> int:
    """Re-make every article and quote signature from the stored records; return the articles done.

    Needed once when :data:`~.dupes.SIGNATURE_VERSION` changes; safe to interrupt and repeat.
    """
    from .writer import decode_doc

    a, q = t.articles.c, t.quotes.c
    done = 0
    last = 0
    while True:
        with store.connect() as conn:
            rows = conn.execute(sa.select(a.id, a.doc).where(a.id > last).order_by(a.id).limit(batch)).all()
        if not rows:
            break
        with store.transaction() as conn:
            for row in rows:
                article = decode_doc(row.doc)
                conn.execute(
                    t.articles.update()
                    .where(a.id == row.id)
                    .values(minhash=text_signature(article.text or article.raw).tobytes())
                )
                for i, quote in enumerate(article.quotes):
                    sig = quote_signature(quote.text)
                    conn.execute(
                        t.quotes.update()
                        .where(q.article_id == row.id, q.idx == i)
                        .values(minhash=sig.tobytes() if sig is not None else None)
                    )
        done += len(rows)
        last = int(rows[-1].id)
    with store.transaction() as conn:
        conn.execute(t.meta.delete().where(t.meta.c.key == "signatures"))
        conn.execute(t.meta.insert().values(key="signatures", value=SIGNATURE_VERSION))
    return done


def _dated(
    column: sa.ColumnElement[Any], date_from: date | None, date_to: date | None
) -> list[sa.ColumnElement[bool]]:
    """Conditions keeping ``column`` (a YYYY-MM-DD day) within the bounds."""
    out: list[sa.ColumnElement[bool]] = []
    if date_from is not None:
        out.append(column >= date_from.isoformat())
    if date_to is not None:
        out.append(column <= date_to.isoformat())
    return out


def _chunks(ids: list[int], size: int = 500) -> Iterator[list[int]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def _article_members(conn: sa.Connection, ids: set[int]) -> dict[int, Member]:
    a = t.articles.c
    out: dict[int, Member] = {}
    for chunk in _chunks(sorted(ids)):
        for r in conn.execute(sa.select(a.id, a.outlet, a.published, a.title, a.url).where(a.id.in_(chunk))):
            out[int(r.id)] = Member(
                article_id=int(r.id), outlet=r.outlet, published=r.published, title=r.title, url=r.url
            )
    return out


def _quote_members(conn: sa.Connection, keys: set[tuple[int, int]]) -> dict[tuple[int, int], Member]:
    a, q, e = t.articles.c, t.quotes.c, t.entities.c
    out: dict[tuple[int, int], Member] = {}
    articles = sorted({k[0] for k in keys})
    for chunk in _chunks(articles):
        rows = conn.execute(
            sa.select(
                q.article_id,
                q.idx,
                q.text,
                sa.func.coalesce(e.name, q.speaker_name).label("speaker"),
                a.outlet,
                a.published,
                a.title,
                a.url,
            )
            .select_from(
                t.quotes.join(t.articles, a.id == q.article_id).outerjoin(t.entities, e.id == q.speaker_id)
            )
            .where(q.article_id.in_(chunk))
        )
        for r in rows:
            key = (int(r.article_id), int(r.idx))
            if key in keys:
                out[key] = Member(
                    article_id=key[0],
                    outlet=r.outlet,
                    published=r.published,
                    title=r.title,
                    url=r.url,
                    quote=r.text,
                    speaker=r.speaker,
                )
    return out


# Story clustering. An entity named in more than this share of the window's articles
# ("Indonesia", "Jakarta") says nothing about which story an article tells.
_COMMON_SHARE = 0.02
# Two articles tell one story when their specific entities and keywords overlap this much
# (Jaccard over the union of both sets) and they share at least two entities.
_STORY_SIMILARITY = 0.3
_MIN_SHARED_ENTITIES = 2


def find_stories(
    store: Store,
    *,
    window_days: int = 3,
    similarity: float = _STORY_SIMILARITY,
    date_from: date | None = None,
    date_to: date | None = None,
    min_size: int = 2,
) -> list[Cluster]:
    """Groups of articles about one event: within ``window_days`` of each other, sharing
    specific entities (people, organisations, places that few articles name) and keywords.

    Articles without a date are left out.
    """
    a, ae, kw = t.articles.c, t.article_entities.c, t.keywords.c
    with store.connect() as conn:
        stmt = sa.select(a.id, a.day).where(a.day.is_not(None), *_dated(a.day, date_from, date_to))
        days = {int(r.id): date.fromisoformat(r.day) for r in conn.execute(stmt)}
        if not days:
            return []
        ents: dict[int, set[str]] = defaultdict(set)
        for aid, eid in conn.execute(sa.select(ae.article_id, ae.entity_id)):
            if aid in days:
                ents[aid].add(f"e{eid}")
        for aid, text in conn.execute(sa.select(kw.article_id, kw.text)):
            if aid in days:
                ents[aid].add(f"k{text.casefold()}")
        df: dict[str, int] = defaultdict(int)
        for feats in ents.values():
            for f in feats:
                df[f] += 1
        cap = max(5, int(_COMMON_SHARE * len(days)))
        feats_of = {aid: {f for f in fs if df[f] <= cap} for aid, fs in ents.items()}
        # Star clustering in date order: an article joins the story of an earlier article
        # only when it is similar enough to that story's *first* article, so stories do
        # not drift from one event to the next through a chain of neighbours.
        window = timedelta(days=window_days)
        seed_of: dict[int, int] = {}
        index: dict[str, list[int]] = defaultdict(list)
        for aid in sorted(feats_of, key=lambda x: (days[x], x)):
            fs = feats_of[aid]
            seeds: set[int] = set()
            for f in fs:
                if f.startswith("e"):
                    seeds.update(seed_of[o] for o in index[f])
            best, best_score = aid, 0.0
            for seed in seeds:
                sfs = feats_of[seed]
                shared = fs & sfs
                if (
                    abs(days[aid] - days[seed]) > window
                    or sum(1 for f in shared if f.startswith("e")) < _MIN_SHARED_ENTITIES
                ):
                    continue
                score = len(shared) / len(fs | sfs)
                if score >= similarity and score > best_score:
                    best, best_score = seed, score
            seed_of[aid] = best
            for f in fs:
                if f.startswith("e"):
                    index[f].append(aid)
        groups: dict[int, list[int]] = defaultdict(list)
        for aid, seed in seed_of.items():
            groups[seed].append(aid)
        chosen = [g for g in groups.values() if len(g) >= min_size]
        info = _article_members(conn, {i for g in chosen for i in g})
    clusters = [_cluster("story", [info[i] for i in g]) for g in chosen]
    clusters.sort(key=lambda c: (-len(c.members), _order(c.first)))
    return clusters
