"""Analysis for the server: a bounded pool of worker processes, outside the event loop.

The server must keep answering (health checks, article pages) while it analyses a posted
text, and one hostile request must not hold it. So:

- each analysis runs in a **worker process** (``analyze_workers`` of them, started on the
  first request that needs one, each loading the models once), under the per-article
  budget (``article_seconds``, ``article_memory_mb``; see :mod:`warta.budget`);
- **admission control**: at most ``analyze_workers + analyze_queue`` requests are admitted
  at once; the next one is refused at once with 503 and ``Retry-After``, instead of
  waiting behind the others;
- a request whose **client goes away** is cancelled: dropped from the queue, or, when a
  worker has it, stopped by that worker's watchdog (the worker survives for the next one);
- reading the request (a whole HTML page through trafilatura) happens in the worker too,
  and the analysed record comes back as JSON bytes that the API passes through as they are.

A worker that dies (killed, out of memory) is replaced, and its request answered with 500.

Example:
    >>> pool = AnalysisPool(["warta.clean.v1"], workers=1, queue=2, budget=Budget(seconds=30))  # doctest: +SKIP
    >>> data = await pool.analyse({"text": "Harga naik."}, is_gone=...)  # doctest: +SKIP
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import multiprocessing as mp
import threading
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from warta.article import Article, Published, from_json, to_json
from warta.budget import Budget, Watchdog
from warta.errors import OverBudgetError, WartaError
from warta.registry import StepRef

__all__ = ["AnalysisPool", "Busy", "Cancelled", "WorkerFailed", "content_id", "read_request"]

logger = logging.getLogger("warta.web")

# How often a waiting request looks whether its client is still there (seconds).
_POLL = 0.1
# What a 503 asks the client to wait before trying again (seconds).
RETRY_AFTER = 5


class Busy(Exception):
    """Every worker is busy and the queue is full."""


class Cancelled(Exception):
    """The client went away; the analysis was dropped or stopped."""


class WorkerFailed(Exception):
    """The worker process died while analysing (it is replaced)."""


def content_id(data: str) -> str:
    """A request's content-derived id ("sha1-" and 16 hex digits)."""
    return "sha1-" + hashlib.sha1(data.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def read_request(body: dict[str, Any]) -> Article:
    """The (unanalysed) Article of an analysis request: ``html`` is read as the HTML reader
    reads a page, ``text`` as a ``.txt`` file is read (a headline-like first line becomes the
    title); ``title``, ``url``, ``outlet`` and ``date`` override what was found.

    Raises:
        InputError: the page or text cannot be read (W1xx).
    """
    from warta.io import article_from_html, parse_metadata_date, read_text

    html, text = body.get("html"), body.get("text")
    source = f"api:{content_id(html if html is not None else text or '')}"
    aid = source.removeprefix("api:")
    url = body.get("url")
    if html is not None:
        article = article_from_html(html, id=aid, source=source, url=url)
    else:
        article = read_text(text or "", source=source, id=aid)
        article.source.url = url
        article.source.site = urlsplit(url).hostname if url else None
    if body.get("title"):
        article.title = body["title"]
    if body.get("outlet"):
        article.source.outlet = body["outlet"]
    if body.get("date"):
        article.published = Published(
            value=parse_metadata_date(body["date"]), method="metadata", raw=body["date"]
        )
    return article


# -- the worker process ------------------------------------------------------------------------


def _serve(conn: Any, cancel: Any, steps: tuple[StepRef, ...], budget: Budget) -> None:
    """A worker: build the pipeline once, then answer jobs until told to stop (None)."""
    import signal

    from warta.api_analyze import build_pipeline

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its workers itself
    pipe = build_pipeline(steps)
    dog = Watchdog(budget, cancel=cancel.is_set)
    conn.send(("ready",))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        kind, payload = job
        try:
            article = read_request(payload) if kind == "request" else from_json(payload)
            out = dog.run(pipe, article)
        except OverBudgetError as exc:
            reply: tuple[Any, ...] = ("cancelled",) if cancel.is_set() else ("over-budget", exc.message)
        except WartaError as exc:
            reply = ("error", type(exc).__name__, exc.code, exc.message)
        except Exception as exc:  # the worker boundary: report, and serve the next job
            logger.exception("analysis failed in a worker")
            reply = ("failed", f"{type(exc).__name__}: {exc}")
        else:
            reply = ("ok", to_json(out))
        cancel.clear()
        conn.send(reply)


@dataclass
class _Worker:
    process: Any
    conn: Any
    cancel: Any
    ready: bool = False


class AnalysisPool:
    """Worker processes that analyse requests, with a bounded queue (see the module doc).

    Args:
        steps: registry keys of the pipeline.
        workers: worker processes (each holds the models: about 500 MB).
        queue: requests that may wait for a worker beyond those being analysed.
        budget: what one analysis may cost in a worker.
    """

    def __init__(
        self,
        steps: Sequence[StepRef],
        *,
        workers: int = 1,
        queue: int = 4,
        budget: Budget | None = None,
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        self.steps = tuple(steps)
        self.workers = workers
        self.queue = max(0, queue)
        self.budget = budget or Budget()
        self._admitted = 0
        self._idle: asyncio.Queue[_Worker] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self._ctx = mp.get_context("spawn")

    @property
    def loaded(self) -> bool:
        """Whether a worker has its pipeline built."""
        return any(w.ready for w in self._all)

    @property
    def admitted(self) -> int:
        """Requests being analysed or waiting now."""
        return self._admitted

    def status(self) -> dict[str, int | bool]:
        return {
            "workers": self.workers,
            "started": len(self._all),
            "ready": sum(w.ready for w in self._all),
            "admitted": self._admitted,
            "capacity": self.workers + self.queue,
        }

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        cancel = self._ctx.Event()
        proc = self._ctx.Process(
            target=_serve, args=(child, cancel, self.steps, self.budget), daemon=True, name="warta-analysis"
        )
        proc.start()
        child.close()
        worker = _Worker(proc, parent, cancel)
        self._all.append(worker)
        return worker

    def _idle_queue(self) -> asyncio.Queue[_Worker]:
        loop = asyncio.get_running_loop()
        if self._idle is None or self._loop is not loop:
            # A queue belongs to one event loop: a server has one; a pool used from several
            # (tests, an embedding program) gets a new queue of its idle workers for each.
            self._idle = asyncio.Queue()
            self._loop = loop
            for worker in self._all:
                self._idle.put_nowait(worker)
            for _ in range(self.workers - len(self._all)):
                self._idle.put_nowait(self._spawn())
        return self._idle

    async def analyse(self, body: dict[str, Any], *, is_gone: Callable[[], Awaitable[bool]]) -> bytes:
        """The analysed Article of an analysis request, as JSON bytes.

        Raises:
            Busy: no room (answer 503 with Retry-After).
            Cancelled: ``is_gone()`` said the client went away.
            OverBudgetError: the analysis ran over its budget (W205).
            WartaError: the request cannot be read (an InputError, W1xx).
            WorkerFailed: the worker died.
        """
        return await self._run(("request", body), is_gone=is_gone)

    async def analyse_article(self, article: Article, *, is_gone: Callable[[], Awaitable[bool]]) -> Article:
        """Analyse an Article already read (see :meth:`analyse` for the errors)."""
        return from_json(await self._run(("article", to_json(article)), is_gone=is_gone))

    async def _run(self, job: tuple[str, Any], *, is_gone: Callable[[], Awaitable[bool]]) -> bytes:
        if self._admitted >= self.workers + self.queue:
            raise Busy(f"{self._admitted} analyses running or waiting")
        self._admitted += 1
        try:
            idle = self._idle_queue()
            worker = await self._take(idle, is_gone)
            try:
                reply = await self._ask(worker, job, is_gone)
            except WorkerFailed:
                worker = self._replace(worker)
                raise
            finally:
                idle.put_nowait(worker)
        finally:
            self._admitted -= 1
        kind = reply[0]
        if kind == "ok":
            data: bytes = reply[1]
            return data
        if kind == "cancelled":
            raise Cancelled("the client went away")
        if kind == "over-budget":
            raise OverBudgetError(reply[1])
        if kind == "error":
            _name, code, message = reply[1:]
            raise _error_of(code, message)
        raise WorkerFailed(reply[1])

    async def _take(self, idle: asyncio.Queue[_Worker], is_gone: Callable[[], Awaitable[bool]]) -> _Worker:
        """An idle worker; gives up when the client goes away while it waits."""
        getter = asyncio.ensure_future(idle.get())
        while True:
            done, _ = await asyncio.wait({getter}, timeout=_POLL)
            if done:
                return getter.result()
            if await is_gone():
                if getter.done():
                    idle.put_nowait(getter.result())  # it came while we asked: hand it back
                else:
                    getter.cancel()
                raise Cancelled("the client went away while queued")

    async def _ask(
        self, worker: _Worker, job: tuple[str, Any], is_gone: Callable[[], Awaitable[bool]]
    ) -> tuple[Any, ...]:
        loop = asyncio.get_running_loop()
        try:
            if not worker.ready:
                await loop.run_in_executor(None, _expect_ready, worker)
            worker.conn.send(job)
            reply = loop.run_in_executor(None, worker.conn.recv)
            cancelled = False
            while True:
                done, _ = await asyncio.wait({reply}, timeout=_POLL)
                if done:
                    result: tuple[Any, ...] = reply.result()
                    return result
                if not cancelled and await is_gone():
                    # The watchdog in the worker stops the analysis; its answer keeps the
                    # pipe in step for the next request.
                    worker.cancel.set()
                    cancelled = True
        except (EOFError, OSError, BrokenPipeError) as exc:
            raise WorkerFailed(f"the analysis worker died ({type(exc).__name__})") from exc

    def _replace(self, worker: _Worker) -> _Worker:
        logger.error(
            "analysis worker %s died (exit code %s); starting another",
            worker.process.pid,
            worker.process.exitcode,
        )
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
        if worker.process.is_alive():
            worker.process.kill()
        return self._spawn()

    def close(self) -> None:
        """Stop the workers (each finishes nothing more: the server is shutting down)."""
        for worker in self._all:
            with contextlib.suppress(OSError):  # a worker already gone
                worker.conn.send(None)
        for worker in self._all:
            worker.process.join(timeout=2)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(timeout=2)
        self._all.clear()
        self._idle = None


def _expect_ready(worker: _Worker) -> None:
    message = worker.conn.recv()
    if message != ("ready",):
        raise OSError(f"unexpected first message from the analysis worker: {message!r}")
    worker.ready = True


def _error_of(code: str, message: str) -> WartaError:
    """A WartaError of the class that carries ``code`` (the API maps classes to statuses)."""
    from warta import errors

    for name in errors.__all__:
        cls = getattr(errors, name)
        if isinstance(cls, type) and issubclass(cls, WartaError) and cls.code == code:
            return cls(message)
    return WartaError(message)
