"""``warta analyze``."""

from __future__ import annotations

__all__ = ["analyze_cmd"]


def analyze_cmd() -> None:
    """Analyse articles (being built)."""
    raise NotImplementedError
