"""Watchlists on the dashboard (their API is :mod:`warta.web.api.watchlists`).

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
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from warta.config import Settings
from warta.errors import StorageError, WatchlistError
from warta.storage import Store
from warta.storage.watchlists import (
    KINDS,
    MatchPage,
    add_watchlist,
    found_items,
    get_watchlist,
    list_watchlists,
    live_matches,
    make_spec,
    mark_seen,
    remove_watchlist,
    update_watchlist,
)

from .deps import get_settings, get_store
from .pages import CSP, _same_origin, templates

__all__ = ["page_router"]

page_router = APIRouter(include_in_schema=False)

StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
WatchName = Annotated[str, Path(min_length=1, max_length=64, description="The watchlist's name.")]

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


def _definition(
    kind: Annotated[str, Form(max_length=20)] = "",
    value: Annotated[str, Form(max_length=1000)] = "",
    date_from: Annotated[str, Form(max_length=40)] = "",
    date_to: Annotated[str, Form(max_length=40)] = "",
    outlet: Annotated[str, Form(max_length=1000)] = "",
) -> dict[str, str]:
    """A watchlist's definition as the create and change forms post it."""
    return {"kind": kind, "value": value, "date_from": date_from, "date_to": date_to, "outlet": outlet}


DefinitionForm = Annotated[dict[str, str], Depends(_definition)]


@page_router.post("/watchlists", response_class=HTMLResponse, response_model=None)
async def create_from_form(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    definition: DefinitionForm,
    name: Annotated[str, Form(max_length=200)] = "",
    token: Annotated[str, Form(max_length=1000)] = "",
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    form = {"name": name, **definition}
    refused = _refusal(request, settings, token, csrf)
    if refused:
        return await run_in_threadpool(
            _list_page, request, store, errors=[refused], form=form, status_code=403
        )
    try:
        spec = make_spec(name, **definition)
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
            "kinds": KINDS,
            "found": found,
            "matches": matches,
            "errors": errors,
        },
        status_code=status_code,
    )


@page_router.get("/watchlists/{name}", response_class=HTMLResponse)
def watchlist_page(request: Request, name: str, store: StoreDep) -> HTMLResponse:
    return _detail(request, store, name, errors=[])


async def _act(
    request: Request,
    store: Store,
    settings: Settings,
    name: str,
    token: str,
    csrf: str,
    action: Callable[[Store, str], object],
    then: str,
) -> Response:
    """A write from a watchlist's page: refused without the token (or across sites), else
    done and redirected to ``then``; a watchlist that is gone shows its page (a 404)."""
    refused = _refusal(request, settings, token, csrf)
    if refused:
        return await run_in_threadpool(_detail, request, store, name, errors=[refused], status_code=403)
    try:
        await run_in_threadpool(action, store, name)
    except WatchlistError:
        return await run_in_threadpool(_detail, request, store, name, errors=[])
    return RedirectResponse(then, status_code=303)


@page_router.post("/watchlists/{name}/edit", response_class=HTMLResponse, response_model=None)
async def edit_from_form(
    request: Request,
    name: str,
    store: StoreDep,
    settings: SettingsDep,
    definition: DefinitionForm,
    token: Annotated[str, Form(max_length=1000)] = "",
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    try:
        spec = make_spec(name, **definition)
    except WatchlistError as exc:
        refused = _refusal(request, settings, token, csrf)
        problem = refused or exc.message
        return await run_in_threadpool(
            _detail, request, store, name, errors=[problem], status_code=403 if refused else 422
        )

    def change(store: Store, name: str) -> object:
        return update_watchlist(store, spec)

    return await _act(request, store, settings, name, token, csrf, change, f"/watchlists/{name}")


@page_router.post("/watchlists/{name}/seen", response_class=HTMLResponse, response_model=None)
async def seen_from_form(
    request: Request,
    name: str,
    store: StoreDep,
    settings: SettingsDep,
    token: Annotated[str, Form(max_length=1000)] = "",
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    return await _act(request, store, settings, name, token, csrf, mark_seen, f"/watchlists/{name}")


@page_router.post("/watchlists/{name}/remove", response_class=HTMLResponse, response_model=None)
async def remove_from_form(
    request: Request,
    name: str,
    store: StoreDep,
    settings: SettingsDep,
    token: Annotated[str, Form(max_length=1000)] = "",
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    return await _act(request, store, settings, name, token, csrf, remove_watchlist, "/watchlists")
