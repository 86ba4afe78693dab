"""The news collector: poll sources, fetch new and changed articles, analyse and store them.

A *round* polls some sources (every one with ``once``; else those whose interval has passed):

1. a thread runs the asynchronous fetcher (:class:`~warta.watch.fetch.Fetcher`): each
   source's listing (conditional GET), its links into the frontier
   (:mod:`warta.storage.frontier`), then every URL due (new, announced as changed, or
   failed and past its back-off), politely; fetched pages go on a queue at once;
2. meanwhile this thread reads the pages off the queue into Articles (:mod:`warta.io`'s
   HTML reader; a page that is no article becomes a reject with its reason) and hands
   them to :func:`warta.ingest.analyse_and_store`: analysis on the engine's worker
   processes, storage in batches, the same article under several URLs stored once (its
   fingerprint), and each URL's frontier row marked in the transaction that stores it;
3. the round's new article ids go to the ``after_round`` hooks (watchlists).

Fetching never waits for analysis: the queue is unbounded (a round is bounded by each
source's ``max_articles``). A killed collector resumes: what was not committed is fetched
again; what was is not.

Example:
    >>> report = watch(load_sources("sources.toml"), db="warta.db", settings=load_settings())  # doctest: +SKIP
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import ParamSpec, TypeVar

import msgspec
from sqlalchemy.engine import Connection

from warta.article import Article
from warta.budget import Budget
from warta.config import Settings, pipeline_specs
from warta.engines import LocalEngine
from warta.errors import WartaError
from warta.ingest import Committed, IngestProgress, analyse_and_store
from warta.io import Reject, article_from_html
from warta.registry import StepRef
from warta.storage import Store
from warta.storage import frontier as F

from .discover import discover
from .fetch import Fetcher, Page
from .logs import log_event
from .sources import SourceSpec
from .urls import HostMap, host_of, normalize_url

__all__ = ["AfterRound", "RoundReport", "WatchReport", "after_round_hooks", "watch"]

logger = logging.getLogger(__name__)

AfterRound = Callable[[Store, Sequence[int]], None]
"""A hook run after each round with the store and the ids of the articles the round added."""

P = ParamSpec("P")
R = TypeVar("R")

# Child sitemaps are followed this deep below a source's own (an index of indexes).
_SITEMAP_DEPTH = 3


def after_round_hooks(settings: Settings) -> list[AfterRound]:
    """The hooks ``warta watch`` runs after every round, in order.

    This is where other features plug in; a hook gets the store and the ids of the new
    articles, and runs in the collector's process between rounds. Today: the watchlists'
    check (:func:`warta.watchlists.check_watchlists`), which records their new matches and
    sends the alerts (and retries the deliveries an earlier round could not make). A check
    that fails (a channel misconfigured, the store busy) is logged; collecting goes on and
    the next round's check sends what this one could not.
    """

    def watchlists(store: Store, new_ids: Sequence[int]) -> None:
        from warta.watchlists import check_watchlists

        try:
            result = check_watchlists(store, settings)
        except WartaError as exc:
            logger.error("watchlists check failed: %s", exc)
            return
        if result.new:
            logger.info("watchlists: %d new match(es) after %d new article(s)", result.new, len(new_ids))

    return [watchlists]


class RoundReport(msgspec.Struct):
    """What one round did. ``fetched`` counts pages downloaded (200), ``stored`` articles
    written (inserted or updated), ``new_article_ids`` the rows inserted."""

    round: int = 0
    sources: list[str] = msgspec.field(default_factory=list)
    new_links: int = 0
    fetched: int = 0
    not_modified: int = 0
    failed: int = 0
    forbidden: int = 0
    listing_errors: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    requests: int = 0
    new_article_ids: list[int] = msgspec.field(default_factory=list)
    fetch_seconds: float = 0.0
    seconds: float = 0.0
    interrupted: bool = False


class WatchReport(msgspec.Struct):
    """Every round of a ``watch`` call."""

    db: str
    rounds: list[RoundReport] = msgspec.field(default_factory=list)
    interrupted: bool = False

    @property
    def inserted(self) -> int:
        return sum(r.inserted for r in self.rounds)


def _now() -> str:
    return F.time_text(datetime.now(UTC))


def watch(
    sources: Sequence[SourceSpec],
    *,
    db: str | Path,
    settings: Settings,
    once: bool = True,
    workers: int = 1,
    batch_size: int = 50,
    steps: Sequence[StepRef] | None = None,
    stop: threading.Event | None = None,
    after_round: Sequence[AfterRound] = (),
    max_rounds: int | None = None,
    on_round: Callable[[RoundReport], None] | None = None,
) -> WatchReport:
    """Poll ``sources`` and store their new articles in ``db``.

    Args:
        sources: from :func:`~warta.watch.load_sources`.
        once: one round over every source, then return (for cron); else poll each
            source on its interval until ``stop`` is set (or ``max_rounds``).
        workers: analysis processes (1 analyses in this process).
        batch_size: articles per transaction.
        steps: registry keys of the pipeline (default: ``settings.pipeline``).
        after_round: hooks run after each round (see :func:`after_round_hooks`).
        on_round: told each round's report (the CLI prints it).

    Raises:
        StorageError: the store cannot be opened or written.
    """
    keys = tuple(steps) if steps is not None else pipeline_specs(settings)
    stop = stop or threading.Event()
    report = WatchReport(db=str(db))
    store = Store.open(db)
    engine = LocalEngine(workers=workers, budget=Budget.from_settings(settings))
    try:
        from warta.versions import describe_version

        store.record_version(describe_version(keys))
        F.register_sources(store, [(s.name, s.kind, s.url) for s in sources])
        hosts = HostMap(s.url for s in sources)
        next_poll = {s.name: 0.0 for s in sources}
        # Bounded: one round with `once`, max_rounds if given, else until stopped.
        while not stop.is_set():
            clock = time.monotonic()
            due = [s for s in sources if once or next_poll[s.name] <= clock]
            if due:
                for s in due:
                    next_poll[s.name] = clock + s.interval
                result = _Round(
                    len(report.rounds) + 1,
                    due,
                    store=store,
                    engine=engine,
                    steps=keys,
                    settings=settings,
                    hosts=hosts,
                    stop=stop,
                    batch_size=batch_size,
                ).run()
                report.rounds.append(result)
                if on_round is not None:
                    on_round(result)
                for hook in after_round:
                    hook(store, list(result.new_article_ids))
                if result.interrupted:
                    break
            if once or (max_rounds is not None and len(report.rounds) >= max_rounds):
                break
            _sleep_until(min(next_poll.values()), stop)
    finally:
        engine.close()
        store.close()
    report.interrupted = stop.is_set()
    return report


def _sleep_until(when: float, stop: threading.Event) -> None:
    while not stop.is_set() and (left := when - time.monotonic()) > 0:
        stop.wait(min(left, 1.0))


@dataclass
class _Fetched:
    spec: SourceSpec
    url: str
    page: Page


@dataclass
class _Pending:
    source: str
    etag: str | None
    last_modified: str | None


@dataclass
class _Round:
    number: int
    sources: Sequence[SourceSpec]
    store: Store
    engine: LocalEngine
    steps: tuple[StepRef, ...]
    settings: Settings
    hosts: HostMap
    stop: threading.Event
    batch_size: int
    report: RoundReport = field(default_factory=RoundReport)
    pages: queue.Queue[_Fetched | None] = field(default_factory=queue.Queue)
    pending: dict[str, _Pending] = field(default_factory=dict)
    _db: ThreadPoolExecutor | None = None

    def run(self) -> RoundReport:
        started = time.perf_counter()
        self.report.round = self.number
        self.report.sources = [s.name for s in self.sources]
        log_event(logger, logging.INFO, "round_start", round=self.number, sources=len(self.sources))
        fetching = threading.Thread(target=self._fetch_all, name="warta-watch-fetch", daemon=True)
        fetching.start()
        progress = IngestProgress()
        try:
            interrupted = analyse_and_store(
                self._articles(fetching),
                store=self.store,
                engine=self.engine,
                steps=self.steps,
                progress=progress,
                report=lambda: None,
                known=F.StoredLookup(self.store),
                poisoned=self.store.over_budget(),
                batch_size=self.batch_size,
                stop=self.stop,
                on_commit=self._commit,
            )
        except BaseException:
            self.stop.set()  # the fetcher stops too
            fetching.join()
            raise
        fetching.join()
        r = self.report
        r.inserted, r.updated, r.unchanged = progress.inserted, progress.updated, progress.unchanged
        r.rejected, r.interrupted = progress.rejected, interrupted or self.stop.is_set()
        r.seconds = time.perf_counter() - started
        log_event(
            logger,
            logging.INFO,
            "round_end",
            round=self.number,
            fetched=r.fetched,
            not_modified=r.not_modified,
            failed=r.failed,
            forbidden=r.forbidden,
            inserted=r.inserted,
            updated=r.updated,
            rejected=r.rejected,
            seconds=round(r.seconds, 2),
        )
        return r

    # -- this thread: pages to articles, and the frontier with each batch ------------------

    def _articles(self, fetching: threading.Thread) -> Iterator[Article | Reject]:
        # Ends at the fetcher's end mark, which it always sends (see _fetch_all).
        while True:
            try:
                item = self.pages.get(timeout=0.2)
            except queue.Empty:
                if not fetching.is_alive() and self.pages.empty():
                    return
                continue
            if item is None:
                return
            yield self._read(item)

    def _read(self, item: _Fetched) -> Article | Reject:
        page = item.page
        self.pending[item.url] = _Pending(item.spec.name, page.etag, page.last_modified)
        final = normalize_url(page.final_url, hosts=self.hosts) or item.url
        doc_id = "watch:" + hashlib.sha1(item.url.encode("utf-8")).hexdigest()[:16]
        try:
            article = article_from_html(page.content, id=doc_id, source=item.url, url=final)
        except WartaError as exc:
            log_event(logger, logging.INFO, "rejected", url=item.url, code=exc.code, reason=exc.message)
            return Reject.from_error(exc, source=item.url)
        src = msgspec.structs.replace(article.source, url=final, outlet=item.spec.outlet, path=item.url)
        return msgspec.structs.replace(article, source=src)

    def _commit(self, conn: Connection, done: Committed) -> None:
        now = _now()
        new: dict[str, int] = {}
        for article, _fp, row, inserted in done.articles:
            url = article.source.path or ""
            meta = self.pending.pop(url, None)
            if meta is None:
                continue
            F.mark_fetched(
                conn, url, now=now, article_id=row, etag=meta.etag, last_modified=meta.last_modified
            )
            if inserted:
                self.report.new_article_ids.append(row)
                new[meta.source] = new.get(meta.source, 0) + 1
        for article, _fp in done.skipped:
            url = article.source.path or ""
            meta = self.pending.pop(url, None)
            if meta is not None:
                F.mark_fetched(conn, url, now=now, etag=meta.etag, last_modified=meta.last_modified)
        for reject in done.rejects:
            meta = self.pending.pop(reject.source, None)
            if meta is not None:
                F.mark_fetched(
                    conn,
                    reject.source,
                    now=now,
                    etag=meta.etag,
                    last_modified=meta.last_modified,
                    note=f"{reject.code}: {reject.reason}",
                )
        F.add_new_articles(conn, new)

    # -- the fetch thread --------------------------------------------------------------------

    def _fetch_all(self) -> None:
        started = time.perf_counter()
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="warta-watch-db")
        try:
            asyncio.run(self._fetch_round())
        finally:
            self._db.shutdown(wait=True)
            self.report.fetch_seconds = time.perf_counter() - started
            self.pages.put(None)  # the end mark, whatever happened

    async def _run_db(self, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        # The frontier is written from one thread, in order: no two inserts of one URL race.
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._db, lambda: fn(*args, **kwargs))

    async def _fetch_round(self) -> None:
        async with Fetcher(self.settings, stop=self.stop) as fetcher:
            try:
                await asyncio.gather(*(self._poll(fetcher, spec) for spec in self.sources))
            finally:
                self.report.requests = fetcher.requests
                await self._run_db(F.record_hosts, self.store, fetcher.take_counts())

    async def _poll(self, fetcher: Fetcher, spec: SourceSpec) -> None:
        await self._listing(fetcher, spec, spec.url, child=False)
        if spec.kind == "sitemap":
            await self._children(fetcher, spec)
        if self.stop.is_set():
            return
        due = await self._due(spec, "article", spec.max_articles)
        await asyncio.gather(*(self._article(fetcher, spec, d) for d in due))

    async def _due(self, spec: SourceSpec, kind: F.UrlKind, limit: int) -> list[F.DueUrl]:
        """The source's URLs of ``kind`` due for a fetch now (at most ``limit``)."""
        return await self._run_db(
            F.due_urls,
            self.store,
            source=spec.name,
            kind=kind,
            now=_now(),
            max_attempts=self.settings.watch_max_attempts,
            limit=limit,
        )

    async def _children(self, fetcher: Fetcher, spec: SourceSpec) -> None:
        polled: set[str] = set()
        for _depth in range(_SITEMAP_DEPTH):
            left = spec.max_sitemaps - len(polled)
            if left <= 0 or self.stop.is_set():
                return
            due = await self._due(spec, "sitemap", spec.max_sitemaps)
            todo = [d for d in due if d.url not in polled][:left]
            if not todo:
                return
            polled.update(d.url for d in todo)
            await asyncio.gather(*(self._listing(fetcher, spec, d.url, child=True, due=d) for d in todo))

    async def _listing(
        self, fetcher: Fetcher, spec: SourceSpec, url: str, *, child: bool, due: F.DueUrl | None = None
    ) -> None:
        if self.stop.is_set():
            return
        etag, modified = await self._run_db(
            F.listing_validators, self.store, source=spec.name, url=url, child=child
        )
        page = await fetcher.fetch(url, etag=etag, last_modified=modified)
        if self.stop.is_set() and page.status == "failed":
            return
        lastmod = due.lastmod if due is not None else None
        if page.status == "forbidden" and child:
            await self._run_db(F.mark_forbidden, self.store, url, reason=page.error or "", now=_now())
            return
        if page.status in ("failed", "forbidden"):
            self.report.listing_errors += 1
            await self._run_db(
                F.record_listing_failure,
                self.store,
                source=spec.name,
                url=url,
                child=child,
                error=page.error or page.status,
                now=_now(),
                retry_after=self.settings.watch_retry_after,
            )
            return
        links: list[F.Link] = []
        if page.status == "ok":
            try:
                found = discover(
                    spec,
                    page.content,
                    url=page.final_url,
                    hosts=self.hosts,
                    now=datetime.now(UTC),
                    max_bytes=self.settings.watch_max_bytes,
                )
            except WartaError as exc:
                self.report.listing_errors += 1
                log_event(
                    logger, logging.WARNING, "listing_unreadable", source=spec.name, url=url, error=str(exc)
                )
                await self._run_db(
                    F.record_listing_failure,
                    self.store,
                    source=spec.name,
                    url=url,
                    child=child,
                    error=str(exc),
                    now=_now(),
                    retry_after=self.settings.watch_retry_after,
                )
                return
            links = found.articles + found.sitemaps
            etag, modified = page.etag, page.last_modified
        new = await self._run_db(
            F.record_listing,
            self.store,
            source=spec.name,
            url=url,
            child=child,
            links=links,
            hosts={x.url: host_of(x.url) for x in links},
            etag=etag,
            last_modified=modified,
            now=_now(),
            lastmod=lastmod,
        )
        self.report.new_links += new
        log_event(
            logger,
            logging.INFO,
            "listing",
            source=spec.name,
            url=url,
            status=page.http_status,
            links=len(links),
            new=new,
        )

    async def _article(self, fetcher: Fetcher, spec: SourceSpec, due: F.DueUrl) -> None:
        if self.stop.is_set():
            return
        # Validators only for a page fetched before (announced as changed since).
        fetched = due.state == "fetched"
        page = await fetcher.fetch(
            due.url,
            etag=due.etag if fetched else None,
            last_modified=due.last_modified if fetched else None,
        )
        now = _now()
        if page.status == "ok":
            self.report.fetched += 1
            self.pages.put(_Fetched(spec, due.url, page))
        elif page.status == "not_modified":
            self.report.not_modified += 1
            await self._run_db(F.mark_unchanged, self.store, due.url, now=now)
        elif page.status == "forbidden":
            self.report.forbidden += 1
            await self._run_db(F.mark_forbidden, self.store, due.url, reason=page.error or "", now=now)
        elif not self.stop.is_set():
            self.report.failed += 1
            await self._run_db(
                F.mark_failed,
                self.store,
                due.url,
                error=page.error or "failed",
                now=now,
                retry_after=self.settings.watch_retry_after,
                permanent=page.permanent,
                max_attempts=self.settings.watch_max_attempts,
            )
