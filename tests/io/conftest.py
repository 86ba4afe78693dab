"""Fixtures for the reader tests: settings and small file builders.

Every fixture file is written into ``tmp_path`` by the test that needs it, with
short Indonesian news-like text written for these tests.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pytest

from warta.config import Settings, load_settings


@pytest.fixture
def settings() -> Settings:
    """The shipped defaults (defaults.toml), as users get them."""
    return load_settings()


@pytest.fixture
def small_settings() -> Callable[[int], Settings]:
    """Settings with a small ``max_input_bytes``."""

    def make(limit: int) -> Settings:
        return load_settings(max_input_bytes=limit)

    return make


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write a file under tmp_path (gzip-compressed when its name ends in .gz)."""

    def make(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
        return path

    return make
