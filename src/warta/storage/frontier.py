"""The news collector's state in the store: sources, the frontier of URLs, and hosts.

``warta watch`` (:mod:`warta.watch`) keeps here everything it needs to resume after a
restart: what each source's listing (feed, sitemap, front page) answered last (its ETag
and Last-Modified, for a conditional GET), every URL it found with its state, and requests
and errors per host. A URL's state moves

    seen ──► fetched            (stored, rejected with its reason, or 304 / unchanged)
      │  └─► failed ──► seen    (tried again after a back-off, up to a number of attempts)
      └────► forbidden          (robots.txt disallows it)

and a fetched URL is due again only when its feed or sitemap announces a newer date
(``lastmod`` newer than ``fetched_lastmod``). The state of a stored article's URL changes in
the transaction that stores the article (:func:`mark_fetched` on the writer's connection), so
a killed collector never has an article without its URL marked, nor the reverse.

Times are UTC ``YYYY-MM-DDTHH:MM:SS`` strings, which compare as text on both backends.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

import msgspec
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import tables as t
from .repository import Store

__all__ = [
    "DueUrl",
    "HostCount",
    "Link",
    "StoredLookup",
    "UrlKind",
    "UrlState",
    "add_new_articles",
    "due_urls",
    "listing_validators",
    "mark_failed",
    "mark_fetched",
    "mark_forbidden",
    "mark_unchanged",
    "record_hosts",
    "record_listing",
    "record_listing_failure",
    "register_sources",
    "time_text",
]

UrlState = Literal["seen", "fetched", "failed", "forbidden"]
UrlKind = Literal["article", "sitemap"]

_u, _s, _h = t.watch_urls.c, t.watch_sources.c, t.watch_hosts.c
# Rows per IN (...) list: well under SQLite's and PostgreSQL's bound-parameter limits.
_CHUNK = 500


def time_text(when: datetime) -> str:
    """``when`` as the store writes times (UTC, to the second)."""
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%S")


class Link(msgspec.Struct, frozen=True):
    """A URL a listing names (normalised), with the date it gives (``time_text``), if any."""

    url: str
    lastmod: str | None = None
    kind: UrlKind = "article"


class DueUrl(msgspec.Struct, frozen=True):
    """A frontier URL to fetch now, with what a conditional GET sends."""

    url: str
    source: str
    kind: UrlKind
    etag: str | None
    last_modified: str | None
    lastmod: str | None
    attempts: int
    state: UrlState


class HostCount(msgspec.Struct):
    """Requests and errors to one host since the last :func:`record_hosts`."""

    requests: int = 0
    errors: int = 0
    last_error: str | None = None
    last_error_at: str | None = None
    last_request: str | None = None


def register_sources(store: Store, sources: Iterable[tuple[str, str, str]]) -> None:
    """Make sure each (name, kind, url) has its row; a source whose kind or URL changed
    forgets its listing's validators (they belonged to the old URL)."""
    with store.transaction() as conn:
        for name, kind, url in sources:
            found = conn.execute(sa.select(_s.kind, _s.url).where(_s.name == name)).first()
            if found is None:
                conn.execute(
                    t.watch_sources.insert().values(
                        name=name, kind=kind, url=url, polls=0, new_articles=0, errors=0
                    )
                )
            elif tuple(found) != (kind, url):
                conn.execute(
                    t.watch_sources.update()
                    .where(_s.name == name)
                    .values(kind=kind, url=url, etag=None, last_modified=None)
                )


def listing_validators(store: Store, *, source: str, url: str, child: bool) -> tuple[str | None, str | None]:
    """(ETag, Last-Modified) the listing answered last: the source's own, or a child
    sitemap's (a frontier row of kind ``sitemap``)."""
    with store.connect() as conn:
        if child:
            row = conn.execute(sa.select(_u.etag, _u.last_modified).where(_u.url == url)).first()
        else:
            row = conn.execute(sa.select(_s.etag, _s.last_modified).where(_s.name == source)).first()
    return (None, None) if row is None else (row[0], row[1])


