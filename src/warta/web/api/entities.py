"""Entities: name search, profile, timeline, co-mention networks, rising names, quotes about an entity."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import RedirectResponse

from warta.config import as_of_day
from warta.storage import queries as Q
from warta.storage.queries import EntityProfile

from ..errors import ApiError
from .common import (
    JSON,
    DateFrom,
    DateTo,
    EntityId,
    Label,
    Limit,
    Offset,
    SettingsDep,
    StoreDep,
    check_dates,
    require_entity,
    responds,
)

router = APIRouter()

# -- entities ----------------------------------------------------------------------------


@router.get(
    "/entities",
    summary="Search entities by name",
    tags=["entities"],
    **responds(Q.EntityPage, "Matching entities, most written about first", 422),
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
    **responds(list[Q.RisingEntity], "Steepest rise first", 422),
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
    **responds(Q.Network, "Nodes and edges", 422),
)
def network(
    store: StoreDep,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 25,
    min_weight: Annotated[int, Query(ge=1, le=1000)] = 1,
) -> JSON:
    """Without dates: the corpus's latest 30 days."""
    check_dates(date_from, date_to)
    return JSON(
        Q.entity_network(store, date_from=date_from, date_to=date_to, limit=limit, min_weight=min_weight)
    )


@router.get(
    "/entities/{entity_id}",
    summary="An entity's profile",
    tags=["entities"],
    **responds(
        EntityProfile, "Mentions by outlet and day, roles, aliases, co-mentions, latest quotes", 404, 422
    ),
)
def entity(store: StoreDep, entity_id: EntityId) -> JSON | RedirectResponse:
    """A merged entity (entity corrections) answers 307 to its target's profile."""
    target = Q.merged_into(store, entity_id)
    if target is not None:
        return RedirectResponse(f"/api/v1/entities/{target}", status_code=307)
    profile = Q.entity_profile_by_id(store, entity_id)
    if profile is None:
        raise ApiError(404, "entity_not_found", f"no entity with id {entity_id}")
    return JSON(profile)


@router.get(
    "/entities/{entity_id}/timeline",
    summary="An entity day by day",
    tags=["entities"],
    **responds(list[Q.TimelinePoint], "Days with mentions or quotes", 404, 422),
)
def entity_timeline(
    store: StoreDep, entity_id: EntityId, date_from: DateFrom = None, date_to: DateTo = None
) -> JSON:
    check_dates(date_from, date_to)
    require_entity(store, entity_id)
    return JSON(Q.entity_timeline(store, entity_id, date_from=date_from, date_to=date_to))


@router.get(
    "/entities/{entity_id}/network",
    summary="An entity's co-mention network",
    tags=["entities"],
    **responds(Q.Network, "The entity, its neighbours and their edges", 404, 422),
)
def entity_network(
    store: StoreDep,
    entity_id: EntityId,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 25,
    min_weight: Annotated[int, Query(ge=1, le=1000)] = 1,
) -> JSON:
    check_dates(date_from, date_to)
    require_entity(store, entity_id)
    return JSON(
        Q.entity_network(
            store, entity_id, date_from=date_from, date_to=date_to, limit=limit, min_weight=min_weight
        )
    )


@router.get(
    "/entities/{entity_id}/quotes",
    summary="Quotes by an entity",
    tags=["quotes"],
    **responds(Q.QuotePage, "Newest first", 404, 422),
)
def entity_quotes(
    store: StoreDep,
    entity_id: EntityId,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    verified: Annotated[
        bool | None,
        Query(description="Only the quotes a reviewer confirmed or corrected (true), or not (false)."),
    ] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> JSON:
    check_dates(date_from, date_to)
    require_entity(store, entity_id)
    return JSON(
        Q.quote_page(
            store,
            speaker_id=entity_id,
            date_from=date_from,
            date_to=date_to,
            verified=verified,
            limit=limit,
            offset=offset,
        )
    )
