"""Duplicates: near-duplicate articles and quotes, and stories."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from warta.storage import queries as Q

from .common import JSON, DateFrom, DateTo, Limit, Offset, StoreDep, check_dates, responds

router = APIRouter()

# -- duplicates --------------------------------------------------------------------------


@router.get(
    "/duplicates",
    summary="Near-duplicate articles or quotes, or stories",
    tags=["duplicates"],
    **responds(Q.ClusterPage, "Largest cluster first", 422, 503),
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
    check_dates(date_from, date_to)
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