def record_listing(
    store: Store,
    *,
    source: str,
    url: str,
    child: bool,
    links: Sequence[Link],
    hosts: Mapping[str, str],
    etag: str | None,
    last_modified: str | None,
    now: str,
    lastmod: str | None = None,
) -> int:
    """Add the links a listing gave and keep its validators, in one transaction (a listing
    whose links are lost could otherwise answer 304 next time). Returns the new URLs.

    Args:
        hosts: the host of each link (``url -> host``), for the per-host counts.
        child: the listing is a sitemap named by an index (a frontier row), not the source.
        lastmod: the child sitemap's date in its index, kept as fetched.
    """
    with store.transaction() as conn:
        new = _add_links(conn, source, links, hosts, now)
        if child:
            conn.execute(
                t.watch_urls.update()
                .where(_u.url == url)
                .values(
                    state="fetched",
                    etag=etag,
                    last_modified=last_modified,
                    fetched_lastmod=lastmod,
                    last_fetch=now,
                    last_error=None,
                    attempts=0,
                )
            )
        else:
            conn.execute(
                t.watch_sources.update()
                .where(_s.name == source)
                .values(
                    etag=etag,
                    last_modified=last_modified,
                    last_poll=now,
                    last_ok=now,
                    last_error=None,
                    polls=_s.polls + 1,
                )
            )
    return new


def record_listing_failure(
    store: Store, *, source: str, url: str, child: bool, error: str, now: str, retry_after: float
) -> None:
    """A listing that could not be fetched or read: the source's (or child sitemap's) error."""
    if child:
        mark_failed(store, url, error=error, now=now, retry_after=retry_after)
        return
    with store.transaction() as conn:
        conn.execute(
            t.watch_sources.update()
            .where(_s.name == source)
            .values(last_poll=now, last_error=error, polls=_s.polls + 1, errors=_s.errors + 1)
        )


def _add_links(
    conn: Connection, source: str, links: Sequence[Link], hosts: Mapping[str, str], now: str
) -> int:
    unique: dict[str, Link] = {}
    for link in links:
        old = unique.get(link.url)
        if old is None or (link.lastmod or "") > (old.lastmod or ""):
            unique[link.url] = link
    items = list(unique.values())
    new = 0
    for i in range(0, len(items), _CHUNK):
        chunk = items[i : i + _CHUNK]
        found = dict(
            conn.execute(sa.select(_u.url, _u.lastmod).where(_u.url.in_([x.url for x in chunk]))).all()
        )
        rows = [
            {
                "url": x.url,
                "source": source,
                "kind": x.kind,
                "host": hosts.get(x.url, ""),
                "state": "seen",
                "attempts": 0,
                "lastmod": x.lastmod,
                "first_seen": now,
            }
            for x in chunk
            if x.url not in found
        ]
        if rows:
            conn.execute(t.watch_urls.insert(), rows)
            new += len(rows)
        for x in chunk:
            # A URL already known (from this source or another) takes the newer date only.
            if x.url in found and x.lastmod is not None and x.lastmod > (found[x.url] or ""):
                conn.execute(t.watch_urls.update().where(_u.url == x.url).values(lastmod=x.lastmod))
    return new


def due_urls(
    store: Store, *, source: str, kind: UrlKind, now: str, max_attempts: int, limit: int
) -> list[DueUrl]:
    """The source's URLs to fetch now, oldest first: never fetched, announced as changed
    since (a newer ``lastmod``; for a child sitemap also one without a date, asked with a
    conditional GET), or failed and past their back-off with attempts left."""
    changed = sa.and_(
        _u.state == "fetched", _u.lastmod.is_not(None), _u.lastmod > sa.func.coalesce(_u.fetched_lastmod, "")
    )
    if kind == "sitemap":
        changed = sa.or_(changed, sa.and_(_u.state == "fetched", _u.lastmod.is_(None)))
    retry = sa.and_(
        _u.state == "failed", _u.attempts < max_attempts, sa.func.coalesce(_u.next_try, "") <= now
    )
    query = (
        sa.select(_u.url, _u.source, _u.kind, _u.etag, _u.last_modified, _u.lastmod, _u.attempts, _u.state)
        .where(_u.source == source, _u.kind == kind, sa.or_(_u.state == "seen", changed, retry))
        .order_by(_u.first_seen, _u.url)
        .limit(limit)
    )
    with store.connect() as conn:
        return [DueUrl(*row) for row in conn.execute(query)]


