"""Request dependencies shared by the API and the pages: the store, the settings, the
analysis pool (worker processes started on first use) and the write token check."""

from __future__ import annotations

import hmac

from fastapi import Request

from warta.config import Settings
from warta.storage import Store

from .analysis import AnalysisPool
from .errors import ApiError

__all__ = ["get_analysis", "get_settings", "get_store", "require_token"]


def get_store(request: Request) -> Store:
    """The store the app was built over (opened once, by :func:`create_app`)."""
    store: Store = request.app.state.store
    return store


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_analysis(request: Request) -> AnalysisPool:
    """The app's analysis pool (workers start on the first analysis)."""
    pool: AnalysisPool = request.app.state.analysis
    return pool


def require_token(request: Request) -> None:
    """Allow a write only with ``Authorization: Bearer <settings.api_token>``.

    Raises:
        ApiError: 403 ``writes_disabled`` when no token is configured, 401
            ``missing_token`` without a bearer token, 403 ``invalid_token`` for a wrong one.
    """
    expected = get_settings(request).api_token
    if not expected:
        raise ApiError(
            403, "writes_disabled", "write endpoints are off: no api_token is configured on the server"
        )
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(
            401,
            "missing_token",
            "this endpoint needs 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not hmac.compare_digest(token.strip().encode("utf-8"), expected.encode("utf-8")):
        raise ApiError(403, "invalid_token", "the bearer token is not valid")
