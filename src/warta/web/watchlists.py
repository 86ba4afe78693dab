"""Watchlists on the web: the API (``/api/v1/watchlists``) and the dashboard's pages.

API: ``GET /api/v1/watchlists`` (the list, with found and unseen counts), ``POST`` (create;
token), ``DELETE /api/v1/watchlists/{name}`` (token), ``GET /api/v1/watchlists/{name}/matches``
(the current matches in the store, newest first, each saying whether a check reported it).

Pages: ``/watchlists`` (the list, a form to create one), ``/watchlists/{name}`` (what its
checks found, the new items marked, its current matches, "mark as seen"). The forms that
write (create, remove, mark as seen) need the server's write token typed into the form, and
are protected against cross-site posts as the "analyse a text" form is: the Origin (or
Referer) must be this server and the form must echo a token set in a SameSite=Strict cookie.
Scraped text reaches the pages only through the autoescaping templates.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated, Any

import msgspec
from fastapi import APIRouter, Depends, Form, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from warta.config import Settings
from warta.errors import StorageError, WatchlistError
from warta.storage import Store
from warta.storage.watchlists import (
    KINDS,
    Kind,
    MatchPage,
    Watchlist,
    add_watchlist,
    found_items,
    get_watchlist,
    list_watchlists,
    live_matches,
    make_spec,
    mark_seen,
    remove_watchlist,
)

from .api import JSON
from .deps import get_settings, get_store, require_token
from .errors import ApiError, ErrorBody
from .pages import CSP, _same_origin, templates

__all__ = ["api_router", "components", "page_router"]

api_router = APIRouter(prefix="/api/v1/watchlists", tags=["watchlists"])
page_router = APIRouter(include_in_schema=False)

StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
WatchName = Annotated[str, Path(min_length=1, max_length=64, description="The watchlist's name.")]

_TYPES: tuple[Any, ...] = (ErrorBody, Watchlist, list[Watchlist], MatchPage)
_SCHEMAS, _COMPONENTS = msgspec.json.schema_components(_TYPES, ref_template="#/components/schemas/{name}")
_SCHEMA = dict(zip(_TYPES, _SCHEMAS, strict=True))
_ERRORS = {
    401: "No bearer token",
    403: "Writes are off, or the token is wrong",
    404: "No such watchlist",
    409: "A watchlist of that name exists",
    422: "Invalid parameters or body",
    503: "The store cannot be read",
}


def components() -> dict[str, Any]:
    """The named schemas the watchlist routes' responses refer to (merged into the OpenAPI)."""
    return dict(_COMPONENTS)


def _ok(tp: Any, description: str, *errors: int, status: int = 200) -> dict[str, Any]:
    responses: dict[int | str, dict[str, Any]] = {}
    if tp is None:
        responses[status] = {"description": description}
    else:
        responses[status] = {
            "description": description,
            "content": {"application/json": {"schema": _SCHEMA[tp]}},
        }
    for code in errors:
        responses[code] = {
            "description": _ERRORS[code],
            "content": {"application/json": {"schema": _SCHEMA[ErrorBody]}},
        }
    return {"response_model": None, "response_class": JSON, "responses": responses, "status_code": status}


def _missing(name: str) -> ApiError:
    return ApiError(404, "watchlist_not_found", f"no watchlist called {name!r}")


# -- API --------------------------------------------------------------------------------------


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


@api_router.get("", summary="The watchlists", **_ok(list[Watchlist], "By name", 503))
def api_list(store: StoreDep) -> JSON:
    return JSON(list_watchlists(store))


