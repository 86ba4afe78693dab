"""Engines run the same steps on one process, a pool of worker processes, or a Dask cluster."""

from __future__ import annotations

from typing import Literal

from warta.budget import Budget
from warta.engines.base import Engine
from warta.engines.dask import DaskEngine
from warta.engines.local import LocalEngine

__all__ = ["DaskEngine", "Engine", "EngineKind", "LocalEngine", "make_engine"]

EngineKind = Literal["local", "dask"]


def make_engine(
    kind: EngineKind = "local",
    *,
    workers: int = 1,
    scheduler: str | None = None,
    budget: Budget | None = None,
) -> Engine:
    """The engine ``warta analyze --engine`` names.

    Args:
        kind: ``local`` (this process, or a pool when ``workers`` > 1) or ``dask``.
        workers: worker processes (for Dask, of the LocalCluster started when
            ``scheduler`` is None).
        scheduler: ``tcp://HOST:PORT`` of a Dask scheduler; only with ``dask``.
        budget: the time and memory one article may take (see :mod:`warta.budget`).

    Example:
        >>> make_engine("local", workers=1).__class__.__name__
        'LocalEngine'
    """
    if kind == "dask":
        return DaskEngine(scheduler=scheduler, workers=workers, budget=budget)
    if scheduler is not None:
        raise ValueError("a scheduler address needs the dask engine (--engine dask)")
    return LocalEngine(workers=workers, budget=budget)
