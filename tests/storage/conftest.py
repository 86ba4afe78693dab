"""The ``store`` fixture: a new, empty corpus on each backend the run has.

SQLite always; PostgreSQL when ``WARTA_TEST_POSTGRES`` names a server (a URL of a database
the tests may create databases from, e.g. ``postgresql://postgres@127.0.0.1:54329/postgres``).
``.ci/run`` starts a throwaway server and sets it, so CI runs the storage tests on both.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pghelpers import BACKENDS, postgres_database
from warta.storage import Store


@pytest.fixture(params=BACKENDS)
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a new store goes: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "korpus.db")
        return
    yield from postgres_database()


@pytest.fixture
def store(store_target: str) -> Iterator[Store]:
    """A new, empty corpus on each backend."""
    with Store.open(store_target) as s:
        yield s
