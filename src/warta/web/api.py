"""The REST API, version 1, mounted at ``/api/v1``.

Read endpoints (no token): articles (list, full-text search with filters, one article),
entities (search, profile, timeline, co-mention network, rising names), quotes (by
speaker, about an entity, by date, top speakers, per outlet), duplicate clusters, corpus
statistics. ``POST /analyze`` analyses a posted text or HTML page and returns the
Article without storing it. Write endpoints (``POST /articles``, ``POST /ingest``) need
``Authorization: Bearer <api_token>`` and are off while no token is configured.

Responses are msgspec structs encoded by msgspec; their JSON Schemas go into the OpenAPI
document (see :func:`openapi_components`), so the schema describes what is sent.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Annotated, Any, Literal, TypeVar

import msgspec
import sqlalchemy as sa
from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.responses import JSONResponse, Response

from warta import __version__
from warta.article import Article, from_json
from warta.config import Settings, as_of_day
from warta.errors import OverBudgetError, WartaError
from warta.io import FieldMap, Reject, article_from_record
from warta.storage import Store
from warta.storage import tables as t
from warta.storage.errors import StorageError
from warta.storage.profiles import EntityProfile
from warta.storage.writer import Fingerprint, Writer, article_fingerprint, pipeline_hash

from . import queries as Q
from .analysis import RETRY_AFTER, AnalysisPool, Busy, Cancelled, WorkerFailed, content_id
from .deps import get_analysis, get_settings, get_store, require_token
from .errors import ApiError, ErrorBody

__all__ = ["RESPONSE_TYPES", "router"]

router = APIRouter(prefix="/api/v1")

# Ids are INTEGER columns: 32 bits on PostgreSQL (and far beyond any corpus on SQLite).
_MAX_ID = 2**31 - 1
_MAX_LIMIT = 100
# Records one POST /ingest may carry.
MAX_INGEST_RECORDS = 100


# -- response records beyond queries.py -----------------------------------------------


class WatchedSource(msgspec.Struct):
    """One source of the news collector (``warta watch``): its last poll and success, its
    last error, the new articles it brought, its errors, and its URLs by state."""

    name: str
    kind: str
    url: str
    last_poll: str | None
    last_ok: str | None
    last_error: str | None
    polls: int
    new_articles: int
    errors: int
    urls: dict[str, int]


class WatchedHost(msgspec.Struct):
    host: str
    requests: int
    errors: int
    last_request: str | None
    last_error: str | None
    last_error_at: str | None


class Health(msgspec.Struct):
    status: str
    version: str
    articles: int
    pipeline_loaded: bool
    # The news collector's sources and hosts (empty when it never ran on this store).
    sources: list[WatchedSource] = []
    hosts: list[WatchedHost] = []


class Liveness(msgspec.Struct):
    status: str
    version: str


class Readiness(msgspec.Struct):
    """Ready: the store answered; ``analysis`` is the analysis pool's state."""

    status: str
    store: str
    articles: int
    analysis: dict[str, int | bool]


class OutletArticles(msgspec.Struct):
    outlet: str
    articles: int


class StoredArticle(msgspec.Struct):
    """A stored article: its row, the corpus ids of its entities and speakers, and the Article."""

    id: int
    url: str | None
    outlet: str | None
    published: str | None
    day: str | None
    first_seen: str
    updated_at: str
    sources: list[str]
    links: Q.ArticleLinks
    article: Article


class StoreResult(msgspec.Struct):
    """An article analysed and stored: ``inserted`` False when it updated a stored one."""

    id: int
    inserted: bool
    title: str | None
    quotes: int
    entities: int


class IngestRejected(msgspec.Struct):
    index: int
    code: str
    message: str


class IngestResult(msgspec.Struct):
    inserted: int
    updated: int
    ids: list[int]
    rejected: list[IngestRejected]


