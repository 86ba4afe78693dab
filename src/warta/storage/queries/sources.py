"""The news collector's sources and hosts, as ``warta status``, the health endpoint and the
sources page show them (what ``warta watch`` recorded in the store)."""

from __future__ import annotations

import sqlalchemy as sa

from warta.storage import tables as t
from warta.storage.repository import Store

from .records import WatchedHost, WatchedSource, WatchStatus

__all__ = ["watch_status"]

_STATES = ("seen", "fetched", "failed", "forbidden")


def watch_status(store: Store) -> WatchStatus:
    """Per source: last poll and success, its last error, new articles, errors, and its
    article URLs by state; per host: requests and errors. Empty for a store nobody watched into."""
    u, s, h = t.watch_urls.c, t.watch_sources.c, t.watch_hosts.c
    with store.connect() as conn:
        states: dict[str, dict[str, int]] = {}
        for source, state, n in conn.execute(
            sa.select(u.source, u.state, sa.func.count())
            .where(u.kind == "article")
            .group_by(u.source, u.state)
        ):
            states.setdefault(source, {})[state] = int(n)
        sources = [
            WatchedSource(
                name=row.name,
                kind=row.kind,
                url=row.url,
                last_poll=row.last_poll,
                last_ok=row.last_ok,
                last_error=row.last_error,
                polls=int(row.polls),
                new_articles=int(row.new_articles),
                errors=int(row.errors),
                urls={x: states.get(row.name, {}).get(x, 0) for x in _STATES},
            )
            for row in conn.execute(sa.select(t.watch_sources).order_by(s.name))
        ]
        hosts = [
            WatchedHost(
                host=row.host,
                requests=int(row.requests),
                errors=int(row.errors),
                last_request=row.last_request,
                last_error=row.last_error,
                last_error_at=row.last_error_at,
            )
            for row in conn.execute(sa.select(t.watch_hosts).order_by(h.host))
        ]
    return WatchStatus(sources=sources, hosts=hosts)
