"""The collector's fixtures: the invented news site, a sources file for it, a store per backend."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from newssite import NewsSite
from watchhelpers import sources_toml

from pghelpers import BACKENDS, postgres_database


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


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new store on each backend: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "korpus.db")
        return
    yield from postgres_database()
