"""Run the pipeline over inputs: the library side of ``warta analyze``."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from warta.api_analyze import build_pipeline
from warta.article import Article
from warta.budget import Budget, analyse_within, over_budget_reject
from warta.config import Settings, pipeline_specs
from warta.engines import DaskEngine, Engine
from warta.io import STDIN, Reject, read_inputs
from warta.pipeline import Pipeline

__all__ = ["analyze_inputs"]


def analyze_inputs(
    paths: Sequence[str | Path],
    *,
    settings: Settings,
    pipeline: Pipeline | None = None,
    stdin: TextIO | None = None,
    engine: Engine | None = None,
) -> Iterator[Article | Reject]:
    """Read every input and run it through the pipeline; bad inputs, and articles over the
    budget of ``settings.article_seconds`` / ``article_memory_mb`` (W205), come out as Rejects.

    Args:
        paths: files, folders, or ``-`` for standard input.
        settings: reader limits and field mappings, and the default pipeline.
        pipeline: the pipeline to run (default: ``settings.pipeline``).
        stdin: the stream ``-`` reads.
        engine: run ``settings.pipeline`` on this engine (a pool, a Dask cluster) instead
            of ``pipeline`` in this process; the output is the same, in the same order. The
            engine applies its own budget (``make_engine(..., budget=...)``).
    """
    if engine is not None:
        for item in _on_engine(paths, settings=settings, stdin=stdin, engine=engine):
            yield (over_budget_reject(item) or item) if isinstance(item, Article) else item
        return
    pipe = pipeline or build_pipeline(settings=settings)
    budget = Budget.from_settings(settings)
    for item in read_inputs(paths, settings=settings, stdin=stdin):
        if isinstance(item, Reject):
            yield item
        else:
            article = analyse_within(pipe, item, budget)
            yield over_budget_reject(article) or article


def _on_engine(
    paths: Sequence[str | Path], *, settings: Settings, stdin: TextIO | None, engine: Engine
) -> Iterator[Article | Reject]:
    if isinstance(engine, DaskEngine) and not any(isinstance(p, str) and p == STDIN for p in paths):
        # The workers read the inputs themselves, partition by partition.
        yield from engine.run_inputs(paths, settings=settings)
        return
    # Rejects stay on this side; a None marks the place of each article sent to the
    # engine. The engine reads ahead, so when a result comes back its marker is the
    # first None left: the Rejects before it were read before its article.
    order: deque[Reject | None] = deque()

    def feed() -> Iterator[Article]:
        for item in read_inputs(paths, settings=settings, stdin=stdin):
            if isinstance(item, Reject):
                order.append(item)
            else:
                order.append(None)
                yield item

    for article in engine.run(feed(), steps=pipeline_specs(settings)):
        while (head := order.popleft()) is not None:
            yield head
        yield article
    yield from (r for r in order if r is not None)
