"""``warta bench``: words per second per core for each stage."""

from __future__ import annotations

__all__ = ["bench_cmd"]


def bench_cmd() -> None:
    """Measure throughput (placeholder until the bench module lands)."""
    raise NotImplementedError
