"""The Dask engine: the same steps on a Dask cluster, or on a LocalCluster when no address is given.

Tasks carry registry keys and batches of Articles as JSON bytes, never step objects or
models. Each worker process builds a pipeline once per key tuple and keeps it
(:func:`_worker_pipeline`), so models load once per worker, not per task. Results come
back in input order, with at most ``in_flight`` batches queued, so a corpus larger than
memory streams through.

``distributed`` is imported only when the engine starts: ``pip install warta[dask]``.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from importlib import import_module
from itertools import islice
from typing import Any

from warta.article import Article, from_json, to_json
from warta.errors import WartaError
from warta.pipeline import Pipeline

__all__ = ["DaskEngine"]

# Per worker process: one pipeline per tuple of step keys. A worker with several threads
# shares it under the lock (the CRF tagger and the feature caches are not thread-safe);
# run workers with one thread each (as the LocalCluster here does) and the lock is free.
_PIPELINES: dict[tuple[str, ...], Pipeline] = {}
_LOCK = threading.Lock()


def _worker_pipeline(keys: tuple[str, ...]) -> Pipeline:
    from warta.api_analyze import build_pipeline

    pipe = _PIPELINES.get(keys)
    if pipe is None:
        pipe = _PIPELINES[keys] = build_pipeline(keys)
    return pipe


def _run_batch(keys: tuple[str, ...], payloads: list[bytes]) -> list[bytes]:
    """The task: decode, run, encode. Runs on a worker."""
    with _LOCK:
        pipe = _worker_pipeline(keys)
        return [to_json(pipe(from_json(p))) for p in payloads]


class DaskEngine:
    """Run on a Dask cluster.

    Args:
        scheduler: ``tcp://HOST:PORT`` of a running scheduler; None starts a LocalCluster.
        workers: worker processes of the LocalCluster (ignored with ``scheduler``).
        batch_size: articles per task; large enough that task overhead (about 1 ms)
            is small beside the work (about 30 ms an article).
        in_flight: batches submitted ahead of the one being collected (default:
            four per worker).

    Example:
        >>> with DaskEngine(workers=2) as engine:  # doctest: +SKIP
        ...     out = list(engine.run(articles, steps=Settings().pipeline))
    """

    def __init__(
        self,
        *,
        scheduler: str | None = None,
        workers: int = 2,
        batch_size: int = 16,
        in_flight: int | None = None,
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        self.scheduler = scheduler
        self.workers = workers
        self.batch_size = batch_size
        self.in_flight = in_flight
        self._client: Any = None
        self._cluster: Any = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def client(self) -> Any:
        """The ``distributed.Client``, started on first use."""
        if self._client is None:
            try:
                # distributed is untyped: hold it as Any rather than ignore each call.
                dist: Any = import_module("distributed")
            except ImportError as exc:  # pragma: no cover - depends on the install
                raise WartaError("the Dask engine needs distributed: pip install 'warta[dask]'") from exc
            if self.scheduler:
                self._client = dist.Client(self.scheduler)
            else:
                # One thread per worker process: the steps are pure Python, so threads would
                # only contend for the GIL.
                self._cluster = dist.LocalCluster(
                    n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=None
                )
                self._client = dist.Client(self._cluster)
        return self._client

    def n_workers(self) -> int:
        """Workers the scheduler knows now."""
        return len(self.client.scheduler_info()["workers"])

    def run(self, articles: Iterable[Article], *, steps: Sequence[str]) -> Iterator[Article]:
        keys = tuple(steps)
        client = self.client
        ahead = self.in_flight or 4 * max(1, self.n_workers())
        payloads = (to_json(a) for a in articles)
        queue: deque[Any] = deque()
        while batch := list(islice(payloads, self.batch_size)):
            queue.append(client.submit(_run_batch, keys, batch, pure=False))
            if len(queue) >= ahead:
                yield from map(from_json, queue.popleft().result())
        while queue:
            yield from map(from_json, queue.popleft().result())

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
