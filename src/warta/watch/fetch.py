"""A polite HTTP fetcher (httpx.AsyncClient) for the news collector.

Polite by default, with the settings ``watch_*`` (:mod:`warta.config`):

- robots.txt is asked once per host (and again after an hour) and honoured (protego), with
  its Crawl-delay; a robots.txt that cannot be fetched (5xx, timeout) forbids the host for
  now, as RFC 9309 says; a missing one (4xx) allows everything;
- one host gets at most ``watch_host_concurrency`` requests at a time, ``watch_host_delay``
  seconds apart (``watch_concurrency`` in all), with a User-Agent that says who is asking;
- a conditional GET (If-None-Match / If-Modified-Since) when validators are known: 304 is
  "not modified";
- 5xx, 429, timeouts and connection errors are tried again ``watch_retries`` times with an
  exponential back-off; ``watch_timeout`` bounds each try as a whole, however slowly the
  bytes come;
- a body is streamed and given up beyond ``watch_max_bytes``; redirects are followed by hand,
  at most ``watch_max_redirects``, each hop asked of robots.txt and rate-limited like any
  request.
"""

from __future__ import annotations

import asyncio
import logging
import random
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal
from urllib.parse import urljoin, urlsplit

import httpx

from warta.config import Settings
from warta.storage.frontier import HostCount, time_text

from .logs import log_event
from .urls import host_of

__all__ = ["Fetcher", "Page", "PageStatus"]

logger = logging.getLogger(__name__)

PageStatus = Literal["ok", "not_modified", "forbidden", "failed"]

# robots.txt is asked again after this long (a long-running collector follows its changes).
_ROBOTS_TTL = 3600.0
# A robots.txt is small; a bigger one is cut here (Google reads 500 KiB of it).
_ROBOTS_MAX_BYTES = 512_000
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})


@dataclass
class Page:
    """What fetching a URL gave.

    Attributes:
        url: the URL asked for.
        final_url: where the answer came from, after redirects.
        status: ``ok`` (``content`` holds the body), ``not_modified`` (304), ``forbidden``
            (robots.txt), ``failed`` (``error`` says why).
        permanent: a failure that another try would not change (too large, a redirect loop).
    """

    url: str
    final_url: str
    status: PageStatus
    content: bytes = b""
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    error: str | None = None
    permanent: bool = False


@dataclass
class _Host:
    gate: asyncio.Semaphore
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_at: float = 0.0
    delay: float = 0.0
    robots: object | None = None  # protego.Protego, or None: everything allowed
    robots_error: str | None = None
    robots_at: float = -1.0
    robots_lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class _TooLarge(Exception):
    pass


