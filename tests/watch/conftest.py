"""The collector's fixtures: the invented news site, a sources file for it, a store per backend."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from newssite import NewsSite
from watchhelpers import sources_toml


@pytest.fixture
def site() -> Iterator[NewsSite]:
    s = NewsSite().start()
    try:
        yield s
    finally:
        s.stop()


@pytest.fixture
def sources_file(site: NewsSite, tmp_path: Path) -> Path:
    p = tmp_path / "sources.toml"
    p.write_text(sources_toml(site), encoding="utf-8")
    return p


@pytest.fixture
def db(store_target: str) -> str:
    """A new store on each backend (tests/conftest.py): a SQLite file, or a new PostgreSQL database."""
    return store_target
