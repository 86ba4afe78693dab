"""The ``store`` fixture: a new, empty corpus on each backend the run has.

SQLite always; PostgreSQL when ``WARTA_TEST_POSTGRES`` names a server (a URL of a database
the tests may create databases from, e.g. ``postgresql://postgres@127.0.0.1:54329/postgres``).
``.ci/run`` starts a throwaway server and sets it, so CI runs the storage tests on both.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from warta.storage import Store

PG_ENV = "WARTA_TEST_POSTGRES"


def postgres_database() -> Iterator[str]:
    """A fresh PostgreSQL database for one test (dropped after it), as a URL."""
    import sqlalchemy as sa

    server = os.environ[PG_ENV]
    name = f"warta_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(
        server.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.engine.make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a new store goes: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "korpus.db")
        return
    if not os.environ.get(PG_ENV):
        pytest.skip(f"no PostgreSQL server for the tests ({PG_ENV} unset)")
    yield from postgres_database()


@pytest.fixture
def store(store_target: str) -> Iterator[Store]:
    """A new, empty corpus on each backend."""
    with Store.open(store_target) as s:
        yield s