class Fetcher:
    """Fetch pages politely; use as ``async with Fetcher(settings) as f: await f.fetch(url)``.

    Args:
        settings: the ``watch_*`` settings.
        stop: when set, back-off waits end early and no new request starts.
        transport: an httpx transport (tests; default: the network).
    """

    def __init__(
        self,
        settings: Settings,
        *,
        stop: threading.Event | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.settings = settings
        self.stop = stop or threading.Event()
        self._transport = transport
        self._client: httpx.AsyncClient | None = None
        self._hosts: dict[str, _Host] = {}
        self._all: asyncio.Semaphore | None = None
        self._counts: dict[str, HostCount] = {}
        self.requests = 0

    async def __aenter__(self) -> Fetcher:
        s = self.settings
        self._client = httpx.AsyncClient(
            headers={"User-Agent": s.watch_user_agent},
            timeout=httpx.Timeout(s.watch_timeout),
            follow_redirects=False,  # by hand: robots.txt and the rate limit apply to every hop
            transport=self._transport,
            limits=httpx.Limits(max_connections=s.watch_concurrency),
        )
        self._all = asyncio.Semaphore(s.watch_concurrency)
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def take_counts(self) -> dict[str, HostCount]:
        """Requests and errors per host since the last call (for ``watch_hosts``)."""
        out, self._counts = self._counts, {}
        return out

    # -- the public call ---------------------------------------------------------------

    async def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Page:
        """GET ``url`` politely (conditional when validators are given); never raises for
        what the server or the network does: the Page says what happened."""
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        # At most watch_max_redirects hops after the first request.
        for _hop in range(self.settings.watch_max_redirects + 1):
            allowed, why = await self._allowed(current)
            if not allowed:
                log_event(logger, logging.INFO, "forbidden", url=current, reason=why)
                return Page(url, current, "forbidden", error=why)
            page = await self._get(url, current, headers)
            if page.http_status in _REDIRECT_STATUS and page.error is None:
                location = page.content.decode("latin-1")
                if not location:
                    return self._failed(page, f"HTTP {page.http_status} without a Location", permanent=True)
                current = urljoin(current, location)
                if urlsplit(current).scheme not in ("http", "https"):
                    return self._failed(page, f"a redirect to a non-HTTP address: {current}", permanent=True)
                continue
            return page
        return self._failed(
            Page(url, current, "failed"),
            f"too many redirects (more than {self.settings.watch_max_redirects})",
            permanent=True,
        )

    def _failed(self, page: Page, error: str, *, permanent: bool = False) -> Page:
        page.status, page.error, page.permanent, page.content = "failed", error, permanent, b""
        self._count(host_of(page.final_url), error)
        log_event(logger, logging.WARNING, "fetch_failed", url=page.url, final=page.final_url, error=error)
        return page

    # -- one request, with retries ---------------------------------------------------------

    async def _get(self, url: str, current: str, headers: dict[str, str], *, robots: bool = False) -> Page:
        s = self.settings
        error = "not tried"
        for attempt in range(s.watch_retries + 1):
            if attempt:
                # Exponential back-off with a little jitter, so that retries do not line up.
                wait = s.watch_backoff * 2 ** (attempt - 1) * (1 + random.random() / 4)
                if await self._sleep(wait):
                    break
            if self.stop.is_set():
                error = "stopped"
                break
            try:
                page = await self._once(url, current, headers, robots=robots)
            except _TooLarge:
                return self._failed(
                    Page(url, current, "failed"),
                    f"W103 the page is larger than {s.watch_max_bytes:,} bytes",
                    permanent=True,
                )
            except TimeoutError:
                error = f"timeout after {s.watch_timeout:g} s"
            except httpx.TimeoutException:
                error = f"timeout after {s.watch_timeout:g} s"
            except httpx.HTTPError as exc:
                error = f"connection error: {type(exc).__name__}: {exc}"
            else:
                if page.http_status in _RETRY_STATUS:
                    error = f"HTTP {page.http_status}"
                    continue
                return page
        # Counted once, as the request's outcome, not once per try.
        return self._failed(Page(url, current, "failed"), error)

    async def _sleep(self, seconds: float) -> bool:
        """Sleep, in short steps so a stop is seen; True when stopped."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            if self.stop.is_set():
                return True
            await asyncio.sleep(min(left, 0.2))
        return self.stop.is_set()

    async def _once(self, url: str, current: str, headers: dict[str, str], *, robots: bool) -> Page:
        assert self._client is not None and self._all is not None, "use the Fetcher in 'async with'"
        host = self._host(current)
        async with self._all, host.gate:
            await self._wait_turn(host)
            self._count(host_of(current), None)
            self.requests += 1
            started = time.monotonic()
            async with asyncio.timeout(self.settings.watch_timeout):
                async with self._client.stream("GET", current, headers=headers) as resp:
                    status = resp.status_code
                    page = Page(
                        url,
                        current,
                        "ok",
                        http_status=status,
                        etag=resp.headers.get("ETag"),
                        last_modified=resp.headers.get("Last-Modified"),
                        content_type=resp.headers.get("Content-Type"),
                    )
                    if status in _REDIRECT_STATUS:
                        page.content = resp.headers.get("Location", "").encode("latin-1", "replace")
                    elif status == 304:
                        page.status = "not_modified"
                    elif status == 200:
                        page.content = await self._body(resp)
                    else:
                        page.status = "failed"
                        page.error = f"HTTP {status}"
        log_event(
            logger,
            logging.DEBUG,
            "http",
            url=current,
            status=status,
            bytes=len(page.content),
            ms=round((time.monotonic() - started) * 1000),
        )
        # A missing robots.txt (4xx) is no error: it allows everything.
        if page.status == "failed" and status not in _RETRY_STATUS and not robots:
            self._count(host_of(current), page.error)
            log_event(logger, logging.WARNING, "fetch_failed", url=url, final=current, error=page.error)
        return page

    async def _body(self, resp: httpx.Response) -> bytes:
        limit = self.settings.watch_max_bytes
        declared = resp.headers.get("Content-Length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise _TooLarge
        chunks: list[bytes] = []
        size = 0
        async for chunk in resp.aiter_bytes():
            size += len(chunk)
            if size > limit:
                raise _TooLarge  # stop reading: the rest is never downloaded
            chunks.append(chunk)
        return b"".join(chunks)

    # -- hosts: rate limit, robots.txt, counts ------------------------------------------------

    def _host(self, url: str) -> _Host:
        key = host_of(url)
        found = self._hosts.get(key)
        if found is None:
            found = self._hosts[key] = _Host(
                gate=asyncio.Semaphore(self.settings.watch_host_concurrency),
                delay=self.settings.watch_host_delay,
            )
        return found

    async def _wait_turn(self, host: _Host) -> None:
        loop = asyncio.get_running_loop()
        async with host.lock:
            wait = host.next_at - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            host.next_at = loop.time() + host.delay

    def _count(self, host: str, error: str | None) -> None:
        c = self._counts.setdefault(host, HostCount())
        now = time_text(datetime.now(UTC))
        if error is None:
            c.requests += 1
            c.last_request = now
        else:
            c.errors += 1
            c.last_error = error
            c.last_error_at = now

    async def _allowed(self, url: str) -> tuple[bool, str]:
        from protego import Protego

        host = self._host(url)
        async with host.robots_lock:
            if host.robots_at < 0 or time.monotonic() - host.robots_at > _ROBOTS_TTL:
                await self._load_robots(url, host)
        if host.robots_error is not None:
            return False, host.robots_error
        if host.robots is None:
            return True, ""
        assert isinstance(host.robots, Protego)
        if host.robots.can_fetch(url, self.settings.watch_user_agent):
            return True, ""
        return False, "robots.txt disallows it"

    async def _load_robots(self, url: str, host: _Host) -> None:
        from protego import Protego

        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        host.robots_at = time.monotonic()
        host.robots, host.robots_error = None, None
        page = await self._get(robots_url, robots_url, {}, robots=True)
        # Follow a redirect or two (robots.txt often moves to https or www).
        for _ in range(5):
            if page.http_status not in _REDIRECT_STATUS or page.status == "failed":
                break
            target = urljoin(page.final_url, page.content.decode("latin-1"))
            page = await self._get(robots_url, target, {}, robots=True)
        status = page.http_status
        if page.status == "ok" and status == 200:
            text = page.content[:_ROBOTS_MAX_BYTES].decode("utf-8", "replace")
            rules = Protego.parse(text)
            host.robots = rules
            delay = rules.crawl_delay(self.settings.watch_user_agent)
            if delay is not None:
                host.delay = min(
                    max(float(delay), self.settings.watch_host_delay), self.settings.watch_max_crawl_delay
                )
        elif status is not None and 400 <= status < 500:
            host.robots = None  # no robots.txt: everything is allowed
        else:
            # 5xx or no answer: RFC 9309 reads an unreachable robots.txt as "disallow all".
            host.robots_error = (
                f"robots.txt unreachable ({page.error or f'HTTP {status}'}); the host is left alone"
            )
        log_event(
            logger,
            logging.INFO,
            "robots",
            host=parts.netloc,
            status=status,
            crawl_delay=host.delay,
            error=host.robots_error,
        )
