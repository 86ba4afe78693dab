"""Analysis: analyse a posted text or page (nothing stored); analyse and store one article, or a batch of records (token)."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import msgspec
from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.responses import Response

from warta.article import Article, from_json
from warta.config import Settings
from warta.errors import OverBudgetError, WartaError
from warta.io import FieldMap, Reject, article_from_record
from warta.storage import Store
from warta.storage import queries as Q
from warta.storage.writer import Fingerprint, Writer, article_fingerprint, pipeline_hash

from ..analysis import RETRY_AFTER, AnalysisPool, Busy, Cancelled, WorkerFailed, content_id
from ..deps import require_token
from ..errors import ApiError
from .common import (
    JSON,
    MAX_INGEST_RECORDS,
    AnalysisDep,
    IngestRejected,
    IngestResult,
    SettingsDep,
    StoreDep,
    StoreResult,
    responds,
)

router = APIRouter()

# -- analysis ----------------------------------------------------------------------------


class AnalyzeRequest(BaseModel):
    """One article: ``text`` (plain text) or ``html`` (a whole page), not both."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(
        default=None, description="The article text as scraped; a headline line first is detected."
    )
    html: str | None = Field(
        default=None, description="A news page; its main text, title and date are extracted."
    )
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=200)
    date: str | None = Field(
        default=None, max_length=100, description="Publication date as given (any common format)."
    )

    @model_validator(mode="after")
    def _one_input(self) -> AnalyzeRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self


T = TypeVar("T")


async def run_analysis(request: Request, job: Callable[[Callable[[], Awaitable[bool]]], Awaitable[T]]) -> T:
    """Run an analysis on the pool, mapping its outcomes to API errors.

    503 ``busy`` (with Retry-After) when the pool is full; 422 ``over_budget`` for an
    article over its time or memory budget; 500 ``analysis_failed`` when a worker died; a
    client that went away gets nothing (the analysis is stopped).
    """
    try:
        return await job(request.is_disconnected)
    except Busy:
        raise ApiError(
            503,
            "busy",
            "every analysis worker is busy; try again shortly",
            headers={"Retry-After": str(RETRY_AFTER)},
        ) from None
    except Cancelled:
        # Nobody reads this: the client is gone. 499 is what proxies log for it.
        raise ApiError(499, "client_closed_request", "the client closed the request") from None
    except OverBudgetError as exc:
        raise ApiError(422, "over_budget", f"the text is too costly to analyse: {exc.message}") from None
    except WorkerFailed as exc:
        raise ApiError(500, "analysis_failed", f"the analysis failed: {exc}") from None


def _check_analyze(request: Request, body: AnalyzeRequest, settings: Settings) -> None:
    if settings.analyze_requires_token:
        require_token(request)
    size = len(body.html if body.html is not None else body.text or "")
    if size > settings.max_analyze_chars:
        raise ApiError(
            413,
            "text_too_large",
            f"the {'page' if body.html is not None else 'text'} has {size:,} characters, more than "
            f"the limit of {settings.max_analyze_chars:,} (max_analyze_chars)",
        )


@router.post(
    "/analyze",
    summary="Analyse a text or page (nothing is stored)",
    tags=["analysis"],
    **responds(Article, "The analysed Article", 400, 401, 403, 413, 422, 503),
)
async def analyze(
    request: Request, body: AnalyzeRequest, settings: SettingsDep, analysis: AnalysisDep
) -> Response:
    """Runs the pipeline on the posted text or HTML and returns the Article record.

    Read-only: allowed without a token unless the server sets ``analyze_requires_token``;
    the body is limited to ``max_request_bytes``, the text to ``max_analyze_chars``. The
    analysis runs in a worker process under the per-article budget (422 ``over_budget``);
    when every worker is busy and the queue is full the answer is 503 with Retry-After."""
    _check_analyze(request, body, settings)
    payload = body.model_dump()
    data = await run_analysis(request, lambda gone: analysis.analyse(payload, is_gone=gone))
    return Response(data, media_type="application/json")


def _source_ids(store: Store, fps: list[Fingerprint]) -> list[int]:
    return Q.article_ids_by_source(store, [fp.source_key for fp in fps])


