"""The local engine: one process, or a pool of worker processes on this machine."""

from __future__ import annotations

import multiprocessing as mp
import signal
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from warta.api_analyze import build_pipeline
from warta.article import Article, from_json, to_json
from warta.budget import Budget, analyse_within
from warta.pipeline import Pipeline
from warta.registry import StepRef

__all__ = ["LocalEngine"]

# One pipeline per worker process, built by the pool initialiser: models load once per
# worker, never per task.
_WORKER_PIPELINE: Pipeline | None = None
_WORKER_BUDGET: Budget | None = None


def _init_worker(steps: tuple[StepRef, ...], budget: Budget | None) -> None:
    global _WORKER_PIPELINE, _WORKER_BUDGET
    # Ctrl-C reaches the whole process group: the parent decides what to keep and stops
    # the workers itself, so a worker must not die half-way through an article on its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_PIPELINE = build_pipeline(steps)
    _WORKER_BUDGET = budget


def _work(payload: bytes) -> bytes:
    # Articles cross the process boundary as JSON bytes (msgspec): faster than pickling
    # the nested records, and the same format the writers use.
    if _WORKER_PIPELINE is None:  # pragma: no cover - the initialiser always runs first
        raise RuntimeError("worker pipeline not initialised")
    return to_json(analyse_within(_WORKER_PIPELINE, from_json(payload), _WORKER_BUDGET))


class LocalEngine:
    """Run on this machine.

    Args:
        workers: worker processes; with 1 the steps run in this process unless
            ``in_process`` is False.
        chunksize: articles sent to a worker at a time.
        in_process: run in this process (default: when ``workers`` is 1). A pool of one
            is the fair baseline for a pool of two: both pay for moving articles
            between processes and start with cold caches.
        budget: the time and memory one article may take (see :mod:`warta.budget`); an
            article over it comes back with a W205 error (``over_budget_reject``).

    Example:
        >>> from warta import make_article
        >>> with LocalEngine() as engine:
        ...     out = list(engine.run([make_article("Harga naik.")], steps=["warta.clean.v1"]))
        >>> out[0].text
        'Harga naik.'
    """

    def __init__(
        self,
        *,
        workers: int = 1,
        chunksize: int = 8,
        in_process: bool | None = None,
        budget: Budget | None = None,
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        if in_process and workers > 1:
            raise ValueError("in_process runs one worker, got workers > 1")
        self.workers = workers
        self.in_process = workers == 1 if in_process is None else in_process
        self.chunksize = chunksize
        self.budget = budget
        self._pool: Any = None
        self._pool_steps: tuple[StepRef, ...] | None = None
        self._pipelines: dict[tuple[StepRef, ...], Pipeline] = {}

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(self, articles: Iterable[Article], *, steps: Sequence[StepRef]) -> Iterator[Article]:
        keys = tuple(steps)
        if self.in_process:
            pipe = self._pipelines.get(keys)
            if pipe is None:
                pipe = self._pipelines[keys] = build_pipeline(keys)
            for a in articles:
                yield analyse_within(pipe, a, self.budget)
            return
        if self._pool is None or self._pool_steps != keys:
            self.close()
            # "spawn" keeps workers free of the parent's threads and open files.
            ctx = mp.get_context("spawn")
            self._pool = ctx.Pool(self.workers, initializer=_init_worker, initargs=(keys, self.budget))
            self._pool_steps = keys
        payloads = (to_json(a) for a in articles)
        for out in self._pool.imap(_work, payloads, chunksize=self.chunksize):
            yield from_json(out)

    def close(self) -> None:
        """Let the workers finish what they hold, then stop them."""
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None
            self._pool_steps = None

    def terminate(self) -> None:
        """Stop the workers now, dropping queued work (Ctrl-C, an error downstream)."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
            self._pool_steps = None
