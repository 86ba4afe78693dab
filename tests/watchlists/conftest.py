"""The watchlist tests' ``store``: a new, empty corpus on each backend the run has (SQLite,
and PostgreSQL when ``WARTA_TEST_POSTGRES`` names a server)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pghelpers import BACKENDS, postgres_database
from warta.storage import Store


@pytest.fixture(params=BACKENDS)
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "korpus.db")
        return
    yield from postgres_database()


@pytest.fixture
def store(store_target: str) -> Iterator[Store]:
    with Store.open(store_target) as s:
        yield s
