"""The REST API, version 1, mounted at ``/api/v1``."""

from __future__ import annotations

from fastapi import APIRouter

__all__ = ["router"]

router = APIRouter(prefix="/api/v1")