RESPONSE_TYPES: tuple[Any, ...] = (
    ErrorBody,
    Health,
    Liveness,
    Readiness,
    Q.CorpusStats,
    list[OutletArticles],
    Article,
    StoredArticle,
    StoreResult,
    IngestResult,
    Q.ArticlePage,
    Q.EntityPage,
    EntityProfile,
    list[Q.TimelinePoint],
    Q.Network,
    list[Q.RisingEntity],
    Q.QuotePage,
    list[Q.SpeakerCount],
    list[Q.OutletCount],
    Q.ClusterPage,
)


def openapi_components() -> tuple[dict[str, Any], dict[Any, dict[str, Any]]]:
    """JSON Schemas of the response records: (components by name, schema of each type)."""
    schemas, components = msgspec.json.schema_components(
        RESPONSE_TYPES, ref_template="#/components/schemas/{name}"
    )
    return components, dict(zip(RESPONSE_TYPES, schemas, strict=True))


def _schema_of(tp: Any) -> dict[str, Any]:
    return _SCHEMAS[tp]


_COMPONENTS, _SCHEMAS = openapi_components()


class JSON(JSONResponse):
    """A response holding a msgspec-encodable value (encoded by msgspec, not ``json``)."""

    def render(self, content: Any) -> bytes:
        return msgspec.json.encode(content)


def _ok(
    tp: Any, description: str, *errors: int, status: int = 200, also: dict[int, str] | None = None
) -> dict[str, Any]:
    """Route keyword arguments declaring the response schema of ``tp`` (under ``status``
    and the statuses in ``also``) and the errors."""
    content = {"application/json": {"schema": _schema_of(tp)}}
    responses: dict[int | str, dict[str, Any]] = {status: {"description": description, "content": content}}
    for code, text in (also or {}).items():
        responses[code] = {"description": text, "content": content}
    for code in errors:
        responses[code] = {
            "description": _ERROR_TEXT[code],
            "content": {"application/json": {"schema": _schema_of(ErrorBody)}},
        }
    return {"response_model": None, "response_class": JSON, "responses": responses, "status_code": status}


_ERROR_TEXT = {
    400: "Bad input (an empty text, a page without article text)",
    401: "No bearer token",
    403: "Writes are off, or the token is wrong",
    404: "Not found",
    413: "The request body, or the text in it, is too large",
    422: "Invalid parameters or body, or a text over the analysis budget",
    503: "The store cannot be read, or every analysis worker is busy (see Retry-After)",
}

# -- shared parameters -------------------------------------------------------------------

Limit = Annotated[int, Query(ge=1, le=_MAX_LIMIT, description="Items per page (1-100).")]
Offset = Annotated[int, Query(ge=0, le=Q.MAX_OFFSET, description="Items to skip (at most 10,000).")]
DateFrom = Annotated[date | None, Query(description="First day, inclusive (YYYY-MM-DD).")]
DateTo = Annotated[date | None, Query(description="Last day, inclusive (YYYY-MM-DD).")]
Name = Annotated[str | None, Query(max_length=200)]
EntityId = Annotated[int, Path(ge=1, le=_MAX_ID, description="A corpus entity id.")]
OptionalId = Annotated[int | None, Query(ge=1, le=_MAX_ID)]
Label = Literal["PER", "ORG", "LOC", "EVT", "MISC"]
StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
AnalysisDep = Annotated[AnalysisPool, Depends(get_analysis)]


def _dates(date_from: date | None, date_to: date | None) -> None:
    if date_from is not None and date_to is not None and date_from > date_to:
        raise ApiError(422, "invalid_request", "date_from is after date_to")


def _entity_exists(store: Store, entity_id: int) -> None:
    with store.connect() as conn:
        if conn.execute(sa.select(t.entities.c.id).where(t.entities.c.id == entity_id)).first() is None:
            raise ApiError(404, "entity_not_found", f"no entity with id {entity_id}")


# -- service -----------------------------------------------------------------------------


@router.get("/health", summary="Is the service up", tags=["service"], **_ok(Health, "Service status", 503))
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
            sources=msgspec.convert(watched["sources"], list[WatchedSource]),
            hosts=msgspec.convert(watched["hosts"], list[WatchedHost]),
        )
    )


def _watch_status(store: Store) -> dict[str, Any]:
    from warta.storage.frontier import watch_status

    try:
        return watch_status(store)
    except StorageError:
        return {"sources": [], "hosts": []}  # health answers even when this part cannot be read


