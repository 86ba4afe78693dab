"""Watchlists in the store: named saved searches, what each has reported, and the delivery
of each reported item on each alert channel.

A watchlist is a *kind* and a *value* (a text query, an entity, a speaker, an entity quotes
are about, an outlet, a topic), optionally narrowed by days and an outlet. Its matches are
articles, or quotes for the speaker and about kinds (:mod:`.queries.watch_match` writes the SQL).

A check (:func:`record_new`) finds the matches no check has reported yet and writes them to
``watch_items``, with one pending row per alert channel in ``watch_deliveries``, in one
transaction; the alerts are sent afterwards and recorded per channel
(:func:`record_delivery`). So a crash between "found" and "sent" loses nothing (the pending
rows are sent at the next check) and a delivery that succeeded is never sent again. Items
are unique per (watchlist, article, item key), so nothing is reported twice either.

Example:
    >>> spec = make_spec("rina", "speaker", "Rina Kartika")  # doctest: +SKIP
    >>> with Store.open("warta.db") as store:  # doctest: +SKIP
    ...     add_watchlist(store, spec)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Literal, get_args

import msgspec
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from warta.errors import WatchlistError

from . import tables as t
from .events import utc_now
from .queries.text_search import parse_query
from .queries.watch_match import MatchItem, Window, match_rows
from .repository import Store

__all__ = [
    "CHANNELS",
    "CLAIM_TIMEOUT",
    "KINDS",
    "QUOTE_KINDS",
    "Channel",
    "FoundItem",
    "Kind",
    "MatchPage",
    "WatchSpec",
    "Watchlist",
    "add_watchlist",
    "batch_sent",
    "claim_pending",
    "found_items",
    "get_watchlist",
    "list_watchlists",
    "live_matches",
    "make_spec",
    "mark_seen",
    "pending_items",
    "record_delivery",
    "record_new",
    "remove_watchlist",
    "update_watchlist",
]

Kind = Literal["query", "entity", "speaker", "about", "outlet", "topic"]
KINDS: tuple[Kind, ...] = get_args(Kind)
# Kinds whose matches are quotes (the others match articles).
QUOTE_KINDS: frozenset[str] = frozenset({"speaker", "about"})
Channel = Literal["digest", "webhook", "email"]
CHANNELS: tuple[Channel, ...] = get_args(Channel)
# A check's claim on the deliveries it sends lapses after this (the check died sending).
CLAIM_TIMEOUT = timedelta(minutes=15)

# Names are used in URLs and file names: a short slug.
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_MAX_VALUE = 200
# A check re-reads the articles changed this long before its mark: a writer's transaction
# may commit rows stamped earlier than a mark another check already took (the items table
# keeps re-read matches from being reported twice). Far longer than an ingest batch.
OVERLAP = timedelta(hours=1)


class WatchSpec(msgspec.Struct, frozen=True):
    """What a new watchlist watches (checked by :func:`make_spec`)."""

    name: str
    kind: Kind
    value: str
    date_from: str | None = None
    date_to: str | None = None
    outlet: str | None = None


class Watchlist(msgspec.Struct):
    """A stored watchlist. ``mark``: the newest change time of an article its last check saw;
    ``found``: items reported so far; ``unseen``: those not yet marked as seen."""

    id: int
    name: str
    kind: Kind
    value: str
    date_from: str | None
    date_to: str | None
    outlet: str | None
    created_at: str
    checked_at: str | None
    mark: str | None
    seen: int
    found: int = 0
    unseen: int = 0

    def spec(self) -> WatchSpec:
        return WatchSpec(
            self.name,
            self.kind,
            self.value,
            date_from=self.date_from,
            date_to=self.date_to,
            outlet=self.outlet,
        )


class FoundItem(msgspec.Struct):
    """An article or quote a watchlist reported, as it was when found. ``new``: not yet
    marked as seen on the dashboard."""

    id: int
    watchlist: str
    kind: Kind
    value: str
    article_id: int
    quote_idx: int | None
    title: str | None
    outlet: str | None
    published: str | None
    day: str | None
    url: str | None
    quote: str | None
    speaker: str | None
    found_at: str
    new: bool


class MatchPage(msgspec.Struct):
    """Current matches of a watchlist, newest first; ``reported`` says which a check reported."""

    watchlist: str
    total: int
    limit: int
    offset: int
    items: list[MatchItem]


def _day(value: str | date | None, field: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise WatchlistError(f"{field}: {value!r} is not a day (YYYY-MM-DD)") from None


def make_spec(
    name: str,
    kind: str,
    value: str,
    *,
    date_from: str | date | None = None,
    date_to: str | date | None = None,
    outlet: str | None = None,
) -> WatchSpec:
    """A checked watchlist definition.

    Example:
        >>> make_spec("rina", "speaker", " Rina Kartika ").value
        'Rina Kartika'

    Raises:
        WatchlistError: a name that is not a short slug, an unknown kind, an empty or too
            long value, a text query without words, a date that is not YYYY-MM-DD, or
            ``date_from`` after ``date_to`` (W109).
    """
    name = name.strip()
    if not _NAME.match(name):
        raise WatchlistError(
            f"name {name!r}: use 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit"
        )
    if kind not in KINDS:
        raise WatchlistError(f"{name}: kind {kind!r} is not one of {', '.join(KINDS)}")
    value = " ".join(value.split())
    if not value:
        raise WatchlistError(f"{name}: the {kind} to watch is empty")
    if len(value) > _MAX_VALUE:
        raise WatchlistError(f"{name}: the {kind} to watch is longer than {_MAX_VALUE} characters")
    if kind == "query" and parse_query(value).is_empty():
        raise WatchlistError(f"{name}: the query {value!r} has no words to search for")
    d0, d1 = _day(date_from, "date_from"), _day(date_to, "date_to")
    if d0 is not None and d1 is not None and d0 > d1:
        raise WatchlistError(f"{name}: date_from {d0} is after date_to {d1}")
    outlet = " ".join((outlet or "").split()) or None
    if outlet is not None and len(outlet) > _MAX_VALUE:
        raise WatchlistError(f"{name}: the outlet filter is longer than {_MAX_VALUE} characters")
    return WatchSpec(name, kind, value, date_from=d0, date_to=d1, outlet=outlet)


# -- watchlists -------------------------------------------------------------------------------


def _watchlist(row: sa.Row[tuple[object, ...]], found: int = 0, unseen: int = 0) -> Watchlist:
    m = row._mapping
    return Watchlist(
        id=int(m["id"]),
        name=str(m["name"]),
        kind=m["kind"],
        value=str(m["value"]),
        date_from=m["date_from"],
        date_to=m["date_to"],
        outlet=m["outlet"],
        created_at=str(m["created_at"]),
        checked_at=m["checked_at"],
        mark=m["mark"],
        seen=int(m["seen"] or 0),
        found=found,
        unseen=unseen,
    )


def add_watchlist(store: Store, spec: WatchSpec, *, now: str | None = None) -> Watchlist:
    """Keep a new watchlist. Its first check reports every match the store already holds.

    Raises:
        WatchlistError: a watchlist of that name exists (W109).
    """
    w = t.watchlists.c
    with store.transaction() as conn:
        if conn.execute(sa.select(w.id).where(w.name == spec.name)).first() is not None:
            raise WatchlistError(f"a watchlist called {spec.name!r} exists; choose another name or remove it")
        conn.execute(
            t.watchlists.insert().values(
                name=spec.name,
                kind=spec.kind,
                value=spec.value,
                date_from=spec.date_from,
                date_to=spec.date_to,
                outlet=spec.outlet,
                created_at=now or utc_now(),
                seen=0,
            )
        )
    return get_watchlist(store, spec.name)


def update_watchlist(store: Store, spec: WatchSpec) -> Watchlist:
    """Give the watchlist ``spec.name`` a new definition. What it reported stays (and is not
    reported again); when the definition changed, its next check goes over the whole store
    again under the new one.

    Raises:
        WatchlistError: no such watchlist (W109).
    """
    w = t.watchlists.c
    with store.transaction() as conn:
        row = conn.execute(
            sa.select(w.id, w.kind, w.value, w.date_from, w.date_to, w.outlet).where(w.name == spec.name)
        ).first()
        if row is None:
            raise WatchlistError(f"no watchlist called {spec.name!r}")
        new = (spec.kind, spec.value, spec.date_from, spec.date_to, spec.outlet)
        if tuple(row[1:]) != new:
            conn.execute(
                t.watchlists.update()
                .where(w.id == row.id)
                .values(
                    kind=spec.kind,
                    value=spec.value,
                    date_from=spec.date_from,
                    date_to=spec.date_to,
                    outlet=spec.outlet,
                    mark=None,
                )
            )
    return get_watchlist(store, spec.name)


def _counts(conn: Connection) -> dict[int, tuple[int, int]]:
    """Watchlist id -> (items found, items not yet seen)."""
    i, w = t.watch_items.c, t.watchlists.c
    rows = conn.execute(
        sa.select(
            i.watchlist_id,
            sa.func.count(),
            sa.func.sum(sa.case((i.id > w.seen, 1), else_=0)),
        )
        .select_from(t.watch_items.join(t.watchlists, w.id == i.watchlist_id))
        .group_by(i.watchlist_id)
    ).all()
    return {int(r[0]): (int(r[1]), int(r[2] or 0)) for r in rows}


def list_watchlists(store: Store) -> list[Watchlist]:
    """Every watchlist, by name, with its counts of found and unseen items."""
    with store.connect() as conn:
        counts = _counts(conn)
        rows = conn.execute(sa.select(t.watchlists).order_by(t.watchlists.c.name)).all()
    return [_watchlist(r, *counts.get(int(r.id), (0, 0))) for r in rows]


def _get(conn: Connection, name: str) -> Watchlist:
    row = conn.execute(sa.select(t.watchlists).where(t.watchlists.c.name == name)).first()
    if row is None:
        raise WatchlistError(f"no watchlist called {name!r} (see `warta watchlist list`)")
    return _watchlist(row, *_counts(conn).get(int(row.id), (0, 0)))


def get_watchlist(store: Store, name: str) -> Watchlist:
    """The watchlist called ``name``.

    Raises:
        WatchlistError: no such watchlist (W109).
    """
    with store.connect() as conn:
        return _get(conn, name)


def remove_watchlist(store: Store, name: str) -> None:
    """Forget a watchlist, what it reported and its deliveries.

    Raises:
        WatchlistError: no such watchlist (W109).
    """
    with store.transaction() as conn:
        found = _get(conn, name)
        # Deleted child tables first: SQLite enforces the cascade only with foreign keys on.
        items = sa.select(t.watch_items.c.id).where(t.watch_items.c.watchlist_id == found.id)
        conn.execute(t.watch_deliveries.delete().where(t.watch_deliveries.c.item_id.in_(items)))
        conn.execute(t.watch_items.delete().where(t.watch_items.c.watchlist_id == found.id))
        conn.execute(t.watchlists.delete().where(t.watchlists.c.id == found.id))


def mark_seen(store: Store, name: str) -> int:
    """Mark every item the watchlist has reported as seen; returns how many were new.

    Raises:
        WatchlistError: no such watchlist (W109).
    """
    i = t.watch_items.c
    with store.transaction() as conn:
        found = _get(conn, name)
        newest = conn.execute(sa.select(sa.func.max(i.id)).where(i.watchlist_id == found.id)).scalar()
        if newest is not None and int(newest) > found.seen:
            conn.execute(t.watchlists.update().where(t.watchlists.c.id == found.id).values(seen=int(newest)))
        return found.unseen


# -- matches ----------------------------------------------------------------------------------


def live_matches(store: Store, name: str, *, limit: int = 20, offset: int = 0) -> MatchPage:
    """The watchlist's current matches in the store, newest first, whether reported or not.

    Raises:
        WatchlistError: no such watchlist (W109).
        StorageError: a text query the index cannot run.
    """
    with store.connect() as conn:
        found = _get(conn, name)
        total, rows = match_rows(
            conn, store, found.spec(), Window(newest_first=True, limit=limit, offset=offset)
        )
        reported = _reported(conn, found.id, [r.article_id for r in rows])
    for r in rows:
        r.reported = (r.article_id, r.key) in reported
    return MatchPage(watchlist=found.name, total=total, limit=limit, offset=offset, items=rows)


def _reported(conn: Connection, watchlist_id: int, article_ids: Sequence[int]) -> set[tuple[int, str]]:
    i = t.watch_items.c
    out: set[tuple[int, str]] = set()
    ids = sorted(set(article_ids))
    for start in range(0, len(ids), 500):  # bound the number of parameters of one statement
        chunk = ids[start : start + 500]
        out.update(
            (int(a), str(k))
            for a, k in conn.execute(
                sa.select(i.article_id, i.item_key).where(
                    i.watchlist_id == watchlist_id, i.article_id.in_(chunk)
                )
            )
        )
    return out


def _reported_since(conn: Connection, watchlist_id: int, since: str | None) -> int:
    """How many items the watchlist reported of articles changed since ``since``."""
    i, a = t.watch_items.c, t.articles.c
    query = sa.select(sa.func.count()).select_from(t.watch_items).where(i.watchlist_id == watchlist_id)
    if since is not None:
        query = query.join(t.articles, a.id == i.article_id).where(a.updated_at >= since)
    return int(conn.execute(query).scalar_one())


def _minus(stamp: str, delta: timedelta) -> str:
    return (datetime.fromisoformat(stamp) - delta).strftime("%Y-%m-%dT%H:%M:%S")


def record_new(
    store: Store,
    *,
    channels: Sequence[Channel],
    names: Sequence[str] | None = None,
    max_items: int = 500,
    now: str | None = None,
) -> list[tuple[Watchlist, list[FoundItem]]]:
    """Find the matches of each watchlist (or of ``names``) that no check has reported, keep
    them as reported with a pending delivery on each of ``channels``, and move each
    watchlist's mark; one transaction. At most ``max_items`` per watchlist (oldest change
    first): the rest come at the next check.

    Returns:
        Each watchlist checked, with the items it found now (in the order found).

    Raises:
        WatchlistError: a name in ``names`` that names no watchlist (W109).
        StorageError: a text query the index cannot run.
    """
    stamp = now or utc_now()
    out: list[tuple[Watchlist, list[FoundItem]]] = []
    with store.transaction() as conn:
        if names is None:
            rows = conn.execute(sa.select(t.watchlists).order_by(t.watchlists.c.name)).all()
            watched = [_watchlist(r) for r in rows]
        else:
            watched = [_get(conn, n) for n in dict.fromkeys(names)]
        newest = conn.execute(sa.select(sa.func.max(t.articles.c.updated_at))).scalar()
        for wl in watched:
            since = _minus(wl.mark, OVERLAP) if wl.mark else None
            # Enough rows for max_items new ones past those reported already (bounded work).
            limit = max_items + _reported_since(conn, wl.id, since) + 1
            _total, rows_ = match_rows(conn, store, wl.spec(), Window(since=since, limit=limit))
            known = _reported(conn, wl.id, [r.article_id for r in rows_])
            items: list[FoundItem] = []
            mark = newest if newest is not None else wl.mark
            if len(rows_) == limit:
                mark = rows_[-1].updated_at  # not all read: the next check goes on from here
            taken: str | None = None
            for r in rows_:
                if (r.article_id, r.key) in known:
                    continue
                if len(items) == max_items:
                    mark = taken  # capped: the next check goes on after the last one taken
                    break
                known.add((r.article_id, r.key))
                item = _insert_item(conn, wl, r, channels, stamp)
                if item is not None:
                    items.append(item)
                taken = r.updated_at
            conn.execute(
                t.watchlists.update().where(t.watchlists.c.id == wl.id).values(mark=mark, checked_at=stamp)
            )
            wl.mark, wl.checked_at = mark, stamp
            out.append((wl, items))
    return out


# What an item shows, kept as it was found (a delivery retried later sends the same).
_SHOWN = ("title", "outlet", "published", "day", "url", "quote", "speaker")


def _insert_item(
    conn: Connection, wl: Watchlist, r: MatchItem, channels: Sequence[Channel], stamp: str
) -> FoundItem | None:
    """Record a found item and its pending deliveries; None when another check running at
    the same time recorded it first (it is that check's to send)."""
    shown = {name: getattr(r, name) for name in _SHOWN}
    insert = (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(t.watch_items)
    found = conn.execute(
        insert.values(
            watchlist_id=wl.id,
            article_id=r.article_id,
            item_key=r.key,
            quote_idx=r.quote_idx,
            found_at=stamp,
            **shown,
        )
        .on_conflict_do_nothing(index_elements=["watchlist_id", "article_id", "item_key"])
        .returning(t.watch_items.c.id)
    ).scalar()
    if found is None:
        return None
    item_id = int(found)
    if channels:
        conn.execute(
            t.watch_deliveries.insert(),
            [
                {"item_id": item_id, "channel": c, "status": "pending", "attempts": 0, "updated_at": stamp}
                for c in dict.fromkeys(channels)
            ],
        )
    return FoundItem(
        id=item_id,
        watchlist=wl.name,
        kind=wl.kind,
        value=wl.value,
        article_id=r.article_id,
        quote_idx=r.quote_idx,
        found_at=stamp,
        new=True,
        **shown,
    )


# -- found items and their deliveries -----------------------------------------------------------


def _items_query() -> sa.Select[tuple[object, ...]]:
    i, w = t.watch_items.c, t.watchlists.c
    return sa.select(
        i.id,
        w.name,
        w.kind,
        w.value,
        i.article_id,
        i.quote_idx,
        i.title,
        i.outlet,
        i.published,
        i.day,
        i.url,
        i.quote,
        i.speaker,
        i.found_at,
        (i.id > w.seen).label("new"),
    ).select_from(t.watch_items.join(t.watchlists, w.id == i.watchlist_id))


def _found(row: sa.Row[tuple[object, ...]]) -> FoundItem:
    m = row._mapping
    return FoundItem(
        id=int(m["id"]),
        watchlist=str(m["name"]),
        kind=m["kind"],
        value=str(m["value"]),
        article_id=int(m["article_id"]),
        quote_idx=m["quote_idx"],
        title=m["title"],
        outlet=m["outlet"],
        published=m["published"],
        day=m["day"],
        url=m["url"],
        quote=m["quote"],
        speaker=m["speaker"],
        found_at=str(m["found_at"]),
        new=bool(m["new"]),
    )


def found_items(store: Store, name: str, *, limit: int = 50, only_new: bool = False) -> list[FoundItem]:
    """What the watchlist has reported, the latest found first.

    Raises:
        WatchlistError: no such watchlist (W109).
    """
    i, w = t.watch_items.c, t.watchlists.c
    with store.connect() as conn:
        found = _get(conn, name)
        query = _items_query().where(w.id == found.id)
        if only_new:
            query = query.where(i.id > w.seen)
        rows = conn.execute(query.order_by(i.id.desc()).limit(limit)).all()
    return [_found(r) for r in rows]


def claim_pending(
    store: Store,
    channel: Channel,
    claimant: str,
    *,
    limit: int = 10_000,
    now: str | None = None,
    stale_after: timedelta = CLAIM_TIMEOUT,
) -> list[FoundItem]:
    """Claim up to ``limit`` pending deliveries on ``channel`` for ``claimant`` (a token of
    one check) and return their items. Deliveries another check claimed less than
    ``stale_after`` ago are left to it: two checks at once never send one item twice. The
    claim is one UPDATE, so the database decides who gets a delivery."""
    d = t.watch_deliveries.c
    stamp = now or utc_now()
    stale = (datetime.fromisoformat(stamp) - stale_after).strftime("%Y-%m-%dT%H:%M:%S")
    free = (
        (d.channel == channel) & (d.status == "pending") & (d.claimed_at.is_(None) | (d.claimed_at < stale))
    )
    with store.transaction() as conn:
        ids = list(conn.execute(sa.select(d.item_id).where(free).order_by(d.item_id).limit(limit)).scalars())
        for start in range(0, len(ids), 500):
            conn.execute(
                t.watch_deliveries.update()
                .where(free & d.item_id.in_(ids[start : start + 500]))
                .values(claimed_by=claimant, claimed_at=stamp)
            )
    return pending_items(store, channel, limit=limit, claimant=claimant)


def batch_sent(store: Store, channel: Channel, batch: str) -> bool:
    """Whether deliveries on ``channel`` were recorded as sent in ``batch``."""
    d = t.watch_deliveries.c
    with store.connect() as conn:
        found = conn.execute(
            sa.select(d.item_id)
            .where(d.channel == channel, d.status == "sent", d.claimed_by == batch)
            .limit(1)
        ).first()
    return found is not None


def pending_items(
    store: Store, channel: Channel, *, limit: int = 10_000, claimant: str | None = None
) -> list[FoundItem]:
    """Items whose delivery on ``channel`` is pending (those ``claimant`` claimed, when
    given), by watchlist name, then as found."""
    i, w, d = t.watch_items.c, t.watchlists.c, t.watch_deliveries.c
    query = (
        _items_query()
        .join(t.watch_deliveries, d.item_id == i.id)
        .where(d.channel == channel, d.status == "pending")
        .order_by(w.name, i.id)
        .limit(limit)
    )
    if claimant is not None:
        query = query.where(d.claimed_by == claimant)
    with store.connect() as conn:
        return [_found(r) for r in conn.execute(query).all()]


def record_delivery(
    store: Store,
    channel: Channel,
    item_ids: Sequence[int],
    *,
    error: str | None = None,
    max_attempts: int = 20,
    now: str | None = None,
    batch: str | None = None,
) -> None:
    """Record a delivery of ``item_ids`` on ``channel``: sent (``error`` None), or a failed
    attempt; a delivery that failed ``max_attempts`` times is given up ("failed"). A sent
    delivery keeps ``batch`` (what it was sent in) in ``claimed_by``: :func:`batch_sent`."""
    d = t.watch_deliveries.c
    stamp = now or utc_now()
    ids = sorted(set(item_ids))
    with store.transaction() as conn:
        for start in range(0, len(ids), 500):
            where = (d.channel == channel) & d.item_id.in_(ids[start : start + 500]) & (d.status == "pending")
            if error is None:
                conn.execute(
                    t.watch_deliveries.update()
                    .where(where)
                    .values(
                        status="sent",
                        sent_at=stamp,
                        updated_at=stamp,
                        attempts=d.attempts + 1,
                        claimed_by=batch,
                        claimed_at=None,
                    )
                )
            else:
                conn.execute(
                    t.watch_deliveries.update()
                    .where(where)
                    .values(
                        attempts=d.attempts + 1,
                        last_error=error[:2000],
                        updated_at=stamp,
                        claimed_by=None,
                        claimed_at=None,
                        status=sa.case((d.attempts + 1 >= max_attempts, "failed"), else_="pending"),
                    )
                )
