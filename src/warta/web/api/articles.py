"""Articles: list and full-text search with filters; one stored article."""

from __future__ import annotations

from typing import Annotated

import msgspec
from fastapi import APIRouter, Path, Query

from warta.storage import queries as Q
from warta.storage.errors import StorageError

from ..errors import ApiError
from .common import (
    JSON,
    MAX_ID,
    DateFrom,
    DateTo,
    Limit,
    Name,
    Offset,
    OptionalId,
    StoredArticle,
    StoreDep,
    check_dates,
    responds,
)

router = APIRouter()

# -- articles ----------------------------------------------------------------------------


@router.get(
    "/articles",
    summary="List or search articles",
    tags=["articles"],
    **responds(Q.ArticlePage, "A page of articles", 422),
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
    check_dates(date_from, date_to)
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
    **responds(StoredArticle, "The article", 404, 422),
)
def get_article(store: StoreDep, article_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> JSON:
    row = Q.article_provenance(store, article_id)
    if row is None:
        raise ApiError(404, "article_not_found", f"no article with id {article_id}")
    article = store.get_article(article_id)
    links = Q.article_links(store, article_id)
    if article is None or links is None:  # deleted between the two reads
        raise ApiError(404, "article_not_found", f"no article with id {article_id}")
    return JSON(StoredArticle(**msgspec.structs.asdict(row), links=links, article=article))
