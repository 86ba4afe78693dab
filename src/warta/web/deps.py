"""Request dependencies shared by the API and the pages: the store, the settings, the
analysis pipeline (built on first use, once per process) and the write token check."""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import Request

from warta.config import Settings
from warta.pipeline import Pipeline
from warta.storage import Store

from .errors import ApiError

__all__ = ["AnalysisService", "get_analysis", "get_settings", "get_store", "require_token"]


def get_store(request: Request) -> Store:
    """The store the app was built over (opened once, by :func:`create_app`)."""
    store: Store = request.app.state.store
    return store


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


class AnalysisService:
    """The pipeline of ``settings.pipeline``, built when first needed (loading its models
    takes seconds), then shared; one analysis runs at a time (the steps keep caches)."""

    def __init__(self, steps: list[str]) -> None:
        self.steps = tuple(steps)
        self._pipeline: Pipeline | None = None
        self._build_lock = threading.Lock()
        self._run_lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._pipeline is not None

    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            with self._build_lock:
                if self._pipeline is None:
                    from warta.api_analyze import build_pipeline

                    self._pipeline = build_pipeline(self.steps)
        return self._pipeline

    @contextmanager
    def running(self) -> Iterator[Pipeline]:
        """The pipeline, held for one analysis."""
        pipe = self.pipeline()
        with self._run_lock:
            yield pipe


def get_analysis(request: Request) -> AnalysisService:
    service: AnalysisService = request.app.state.analysis
    return service


def require_token(request: Request) -> None:
    """Allow a write only with ``Authorization: Bearer <settings.api_token>``.

    Raises:
        ApiError: 403 ``writes_disabled`` when no token is configured, 401
            ``missing_token`` without a bearer token, 403 ``invalid_token`` for a wrong one.
    """
    expected = get_settings(request).api_token
    if not expected:
        raise ApiError(403, "writes_disabled", "write endpoints are off: no api_token is configured on the server")
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "missing_token", "this endpoint needs 'Authorization: Bearer <token>'",
                       headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(token.strip().encode("utf-8"), expected.encode("utf-8")):
        raise ApiError(403, "invalid_token", "the bearer token is not valid")
