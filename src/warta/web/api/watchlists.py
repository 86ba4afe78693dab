"""Watchlists: list, create and remove (token), and one watchlist's current matches.

``GET /api/v1/watchlists`` (the list, with found and unseen counts), ``POST`` (create;
token), ``DELETE /api/v1/watchlists/{name}`` (token), ``GET /api/v1/watchlists/{name}/matches``
(the current matches in the store, newest first, each saying whether a check reported it).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import Response

from warta.errors import WatchlistError
from warta.storage.watchlists import (
    Kind,
    MatchPage,
    Watchlist,
    add_watchlist,
    list_watchlists,
    live_matches,
    make_spec,
    remove_watchlist,
    update_watchlist,
)

from ..deps import require_token
from ..errors import ApiError
from .common import JSON, StoreDep, responds

router = APIRouter(prefix="/watchlists", tags=["watchlists"])

WatchName = Annotated[str, Path(min_length=1, max_length=64, description="The watchlist's name.")]


def _missing(name: str) -> ApiError:
    return ApiError(404, "watchlist_not_found", f"no watchlist called {name!r}")


class WatchlistCreate(BaseModel):
    """A new watchlist: a ``kind`` and the ``value`` it watches, optionally narrowed to days
    (YYYY-MM-DD, inclusive) and to outlets whose name contains ``outlet``."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    kind: Kind
    value: str = Field(min_length=1, max_length=200)
    date_from: str | None = Field(default=None, max_length=10)
    date_to: str | None = Field(default=None, max_length=10)
    outlet: str | None = Field(default=None, max_length=200)


@router.get("", summary="The watchlists", **responds(list[Watchlist], "By name", 503))
def api_list(store: StoreDep) -> JSON:
    return JSON(list_watchlists(store))


@router.post(
    "",
    summary="Create a watchlist (token)",
    dependencies=[Depends(require_token)],
    **responds(Watchlist, "Created", 401, 403, 409, 422, 503, status=201),
)
def api_create(body: WatchlistCreate, store: StoreDep) -> JSON:
    """Its first check reports every match the store already holds."""
    try:
        spec = make_spec(
            body.name,
            body.kind,
            body.value,
            date_from=body.date_from,
            date_to=body.date_to,
            outlet=body.outlet,
        )
    except WatchlistError as exc:
        raise ApiError(422, "invalid_watchlist", exc.message) from exc
    try:
        created = add_watchlist(store, spec)
    except WatchlistError as exc:
        raise ApiError(409, "watchlist_exists", exc.message) from exc
    return JSON(created, status_code=201)


class WatchlistEdit(BaseModel):
    """A watchlist's new definition (its name stays)."""

    model_config = ConfigDict(extra="forbid")

    kind: Kind
    value: str = Field(min_length=1, max_length=200)
    date_from: str | None = Field(default=None, max_length=10)
    date_to: str | None = Field(default=None, max_length=10)
    outlet: str | None = Field(default=None, max_length=200)


@router.put(
    "/{name}",
    summary="Change a watchlist (token)",
    dependencies=[Depends(require_token)],
    **responds(Watchlist, "Changed", 401, 403, 404, 422, 503),
)
def api_edit(name: WatchName, body: WatchlistEdit, store: StoreDep) -> JSON:
    """What it reported stays; under a changed definition its next check goes over the
    whole store again (without reporting an item twice)."""
    try:
        spec = make_spec(
            name, body.kind, body.value, date_from=body.date_from, date_to=body.date_to, outlet=body.outlet
        )
    except WatchlistError as exc:
        raise ApiError(422, "invalid_watchlist", exc.message) from exc
    try:
        return JSON(update_watchlist(store, spec))
    except WatchlistError as exc:
        raise _missing(name) from exc


@router.delete(
    "/{name}",
    summary="Remove a watchlist (token)",
    dependencies=[Depends(require_token)],
    **responds(None, "Removed", 401, 403, 404, 422, 503, status=204),
)
def api_remove(name: WatchName, store: StoreDep) -> Response:
    """Forgets the watchlist, what it reported and its pending alerts."""
    try:
        remove_watchlist(store, name)
    except WatchlistError as exc:
        raise _missing(name) from exc
    return Response(status_code=204)


@router.get(
    "/{name}/matches",
    summary="A watchlist's current matches",
    **responds(MatchPage, "Newest first", 404, 422, 503),
)
def api_matches(
    name: WatchName,
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=100, description="Items per page (1-100).")] = 20,
    offset: Annotated[int, Query(ge=0, le=10_000, description="Items to skip.")] = 0,
) -> JSON:
    """Articles (or quotes, for speaker and about watchlists) in the store that match, whether
    a check reported them already (``reported``) or not."""
    try:
        return JSON(live_matches(store, name, limit=limit, offset=offset))
    except WatchlistError as exc:
        raise _missing(name) from exc