# Readiness gives up on a store that does not answer in this time (seconds).
_READY_TIMEOUT = 2.0


async def _probe_store(store: Store) -> int:
    """The article count, read off the event loop; ApiError 503 when the store fails or hangs."""

    def count() -> int:
        with store.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(t.articles)).scalar_one())

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
    **_ok(Liveness, "The process answers"),
)
async def health_live() -> JSON:
    """Answers from the event loop alone, touching neither the store nor the workers."""
    return JSON(Liveness(status="ok", version=__version__))


@router.get(
    "/health/ready",
    summary="Can it serve (readiness)",
    tags=["service"],
    **_ok(Readiness, "The store opens and answers a query", 503),
)
async def health_ready(store: StoreDep, analysis: AnalysisDep) -> JSON:
    """200 when the store answers a query within 2 s, else 503; with the analysis pool's state."""
    n = await _probe_store(store)
    return JSON(Readiness(status="ready", store="ok", articles=n, analysis=analysis.status()))


@router.get("/stats", summary="Corpus size and span", tags=["service"], **_ok(Q.CorpusStats, "Counts", 503))
def stats(store: StoreDep) -> JSON:
    return JSON(Q.corpus_stats(store))


@router.get(
    "/outlets",
    summary="Outlets and their article counts",
    tags=["articles"],
    **_ok(list[OutletArticles], "Outlets, largest first", 422),
)
def outlets(store: StoreDep, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> JSON:
    return JSON([OutletArticles(outlet=o, articles=n) for o, n in Q.list_outlets(store, limit=limit)])


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
    **_ok(Article, "The analysed Article", 400, 401, 403, 413, 422, 503),
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
    s = t.article_sources.c
    out = []
    with store.connect() as conn:
        for fp in fps:
            found = conn.execute(sa.select(s.article_id).where(s.source_key == fp.source_key)).scalar()
            out.append(int(found) if found is not None else 0)
    return out


@router.post(
    "/articles",
    summary="Analyse and store an article (token)",
    tags=["articles"],
    dependencies=[Depends(require_token)],
    **_ok(
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
    **_ok(IngestResult, "Stored", 401, 403, 413, 422, 503),
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


# -- articles ----------------------------------------------------------------------------


@router.get(
    "/articles",
    summary="List or search articles",
    tags=["articles"],
    **_ok(Q.ArticlePage, "A page of articles", 422),
)
def list_articles(
    store: StoreDep,
    q: Annotated[
        str | None, Query(max_length=500, description='Words (matched with their stems) and "phrases".')
    ] = None,
    outlet: Name = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    entity: Name = None,
    entity_id: OptionalId = None,
    speaker: Name = None,
    speaker_id: OptionalId = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> JSON:
    """Newest first; with ``q``, best match first (BM25), with a snippet and the offsets
    of the query words in it. ``total`` counts every match."""
    _dates(date_from, date_to)
    try:
        page = Q.list_articles(
            store,
            q=q,
            outlet=outlet,
            date_from=date_from,
            date_to=date_to,
            entity=entity,
            entity_id=entity_id,
            speaker=speaker,
            speaker_id=speaker_id,
            limit=limit,
            offset=offset,
        )
    except StorageError as exc:
        if "search failed" in exc.message:
            raise ApiError(
                400, "bad_query", 'the search query cannot be run; use words and "quoted phrases"'
            ) from exc
        raise
    return JSON(page)


@router.get(
    "/articles/{article_id}",
    summary="One stored article",
    tags=["articles"],
    **_ok(StoredArticle, "The article", 404, 422),
)
def get_article(store: StoreDep, article_id: Annotated[int, Path(ge=1, le=_MAX_ID)]) -> JSON:
    a, s = t.articles.c, t.article_sources.c
    with store.connect() as conn:
        row = conn.execute(
            sa.select(a.id, a.url, a.outlet, a.published, a.day, a.first_seen, a.updated_at).where(
                a.id == article_id
            )
        ).first()
        if row is None:
            raise ApiError(404, "article_not_found", f"no article with id {article_id}")
        sources = [
            str(k)
            for k in conn.execute(
                sa.select(s.source_key).where(s.article_id == article_id).order_by(s.seen_at, s.source_key)
            ).scalars()
        ]
    article = store.get_article(article_id)
    links = Q.article_links(store, article_id)
    if article is None or links is None:  # deleted between the two reads
        raise ApiError(404, "article_not_found", f"no article with id {article_id}")
    return JSON(
        StoredArticle(
            id=int(row.id),
            url=row.url,
            outlet=row.outlet,
            published=row.published,
            day=row.day,
            first_seen=row.first_seen,
            updated_at=row.updated_at,
            sources=sources,
            links=links,
            article=article,
        )
    )


# -- entities ----------------------------------------------------------------------------


@router.get(
    "/entities",
    summary="Search entities by name",
    tags=["entities"],
    **_ok(Q.EntityPage, "Matching entities, most written about first", 422),
)
def search_entities(
    store: StoreDep,
    q: Annotated[str, Query(max_length=200, description="A name or its beginning; empty lists all.")] = "",
    label: Label | None = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> JSON:
    return JSON(Q.search_entities(store, q, label=label, limit=limit, offset=offset))


@router.get(
    "/entities/rising",
    summary="Names mentioned more than before",
    tags=["entities"],
    **_ok(list[Q.RisingEntity], "Steepest rise first", 422),
)
def rising(
    store: StoreDep,
    settings: SettingsDep,
    days: Annotated[int, Query(ge=1, le=365, description="Window length, in days.")] = 7,
    end: Annotated[
        date | None, Query(description="Last day of the window (default: today, or the server's as-of day).")
    ] = None,
    label: Label | None = None,
    limit: Limit = 10,
) -> JSON:
    return JSON(Q.rising_entities(store, end=end or as_of_day(settings), days=days, label=label, limit=limit))


@router.get(
    "/entities/network",
    summary="Co-mention network of the most named entities",
    tags=["entities"],
    **_ok(Q.Network, "Nodes and edges", 422),
)
def network(
    store: StoreDep,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 25,
    min_weight: Annotated[int, Query(ge=1, le=1000)] = 1,
) -> JSON:
    """Without dates: the corpus's latest 30 days."""
    _dates(date_from, date_to)
    return JSON(
        Q.entity_network(store, date_from=date_from, date_to=date_to, limit=limit, min_weight=min_weight)
    )


@router.get(
    "/entities/{entity_id}",
    summary="An entity's profile",
    tags=["entities"],
    **_ok(EntityProfile, "Mentions by outlet and day, roles, aliases, co-mentions, latest quotes", 404, 422),
)
def entity(store: StoreDep, entity_id: EntityId) -> JSON:
    profile = Q.entity_profile_by_id(store, entity_id)
    if profile is None:
        raise ApiError(404, "entity_not_found", f"no entity with id {entity_id}")
    return JSON(profile)


@router.get(
    "/entities/{entity_id}/timeline",
    summary="An entity day by day",
    tags=["entities"],
    **_ok(list[Q.TimelinePoint], "Days with mentions or quotes", 404, 422),
)
def entity_timeline(
    store: StoreDep, entity_id: EntityId, date_from: DateFrom = None, date_to: DateTo = None
) -> JSON:
    _dates(date_from, date_to)
    _entity_exists(store, entity_id)
    return JSON(Q.entity_timeline(store, entity_id, date_from=date_from, date_to=date_to))


@router.get(
    "/entities/{entity_id}/network",
    summary="An entity's co-mention network",
    tags=["entities"],
    **_ok(Q.Network, "The entity, its neighbours and their edges", 404, 422),
)
def entity_network(
    store: StoreDep,
    entity_id: EntityId,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 25,
    min_weight: Annotated[int, Query(ge=1, le=1000)] = 1,
) -> JSON:
    _dates(date_from, date_to)
    _entity_exists(store, entity_id)
    return JSON(
        Q.entity_network(
            store, entity_id, date_from=date_from, date_to=date_to, limit=limit, min_weight=min_weight
        )
    )


@router.get(
    "/entities/{entity_id}/quotes",
    summary="Quotes by an entity",
    tags=["quotes"],
    **_ok(Q.QuotePage, "Newest first", 404, 422),
)
def entity_quotes(
    store: StoreDep,
    entity_id: EntityId,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> JSON:
    _dates(date_from, date_to)
    _entity_exists(store, entity_id)
    return JSON(
        Q.quote_page(
            store, speaker_id=entity_id, date_from=date_from, date_to=date_to, limit=limit, offset=offset
        )
    )


# -- quotes ------------------------------------------------------------------------------


@router.get(
    "/quotes",
    summary="Quotes by speaker, about an entity, by date",
    tags=["quotes"],
    **_ok(Q.QuotePage, "Newest first", 422),
)
def quotes(
    store: StoreDep,
    settings: SettingsDep,
    speaker: Name = None,
    speaker_id: OptionalId = None,
    about: Name = None,
    about_id: OptionalId = None,
    outlet: Name = None,
    kind: Literal["direct", "indirect", "mixed", "partial"] | None = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    needs_review: Annotated[
        bool | None,
        Query(
            description="Only attributions below (true) or at or above (false) the review threshold (the review_below setting)."
        ),
    ] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> JSON:
    """``speaker``: a name (the person it most likely means); ``about``: quotes whose text
    names that entity. Each quote carries ``confidence`` (the probability that its
    attribution is right) and ``needs_review``."""
    _dates(date_from, date_to)
    return JSON(
        Q.quote_page(
            store,
            speaker=speaker,
            speaker_id=speaker_id,
            about=about,
            about_id=about_id,
            outlet=outlet,
            kind=kind,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
            offset=offset,
            needs_review=needs_review,
            review_below=settings.review_below,
        )
    )


@router.get(
    "/quotes/top-speakers",
    summary="The people quoted most",
    tags=["quotes"],
    **_ok(list[Q.SpeakerCount], "Most quoted first", 422),
)
def top_speakers(
    store: StoreDep,
    settings: SettingsDep,
    days: Annotated[
        int | None,
        Query(
            ge=1,
            le=3650,
            description="The latest days up to today, or the server's as-of day (instead of dates).",
        ),
    ] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Limit = 10,
) -> JSON:
    _dates(date_from, date_to)
    return JSON(
        Q.top_speakers(
            store, date_from=date_from, date_to=date_to, days=days, limit=limit, end=as_of_day(settings)
        )
    )


@router.get(
    "/quotes/by-outlet",
    summary="Quotes per outlet",
    tags=["quotes"],
    **_ok(list[Q.OutletCount], "Most quotes first", 422),
)
def quotes_by_outlet(
    store: StoreDep,
    speaker_id: OptionalId = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Limit = 20,
) -> JSON:
    _dates(date_from, date_to)
    return JSON(
        Q.quotes_by_outlet(store, speaker_id=speaker_id, date_from=date_from, date_to=date_to, limit=limit)
    )


# -- duplicates --------------------------------------------------------------------------


@router.get(
    "/duplicates",
    summary="Near-duplicate articles or quotes, or stories",
    tags=["duplicates"],
    **_ok(Q.ClusterPage, "Largest cluster first", 422, 503),
)
def duplicates(
    store: StoreDep,
    what: Literal["articles", "quotes", "stories"] = "articles",
    date_from: DateFrom = None,
    date_to: DateTo = None,
    min_size: Annotated[int, Query(ge=2, le=1000)] = 2,
    limit: Limit = 20,
    offset: Offset = 0,
) -> JSON:
    """Clusters of copies (the same release on several sites, a republished article), of
    one quote carried by several articles, or of articles telling one story. The first
    call over a large corpus takes seconds; the answer is then kept until the store changes."""
    _dates(date_from, date_to)
    return JSON(
        Q.duplicate_clusters(
            store,
            what=what,
            date_from=date_from,
            date_to=date_to,
            min_size=min_size,
            limit=limit,
            offset=offset,
        )
    )


def components() -> dict[str, Any]:
    """The named schemas the routes' responses refer to."""
    return _COMPONENTS
