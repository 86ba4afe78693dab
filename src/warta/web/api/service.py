"""Service: health, liveness, readiness, corpus statistics, outlets."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool

from warta import __version__
from warta.storage import Store
from warta.storage import queries as Q
from warta.storage.errors import StorageError

from ..errors import ApiError
from .common import (
    JSON,
    AnalysisDep,
    Health,
    Liveness,
    OutletArticles,
    Readiness,
    StoreDep,
    responds,
)

router = APIRouter()

# -- service -----------------------------------------------------------------------------


@router.get(
    "/health", summary="Is the service up", tags=["service"], **responds(Health, "Service status", 503)
)
async def health(store: StoreDep, analysis: AnalysisDep) -> JSON:
    """The store's article count and whether the analysis workers are loaded (503 when the
    store does not answer within the readiness timeout)."""
    n = await _probe_store(store)
    watched = await run_in_threadpool(_watch_status, store)
    return JSON(
        Health(
            status="ok",
            version=__version__,
            articles=n,
            pipeline_loaded=analysis.loaded,
            sources=watched.sources,
            hosts=watched.hosts,
        )
    )


def _watch_status(store: Store) -> Q.WatchStatus:
    try:
        return Q.watch_status(store)
    except StorageError:
        return Q.WatchStatus(sources=[], hosts=[])  # health answers even when this part cannot be read


# Readiness gives up on a store that does not answer in this time (seconds).
_READY_TIMEOUT = 2.0


async def _probe_store(store: Store) -> int:
    """The article count, read off the event loop; ApiError 503 when the store fails or hangs."""

    def count() -> int:
        return Q.article_count(store)

    try:
        return await asyncio.wait_for(run_in_threadpool(count), timeout=_READY_TIMEOUT)
    except TimeoutError:
        raise ApiError(
            503, "store_unavailable", f"the store did not answer within {_READY_TIMEOUT:g} s"
        ) from None
    except StorageError:
        raise ApiError(503, "store_unavailable", "the corpus database cannot be read right now") from None


@router.get(
    "/health/live",
    summary="Is the process up (liveness)",
    tags=["service"],
    **responds(Liveness, "The process answers"),
)
async def health_live() -> JSON:
    """Answers from the event loop alone, touching neither the store nor the workers."""
    return JSON(Liveness(status="ok", version=__version__))


@router.get(
    "/health/ready",
    summary="Can it serve (readiness)",
    tags=["service"],
    **responds(Readiness, "The store opens and answers a query", 503),
)
async def health_ready(store: StoreDep, analysis: AnalysisDep) -> JSON:
    """200 when the store answers a query within 2 s, else 503; with the analysis pool's state."""
    n = await _probe_store(store)
    return JSON(Readiness(status="ready", store="ok", articles=n, analysis=analysis.status()))


@router.get(
    "/stats", summary="Corpus size and span", tags=["service"], **responds(Q.CorpusStats, "Counts", 503)
)
def stats(store: StoreDep) -> JSON:
    return JSON(Q.corpus_stats(store))


@router.get(
    "/outlets",
    summary="Outlets and their article counts",
    tags=["articles"],
    **responds(list[OutletArticles], "Outlets, largest first", 422),
)
def outlets(store: StoreDep, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> JSON:
    return JSON([OutletArticles(outlet=o, articles=n) for o, n in Q.list_outlets(store, limit=limit)])
