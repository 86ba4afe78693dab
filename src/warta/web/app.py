"""The app factory: ``create_app(settings)`` builds the FastAPI app over one store."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import fastapi_offline
from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from warta import __version__
from warta.budget import Budget
from warta.config import Settings, load_settings, pipeline_specs
from warta.storage import Store

from . import api, errors, pages, watchlists
from .analysis import AnalysisPool
from .pages import CSP

__all__ = ["create_app"]

logger = logging.getLogger("warta.web")

STATIC_DIR = Path(__file__).parent / "static"
# Swagger UI's files, as the fastapi-offline package ships them (no CDN at run time).
DOCS_ASSETS = Path(fastapi_offline.__file__).parent / "static"
_DOCS_PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>warta API</title>'
    '<link rel="icon" href="/static/favicon.svg"><link rel="stylesheet" href="/static/docs/swagger-ui.css">'
    '</head><body><div id="swagger-ui" data-openapi="/api/v1/openapi.json"></div>'
    '<script src="/static/docs/swagger-ui-bundle.js"></script><script src="/static/swagger-init.js"></script>'
    "</body></html>"
)

# Sent with every response: no MIME sniffing, no framing by other sites, no referrer
# leaking a search to other sites.
_SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]


class _SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *((k, v) for k, v in _SECURITY_HEADERS if k not in present),
                ]
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(settings: Settings | None = None, *, store: Store | None = None) -> FastAPI:
    """The warta web app: REST API under ``/api/v1``, dashboard pages under ``/``.

    The store is ``store`` when given (tests), else opened from ``settings.db`` (which
    must exist: the app never creates a corpus); an app that opened its store closes it
    on shutdown.
    The analysis pipeline is built on the first request that needs it, not here.

    Middleware, outermost first: errors to a generic JSON 500, security headers, CORS
    (only when ``settings.cors_origins`` is set), the request body limit
    (``settings.max_request_bytes``).
    """
    settings = settings or load_settings()
    own = store is None
    opened = store if store is not None else Store.open(settings.db, create=False)

    analysis = AnalysisPool(
        list(pipeline_specs(settings)),
        workers=settings.analyze_workers,
        queue=settings.analyze_queue,
        budget=Budget.from_settings(settings),
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        analysis.close()
        if own:
            opened.close()

    app = FastAPI(
        title="warta",
        version=__version__,
        description=(
            "Indonesian news as structured knowledge: who said what, about whom, when.\n\n"
            'Errors are JSON: `{"error": {"code": "...", "message": "..."}}`. Write endpoints need '
            "`Authorization: Bearer <token>` and are off unless the server has an `api_token`."
        ),
        lifespan=lifespan,
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # served below from installed assets, under the CSP
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = opened
    app.state.analysis = analysis
    errors.install(app, pages=pages.render_error)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(watchlists.page_router)
    app.mount("/static/docs", StaticFiles(directory=DOCS_ASSETS), name="docs-assets")
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/api/v1/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        # Swagger UI from the fastapi-offline package's copy, started by our own script file:
        # no CDN, and no inline script, so the page keeps the CSP of the dashboard.
        return HTMLResponse(_DOCS_PAGE, headers={"Content-Security-Policy": CSP})

    app.add_middleware(errors.BodyLimit, limit=settings.max_request_bytes)
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(_SecurityHeaders)
    app.add_middleware(errors.CatchAll)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title, version=app.version, description=app.description, routes=app.routes
            )
            comps = schema.setdefault("components", {}).setdefault("schemas", {})
            comps.update(api.components())
            # Validation errors are answered in the API's error format, not FastAPI's.
            for name in ("HTTPValidationError", "ValidationError"):
                comps.pop(name, None)
            error_schema = {"$ref": "#/components/schemas/ErrorBody"}
            for operations in schema.get("paths", {}).values():
                for operation in operations.values():
                    found = operation.get("responses", {}).get("422")
                    if found is not None:
                        found["content"] = {"application/json": {"schema": error_schema}}
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
