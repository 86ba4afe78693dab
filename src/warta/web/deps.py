"""Request dependencies shared by the API and the pages: the store and the settings."""

from __future__ import annotations

from fastapi import Request

from warta.config import Settings
from warta.storage import Store

__all__ = ["get_settings", "get_store"]


def get_store(request: Request) -> Store:
    """The store the app was built over (opened once, by :func:`create_app`)."""
    store: Store = request.app.state.store
    return store


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings
