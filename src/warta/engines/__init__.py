"""Engines run the same steps on one process, a pool of worker processes, or a Dask cluster."""

from __future__ import annotations

from warta.engines.base import Engine
from warta.engines.local import LocalEngine

__all__ = ["Engine", "LocalEngine"]