def mark_fetched(
    conn: Connection,
    url: str,
    *,
    now: str,
    article_id: int | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    note: str | None = None,
    keep_validators: bool = False,
) -> None:
    """The URL was fetched: stored as ``article_id``, rejected (``note`` says why), or
    unchanged (304, or the same text). Its announced date counts as fetched."""
    values: dict[str, Any] = {
        "state": "fetched",
        "attempts": 0,
        "last_error": note,
        "last_fetch": now,
        "next_try": None,
        "fetched_lastmod": _u.lastmod,
    }
    if not keep_validators:
        values.update(etag=etag, last_modified=last_modified)
    if article_id is not None:
        values["article_id"] = article_id
    conn.execute(t.watch_urls.update().where(_u.url == url).values(**values))


def mark_failed(
    store: Store,
    url: str,
    *,
    error: str,
    now: str,
    retry_after: float,
    permanent: bool = False,
    max_attempts: int = 1,
) -> None:
    """A failed fetch: the reason, one more attempt, and when to try again (``retry_after``
    seconds doubled per attempt); a ``permanent`` failure (a page too large, a redirect loop)
    uses up its ``max_attempts`` at once and is not tried again."""
    with store.transaction() as conn:
        attempts = conn.execute(sa.select(_u.attempts).where(_u.url == url)).scalar()
        if attempts is None:
            return
        n = max(int(attempts) + 1, max_attempts) if permanent else int(attempts) + 1
        # Back-off doubles per attempt, capped at 2^10 times the base (a few days at 300 s).
        delay = retry_after * 2 ** min(n - 1, 10)
        when = datetime.strptime(now, "%Y-%m-%dT%H:%M:%S") + timedelta(seconds=delay)
        conn.execute(
            t.watch_urls.update()
            .where(_u.url == url)
            .values(
                state="failed",
                attempts=n,
                last_error=error,
                last_fetch=now,
                next_try=time_text(when),
            )
        )


def mark_forbidden(store: Store, url: str, *, reason: str, now: str) -> None:
    """robots.txt disallows the URL: it is not fetched (a later round asks robots.txt again
    only for new URLs)."""
    with store.transaction() as conn:
        conn.execute(
            t.watch_urls.update()
            .where(_u.url == url)
            .values(state="forbidden", last_error=reason, last_fetch=now)
        )


def add_new_articles(conn: Connection, counts: Mapping[str, int]) -> None:
    """Count the articles a source brought that the store did not have."""
    for source, n in counts.items():
        if n:
            conn.execute(
                t.watch_sources.update().where(_s.name == source).values(new_articles=_s.new_articles + n)
            )


def record_hosts(store: Store, counts: Mapping[str, HostCount]) -> None:
    """Add requests and errors per host (since the last call) to ``watch_hosts``."""
    if not counts:
        return
    with store.transaction() as conn:
        for host, c in counts.items():
            found = conn.execute(sa.select(_h.host).where(_h.host == host)).first()
            if found is None:
                conn.execute(
                    t.watch_hosts.insert().values(
                        host=host,
                        requests=c.requests,
                        errors=c.errors,
                        last_request=c.last_request,
                        last_error=c.last_error,
                        last_error_at=c.last_error_at,
                    )
                )
                continue
            values: dict[str, Any] = {
                "requests": _h.requests + c.requests,
                "errors": _h.errors + c.errors,
            }
            if c.last_request is not None:
                values["last_request"] = c.last_request
            if c.last_error is not None:
                values.update(last_error=c.last_error, last_error_at=c.last_error_at)
            conn.execute(t.watch_hosts.update().where(_h.host == host).values(**values))


def mark_unchanged(store: Store, url: str, *, now: str) -> None:
    """A conditional GET answered 304: the URL counts as fetched at its announced date,
    with the validators it had."""
    with store.transaction() as conn:
        mark_fetched(conn, url, now=now, keep_validators=True)


class StoredLookup:
    """What is stored under a source key (or ``sha1:<content hash>``), asked of the store per
    key: a long-running collector cannot hold the whole corpus's keys in memory the way an
    ingest's ``Store.known()`` does."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, key: str, /) -> tuple[str, str] | None:
        a, s = t.articles.c, t.article_sources.c
        if key.startswith("sha1:"):
            query = sa.select(a.content_hash, a.pipeline).where(a.content_hash == key[5:]).limit(1)
        else:
            query = (
                sa.select(a.content_hash, a.pipeline)
                .join(t.article_sources, s.article_id == a.id)
                .where(s.source_key == key)
            )
        with self.store.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else (str(row[0]), str(row[1]))