@api_router.post(
    "",
    summary="Create a watchlist (token)",
    dependencies=[Depends(require_token)],
    **_ok(Watchlist, "Created", 401, 403, 409, 422, 503, status=201),
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


@api_router.delete(
    "/{name}",
    summary="Remove a watchlist (token)",
    dependencies=[Depends(require_token)],
    **_ok(None, "Removed", 401, 403, 404, 422, 503, status=204),
)
def api_remove(name: WatchName, store: StoreDep) -> Response:
    """Forgets the watchlist, what it reported and its pending alerts."""
    try:
        remove_watchlist(store, name)
    except WatchlistError as exc:
        raise _missing(name) from exc
    return Response(status_code=204)


@api_router.get(
    "/{name}/matches",
    summary="A watchlist's current matches",
    **_ok(MatchPage, "Newest first", 404, 422, 503),
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


# -- pages ------------------------------------------------------------------------------------

_CSRF_COOKIE = "warta_csrf_watch"
_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    # The forms' posts carry this server's Origin (under no-referrer it would be "null").
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def _csrf(request: Request) -> str:
    token = request.cookies.get(_CSRF_COOKIE, "")
    return token if len(token) == 32 and token.isalnum() else secrets.token_hex(16)


def _page(request: Request, name: str, context: dict[str, Any], *, status_code: int = 200) -> HTMLResponse:
    token = _csrf(request)
    response = templates.TemplateResponse(request, name, {**context, "csrf": token}, status_code=status_code)
    response.headers.update(_HEADERS)
    response.set_cookie(_CSRF_COOKIE, token, httponly=True, samesite="strict", path="/watchlists")
    return response


def _refusal(request: Request, settings: Settings, token: str, csrf: str) -> str | None:
    """Why a write from a form is refused (None: allowed): a cross-site post, an expired form,
    writes off, a wrong token."""
    cookie = request.cookies.get(_CSRF_COOKIE, "")
    if not _same_origin(request) or not cookie or not hmac.compare_digest(cookie, csrf):
        return "the form has expired or was sent from another site; send it once more"
    if not settings.api_token:
        return "writes are off: no api_token is configured on the server"
    if not token or not hmac.compare_digest(token.encode("utf-8"), settings.api_token.encode("utf-8")):
        return "the write token is not valid"
    return None


def _list_page(
    request: Request, store: Store, *, errors: list[str], form: dict[str, str], status_code: int = 200
) -> HTMLResponse:
    return _page(
        request,
        "watchlists.html",
        {
            "title": "Watchlists",
            "watchlists": list_watchlists(store),
            "kinds": list(KINDS),
            "errors": errors,
            "form": form,
        },
        status_code=status_code,
    )


_EMPTY_FORM = {"name": "", "kind": "speaker", "value": "", "date_from": "", "date_to": "", "outlet": ""}


@page_router.get("/watchlists", response_class=HTMLResponse)
def watchlists_page(request: Request, store: StoreDep) -> HTMLResponse:
    return _list_page(request, store, errors=[], form=dict(_EMPTY_FORM))


@page_router.post("/watchlists", response_class=HTMLResponse, response_model=None)
async def create_from_form(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    name: Annotated[str, Form(max_length=200)] = "",
    kind: Annotated[str, Form(max_length=20)] = "",
    value: Annotated[str, Form(max_length=1000)] = "",
    date_from: Annotated[str, Form(max_length=40)] = "",
    date_to: Annotated[str, Form(max_length=40)] = "",
    outlet: Annotated[str, Form(max_length=1000)] = "",
    token: Annotated[str, Form(max_length=1000)] = "",
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    form = {
        "name": name,
        "kind": kind,
        "value": value,
        "date_from": date_from,
        "date_to": date_to,
        "outlet": outlet,
    }
    refused = _refusal(request, settings, token, csrf)
    if refused:
        return await run_in_threadpool(
            _list_page, request, store, errors=[refused], form=form, status_code=403
        )
    try:
        spec = make_spec(name, kind, value, date_from=date_from, date_to=date_to, outlet=outlet)
        await run_in_threadpool(add_watchlist, store, spec)
    except WatchlistError as exc:
        return await run_in_threadpool(
            _list_page, request, store, errors=[exc.message], form=form, status_code=422
        )
    return RedirectResponse(f"/watchlists/{spec.name}", status_code=303)


def _detail(
    request: Request, store: Store, name: str, *, errors: list[str], status_code: int = 200
) -> HTMLResponse:
    try:
        watch = get_watchlist(store, name)
        found = found_items(store, name, limit=50)
        matches: MatchPage | None = live_matches(store, name, limit=20)
    except WatchlistError:
        response = templates.TemplateResponse(
            request,
            "notfound.html",
            {"title": "Not found", "what": f"a watchlist called {name!r}"},
            status_code=404,
        )
        response.headers.update(_HEADERS)
        return response
    except StorageError as exc:  # a text query the index cannot run
        matches = None
        errors = [*errors, exc.message]
    return _page(
        request,
        "watchlist.html",
        {
            "title": f"Watchlist {watch.name}",
            "w": watch,
            "found": found,
            "matches": matches,
            "errors": errors,
        },
        status_code=status_code,
    )


@page_router.get("/watchlists/{name}", response_class=HTMLResponse)
def watchlist_page(request: Request, name: str, store: StoreDep) -> HTMLResponse:
    return _detail(request, store, name, errors=[])


@page_router.post("/watchlists/{name}/seen", response_class=HTMLResponse, response_model=None)
async def seen_from_form(
    request: Request,
    name: str,
    store: StoreDep,
    settings: SettingsDep,
    token: Annotated[str, Form(max_length=1000)] = "",
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    refused = _refusal(request, settings, token, csrf)
    if refused:
        return await run_in_threadpool(_detail, request, store, name, errors=[refused], status_code=403)
    try:
        await run_in_threadpool(mark_seen, store, name)
    except WatchlistError:
        return await run_in_threadpool(_detail, request, store, name, errors=[])
    return RedirectResponse(f"/watchlists/{name}", status_code=303)


@page_router.post("/watchlists/{name}/remove", response_class=HTMLResponse, response_model=None)
async def remove_from_form(
    request: Request,
    name: str,
    store: StoreDep,
    settings: SettingsDep,
    token: Annotated[str, Form(max_length=1000)] = "",
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    refused = _refusal(request, settings, token, csrf)
    if refused:
        return await run_in_threadpool(_detail, request, store, name, errors=[refused], status_code=403)
    try:
        await run_in_threadpool(remove_watchlist, store, name)
    except WatchlistError:
        return await run_in_threadpool(_detail, request, store, name, errors=[])
    return RedirectResponse("/watchlists", status_code=303)
