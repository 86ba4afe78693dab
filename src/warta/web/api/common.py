"""What the API's routers share: response records beyond the read layer's, their JSON
Schemas for the OpenAPI document, the JSON response, shared parameters and checks."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

import msgspec
from fastapi import Depends, Path, Query
from starlette.responses import JSONResponse

from warta.article import Article
from warta.config import Settings
from warta.storage import Store
from warta.storage import queries as Q
from warta.storage.corrections import Correction
from warta.storage.entity_corrections import EntityCorrection
from warta.storage.queries import EntityProfile
from warta.storage.watchlists import MatchPage, Watchlist

from ..analysis import AnalysisPool
from ..deps import get_analysis, get_settings, get_store
from ..errors import ApiError, ErrorBody

# Ids are INTEGER columns: 32 bits on PostgreSQL (and far beyond any corpus on SQLite).
MAX_ID = 2**31 - 1
MAX_LIMIT = 100
# Records one POST /ingest may carry.
MAX_INGEST_RECORDS = 100


# -- response records beyond queries.py -----------------------------------------------


class Health(msgspec.Struct):
    status: str
    version: str
    articles: int
    pipeline_loaded: bool
    # The news collector's sources and hosts (empty when it never ran on this store).
    sources: list[Q.WatchedSource] = []
    hosts: list[Q.WatchedHost] = []


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


class StoredArticle(Q.Provenance):
    """A stored article: where and when it was seen, the corpus ids of its entities and
    speakers, and the Article."""

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
    Watchlist,
    list[Watchlist],
    MatchPage,
    Correction,
    Q.CorrectionPage,
    EntityCorrection,
    Q.EntityCorrectionPage,
    Q.ReviewEvalPage,
)


def openapi_components() -> tuple[dict[str, Any], dict[Any, dict[str, Any]]]:
    """JSON Schemas of the response records: (components by name, schema of each type)."""
    schemas, components = msgspec.json.schema_components(
        RESPONSE_TYPES, ref_template="#/components/schemas/{name}"
    )
    return components, dict(zip(RESPONSE_TYPES, schemas, strict=True))


def schema_of(tp: Any) -> dict[str, Any]:
    return _SCHEMAS[tp]


_COMPONENTS, _SCHEMAS = openapi_components()


class JSON(JSONResponse):
    """A response holding a msgspec-encodable value (encoded by msgspec, not ``json``)."""

    def render(self, content: Any) -> bytes:
        return msgspec.json.encode(content)


def responds(
    tp: Any, description: str, *errors: int, status: int = 200, also: dict[int, str] | None = None
) -> dict[str, Any]:
    """Route keyword arguments declaring the response schema of ``tp`` (under ``status``
    and the statuses in ``also``; ``tp`` None for an answer without a body) and the errors."""
    content = {"application/json": {"schema": schema_of(tp)}} if tp is not None else None
    responses: dict[int | str, dict[str, Any]] = {status: {"description": description}}
    if content is not None:
        responses[status]["content"] = content
    for code, text in (also or {}).items():
        responses[code] = {"description": text, "content": content}
    for code in errors:
        responses[code] = {
            "description": _ERROR_TEXT[code],
            "content": {"application/json": {"schema": schema_of(ErrorBody)}},
        }
    return {"response_model": None, "response_class": JSON, "responses": responses, "status_code": status}


_ERROR_TEXT = {
    400: "Bad input (an empty text, a page without article text)",
    401: "No bearer token",
    403: "Writes are off, or the token is wrong",
    404: "Not found",
    409: "It exists already (a watchlist of that name), or was undone already (a correction)",
    413: "The request body, or the text in it, is too large",
    422: "Invalid parameters or body, or a text over the analysis budget",
    503: "The store cannot be read, or every analysis worker is busy (see Retry-After)",
}

# -- shared parameters -------------------------------------------------------------------

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page (1-100).")]
Offset = Annotated[int, Query(ge=0, le=Q.MAX_OFFSET, description="Items to skip (at most 10,000).")]
DateFrom = Annotated[date | None, Query(description="First day, inclusive (YYYY-MM-DD).")]
DateTo = Annotated[date | None, Query(description="Last day, inclusive (YYYY-MM-DD).")]
Name = Annotated[str | None, Query(max_length=200)]
EntityId = Annotated[int, Path(ge=1, le=MAX_ID, description="A corpus entity id.")]
OptionalId = Annotated[int | None, Query(ge=1, le=MAX_ID)]
Label = Literal["PER", "ORG", "LOC", "EVT", "MISC"]
StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
AnalysisDep = Annotated[AnalysisPool, Depends(get_analysis)]


def check_dates(date_from: date | None, date_to: date | None) -> None:
    if date_from is not None and date_to is not None and date_from > date_to:
        raise ApiError(422, "invalid_request", "date_from is after date_to")


def require_entity(store: Store, entity_id: int) -> None:
    if not Q.entity_exists(store, entity_id):
        raise ApiError(404, "entity_not_found", f"no entity with id {entity_id}")
    target = Q.merged_into(store, entity_id)
    if target is not None:
        # A reviewer merged it (entity corrections): its mentions and quotes are the target's.
        raise ApiError(
            404,
            "entity_merged",
            f"entity {entity_id} was merged into entity {target}: see /api/v1/entities/{target}",
        )


def components() -> dict[str, Any]:
    """The named schemas the routes' responses refer to."""
    return _COMPONENTS
