"""The app factory: ``create_app(settings)`` builds the FastAPI app over one store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from warta import __version__
from warta.config import Settings, load_settings
from warta.storage import Store

from . import api, pages

__all__ = ["create_app"]

STATIC_DIR = Path(__file__).parent / "static"


def create_app(settings: Settings | None = None, *, store: Store | None = None) -> FastAPI:
    """The warta web app: REST API under ``/api/v1``, dashboard pages under ``/``.

    The store is ``store`` when given (tests), else opened from ``settings.db``; an app
    that opened its store closes it on shutdown.
    """
    settings = settings or load_settings()
    own = store is None
    opened = store if store is not None else Store.open(settings.db, create=False)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if own:
            opened.close()

    app = FastAPI(
        title="warta",
        version=__version__,
        description="Indonesian news as structured knowledge: who said what, about whom, when.",
        lifespan=lifespan,
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = opened
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
