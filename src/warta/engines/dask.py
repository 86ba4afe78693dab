"""The Dask engine: the same steps on a Dask cluster, or on a LocalCluster when no address is given.

Tasks carry registry keys and batches of Articles as JSON bytes, never step objects or
models; with :meth:`DaskEngine.run_inputs` they carry only the description of a
partition of an input file, which the worker reads itself. Each worker process builds a pipeline once per key tuple and keeps it
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
from pathlib import Path
from typing import Any

import msgspec

from warta.article import Article, from_json, to_json
from warta.budget import Budget, analyse_within, over_budget_reject
from warta.config import Settings, pipeline_specs
from warta.errors import EngineError, WartaError
from warta.io import Reject
from warta.io._files import format_of, suffix_of
from warta.io.partitions import Partition, plan_partitions, read_partition
from warta.pipeline import Pipeline
from warta.registry import StepRef

__all__ = ["DaskEngine"]

# Per worker process: one pipeline per tuple of step keys. A worker with several threads
# shares it under the lock (the CRF tagger and the feature caches are not thread-safe);
# run workers with one thread each (as the LocalCluster here does) and the lock is free.
_PIPELINES: dict[tuple[StepRef, ...], Pipeline] = {}
_LOCK = threading.Lock()


def _worker_pipeline(keys: tuple[StepRef, ...]) -> Pipeline:
    from warta.api_analyze import build_pipeline

    pipe = _PIPELINES.get(keys)
    if pipe is None:
        pipe = _PIPELINES[keys] = build_pipeline(keys)
    return pipe


def _run_batch(keys: tuple[StepRef, ...], payloads: list[bytes], budget: Budget | None = None) -> list[bytes]:
    """The task: decode, run, encode. Runs on a worker."""
    with _LOCK:
        pipe = _worker_pipeline(keys)
        return [to_json(analyse_within(pipe, from_json(p), budget)) for p in payloads]


# Results of a partition task: an Article's JSON after b"A", a Reject's after b"R".
_reject_encoder = msgspec.json.Encoder()
_reject_decoder = msgspec.json.Decoder(Reject)


def _run_partition(
    keys: tuple[StepRef, ...], settings: dict[str, Any], part: bytes, budget: Budget | None = None
) -> list[bytes]:
    """The task: read one partition of an input on the worker, run, encode. Runs on a worker."""
    from warta.config import Settings

    partition = msgspec.json.decode(part, type=Partition)
    out: list[bytes] = []
    with _LOCK:
        pipe = _worker_pipeline(keys)
        for item in read_partition(partition, settings=Settings(**settings)):
            if not isinstance(item, Reject):
                article = analyse_within(pipe, item, budget)
                rejected = over_budget_reject(article)
                if rejected is None:
                    out.append(b"A" + to_json(article))
                    continue
                item = rejected
            out.append(b"R" + _reject_encoder.encode(item))
    return out


def _many_records(path: str) -> bool:
    """Whether a whole file holds many records (JSONL, JSON, CSV, feed, WARC), not one document."""
    found = format_of(suffix_of(Path(path)))
    return found is not None and found[0] not in ("text", "html")


def _decode_item(data: bytes) -> Article | Reject:
    return from_json(data[1:]) if data[:1] == b"A" else _reject_decoder.decode(data[1:])


class DaskEngine:
    """Run on a Dask cluster.

    Args:
        scheduler: ``tcp://HOST:PORT`` of a running scheduler; None starts a LocalCluster.
        workers: worker processes of the LocalCluster (ignored with ``scheduler``).
        batch_size: articles per task; large enough that task overhead (about 1 ms)
            is small beside the work (about 30 ms an article).
        in_flight: batches submitted ahead of the one being collected (default:
            four per worker; two partitions per worker for :meth:`run_inputs`).
        partition_bytes: about how many bytes of a large input file one
            :meth:`run_inputs` task reads.
        connect_timeout: seconds to wait for the ``scheduler`` before an :class:`EngineError`.
        budget: the time and memory one article may take on a worker (see :mod:`warta.budget`).

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
        partition_bytes: int = 4 << 20,
        connect_timeout: float = 10.0,
        budget: Budget | None = None,
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        if partition_bytes < 1:
            raise ValueError(f"partition_bytes must be at least 1, got {partition_bytes}")
        self.scheduler = scheduler
        self.workers = workers
        self.batch_size = batch_size
        self.in_flight = in_flight
        self.partition_bytes = partition_bytes
        self.connect_timeout = connect_timeout
        self.budget = budget
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
                try:
                    self._client = dist.Client(self.scheduler, timeout=self.connect_timeout)
                except (OSError, TimeoutError, ValueError) as exc:
                    raise EngineError(
                        f"cannot reach a Dask scheduler there within {self.connect_timeout:g} s "
                        f"({type(exc).__name__}: {exc}); start one with `dask scheduler` and its "
                        "workers with `dask worker ADDRESS`, or leave --scheduler out for a local cluster",
                        source=self.scheduler,
                    ) from exc
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

    def run(self, articles: Iterable[Article], *, steps: Sequence[StepRef]) -> Iterator[Article]:
        keys = tuple(steps)
        client = self.client
        ahead = self.in_flight or 4 * max(1, self.n_workers())
        payloads = (to_json(a) for a in articles)
        queue: deque[Any] = deque()
        while batch := list(islice(payloads, self.batch_size)):
            queue.append(client.submit(_run_batch, keys, batch, self.budget, pure=False))
            if len(queue) >= ahead:
                yield from map(from_json, queue.popleft().result())
        while queue:
            yield from map(from_json, queue.popleft().result())

    def run_inputs(self, paths: Sequence[str | Path], *, settings: Settings) -> Iterator[Article | Reject]:
        """Read and analyse ``paths`` on the workers: each task reads its own partition.

        Large JSONL, CSV and WARC files are cut into byte ranges of about
        ``partition_bytes`` (:func:`~warta.io.partitions.plan_partitions`); only the
        partitions' descriptions travel to the workers, which must see the same paths
        (a shared file system on a real cluster). A file of many records that cannot be
        cut (gzipped JSONL, a JSON array, a feed) is read here and sent in batches of
        ``batch_size``, so that all workers share it; a one-document file (text, HTML)
        goes whole to a worker. Results come back in input order: the same Articles and
        Rejects as reading the inputs here and running ``run``.
        """
        keys = pipeline_specs(settings)
        config = settings.model_dump()
        client = self.client
        ahead = self.in_flight or 2 * max(1, self.n_workers())
        # In order: ("part", future) from _run_partition, ("batch", future) from _run_batch,
        # or ("read", [reject]) met while reading here.
        queue: deque[tuple[str, Any]] = deque()

        def collect(kind: str, entry: Any) -> Iterator[Article | Reject]:
            if kind == "read":
                yield from entry
            elif kind == "batch":
                yield from map(from_json, entry.result())
            else:
                yield from map(_decode_item, entry.result())

        for part in plan_partitions(paths, target_bytes=self.partition_bytes):
            if part.end is not None or not _many_records(part.path):
                queue.append(
                    (
                        "part",
                        client.submit(
                            _run_partition, keys, config, msgspec.json.encode(part), self.budget, pure=False
                        ),
                    )
                )
            else:
                batch: list[bytes] = []
                for item in read_partition(part, settings=settings):
                    if isinstance(item, Reject):
                        if batch:
                            queue.append(
                                ("batch", client.submit(_run_batch, keys, batch, self.budget, pure=False))
                            )
                            batch = []
                        queue.append(("read", [item]))
                    else:
                        batch.append(to_json(item))
                        if len(batch) >= self.batch_size:
                            queue.append(
                                ("batch", client.submit(_run_batch, keys, batch, self.budget, pure=False))
                            )
                            batch = []
                    while len(queue) >= ahead:
                        yield from collect(*queue.popleft())
                if batch:
                    queue.append(("batch", client.submit(_run_batch, keys, batch, self.budget, pure=False)))
            while len(queue) >= ahead:
                yield from collect(*queue.popleft())
        while queue:
            yield from collect(*queue.popleft())

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