@router.post(
    "/articles",
    summary="Analyse and store an article (token)",
    tags=["articles"],
    dependencies=[Depends(require_token)],
    **responds(
        StoreResult,
        "Stored as a new article",
        400,
        401,
        403,
        413,
        422,
        503,
        status=201,
        also={200: "Updated a stored article"},
    ),
)
async def store_article(
    request: Request, body: AnalyzeRequest, store: StoreDep, settings: SettingsDep, analysis: AnalysisDep
) -> JSON:
    """Analyses the posted article and stores it (an article already stored under the
    same URL or content is updated). 201 when a new row was added, 200 when updated."""
    _check_analyze(request, body, settings)
    payload = body.model_dump()
    data = await run_analysis(request, lambda gone: analysis.analyse(payload, is_gone=gone))
    article = from_json(data)
    fp = article_fingerprint(article, pipeline=pipeline_hash(analysis.steps))

    def write() -> tuple[int, int]:
        inserted, _updated = store.write_batch([(article, fp)], writer=Writer())
        (row,) = _source_ids(store, [fp])
        return inserted, row

    inserted, row = await run_in_threadpool(write)
    result = StoreResult(
        id=row,
        inserted=bool(inserted),
        title=article.title,
        quotes=len(article.quotes),
        entities=len(article.entities),
    )
    return JSON(result, status_code=201 if inserted else 200)


class IngestRequest(BaseModel):
    """Records as in a JSONL file: ``text`` and optionally ``title``, ``url``, ``date``,
    ``source`` (outlet), ``author``, ``id`` (the field names of the settings)."""

    model_config = ConfigDict(extra="forbid")

    records: list[dict[str, Any]] = Field(min_length=1, max_length=MAX_INGEST_RECORDS)


async def _analyse_one(
    analysis: AnalysisPool, article: Article, gone: Callable[[], Awaitable[bool]]
) -> Article:
    return await analysis.analyse_article(article, is_gone=gone)


@router.post(
    "/ingest",
    summary="Analyse and store records (token)",
    tags=["articles"],
    dependencies=[Depends(require_token)],
    **responds(IngestResult, "Stored", 401, 403, 413, 422, 503),
)
async def ingest_records(
    request: Request, body: IngestRequest, store: StoreDep, settings: SettingsDep, analysis: AnalysisDep
) -> JSON:
    """Analyses up to 100 records and stores them in one transaction; unreadable records
    are listed under ``rejected`` (and kept in the store's rejects table), and so are
    records over the per-article budget (W205)."""
    fields = FieldMap.from_settings(settings)
    pipe = pipeline_hash(analysis.steps)
    items: list[tuple[Article, Fingerprint]] = []
    rejected: list[IngestRejected] = []
    rejects: list[Reject] = []
    for i, record in enumerate(body.records):
        aid = content_id(msgspec.json.encode(record).decode("utf-8", "replace"))
        try:
            article = article_from_record(
                record,
                fields=fields,
                source=f"api:{aid}",
                default_id=aid,
                input_format="jsonl",
                max_bytes=settings.max_input_bytes,
            )
            fp = article_fingerprint(article, pipeline=pipe)
            article = await run_analysis(request, functools.partial(_analyse_one, analysis, article))
        except ApiError as exc:  # before WartaError, of which it is one
            if exc.error != "over_budget":
                raise
            rejected.append(IngestRejected(index=i, code=OverBudgetError.code, message=exc.message))
            rejects.append(Reject(f"api:{aid}", OverBudgetError.code, exc.message))
            continue
        except WartaError as exc:
            rejected.append(IngestRejected(index=i, code=exc.code, message=exc.message))
            rejects.append(Reject.from_error(exc, source=f"api:{aid}"))
            continue
        items.append((article, fp))

    def write() -> tuple[int, int, list[int]]:
        inserted, updated = store.write_batch(items, rejects=rejects, writer=Writer())
        return inserted, updated, _source_ids(store, [fp for _, fp in items])

    inserted, updated, ids = await run_in_threadpool(write)
    return JSON(IngestResult(inserted=inserted, updated=updated, ids=ids, rejected=rejected))
